"""Page PDF throughput: pages per second on one core, reading alone and reading + segmenting.

    python benchmarks/bench_pdf.py [--pages 40] [--seed 1] [--dir DIR]

Typesets ``--pages`` generated newspaper pages (benchmarks/typeset_pages.py: 4–6 columns,
several stories, pictures; the text in a CID font that is not embedded), or reads the PDFs
in ``--dir``, then times ``read_dump`` (pdfium's page and text page, runs → lines → reading
order → paragraphs) and ``segment`` in this one process. Prints the machine's load average:
the numbers mean little on a busy machine.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from build_scripts.ingest import read_dump  # noqa: E402
from build_scripts.segment import segment  # noqa: E402
from build_scripts.segment.words import is_word  # noqa: E402
from typeset_pages import generated_page  # noqa: E402


def measure(paths: list[Path]) -> None:
    is_word("预热")   # the word list loads once per process: outside the timing
    read_dump(paths[0])  # pdfium's font set-up happens once per process, too
    start = time.perf_counter()
    dumps = [read_dump(p) for p in paths]
    read = time.perf_counter() - start
    start = time.perf_counter()
    articles = sum(len(segment(d).articles) for d in dumps)
    cut = time.perf_counter() - start
    chars = sum(len(d.text) for d in dumps) / len(dumps)
    sheets = len({(d.path, lay.page) for d in dumps for lay in d.layout.values()})
    load = os.getloadavg()
    print(f"{len(paths)} pages ({sheets} PDF pages, {chars:.0f} characters a page), {articles} articles")
    print(f"read    {len(paths) / read:6.1f} pages/s ({1000 * read / len(paths):.1f} ms a page)")
    print(f"segment {len(paths) / cut:6.1f} pages/s")
    print(f"both    {len(paths) / (read + cut):6.1f} pages/s on one core; load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path, help="read these PDFs instead of typesetting pages")
    args = parser.parse_args()
    if args.dir:
        measure(sorted(args.dir.glob("*.pdf")))
        return
    with tempfile.TemporaryDirectory() as tmp:
        paths = [generated_page(Path(tmp) / f"page_{n:03d}.pdf", args.seed * 1000 + n) for n in range(args.pages)]
        measure(paths)


if __name__ == "__main__":
    main()
