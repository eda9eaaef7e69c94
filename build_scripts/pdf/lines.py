"""Text runs → printed lines.

Runs on one baseline, of one type size, with no more than a word space between them,
make one line; a gutter's width between them makes two (two columns side by side).
Rotated runs stand as lines of their own. Single characters stacked one under the
other in one type size are vertical writing (竖排): one line, read top to bottom.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .runs import Box, Run

SAME_BASELINE = 0.25   # of the type size: baselines closer than this are one
WORD_SPACE = 1.0       # of the type size: a wider gap is a gutter
GUTTER = 0.9           # of the body size: however large the type, a gap this wide is a gutter (columns
                       # stand at least an em of body type apart; justified lines stretch less than that)
SAME_SIZE = 0.15       # relative difference of sizes printed on one line
_STACK_STEP = (0.9, 1.8)  # of the type size: the step from one stacked character to the next


@dataclass
class Line:
    sheet: int
    text: str
    box: Box
    size: float
    bold: bool
    vertical: bool = False
    runs: list[Run] = field(default_factory=list)

    @property
    def baseline(self) -> float:
        return self.runs[0].baseline if self.runs else self.box.bottom


def _merge(a: Box, b: Box) -> Box:
    return Box(min(a.left, b.left), min(a.top, b.top), max(a.right, b.right), max(a.bottom, b.bottom))


def _joins(line: Line, run: Run, rules: list[Box], body: float) -> bool:
    size = min(line.size, run.size)
    centre = (run.box.top + run.box.bottom) / 2
    if abs(line.baseline - run.baseline) > SAME_BASELINE * size or \
            abs(line.size - run.size) > SAME_SIZE * max(line.size, run.size):
        return False
    gap = max(run.box.left - line.box.right, line.box.left - run.box.right)
    if not -0.5 * size <= gap <= min(WORD_SPACE * size, GUTTER * body):
        return False
    lo, hi = sorted((min(line.box.right, run.box.right), max(line.box.left, run.box.left)))
    return not any(lo - 2.0 <= (r.left + r.right) / 2 <= hi + 2.0 and r.top <= centre <= r.bottom for r in rules)


def _finish(line: Line) -> Line:
    """Order the line's runs left to right; the line is bold if most of its characters are."""
    line.runs.sort(key=lambda r: r.box.left)
    line.text = "".join(r.text for r in line.runs)
    bold = sum(len(r.text) for r in line.runs if r.bold)
    line.bold = bold * 2 > len(line.text)
    return line


def _bands(runs: list[Run]) -> list[list[Run]]:
    """Runs of one type size whose baselines lie within SAME_BASELINE of the first one's: one
    height on the sheet (a neighbour's smaller type beside a headline must not set the band)."""
    bands: list[list[Run]] = []
    by_size: dict[float, list[Run]] = {}
    for run in runs:
        by_size.setdefault(round(run.size * 2) / 2, []).append(run)
    for same in by_size.values():
        anchor = None
        for run in sorted(same, key=lambda r: r.baseline):
            if anchor is None or run.baseline - anchor > SAME_BASELINE * run.size:
                bands.append([])
                anchor = run.baseline
            bands[-1].append(run)
    return bands


def body_size(pieces) -> float:
    """The type size (to half a point) most characters of these runs or lines are set in."""
    counts: dict[float, int] = {}
    for piece in pieces:
        key = round(piece.size * 2) / 2
        counts[key] = counts.get(key, 0) + len(piece.text)
    return max(counts, key=counts.get) if counts else 0.0


def horizontal_lines(sheet: int, runs: list[Run], rules: list[Box] = ()) -> list[Line]:
    """Runs → lines, left to right in each band; a rule down the page between two runs keeps
    them apart (two stories side by side)."""
    upright = [r for r in rules if r.height > r.width]
    body = body_size(runs)
    lines: list[Line] = []
    for band in _bands(runs):
        open_lines: list[Line] = []
        for run in sorted(band, key=lambda r: r.box.left):
            line = next((ln for ln in reversed(open_lines) if _joins(ln, run, upright, body)), None)
            if line is None:
                line = Line(sheet, "", run.box, run.size, run.bold, runs=[run])
                open_lines.append(line)
                lines.append(line)
            else:
                line.runs.append(run)
                line.box = _merge(line.box, run.box)
    return [_finish(line) for line in lines]


def _stacked(a: Line, b: Line) -> bool:
    """b is the next character under a, in a vertical line (glyph boxes are tight: compare centres)."""
    step = b.box.top - a.box.top
    lo, hi = _STACK_STEP
    centre_a, centre_b = (a.box.left + a.box.right) / 2, (b.box.left + b.box.right) / 2
    return abs(a.size - b.size) < 0.5 and abs(centre_a - centre_b) < 0.3 * a.size and lo * a.size <= step <= hi * a.size


def stack_vertical(lines: list[Line]) -> list[Line]:
    """Merge runs of one-character lines stacked in one column into vertical lines."""
    chains: list[list[Line]] = []
    for line in sorted((ln for ln in lines if len(ln.text.strip()) == 1 and not ln.vertical),
                       key=lambda ln: ln.box.top):
        chain = next((c for c in chains if _stacked(c[-1], line)), None)
        if chain is None:
            chains.append([line])
        else:
            chain.append(line)
    merged: set[int] = set()
    out: list[Line] = []
    for chars in chains:
        if len(chars) < 3:     # three or more characters stacked: vertical writing
            continue
        box = chars[0].box
        for ch in chars[1:]:
            box = _merge(box, ch.box)
        out.append(Line(chars[0].sheet, "".join(c.text for c in chars), box, chars[0].size,
                        chars[0].bold, vertical=True, runs=[r for c in chars for r in c.runs]))
        merged.update(id(c) for c in chars)
    return [ln for ln in lines if id(ln) not in merged] + out


def sheet_lines(sheet: int, runs: list[Run], rules: list[Box] = ()) -> list[Line]:
    """Every printed line of a sheet; rotated runs are vertical lines of their own."""
    upright = [r for r in runs if r.angle == 0]
    rotated = [Line(sheet, r.text, r.box, r.size, r.bold, vertical=True, runs=[r]) for r in runs if r.angle != 0]
    return stack_vertical(horizontal_lines(sheet, upright, rules)) + rotated
