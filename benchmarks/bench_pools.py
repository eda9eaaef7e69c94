"""What the start method of the segment stage's worker pool costs: spawn (workers.py,
every pool of the project) against fork (what segment_pages used before), in one run.

    python benchmarks/bench_pools.py [--dumps 8] [--jobs 2] [--rounds 3]

Generates DUMPS pages (benchmarks/generate.py), then segments them ROUNDS times with
each start method, alternating, each time into a fresh docs folder (no state: every
dump is cut), and prints the median seconds of each, the ratio and the load average.
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_scripts import segment_pages as stage  # noqa: E402
from generate import generate_page  # noqa: E402


def fork_pool(processes: int | None = None) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=processes, mp_context=multiprocessing.get_context("fork"))


def one_run(root: Path, dumps: list[Path], jobs: int, name: str) -> float:
    out = Path(tempfile.mkdtemp(dir=root, prefix=f"{name}-"))
    start = time.perf_counter()
    stage.segment_pages(dumps, [], out / "docs", out / "reports", root=root, jobs=jobs, quiet=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dumps", type=int, default=8, help="pages (an issue has 8)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    spawn_pool = stage.process_pool
    times: dict[str, list[float]] = {"spawn": [], "fork": []}
    with tempfile.TemporaryDirectory(prefix="bench-pools-") as tmp:
        root = Path(tmp)
        dumps = []
        for n in range(args.dumps):
            dumps.append(root / f"p{n}.txt")
            dumps[-1].write_text(generate_page(n, seed=1), encoding="utf-8")
        for _ in range(args.rounds):
            for name, pool in (("spawn", spawn_pool), ("fork", fork_pool)):
                stage.process_pool = pool
                times[name].append(one_run(root, dumps, args.jobs, name))
    spawn, fork = statistics.median(times["spawn"]), statistics.median(times["fork"])
    print(f"segment {args.dumps} dumps, {args.jobs} processes, median of {args.rounds}:")
    print(f"  fork:  {fork:.2f} s")
    print(f"  spawn: {spawn:.2f} s ({spawn / fork:.2f} x fork, {spawn - fork:+.2f} s)")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
