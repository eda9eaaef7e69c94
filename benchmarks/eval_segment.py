"""Evaluate the segmenter on real pages with per-article gold, clean and damaged.

    python benchmarks/eval_segment.py [CORPUS_DIR] [--sets clean,flat,blank,wrapped,damaged]
                                      [--seed 1] [--verbose] [--work DIR]

CORPUS_DIR defaults to ``../shared/corpus/rmrb-dev`` beside the checkout (a corpus folder with
``pages/`` and ``gold/``; see its README). Nothing here is part of the test suite: without the
corpus the command says so and exits.

Sets: ``clean`` is the corpus as given; ``flat``, ``blank`` and ``wrapped`` are the same pages in
another layout style (no indents; blank lines between paragraphs; hard-wrapped lines), with no
other change; ``damaged`` adds what page PDFs do to the text (benchmarks/damage_pages.py: cut
paragraphs, interleaved and displaced headlines, sentence tails at the top) over all four styles.

For each set it prints title precision / recall / F1, how many matched articles start and end
right, how many gold articles are cut exactly right, kicker and subtitle accuracy, for damaged
pages how many cuts were joined again, and the segmenter's speed.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from build_scripts.ingest import read_dump  # noqa: E402
from build_scripts.report import article_record  # noqa: E402
from build_scripts.segment import segment  # noqa: E402
from build_scripts.segment.words import is_word  # noqa: E402
from damage_pages import damage_corpus  # noqa: E402
from segment_score import Score, fold  # noqa: E402

SETS = ("clean", "flat", "blank", "wrapped", "damaged")


def segment_folder(folder: Path) -> tuple[dict[str, list[dict]], float]:
    """Articles as ``segment --json`` gives them, per page file name; and the seconds it took."""
    is_word("预热")  # load the word list outside the timing: a process loads it once
    records, seconds = {}, 0.0
    for path in sorted((folder / "pages").glob("*.txt")):
        dump = read_dump(path)
        start = time.perf_counter()
        seg = segment(dump)
        seconds += time.perf_counter() - start
        records[path.name] = [article_record(seg, n) for n in range(len(seg.articles))]
    return records, seconds


def unjoined(cuts: list[dict], articles: list[dict]) -> list[dict]:
    """Cuts whose two halves do not stand together again in one article's body.

    A cut inside a first paragraph's opening credit (``本报某地某日电 （记者某）``) is joined
    when the credit, as the article prints it, runs on into the body: the segmenter files
    that credit under ``byline``, so the body alone never holds both halves.
    """
    bodies = [fold(a.get("byline")) + fold(a.get("body")) for a in articles] + \
        [fold(a.get("body")) for a in articles]
    return [c for c in cuts if not any(fold(c["left"]) + fold(c["right"]) in b for b in bodies)]


def evaluate(folder: Path, name: str, verbose: bool) -> dict:
    records, seconds = segment_folder(folder)
    score = Score()
    cuts = joined = 0
    kinds: collections.Counter = collections.Counter()
    missed_cuts: list[str] = []
    for gold_path in sorted((folder / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text("utf-8"))
        predicted = records.get(gold["file"], [])
        score.add_page(gold["file"], gold["articles"], predicted)
        cut_path = folder / "cuts" / gold_path.name
        if cut_path.exists():
            page_cuts = json.loads(cut_path.read_text("utf-8"))
            cuts += len(page_cuts)
            left_apart = unjoined(page_cuts, predicted)
            joined += len(page_cuts) - len(left_apart)
            missed_cuts += [f"{gold['file']}: {c['kind']} cut in article {c['article']} not joined"
                            for c in left_apart]
            kinds.update(c["kind"] for c in page_cuts)
    if verbose:
        print(f"--- {name}: misses")
        for line in score.misses + missed_cuts:
            print("   ", line)
    return {"set": name, "pages": len(records), "score": score, "cuts": cuts, "joined": joined,
            "seconds": seconds, "kinds": dict(kinds)}


def print_table(rows: list[dict]) -> None:
    print(f"{'set':<9} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6} {'bounds':>9} {'exact':>13} "
          f"{'kicker':>7} {'subtitle':>8} {'cuts joined':>12} {'pages/s':>8}")
    for row in rows:
        s = row["score"]
        cuts = f"{row['joined']}/{row['cuts']}" if row["cuts"] else "-"
        print(f"{row['set']:<9} {row['pages']:>5} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} "
              f"{s.both:>4}/{s.matched:<4} {s.both:>4}/{s.gold:<3} {100 * s.both / max(s.gold, 1):>4.1f}% "
              f"{100 * s.share(s.kicker_right):>6.1f}% {100 * s.share(s.subtitle_right):>7.1f}% "
              f"{cuts:>12} {row['pages'] / max(row['seconds'], 1e-9):>8.0f}")
    for row in rows:
        s = row["score"]
        print(f"TOTAL {row['set']} title-F1 {s.f1:.3f} P {s.precision:.3f} R {s.recall:.3f} "
              f"boundaries {s.both}/{s.matched} exact {s.both}/{s.gold}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=HERE.parent.parent / "shared/corpus/rmrb-dev")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated (default: all)")
    parser.add_argument("--seed", type=int, default=1, help="damage seed (default: 1)")
    parser.add_argument("--work", type=Path, help="keep the made pages here (default: a temporary folder)")
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    if not (args.corpus / "pages").is_dir() or not (args.corpus / "gold").is_dir():
        print(f"{args.corpus}: no evaluation corpus here (pages/ and gold/); nothing to evaluate", file=sys.stderr)
        return 2
    sets = [s for s in args.sets.split(",") if s]
    unknown = set(sets) - set(SETS)
    if unknown:
        print(f"unknown set(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        rows = []
        for name in sets:
            if name == "clean":
                folder = args.corpus
            else:
                folder = work / name
                style = "mixed" if name == "damaged" else name
                damage_corpus(args.corpus, folder, args.seed, style, content=name == "damaged")
            rows.append(evaluate(folder, name, args.verbose))
    load = os.getloadavg()
    print(f"corpus {args.corpus}; damage seed {args.seed}; load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
