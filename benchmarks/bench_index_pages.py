"""The generated pages of a generated archive (indexes.Generator: home, archive, issue,
page, author and source pages, three languages), this checkout against another revision.

    python benchmarks/bench_index_pages.py [--articles 2000] [--against main] [--rounds 3]

Builds the sample docs (segment + variants offline, as bench_site.py), repeats them
over daily issues up to --articles articles per language, exports the generated-page
code of --against (``git archive``: build_scripts/, overrides/, mkdocs.yml) and, in
alternating fresh processes, times making every generated page's text of the three
languages with each. Imports, pinyin and template loading are warmed up first and not counted:
the time is the pages themselves. Prints the machine's load before and after and the
ratio of the fastest runs.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def time_pages(docs: Path, dumps_root: Path, repeat: int = 5) -> float:
    """Seconds to make the text of every generated page of the three languages, the fastest
    of ``repeat`` runs (child process; on a shared machine the fastest is the least disturbed)."""
    from build_scripts.site import catalog
    from build_scripts.site.indexes import Generator
    from build_scripts.site.labels import DEFAULT_LANG, LANGS
    entries = {lang: catalog.load(docs / lang) for lang in LANGS}
    master = {str(e.rel): e for e in entries[DEFAULT_LANG]}
    Generator(DEFAULT_LANG, entries[DEFAULT_LANG], master, dumps_root).all()      # warm up
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for lang in LANGS:
            pages = [p.text() for p in Generator(lang, entries[lang], master, dumps_root).all()]
        best = min(best, time.perf_counter() - start)
    assert pages
    return best


def _child(src: Path, docs: Path, dumps_root: Path) -> float:
    # run in src: the project (and its overrides/pages/) is found from the working folder
    proc = subprocess.run([sys.executable, __file__, "--child", str(docs), str(dumps_root)], cwd=src,
                          env={**os.environ, "PYTHONPATH": str(src)}, capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)["seconds"]


def _export(rev: str, dest: Path) -> Path:
    archive = dest.with_suffix(".tar")
    subprocess.run(["git", "-C", str(REPO), "archive", "-o", str(archive), rev, "build_scripts", "overrides", "mkdocs.yml"],
                   check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(dest, filter="data")
    return dest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000, help="articles per language")
    parser.add_argument("--against", default="main", help="the revision to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps({"seconds": time_pages(*args.child)}))
        return
    sys.path[:0] = [str(REPO), str(REPO / "benchmarks"), str(REPO / "tests")]
    from bench_site import generate_archive
    from site_sample import make_sample_docs
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sample = make_sample_docs(work / "sample")
        n = generate_archive(sample, work / "big", args.articles)
        other = _export(args.against, work / "against")
        print(f"{n} articles a language; load before {os.getloadavg()}")
        times: dict[str, list[float]] = {args.against: [], "this checkout": []}
        for _ in range(args.rounds):
            for label, src in [(args.against, other), ("this checkout", REPO)]:
                times[label].append(_child(src, work / "big", work / "sample"))
        for label, seconds in times.items():
            print(f"{label:>14}: fastest {min(seconds):.3f} s  (each process's fastest: "
                  f"{', '.join(f'{s:.3f}' for s in seconds)})")
        ratio = min(times["this checkout"]) / min(times[args.against])
        print(f"this checkout / {args.against}: {ratio:.2f}; load after {os.getloadavg()}")


if __name__ == "__main__":
    main()
