"""Page PDF throughput: pages per second on one core, reading alone and reading + segmenting.

    python benchmarks/bench_pdf.py [--pages 40] [--seed 1] [--dir DIR] [--against REF] [--rounds 3]

Typesets ``--pages`` generated newspaper pages (benchmarks/typeset_pages.py: 4–6 columns,
several stories, pictures; the text in a CID font that is not embedded), or reads the PDFs
in ``--dir``, then times ``read_dump`` (pdfium's page and text page, runs → lines → reading
order → paragraphs) and ``segment`` in this one process. Pages per second are given per
PDF file and per PDF page (sheet), by CPU time (the process's own: what one core does,
whatever else the machine runs) and by wall time, with the peak memory of the process and
the machine's load average: wall numbers mean little on a busy machine.

``--against REF`` (a git ref such as ``main``) times that commit's ``build_scripts`` on the
same PDFs in the same run, rounds alternating between the two (each in a fresh process;
the best round of each counts), and prints the ratio.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))


def pdfium_alone(paths: list[Path]) -> float:
    """CPU seconds pdfium takes to load every sheet and its text page, with nothing read from them."""
    import pypdfium2 as pdfium
    cpu = time.process_time()
    for path in paths:
        doc = pdfium.PdfDocument(path.read_bytes())
        for n in range(len(doc)):
            page = doc[n]
            page.get_textpage().close()
            page.close()
        doc.close()
    return time.process_time() - cpu


def measure(paths: list[Path]) -> dict:
    """Read and segment every PDF with the ``build_scripts`` first on sys.path."""
    from build_scripts.ingest import read_dump
    from build_scripts.segment import segment
    from build_scripts.segment.words import is_word
    is_word("预热")   # the word list loads once per process: outside the timing
    read_dump(paths[0])  # pdfium's font set-up happens once per process, too
    wall, cpu = time.perf_counter(), time.process_time()
    dumps = [read_dump(p) for p in paths]
    read_wall, read_cpu = time.perf_counter() - wall, time.process_time() - cpu
    wall, cpu = time.perf_counter(), time.process_time()
    articles = sum(len(segment(d).articles) for d in dumps)
    cut_wall, cut_cpu = time.perf_counter() - wall, time.process_time() - cpu
    pdfium_cpu = pdfium_alone(paths)
    return {"files": len(paths), "sheets": len({(d.path, lay.page) for d in dumps for lay in d.layout.values()}),
            "chars": sum(len(d.text) for d in dumps) / len(dumps), "articles": articles,
            "read_cpu": read_cpu, "read_wall": read_wall, "cut_cpu": cut_cpu, "cut_wall": cut_wall,
            "pdfium_cpu": pdfium_cpu,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def report(m: dict, label: str = "") -> None:
    files, sheets = m["files"], m["sheets"]
    both = m["read_cpu"] + m["cut_cpu"]
    print(f"{label}{files} files ({sheets} PDF pages, {m['chars']:.0f} characters a file), {m['articles']} articles")
    print(f"{label}read    {files / m['read_cpu']:6.1f} files/s {sheets / m['read_cpu']:6.1f} PDF pages/s by CPU "
          f"({1000 * m['read_cpu'] / sheets:.1f} ms a PDF page; wall {sheets / m['read_wall']:.1f} PDF pages/s)")
    print(f"{label}  of which pdfium loading the sheets and their text pages {1000 * m['pdfium_cpu'] / sheets:.1f} ms "
          f"a PDF page ({100 * m['pdfium_cpu'] / m['read_cpu']:.0f}%)")
    print(f"{label}segment {files / m['cut_cpu']:6.1f} files/s by CPU")
    print(f"{label}both    {files / both:6.1f} files/s {sheets / both:6.1f} PDF pages/s on one core by CPU "
          f"(wall {sheets / (m['read_wall'] + m['cut_wall']):.1f}); peak memory {m['peak_mb']:.0f} MB; load {_load()}")


def _checkout(ref: str, into: Path) -> Path:
    """``build_scripts`` as it is at ``ref``, unpacked under ``into``."""
    archive = into / "code.tar"
    with open(archive, "wb") as out:
        subprocess.run(["git", "-C", str(ROOT), "archive", ref, "build_scripts"], stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into / "code", filter="data")
    return into / "code"


def _child(code: Path, folder: Path) -> dict:
    done = subprocess.run([sys.executable, __file__, "--dir", str(folder), "--code", str(code), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def compare(ref: str, folder: Path, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        old_code = _checkout(ref, Path(tmp))
        runs: dict[str, list[dict]] = {ref: [], "this checkout": []}
        for _ in range(rounds):
            runs[ref].append(_child(old_code, folder))
            runs["this checkout"].append(_child(ROOT, folder))
    best = {name: min(ms, key=lambda m: m["read_cpu"] + m["cut_cpu"]) for name, ms in runs.items()}
    for name, m in best.items():
        report(m, f"[{name}] ")
    old, new = (best[k]["read_cpu"] + best[k]["cut_cpu"] for k in (ref, "this checkout"))
    print(f"this checkout / {ref}: {old / new:.2f}× the PDF pages per CPU second "
          f"(best of {rounds} rounds each, alternating); load {_load()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path, help="read these PDFs instead of typesetting pages")
    parser.add_argument("--against", metavar="REF", help="also time this git ref's build_scripts, in turn")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of each with --against (default: 3)")
    parser.add_argument("--code", type=Path, help=argparse.SUPPRESS)   # the build_scripts to time (--against)
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(args.code or ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.dir
        if folder is None:
            from typeset_pages import generated_page
            folder = Path(tmp)
            for n in range(args.pages):
                generated_page(folder / f"page_{n:03d}.pdf", args.seed * 1000 + n)
        if args.against:
            compare(args.against, folder, args.rounds)
            return
        m = measure(sorted(folder.glob("*.pdf")))
        print(json.dumps(m)) if args.json else report(m)


if __name__ == "__main__":
    main()
