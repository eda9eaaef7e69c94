"""Small page PDFs drawn for one layout fact each (reportlab, built-in CID font: nothing embedded).

Coordinates here are reportlab's: points from the bottom-left corner of the sheet.
"""
from __future__ import annotations

import sys
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from segment_helpers import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import typeset_pages  # noqa: E402,F401  (the page typesetter, for whole pages)

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
SIZE = (600.0, 800.0)
BODY, LEADING = 9.0, 12.6
CPL = 20                           # characters a column line holds
COLUMN_WIDTH = CPL * BODY


class Sheet:
    """Draws on one sheet; ``pdf`` writes the file."""

    def __init__(self, c: canvas.Canvas):
        self.c = c

    def text(self, x: float, y: float, text: str, size: float = BODY, bold: bool = False) -> None:
        self.c.saveState()
        t = self.c.beginText(x, y)
        t.setFont(FONT, size)
        if bold:
            self.c.setLineWidth(size / 40)
            t.setTextRenderMode(2)
        t.textOut(text)
        self.c.drawText(t)
        self.c.restoreState()

    def column(self, x: float, top: float, lines: list[str], indent_first: bool = True) -> float:
        """Body lines down a column from ``top``; returns the baseline under the last one."""
        y = top
        for n, line in enumerate(lines):
            self.text(x + (2 * BODY if indent_first and n == 0 else 0), y, line)
            y -= LEADING
        return y

    def rule(self, x0: float, y: float, x1: float) -> None:
        self.c.setLineWidth(0.8)
        self.c.line(x0, y, x1, y)

    def picture(self, x: float, top: float, width: float, height: float) -> None:
        self.c.setLineWidth(0.5)
        self.c.rect(x, top - height, width, height)


def pdf(path: Path, *draws) -> Path:
    """One sheet per drawing function."""
    c = canvas.Canvas(str(path), pagesize=SIZE, invariant=1)
    for draw in draws:
        draw(Sheet(c))
        c.showPage()
    c.save()
    return path


def lines_of(text: str, first_indent: bool = True) -> list[str]:
    """Break text into column lines as a typesetter does (first line two characters short)."""
    out, width = [], CPL - 2 if first_indent else CPL
    while text:
        out.append(text[:width])
        text, width = text[width:], CPL
    return out
