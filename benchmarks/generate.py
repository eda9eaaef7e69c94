"""Deterministic synthetic page dumps made from the real samples, for benchmarks.

Each generated page is a real sample page with its numbers redrawn and, in
every paragraph, its sentences rotated: the layout problems (column breaks,
displaced headlines, bylines) stay, and no two pages are identical.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "dumps").glob("*.txt"))


def _vary_paragraph(line: str, rng: random.Random) -> str:
    if len(line) < 60 or line.startswith("#"):
        return line
    sentences = re.findall(r"[^。]+。?", line)
    if len(sentences) > 2 and line.endswith("。"):
        k = rng.randrange(1, len(sentences))
        sentences = sentences[k:] + sentences[:k]
    return re.sub(r"\d", lambda _: str(rng.randrange(10)), "".join(sentences))


def generate_page(n: int, seed: int = 1) -> str:
    rng = random.Random(f"{seed}-{n}")
    sample = SAMPLES[n % len(SAMPLES)].read_text(encoding="utf-8")
    return "\n".join(_vary_paragraph(line, rng) for line in sample.split("\n"))


def write_pages(out: Path, count: int, seed: int = 1) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = out / f"page_{n:05d}.txt"
        path.write_text(generate_page(n, seed), encoding="utf-8")
        paths.append(path)
    return paths
