"""What flushing to disk costs an atomic write (build_scripts/atomic.py), which decides
which writers sync: state records and the memory do, the many rebuildable docs and
staged pages do not.

    python benchmarks/bench_atomic.py [--files 1000] [--size 3000] [--dir DIR]

Writes FILES files of SIZE bytes with ``atomic.write_bytes`` twice in one run, without
and with ``sync``, in a temporary directory (default: under build/, on the disk the
build uses), and prints ms per file, the ratio, and the load average.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from build_scripts import atomic  # noqa: E402


def seconds_per_file(folder: Path, files: int, data: bytes, sync: bool) -> float:
    start = time.perf_counter()
    for n in range(files):
        atomic.write_bytes(folder / f"f{n}.md", data, sync=sync)
    return (time.perf_counter() - start) / files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--size", type=int, default=3000, help="bytes a file (an article is ~3 KB)")
    parser.add_argument("--dir", type=Path, default=Path(__file__).resolve().parents[1] / "build")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    data = b"x" * args.size
    with tempfile.TemporaryDirectory(dir=args.dir, prefix="bench-atomic-") as tmp:
        plain = seconds_per_file(Path(tmp), args.files, data, sync=False)
        synced = seconds_per_file(Path(tmp), args.files, data, sync=True)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{args.files} files of {args.size} bytes in {args.dir}")
    print(f"  no sync: {plain * 1000:.3f} ms a file")
    print(f"  sync:    {synced * 1000:.3f} ms a file ({synced / plain:.1f} x)")
    print(f"load average: {load}")


if __name__ == "__main__":
    main()
