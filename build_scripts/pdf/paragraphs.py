"""Lines in reading order → paragraphs, joined by geometry, each with its layout facts.

A body line goes on with the paragraph before it when that paragraph's last line filled
its column (ran to the column's right edge) and this line is not indented: in the same
column, in the next column, after a picture or on the next sheet, since reading order
already put them in sequence. Display lines (larger type) join the display line right
above them in the same type (a headline set on two lines). Lines right under a picture,
in smaller or body type, are its caption. Banner, page number and editor credit lines in
the margins stand alone.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import LineLayout
from .lines import Line
from .runs import Box, Sheet

SAME_SIZE = 0.6        # points: sizes closer than this are one type
INDENT = 0.8           # of the type size: a first line set in this far is indented
FULL = 1.2             # of the type size: a line ending this close to the column's edge is full
HANG = 1.2             # of the type size: punctuation may hang this far past the column's edge
MIN_COLUMN_LINES = 2   # full lines that must share a right edge to make a column
HEADER_SHARE, FOOTER_SHARE = 0.15, 0.85   # of the sheet's height: where banner rules stand
STRIP_TYPE = 1.3       # of the body size: larger type in a strip is a headline at the page's top
STRIP = 0.05           # of the sheet's height: the margin strips, where a sheet has no rules
_EDGE_SPACE = " \t\u3000\u00a0"


@dataclass
class Column:
    left: float
    right: float


@dataclass
class Paragraph:
    lines: list[Line]
    kind: str                      # body, display, caption, margin
    column: int | None = None
    indent: bool = False

    @property
    def text(self) -> str:
        return "".join(line.text for line in self.lines).strip(_EDGE_SPACE)


def size_ranks(lines: list[Line]) -> dict[float, int]:
    sizes = sorted({round(line.size * 2) / 2 for line in lines}, reverse=True)
    return {size: n for n, size in enumerate(sizes, start=1)}


def _clusters(lines: list[Line]) -> list[list[Line]]:
    """Lines whose right edges line up (within a point), MIN_COLUMN_LINES or more of them."""
    found, run = [], []
    for line in sorted(lines, key=lambda ln: ln.box.right):
        if run and line.box.right - run[0].box.right > 1.0:
            if len(run) >= MIN_COLUMN_LINES:
                found.append(run)
            run = []
        run.append(line)
    if len(run) >= MIN_COLUMN_LINES:
        found.append(run)
    return found


def columns(lines: list[Line], body: float) -> list[Column]:
    """The sheet's body columns: a right edge that full body lines share, and the left edge
    of the flush ones among them (an indented first line stands further in)."""
    text = [ln for ln in lines if abs(ln.size - body) < SAME_SIZE and not ln.vertical]
    cols = []
    for run in _clusters(text):
        right = sum(ln.box.right for ln in run) / len(run)
        cols.append(Column(min(ln.box.left for ln in run), right))
    return sorted(cols + _short_columns(text, cols), key=lambda c: (c.left, c.right))


def _short_columns(text: list[Line], cols: list[Column]) -> list[Column]:
    """Columns too short to show their right edge twice (a story's last column): as wide as
    the page's other columns, from the left edge of their flush lines."""
    if not cols:
        return []
    width = sorted(c.right - c.left for c in cols)[len(cols) // 2]
    loose = sorted((ln for ln in text if column_of(ln, cols) is None), key=lambda ln: ln.box.left)
    found: list[Column] = []
    for ln in loose:
        if found and ln.box.left - found[-1].left <= 4 * ln.size:
            continue
        if ln.box.right <= ln.box.left + width + HANG * ln.size:
            found.append(Column(ln.box.left, ln.box.left + width))
    return found


def column_of(line: Line, cols: list[Column]) -> int | None:
    for n, col in enumerate(cols):
        if col.left - 1.0 <= line.box.left <= col.left + 4 * line.size and line.box.right <= col.right + HANG * line.size:
            return n
    return None


def in_margins(sheet: Sheet, lines: list[Line], body: float) -> set[int]:
    """Lines outside the type area: above the banner's rule, below the footer's, else in the strips."""
    wide = [r for r in sheet.rules if r.width >= 0.6 * sheet.width and r.height <= 3.0]
    top_rules = [r for r in wide if r.bottom <= HEADER_SHARE * sheet.height]
    bottom_rules = [r for r in wide if r.top >= FOOTER_SHARE * sheet.height]
    header = min((r.top for r in top_rules), default=None)
    footer = max((r.bottom for r in bottom_rules), default=None)
    above = [ln for ln in lines if header is not None and ln.box.bottom <= header + 1.0]
    below = [ln for ln in lines if footer is not None and ln.box.top >= footer - 1.0]
    if not above or len(above) > 6:     # no banner rule: small type in the top strip
        above = [ln for ln in lines if ln.box.bottom <= STRIP * sheet.height and ln.size < STRIP_TYPE * body]
    if not below or len(below) > 4 or any(ln.size > body + SAME_SIZE for ln in below):
        below = [ln for ln in lines if ln.box.top >= (1 - STRIP) * sheet.height and ln.size < STRIP_TYPE * body]
    return {id(ln) for ln in above + below}


def under_pictures(sheet: Sheet, lines: list[Line], body: float) -> set[int]:
    """Caption lines: the first line right under a picture box and the lines of its type below it."""
    found: set[int] = set()
    for pic in sheet.pictures:
        below = sorted((ln for ln in lines if ln.box.top >= pic.bottom - 1.0 and not ln.vertical
                        and _overlap(ln.box, pic) >= 0.5 * ln.box.width), key=lambda ln: ln.box.top)
        previous = None
        for ln in below:
            if previous is None:
                if ln.box.top - pic.bottom > 1.8 * ln.size or ln.size > body + SAME_SIZE:
                    break
            elif abs(ln.size - previous.size) >= SAME_SIZE or ln.box.top - previous.box.bottom > 0.8 * ln.size:
                break
            found.add(id(ln))
            previous = ln
    return found


def _overlap(a: Box, b: Box) -> float:
    return max(0.0, min(a.right, b.right) - max(a.left, b.left))


def _same_type(a: Line, b: Line) -> bool:
    return abs(a.size - b.size) < SAME_SIZE and a.bold == b.bold


def _adjacent(above: Line, line: Line) -> bool:
    """``line`` is the next line of the same block of type, right under ``above``."""
    step = line.box.top - above.box.bottom
    return above.sheet == line.sheet and _same_type(above, line) and -0.2 * line.size <= step <= line.size \
        and _overlap(above.box, line.box) > 0


class Assembler:
    """Builds a page's paragraphs from its lines, fed in reading order, sheet after sheet."""

    def __init__(self) -> None:
        self.paragraphs: list[Paragraph] = []
        self.open_body: Paragraph | None = None   # the body paragraph whose last line filled its column
        self.open_full = False
        self.previous: Paragraph | None = None

    def add(self, line: Line, kind: str, column: int | None = None, indent: bool = False,
            full: bool = False) -> None:
        p, previous = self.open_body, self.previous
        if kind == "body" and p is not None and self.open_full and not indent and _same_type(p.lines[-1], line):
            target = p
        elif kind in ("display", "caption") and previous is not None and previous.kind == kind \
                and _adjacent(previous.lines[-1], line):
            target = previous
        else:
            target = Paragraph([], kind, column=column, indent=indent)
            self.paragraphs.append(target)
        target.lines.append(line)
        if kind == "body":
            self.open_body, self.open_full = target, full
        elif kind == "display":
            self.open_body = None          # a headline or subhead ends the paragraph before it
        self.previous = target


def facts(paragraph: Paragraph, ranks: dict[float, int], body: float) -> LineLayout:
    first = paragraph.lines[0]
    same = [ln for ln in paragraph.lines if ln.sheet == first.sheet]
    box = Box(min(ln.box.left for ln in same), min(ln.box.top for ln in same),
              max(ln.box.right for ln in same), max(ln.box.bottom for ln in same))
    return LineLayout(page=first.sheet, box=tuple(round(v, 1) for v in (box.left, box.top, box.right, box.bottom)),
                      size=first.size, size_rank=ranks[round(first.size * 2) / 2], bold=first.bold,
                      column=paragraph.column, under_picture=paragraph.kind == "caption",
                      in_margin=paragraph.kind == "margin", indent=paragraph.indent,
                      body=abs(first.size - body) < SAME_SIZE, vertical=first.vertical)


