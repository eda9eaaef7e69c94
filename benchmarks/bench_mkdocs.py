"""CPU of the MkDocs stage alone, per 1,000 pages, this code against another copy of it.

    python benchmarks/bench_mkdocs.py [WORK] [--against ROOT] [--rounds 3] [--lang zh-Hans]

WORK is a folder benchmarks/bench_archive.py made (default build/bench/30: its docs/ and
dumps/). Each code root (this repository, and ROOT: e.g. a checkout of main) stages WORK's
docs into its own folder (WORK/mkdocs-bench/<n>/docs, untimed), then one language's full
MkDocs build runs in a fresh process from each root in turn, ``--rounds`` times,
alternating, so the machine's load falls on both alike. Printed: CPU seconds (user +
system of the build's process) per 1,000 HTML pages of each build, the median of each
root, their ratio, and the load average.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIGS = {"zh-Hans": "mkdocs.yml", "zh-Hant": "config/zh-Hant.yml", "en": "config/en.yml"}

STAGE = """
import sys
from pathlib import Path
from build_scripts.site.staging import stage
work, out = Path(sys.argv[1]), Path(sys.argv[2])
stage(work / "docs", out, dumps_root=work)
"""

BUILD = """
import sys
from build_scripts.site.build import _mkdocs_build
_mkdocs_build(sys.argv[1], sys.argv[2], sys.argv[3], True, None, False)
"""


def run_child(root: Path, code: str, *args: str) -> float:
    """Run ``code`` with ``root``'s package in a new process; its CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "PYTHONPATH": str(root)}
    subprocess.run([sys.executable, "-c", code, *args], cwd=root, env=env, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def html_pages(site: Path) -> int:
    return sum(name.endswith(".html") for _, _, names in os.walk(site) for name in names)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("work", nargs="?", type=Path, default=ROOT / "build" / "bench" / "30")
    parser.add_argument("--against", type=Path, help="another copy of the repository (its code and templates)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--lang", default="zh-Hans", choices=sorted(CONFIGS))
    args = parser.parse_args()
    work = args.work.resolve()
    if not (work / "docs").is_dir():
        print(f"{work}: no docs/ (run benchmarks/bench_archive.py first)", file=sys.stderr)
        return 2
    roots = [ROOT] + ([args.against.resolve()] if args.against else [])
    bench = work / "mkdocs-bench"
    for n, root in enumerate(roots):
        run_child(root, STAGE, str(work), str(bench / str(n) / "docs"))
    per_1000: dict[int, list[float]] = {n: [] for n in range(len(roots))}
    for _ in range(args.rounds):
        for n, root in enumerate(roots):
            site = bench / str(n) / "site"
            shutil.rmtree(site, ignore_errors=True)
            cpu = run_child(root, BUILD, CONFIGS[args.lang], str(bench / str(n) / "docs" / args.lang), str(site))
            pages = html_pages(site)
            per_1000[n].append(cpu * 1000 / pages)
            print(f"  {root}: {args.lang} {pages} pages, {cpu:.1f} CPU s, {per_1000[n][-1]:.2f} per 1,000 pages")
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"MkDocs {args.lang}, CPU s per 1,000 pages, median of {args.rounds} (load average {load})")
    for n, root in enumerate(roots):
        print(f"  {root}: {statistics.median(per_1000[n]):.2f}")
    if len(roots) == 2:
        print(f"  ratio this / against: {statistics.median(per_1000[0]) / statistics.median(per_1000[1]):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
