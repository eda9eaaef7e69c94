"""Segmentation throughput: pages per second on one core.

    python benchmarks/bench_segment.py [--pages 400] [--seed 1]
    python benchmarks/bench_segment.py --sizes 1,4,16     # one dump of 1, 4, 16 MB each

Generates the pages in memory from the samples (benchmarks/generate.py),
then times segment on a single process. With --sizes, the pages are joined into
one big dump per size: seconds per MB must stay flat (linear time).
"""
from __future__ import annotations

import argparse
import os
import hashlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_scripts.model import Dump  # noqa: E402
from build_scripts.segment import segment  # noqa: E402
from build_scripts.segment.words import is_word  # noqa: E402
from generate import generate_page  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sizes", help="comma-separated dump sizes in MB for the linearity check")
    args = parser.parse_args()
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    is_word("预热")  # load the word list once, outside the timing (it is loaded once per process)
    if args.sizes:
        return time_big_dumps([float(x) for x in args.sizes.split(",")], args.seed)
    texts = [generate_page(n, args.seed) for n in range(args.pages)]
    dumps = [_dump(f"page_{n}.txt", t) for n, t in enumerate(texts)]
    start = time.perf_counter()
    articles = sum(len(segment(d).articles) for d in dumps)
    seconds = time.perf_counter() - start
    chars = sum(len(t) for t in texts)
    print(f"{args.pages} pages, {articles} articles, {chars / 1e6:.1f} M characters in {seconds:.2f} s: "
          f"{args.pages / seconds:.0f} pages/s on one core")


def _dump(name: str, text: str) -> Dump:
    return Dump(Path(name), text, "utf-8", hashlib.sha256(text.encode()).hexdigest())


def time_big_dumps(sizes_mb: list[float], seed: int) -> None:
    """One dump per size, made of generated pages end to end (as a whole issue
    pasted into one file): the time per MB must not grow with the size."""
    pages: list[str] = []
    for size in sizes_mb:
        while sum(len(p.encode()) for p in pages) < size * 1e6:
            pages.append(generate_page(len(pages), seed))
        text = "\n\n".join(pages)
        start = time.perf_counter()
        articles = len(segment(_dump(f"big_{size:g}MB.txt", text)).articles)
        seconds = time.perf_counter() - start
        megabytes = len(text.encode()) / 1e6
        print(f"{megabytes:6.1f} MB, {articles} articles: {seconds:6.2f} s, {seconds / megabytes:.2f} s/MB")


if __name__ == "__main__":
    main()
