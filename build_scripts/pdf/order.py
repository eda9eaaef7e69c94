"""Lines and pictures of a sheet → reading order, by cutting the sheet along its gaps.

A newspaper page is a set of rectangles: rows of stories, a story's headline over its
columns, a picture over part of them. Such a page can be cut again and again along a
straight white gap (or a printed rule) that crosses the whole rectangle being cut
(recursive XY cut). At each step the widest gap wins, and what stands beside a gap
counts extra, since the headlines say how the page is built:

- a rule in the gap (papers rule off their stories);
- across the page: body text above and a headline below is where one row of stories
  ends and the next begins; a headline right above is a story's head over its columns;
- down the page: headlines on both sides are two stories side by side;
- a gap across the page with neither is white that running columns happen to share
  (subheads at one height): it counts half.

Each piece is then read in turn, top to bottom, left to right. A piece that no gap
crosses is one column's text, read top to bottom.
"""
from __future__ import annotations

from typing import Generic, TypeVar

from .runs import Box

T = TypeVar("T")
H_GAP = 0.6        # of the body size: the least white gap between rows that cuts
V_GAP = 0.5        # of the body size: the least white gap between columns that cuts
RULE_BONUS = 4.0   # of the body size: a rule crossing the gap makes it this much wider
ROW_BONUS = 6.0    # of the body size: body text above the gap, a headline below it
HEAD_BONUS = 2.0   # of the body size: a headline right above the gap
SIDE_BONUS = 6.0   # of the body size: headlines on both sides of a gap down the page
FLOW_SHARE = 0.5   # what a gap across the page counts with neither a rule nor a headline beside it
NEAR = 3.0         # of the body size: how close to the gap an item stands beside it
RULE_SPAN = 0.7    # a rule counts when it crosses this much of the piece


class Item(Generic[T]):
    """A box to read (``value``), or only to cut around (a picture: value None);
    ``display`` when it is set in headline type."""

    __slots__ = ("box", "value", "display")

    def __init__(self, box: Box, value: T | None, display: bool = False):
        self.box, self.value, self.display = box, value, display


def _gaps(spans: list[tuple[float, float]], least: float) -> list[tuple[float, float]]:
    """White intervals at least ``least`` wide between the merged spans."""
    spans = sorted(spans)
    gaps, reach = [], spans[0][1]
    for lo, hi in spans[1:]:
        if lo - reach >= least:
            gaps.append((reach, lo))
        reach = max(reach, hi)
    return gaps


def _ruled(gap: tuple[float, float], rules: list[Box], vertical: bool, extent: tuple[float, float]) -> bool:
    lo, hi = gap
    length = extent[1] - extent[0]
    for r in rules:
        across = (r.top, r.bottom) if vertical else (r.left, r.right)
        along = (r.left + r.right) / 2 if vertical else (r.top + r.bottom) / 2
        covered = min(across[1], extent[1]) - max(across[0], extent[0])
        if lo - 1 <= along <= hi + 1 and covered >= RULE_SPAN * length:
            return True
    return False


def _beside(items: list[Item], gap: tuple[float, float], vertical: bool, body: float):
    """The items standing right before the gap (above or left) and right after it."""
    near = NEAR * body
    if vertical:
        return ([it for it in items if gap[0] - near <= it.box.right <= gap[0] + 0.01],
                [it for it in items if gap[1] - 0.01 <= it.box.left <= gap[1] + near])
    return ([it for it in items if gap[0] - near <= it.box.bottom <= gap[0] + 0.01],
            [it for it in items if gap[1] - 0.01 <= it.box.top <= gap[1] + near])


def _score(items: list[Item], gap, vertical: bool, body: float, ruled: bool) -> float:
    score = gap[1] - gap[0] + (RULE_BONUS * body if ruled else 0.0)
    before, after = _beside(items, gap, vertical, body)
    heads_before, heads_after = any(it.display for it in before), any(it.display for it in after)
    if vertical:
        return score + (SIDE_BONUS * body if heads_before and heads_after else 0.0)
    text_before = any(not it.display and it.value is not None for it in before)
    if heads_after and text_before and not heads_before:
        score += ROW_BONUS * body
    elif heads_before:
        score += HEAD_BONUS * body
    elif not ruled:
        score *= FLOW_SHARE   # white across running columns: their lines happen to align
    return score


def _best_cut(items: list[Item], body: float, rules: list[Box]):
    """(score, vertical?, position) of the best gap, or None."""
    xs = [(it.box.left, it.box.right) for it in items]
    ys = [(it.box.top, it.box.bottom) for it in items]
    width = (min(a for a, _ in xs), max(b for _, b in xs))
    height = (min(a for a, _ in ys), max(b for _, b in ys))
    best = None
    for vertical, spans, least, extent in ((False, ys, H_GAP, width), (True, xs, V_GAP, height)):
        for gap in _gaps(spans, least * body):
            score = _score(items, gap, vertical, body, _ruled(gap, rules, vertical, extent))
            if best is None or score > best[0] + 0.01:
                best = (score, vertical, (gap[0] + gap[1]) / 2)
    return best


def reading_order(items: list[Item], body: float, rules: list[Box]) -> list:
    """The items' values in reading order (items with value None only take part in the cuts)."""
    out: list = []
    stack = [items]
    while stack:
        piece = stack.pop()
        cut = _best_cut(piece, body, rules) if len(piece) > 1 else None
        if cut is None:
            piece.sort(key=lambda it: (it.box.top, it.box.left))
            out += [it.value for it in piece if it.value is not None]
            continue
        _, vertical, at = cut
        if vertical:
            first = [it for it in piece if it.box.right <= at]
        else:
            first = [it for it in piece if it.box.bottom <= at]
        chosen = set(map(id, first))
        rest = [it for it in piece if id(it) not in chosen]
        stack += [rest, first]    # first is popped (read) first
    return out
