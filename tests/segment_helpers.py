"""Helpers for the segmenter tests: dumps from strings, and character conservation."""
from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DUMPS = ROOT / "dumps"
sys.path.insert(0, str(ROOT))

from build_scripts.model import Dump  # noqa: E402
from build_scripts.segment import segment  # noqa: E402


def generated_dumps(folder: Path, count: int, seed: int) -> list[Path]:
    """``count`` dumps p0.txt … in ``folder``, from the benchmark's page generator."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate_page
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"p{n}.txt" for n in range(count)]
    for n, path in enumerate(paths):
        path.write_text(generate_page(n, seed=seed), encoding="utf-8")
    return paths


def make_dump(text: str, name: str = "page.txt") -> Dump:
    return Dump(path=Path(name), text=text.replace("\r\n", "\n"), encoding="utf-8", sha256="0" * 64)


def seg(text: str):
    return segment(make_dump(text))


_WIDTH = str.maketrans("\uff0c\uff1a\uff1b\uff01\uff1f\uff08\uff09", ",:;!?()")


def fw(text: str) -> str:
    """The text with ASCII , : ; ! ? ( ) in full width: how Chinese text is expected to read."""
    return text.translate(_FULL)


_FULL = str.maketrans(",:;!?()", "\uff0c\uff1a\uff1b\uff01\uff1f\uff08\uff09")


def canon_chars(text: str) -> collections.Counter:
    """Characters up to punctuation width and white space: what conservation compares."""
    return collections.Counter(ch for ch in text.translate(_WIDTH) if not ch.isspace())


def dump_chars(text: str) -> collections.Counter:
    without_marks = "\n".join(re.sub(r"^\s*#{1,6}\s+", "", line) for line in text.split("\n"))
    return canon_chars(without_marks)


def output_chars(result) -> collections.Counter:
    pieces = []
    for a in result.articles:
        pieces += [a.title, a.kicker or "", a.subtitle or "", *a.captions]
        pieces += [b.text for b in a.body]
        pieces.append(a.byline or "")  # the dateline is derived from the byline, not extra text
    pieces += [b.text for b in result.furniture]
    return canon_chars("".join(pieces))
