"""Segmentation throughput: pages per second on one core.

    python benchmarks/bench_segment.py [--pages 400] [--seed 1]

Generates the pages in memory from the samples (benchmarks/generate.py),
then times ingest + segment on a single process.
"""
from __future__ import annotations

import argparse
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
    args = parser.parse_args()
    texts = [generate_page(n, args.seed) for n in range(args.pages)]
    dumps = [Dump(Path(f"page_{n}.txt"), t, "utf-8", hashlib.sha256(t.encode()).hexdigest())
             for n, t in enumerate(texts)]
    is_word("预热")  # load the word list once, outside the timing (it is loaded once per process)
    start = time.perf_counter()
    articles = sum(len(segment(d).articles) for d in dumps)
    seconds = time.perf_counter() - start
    chars = sum(len(t) for t in texts)
    print(f"{args.pages} pages, {articles} articles, {chars / 1e6:.1f} M characters in {seconds:.2f} s: "
          f"{args.pages / seconds:.0f} pages/s on one core")


if __name__ == "__main__":
    main()
