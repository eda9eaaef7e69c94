"""Hard-wrapped dumps: one printed line per dump line, paragraphs to be put back together.

A PDF's text layer often keeps the column's line breaks. Such a page shows it by its
widths: most lines are exactly as wide as the column. A line that fills the column
continues in the next one, unless the next line is indented (a new paragraph) or is a
display line, a byline or a dateline after a finished sentence. A line shorter than the
column ends its paragraph. Widths are counted two ways, as characters and as printed
width (Latin letters and digits half as wide as Chinese): converters wrap by either.
"""
from __future__ import annotations

import collections
import re

from ..model import TEXT, Block
from .bylines import parse_standalone
from .page import Page
from .shapes import BULLET, CAPTION_OPENING, DATELINE, ends_sentence, ends_with_word_cut, heading_shaped

MIN_LINES = 8          # fewer lines of text than this tell nothing about a column width
MIN_SHARE = 0.35       # of the text lines as wide as the column: the page is hard-wrapped
_OPENS_WITH_PUNCTUATION = re.compile("^[\uff0c\u3001\u3002\uff1b\uff1a\uff01\uff1f\u201d\u2019\uff09\u300b,.;:!?)]")


def _column_width(widths: list[float]) -> tuple[float, float]:
    """(the most common width, the share of lines within one of it)."""
    counts = collections.Counter(round(w) for w in widths)
    if not counts:
        return 0.0, 0.0
    best = max(counts, key=lambda w: counts[w - 1] + counts[w] + counts[w + 1] + counts[w] / 10)
    covered = counts[best - 1] + counts[best] + counts[best + 1]
    return float(best), covered / len(widths)


def _measure(blocks: list[Block]):
    """The measure (chars or printed width) under which the page's lines line up best."""
    lines = [b for b in blocks if b.kind == TEXT and b.width >= 8]
    if len(lines) < MIN_LINES:
        return None
    candidates = []
    for measure in (lambda b: b.width, lambda b: b.printed_width):
        width, share = _column_width([measure(b) for b in lines])
        candidates.append((share, width, measure))
    share, width, measure = max(candidates, key=lambda c: c[0])
    if share < MIN_SHARE or not 8 <= width <= 60:
        return None
    return width, measure


def _caption_line(b: Block, width: float, measure) -> bool:
    """``图为…。`` on a line of its own, shorter than the column: a caption set inside the column,
    not the next line of the paragraph it interrupts."""
    return CAPTION_OPENING.match(b.text) is not None and ends_sentence(b.text) and measure(b) < width - 1


def _continues(a: Block, b: Block, width: float, measure, page_indents: bool) -> bool:
    """Does line ``b`` go on with the paragraph of line ``a``?"""
    if a.kind != TEXT or b.kind != TEXT or b.gap_before or a.rank is not None or b.rank is not None \
            or Page.cut_before(b) or Page.settled(b):
        return False
    if _OPENS_WITH_PUNCTUATION.match(b.text):
        return True           # a wrap never starts a paragraph with a comma or a full stop
    full = width - 1 <= measure(a) <= width + 1   # wider than the column: a headline across it
    if not full or (page_indents and b.indent) or BULLET.match(b.text) or _caption_line(b, width, measure):
        return False
    opens = DATELINE.match(b.text) or parse_standalone(b.text)
    if (ends_sentence(a.text) and (heading_shaped(b.text) or opens)) or (heading_shaped(a.text) and opens):
        return False          # a paragraph or a headline ended flush with the column; a head or credit follows
    return True


def _subtitle_under_a_headline(out: list[Block], width: float, measure) -> bool:
    """``——某地落实…纪实`` alone under a line wider than the column (a headline across it): a
    subtitle that happens to fill the column, not the first line of a paragraph."""
    if len(out) < 2 or len(out[-1].lines) != 1:
        return False
    line = out[-1].text
    return measure(out[-2]) > width + 1 and line.startswith("——") and heading_shaped(line)


def _display_line_after_a_cut(out: list[Block], width: float, measure, page_indents: bool) -> bool:
    """A line with the shape of a headline right after a paragraph of several lines that stops
    inside a clause on a line shorter than the column (a one-line "paragraph" may be a subhead): a wrapped paragraph never stops there, so something
    was set into it, and this line is that thing (a headline as wide as the column), not the
    first line of a paragraph."""
    if len(out) < 2 or len(out[-1].lines) != 1 or out[-2].kind != TEXT or (page_indents and out[-1].indent):
        return False       # indented on a page that indents: a paragraph's first line
    cut = out[-2]
    short = max(cut.width, measure(cut)) < width - 1   # short however it is measured (digits)
    return len(cut.lines) > 1 and short and ends_with_word_cut(cut.text) \
        and heading_shaped(out[-1].text)


def join_wrapped_lines(page: Page) -> None:
    """Put a hard-wrapped page's lines back into paragraphs (one note for the page)."""
    found = None if any(b.layout for b in page.blocks) else _measure(page.blocks)
    if found is None:   # a PDF's paragraphs were joined by geometry already
        return
    width, measure = found
    page_indents = any(b.indent for b in page.blocks)
    out: list[Block] = []
    joined = 0
    for block in page.blocks:
        if out and _continues(out[-1], block, width, measure, page_indents) \
                and not _subtitle_under_a_headline(out, width, measure) \
                and not _display_line_after_a_cut(out, width, measure, page_indents):
            last = out[-1]
            last.text += block.text
            last.lines += block.lines
            last.width, last.printed_width = block.width, block.printed_width  # the paragraph's last line
            joined += 1
        else:
            out.append(block)
    page.blocks = out
    if joined:
        page.note("join_wrapped_lines", [b.first_line for b in out][:1],
                  f"hard-wrapped page (column of {width:g}): {joined} line breaks inside paragraphs removed")
