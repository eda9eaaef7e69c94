"""Segmentation throughput: pages per second on one core.

    python benchmarks/bench_segment.py [--pages 400] [--seed 1]
    python benchmarks/bench_segment.py --sizes 1,4,16     # one dump of 1, 4, 16 MB each
    python benchmarks/bench_segment.py --big-dump 5 10 25 50    # the whole command on each size (MB)
    python benchmarks/bench_segment.py --big-dump 50 --shape sample --write

Generates the pages in memory from the samples (benchmarks/generate.py),
then times segment on a single process. With --sizes, the pages are joined into
one big dump per size: seconds per MB must stay flat (linear time).
``--big-dump`` times the whole command instead (``segment --json``, reading and
decoding included) on one dump file of each size; ``--shape sample`` repeats a
sample page (every title many times), ``--shape no-blank-lines`` too with its blank
lines removed; ``--write`` times the writing run (docs, report) instead of --json.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
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
    parser.add_argument("--big-dump", type=float, nargs="+", metavar="MB",
                        help="time the whole `segment` command on one dump file of each size instead")
    parser.add_argument("--shape", choices=SHAPES, default="pages", help="what the big dump holds")
    parser.add_argument("--write", action="store_true", help="time `segment --out` (docs and report), not --json")
    args = parser.parse_args()
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    if args.big_dump:
        return big_dumps(args.big_dump, args.seed, args.shape, args.write)
    is_word("预热")  # load the word list once, outside the timing (it is loaded once per process)
    if args.sizes:
        return time_big_dumps([float(x) for x in args.sizes.split(",")], args.seed, args.shape)
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


SAMPLE = Path(__file__).resolve().parent.parent / "dumps" / "000_8df7ef33810d7782.txt"
SHAPES = {
    "pages": lambda n, seed: generate_page(n, seed) + "\n",
    "sample": lambda n, seed: SAMPLE.read_text(encoding="utf-8"),
    "no-blank-lines": lambda n, seed: SAMPLE.read_text(encoding="utf-8").replace("\n\n", "\n"),
}


def big_text(mb: float, seed: int, shape: str = "pages") -> tuple[str, int]:
    """One dump of at least ``mb`` MB made of pages of ``shape`` end to end (as a whole
    issue pasted into one file), and how many pages it holds."""
    pieces, size = [], 0
    while size < mb * 1e6:
        pieces.append(SHAPES[shape](len(pieces), seed))
        size += len(pieces[-1].encode("utf-8"))
    return "".join(pieces), len(pieces)


def time_big_dumps(sizes_mb: list[float], seed: int, shape: str = "pages") -> None:
    """``segment()`` alone on one big dump per size: the time per MB must not grow with the size."""
    for size in sizes_mb:
        text, _ = big_text(size, seed, shape)
        start = time.perf_counter()
        articles = len(segment(_dump(f"big_{size:g}MB.txt", text)).articles)
        seconds = time.perf_counter() - start
        megabytes = len(text.encode()) / 1e6
        print(f"{megabytes:6.1f} MB, {articles} articles: {seconds:6.2f} s, {seconds / megabytes:.2f} s/MB")


def big_dumps(sizes: list[float], seed: int, shape: str = "pages", write: bool = False) -> None:
    """The whole ``segment`` command (reading, decoding, output) on one dump file per size."""
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as work:
        for mb in sizes:
            path = Path(work) / f"big-{mb:g}MB.txt"
            text, n = big_text(mb, seed, shape)
            path.write_text(text, encoding="utf-8")
            size = len(text.encode("utf-8"))
            start = time.perf_counter()
            how = ["--out", f"{work}/docs", "--reports", f"{work}/reports", "--force"] if write else ["--json"]
            proc = subprocess.run([sys.executable, "-m", "build_scripts", "segment", str(path), *how],
                                  cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  env={**os.environ, "PYTHONPATH": str(root)})
            seconds = time.perf_counter() - start
            status = "ok" if proc.returncode == 0 else f"exit {proc.returncode}: {proc.stderr.decode()[-200:]}"
            print(f"{size / 1e6:6.1f} MB ({n} pages of shape {shape} in one dump, "
                  f"{'written' if write else '--json'}): {seconds:7.1f} s, "
                  f"{seconds / (size / 1e6):5.2f} s/MB; {status}", flush=True)


if __name__ == "__main__":
    main()
