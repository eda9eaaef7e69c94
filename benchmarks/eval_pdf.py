"""Evaluate the segmenter on typeset page PDFs: generated pages, and a corpus's pages typeset.

    python benchmarks/eval_pdf.py [--pages 40] [--seed 1] [--corpus DIR] [--style reportlab|html]
                                  [--work DIR] [--verbose]

- generated: ``--pages`` pages of generated stories (benchmarks/typeset_pages.py), scored
  against what was typeset (title, kicker, subtitle, first and last words of the body);
- corpus (``--corpus``, e.g. ../shared/corpus/rmrb-dev): each page's articles, cut by the
  corpus gold (kicker, title, subtitle, byline, paragraphs, photo credits), typeset as one
  page PDF and scored against that gold, unchanged. The PDFs stay in ``--work`` (default: a
  temporary folder); nothing of the corpus is written anywhere else.

Prints title precision / recall / F1, articles cut exactly right, kicker and subtitle
accuracy, and the pages per second of read + segment on one core, with the load average.
``--style html`` typesets with HTML + CSS columns printed by Chromium (benchmarks/typeset_html.py:
fonts embedded, one glyph per text object) instead of reportlab.
"""
from __future__ import annotations

import argparse
import json
import os
import random
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
from segment_score import Score  # noqa: E402
from typeset_pages import Furniture, Story, generated_story, typeset_page  # noqa: E402


def gold_of(story: Story) -> dict:
    """The corpus gold fields the score reads, for a story we typeset ourselves."""
    body = "".join(story.paragraphs)
    return {"title": story.title, "kicker": story.kicker, "subtitle": story.subtitle,
            "body_first12": body[:12], "body_last12": body[-12:],
            "body_head60": body[:60], "body_tail60": body[-60:]}


def _typesetter(style: str):
    if style == "html":
        from typeset_html import typeset_html_page
        return typeset_html_page
    return typeset_page


def generated_set(work: Path, pages: int, seed: int, style: str) -> list[tuple[Path, list[dict]]]:
    out = []
    for n in range(pages):
        rng = random.Random(seed * 1000 + n)
        stories = [generated_story(rng, k) for k in range(rng.randint(3, 7))]
        path = _typesetter(style)(stories, work / f"gen_{n:03d}.pdf", seed=seed * 1000 + n,
                            furniture=Furniture(page=n % 20 + 1))
        out.append((path, [gold_of(s) for s in stories]))
    return out


def _story_from_gold(article: dict, lines: list[str]) -> Story:
    """One corpus article as a story to typeset: its head from the gold, its lines as paragraphs."""
    first, last = article["lines"]["pages"]
    text = [ln.strip(" \u3000\t") for ln in lines[first - 1:last]]
    head = [article.get(k) for k in ("kicker", "title", "subtitle") if article.get(k)]
    heads = {h.strip() for h in head}
    title_parts = set(article["title"].split(" "))
    body = [t for t in text if t and t not in heads and t not in title_parts]
    credits = {c["text"] for c in article.get("photo_credits") or []}
    byline = None
    if body and article.get("byline") == body[0] and article.get("byline_kind") != "dateline":
        byline = body.pop(0)
    caption = credit = None
    for n, line in enumerate(body):
        if line in credits:
            credit = line
            if n and len(body[n - 1]) <= 60:
                caption = body[n - 1]
            break
    paragraphs = [t for t in body if t not in (caption, credit)]
    if credit and not caption:
        caption, credit = credit, None
    return Story(title=article["title"], paragraphs=paragraphs or [""], kicker=article.get("kicker"),
                 subtitle=article.get("subtitle"), byline=byline, caption=caption, credit=credit)


def corpus_set(corpus: Path, work: Path, style: str) -> list[tuple[Path, list[dict]]]:
    out = []
    for n, gold_path in enumerate(sorted((corpus / "gold").glob("*.json"))):
        gold = json.loads(gold_path.read_text("utf-8"))
        lines = (corpus / "pages" / gold["file"]).read_text("utf-8").split("\n")
        stories = [_story_from_gold(a, lines) for a in gold["articles"]]
        path = _typesetter(style)(stories, work / (Path(gold["file"]).stem + ".pdf"), seed=n + 1,
                            furniture=Furniture(date=gold.get("date") or "", page=int(gold.get("page") or 1),
                                                page_name=gold.get("section") or "要闻"))
        out.append((path, gold["articles"]))
    return out


def evaluate(pages: list[tuple[Path, list[dict]]], name: str, verbose: bool) -> None:
    is_word("预热")   # the word list loads once per process: outside the timing
    score, seconds = Score(), 0.0
    for path, gold in pages:
        start = time.perf_counter()
        seg = segment(read_dump(path))
        seconds += time.perf_counter() - start
        records = [article_record(seg, n) for n in range(len(seg.articles))]
        score.add_page(path.name, gold, records, form="pdf")
    if verbose:
        for line in score.misses:
            print("   ", line)
    load = os.getloadavg()
    print(f"{name}: {len(pages)} pages, title-F1 {score.f1:.3f} P {score.precision:.3f} R {score.recall:.3f}, "
          f"exact {score.both}/{score.gold} ({100 * score.both / max(score.gold, 1):.1f}%), "
          f"kicker {100 * score.share(score.kicker_right):.1f}%, subtitle {100 * score.share(score.subtitle_right):.1f}%; "
          f"{len(pages) / max(seconds, 1e-9):.1f} pages/s read + segment on one core "
          f"(load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=40, help="generated pages (default: 40; 0: none)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", type=Path, help="a corpus folder with pages/ and gold/ to typeset")
    parser.add_argument("--style", choices=("reportlab", "html"), default="reportlab",
                        help="how the pages are typeset (default: reportlab)")
    parser.add_argument("--work", type=Path, help="keep the PDFs here (default: a temporary folder)")
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    if args.corpus and not ((args.corpus / "pages").is_dir() and (args.corpus / "gold").is_dir()):
        print(f"{args.corpus}: no corpus here (pages/ and gold/)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        if args.pages:
            evaluate(generated_set(work, args.pages, args.seed, args.style), f"generated ({args.style})",
                     args.verbose)
        if args.corpus:
            evaluate(corpus_set(args.corpus, work, args.style), f"typeset {args.corpus.name} ({args.style})",
                     args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
