"""Read a page PDF's text layer into a ``Dump`` with layout facts on every line.

    runs.py        pdfium's text objects, picture boxes and rules of each sheet
    lines.py       text runs → printed lines (horizontal, rotated or vertical)
    order.py       lines and pictures → reading order (cuts along gaps and rules)
    paragraphs.py  lines in reading order → paragraphs, joined by geometry, with their facts
    boxfont.py     the font pdfium measures CJK type with that a PDF does not embed
    reader.py      the whole: bytes → ``Dump`` (one dump line per paragraph)
"""
from .reader import is_pdf, read_pdf

__all__ = ["is_pdf", "read_pdf"]
