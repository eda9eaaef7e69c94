"""A sharded build against one build of the same generated archive, from scratch each time.

    python benchmarks/bench_shards.py --issues 8 --start 2024-12-28 [--rounds 2] [--work DIR]

In WORK (default build/bench-shards/) a copy of the project gets N generated issues
(benchmarks/archive.py) in place of the sample dumps. Each round builds them, alternating
which goes first: one `build --offline`, and one `shard YEAR --offline` per year followed by
`merge`, every folder emptied first (cold builds). The shards run one after another here;
on CI each has a runner of its own, so the sharded wall time is the slowest shard plus the
merge ("critical path"). Prints seconds and the load average (2 cores are shared: compare
the ratios of one run, not runs of different days).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

import archive  # noqa: E402

GENERATED = ("build", "site", "docs/zh-Hans", "docs/zh-Hant", "docs/en")


def copy_project(dest: Path) -> Path:
    """The project's files as git lists them, without the sample dumps (the archive replaces them)."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO,
                            capture_output=True, text=True, check=True).stdout.split("\0")
    for rel in listed:
        if rel and (REPO / rel).is_file() and not (rel.startswith("dumps/") and rel.endswith(".txt")):
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / rel, dest / rel)
    return dest


def cli(tree: Path, *args: str) -> float:
    """Seconds of one ``python -m build_scripts ARGS`` run in ``tree``."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"SITE_SIZE_LIMIT": "0"}
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "build_scripts", *args], cwd=tree, env=env,
                          capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"{' '.join(args)} failed:\n{proc.stderr[-2000:]}")
    return time.perf_counter() - start


def one_build(tree: Path) -> float:
    for rel in GENERATED:
        shutil.rmtree(tree / rel, ignore_errors=True)
    return cli(tree, "build", "--offline")


def sharded_build(tree: Path, shards: Path, years: list[str]) -> dict:
    shutil.rmtree(shards, ignore_errors=True)
    shutil.rmtree(tree / "build" / "merge", ignore_errors=True)
    times = {year: cli(tree, "shard", year, "--offline", "--out", str(shards / year)) for year in years}
    merge = cli(tree, "merge", *(str(shards / year) for year in years), "--out", str(shards.parent / "merged"))
    return {"shards": times, "merge": merge}


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--issues", type=int, default=8)
    parser.add_argument("--start", type=dt.date.fromisoformat, default=dt.date(2024, 12, 28))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--work", type=Path, default=REPO / "build" / "bench-shards")
    args = parser.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    tree = copy_project(args.work / "project")
    archive.write_archive(tree, args.issues, seed=args.seed, start=args.start)
    listed = subprocess.run([sys.executable, "-m", "build_scripts", "shard", "--list"], cwd=tree,
                            capture_output=True, text=True, check=True).stdout
    years = [shard["name"] for shard in json.loads(listed)]
    print(f"{args.issues} issues from {args.start} ({len(years)} shards: {', '.join(years)}); load {load()}")
    rows = []
    for n in range(args.rounds):
        single = sharded = None
        for which in (("one", "sharded") if n % 2 == 0 else ("sharded", "one")):
            if which == "one":
                single = one_build(tree)
            else:
                sharded = sharded_build(tree, args.work / "shards", years)
        slowest = max(sharded["shards"].values())
        rows.append((single, sharded, slowest + sharded["merge"]))
        print(f"round {n + 1}: one build {single:.1f} s; shards "
              + ", ".join(f"{y} {s:.1f} s" for y, s in sharded["shards"].items())
              + f"; merge {sharded['merge']:.1f} s; critical path (slowest shard + merge) "
              f"{slowest + sharded['merge']:.1f} s = {(slowest + sharded['merge']) / single:.2f} of one build; "
              f"all shards + merge on one machine {sum(sharded['shards'].values()) + sharded['merge']:.1f} s; "
              f"load {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
