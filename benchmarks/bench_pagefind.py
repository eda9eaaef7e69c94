"""CPU of the search-index stage (build_scripts/site/search.py: index_site) on a built archive.

    python benchmarks/bench_pagefind.py --work DIR [--against REV] [--rounds 2] [--langs zh-Hans,zh-Hant,en]

DIR is a work folder of ``benchmarks/bench_archive.py`` (its build/docs and site). Each round
indexes every language from scratch (no bundle or state kept) into a scratch copy of the
site's language roots, one Pagefind run at a time, in a child process, and prints that
process tree's CPU seconds (user + system: our Python and the Pagefind binary), per indexed
page, with the load average. ``--against REV`` indexes with the code of another commit too
(a temporary ``git worktree`` of REV), alternating with this tree round by round, and prints
the ratios: the machine is shared and noisy, so compare within one run.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from build_scripts.site.search import Indexer, article_pages
site, work, docs, langs = Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]), sys.argv[5].split(",")
indexer = Indexer(site, work, parallel=1, docs=docs)
for lang in langs:
    indexer.add_language(lang, article_pages(docs / lang))
out = indexer.finish()
print(json.dumps(out.counts))
"""


def _cpu_children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def index_once(code: Path, docs: Path, langs: list[str], scratch: Path) -> tuple[float, float, dict]:
    """CPU and wall seconds of indexing ``langs`` with the code at ``code``, and pages per language."""
    shutil.rmtree(scratch, ignore_errors=True)
    (scratch / "site").mkdir(parents=True)
    before, start = _cpu_children(), time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _CHILD, str(code), str(scratch / "site"), str(scratch / "work"),
                           str(docs), ",".join(langs)], capture_output=True, text=True, cwd=code)
    wall, cpu = time.perf_counter() - start, _cpu_children() - before
    if done.returncode != 0:
        sys.exit(f"indexing with {code} failed:\n{done.stderr[-2000:]}")
    return cpu, wall, json.loads(done.stdout.strip().splitlines()[-1])


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, required=True, help="a bench_archive.py work folder")
    ap.add_argument("--against", help="a git revision to compare with, indexed in turn")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--langs", default="zh-Hans,zh-Hant,en")
    args = ap.parse_args(argv)
    docs = args.work / "build" / "docs"
    langs = args.langs.split(",")
    trees = {"this tree": ROOT}
    tmp = Path(tempfile.mkdtemp(prefix="bench-pagefind-"))
    try:
        if args.against:
            other = tmp / "against"
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(other), args.against],
                           check=True, capture_output=True)
            trees[args.against] = other
        print(f"search index stage: {docs}, {args.langs}, {args.rounds} round(s); load average {_load()}")
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in trees}
        pages = 0
        for r in range(args.rounds):
            for name, code in trees.items():
                cpu, wall, counts = index_once(code, docs, langs, tmp / "scratch")
                pages = sum(counts.values())
                results[name].append((cpu, wall))
                print(f"  round {r + 1} {name:>12}: CPU {cpu:6.2f} s ({cpu * 1000 / pages:.2f} ms per page, "
                      f"{pages} pages), wall {wall:6.2f} s; load {_load()}")
        best = {name: min(c for c, _ in rs) for name, rs in results.items()}
        for name, cpu in best.items():
            print(f"  best {name:>12}: CPU {cpu:6.2f} s, {cpu * 1000 / pages:.2f} ms per indexed page")
        if args.against:
            print(f"  ratio this tree / {args.against}: {best['this tree'] / best[args.against]:.2f}")
    finally:
        if args.against:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tmp / "against")],
                           capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
