"""The segmenter's working state for one page, and how a dump becomes blocks."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import BYLINE, CAPTION, FURNITURE, HEADING, TEXT, Block, Dump, Repair
from ..typography import normalise_punctuation
from .shapes import ends_sentence

_HEADING_MARK = re.compile(r"^(#{1,6})\s+(.*)$")
# Indents and spaces of every width a dump may carry (U+3000 from OCR and Word).
_EDGE_SPACE = " \t\u3000\u00a0\u2002\u2003\ufeff"


@dataclass
class Page:
    dump: Dump
    blocks: list[Block]
    repairs: list[Repair] = field(default_factory=list)
    dropped: list[Block] = field(default_factory=list)  # characters removed by a repair
    indents_paragraphs: bool = False  # the page indents body paragraphs and prints display type flush
    cohesion: object | None = None    # the page's word statistics (segment.cohesion), made when needed
    sizes_decide: bool = False        # a PDF page whose type sizes say what is display type (segment.layout)
    corrections: object | None = None  # the editor's corrections (corrections.Corrections), or None

    @staticmethod
    def settled(block: Block) -> bool:
        """A fact (an editor's correction, a PDF's layout) settled this block: passes keep its kind."""
        return block.fixed is not None

    @staticmethod
    def cut_before(block: Block) -> bool:
        """An editor's cut stands at this block: no pass glues it onto the text before."""
        return block.cut is not None

    def note(self, step: str, lines: list[int], what: str, doubt: float = 0.0) -> None:
        """Record a repair (doubt 0) or a decision an editor should check (doubt up to 1)."""
        self.repairs.append(Repair(step=step, lines=sorted(set(lines)), what=what, doubt=round(doubt, 2)))

    def next_index(self, i: int, kinds: set[str], skip: set[str]) -> int | None:
        """Index of the first block after i of one of ``kinds``, passing only ``skip`` kinds."""
        for j in range(i + 1, len(self.blocks)):
            if self.blocks[j].kind in kinds:
                return j
            if self.blocks[j].kind not in skip:
                return None
        return None

    def previous_index(self, i: int, skip: frozenset[str] = frozenset({CAPTION, FURNITURE})) -> int | None:
        """Index of the nearest block before i that is not of a ``skip`` kind."""
        for j in range(i - 1, -1, -1):
            if self.blocks[j].kind not in skip:
                return j
        return None

    def closes_article(self, i: int) -> bool:
        """A byline standing after body text: the article it ends is over.

        A closing form (作者为…, a bracketed dateline at the end) always closes; an opening
        dateline (本报讯, 新华社…电) never does.
        """
        block = self.blocks[i]
        if block.kind != BYLINE or (block.dateline and not block.closing):
            return False
        before = self.previous_index(i)
        return before is not None and self.blocks[before].kind in (TEXT, BYLINE) \
            and (self.blocks[before].kind == TEXT or self.closes_article(before))

    def join(self, i: int, j: int, step: str, why: str, drop_first: int = 0, doubt: float = 0.0) -> None:
        """Append block j's text to block i (a paragraph broken across columns)."""
        a, b = self.blocks[i], self.blocks[j]
        if drop_first:
            self.dropped.append(Block(FURNITURE, b.text[:drop_first], [b.first_line],
                                      role="doubled at column break"))
        self.note(step, a.lines[-1:] + b.lines[:1],
                  f"joined line {a.last_line} “…{a.text[-8:]}” with line {b.first_line} "
                  f"“{b.text[drop_first:drop_first + 8]}…”: {why}", doubt=doubt)
        a.text += b.text[drop_first:]
        a.lines += b.lines
        del self.blocks[j]


def printed_width(text: str) -> float:
    """Width in Chinese characters: Latin letters, digits and ASCII spaces take half."""
    ascii_chars = len(text.encode("ascii", "ignore"))
    return len(text) - ascii_chars / 2


def _indented(raw: str) -> bool:
    """A paragraph indent: an ideographic space, a tab, or two spaces."""
    return raw[:1] in ("\u3000", "\t") or raw[:2] == "  "


def heading_mark(line: str) -> tuple[int | None, str]:
    """A converter's heading mark on a dump line ("## 标题": rank 2) and the line without it;
    rank None when it has none."""
    m = _HEADING_MARK.match(line)
    return (len(m.group(1)), m.group(2).strip(_EDGE_SPACE)) if m else (None, line)


def read_blocks(dump: Dump) -> list[Block]:
    """One block per non-empty line, with its heading mark and the blank lines before it."""
    blocks, gap = [], 0
    for number, raw in enumerate(dump.lines, start=1):
        line = raw.strip(_EDGE_SPACE)
        if not line:
            gap += 1
            continue
        layout = dump.layout.get(number)
        rank, line = (None, line) if layout else heading_mark(line)   # a PDF's text has no converter marks
        if not line:  # a bare '#': converter noise, nothing to keep
            gap += 1
            continue
        text = normalise_punctuation(line)
        printed = raw.rstrip(_EDGE_SPACE)
        blocks.append(Block(TEXT, text, [number], rank=rank, gap_before=gap,
                            indent=layout.indent if layout else _indented(raw),
                            width=len(printed), printed_width=printed_width(printed), layout=layout))
        gap = 0
    return blocks


INDENT_SHARE = 0.7    # of a page's paragraphs indented: the page marks paragraphs by indent
MIN_PARAGRAPHS = 3    # fewer paragraphs than this tell nothing about the page's habit
_LONG = 40


def _paragraph_shaped(block: Block) -> bool:
    """Body text for sure: it ends a sentence, or it is too long for display type."""
    return len(block.text) >= _LONG or ends_sentence(block.text)


def read_page_conventions(page: Page) -> None:
    """Does the page indent its paragraphs (so a flush line is display type)?"""
    paragraphs = [b for b in page.blocks if _paragraph_shaped(b)]
    indented = sum(b.indent for b in paragraphs)
    flush_display = any(not b.indent and not _paragraph_shaped(b) for b in page.blocks)
    page.indents_paragraphs = len(paragraphs) >= MIN_PARAGRAPHS and flush_display \
        and indented >= INDENT_SHARE * len(paragraphs)


def opens_untitled_story(page: Page, i: int) -> bool:
    """An opening dateline right after an article's closing credit, with no headline above
    it: a story whose headline the dump lost starts here all the same. (Inside an article a
    dateline heads one part of a composite story: it opens nothing.)"""
    block = page.blocks[i]
    if block.kind != BYLINE or block.dateline is None or block.closing:
        return False
    before = page.previous_index(i)
    return before is not None and page.closes_article(before)


__all__ = ["Page", "read_blocks", "opens_untitled_story", "TEXT", "HEADING", "BYLINE", "CAPTION", "FURNITURE"]
