"""Passes that find bylines and picture captions."""
from __future__ import annotations

import re

from ..model import BYLINE, CAPTION, PHOTO_CREDIT, TEXT, Block
from . import bylines
from .page import Page
from .shapes import CAPTION_OPENING, MAX_CAPTION, SENTENCE_END, strip_closers



def _byline_block(found: bylines.Byline, lines: list[int], cut: str | None = None) -> Block:
    """The credit as a block; an editor's cut at its line stays with it (it is what comes first)."""
    if found.photo:
        return Block(CAPTION, found.text, lines, authors=found.authors, role=PHOTO_CREDIT, cut=cut)
    return Block(BYLINE, found.text, lines, authors=found.authors, dateline=found.dateline,
                 closing=found.closing, cut=cut)


def mark_bylines(page: Page) -> None:
    """Whole-line bylines, and bylines printed inline at a paragraph's start or end."""
    out: list[Block] = []
    for block in page.blocks:
        if block.kind != TEXT or block.rank is not None or page.settled(block):
            out.append(block)
            continue
        whole = bylines.parse_standalone(block.text)
        if whole:
            out.append(_byline_block(whole, block.lines, block.cut))
            continue
        lead = bylines.split_leading(block.text)
        if lead:
            found, rest = lead
            out.append(_byline_block(found, block.lines, block.cut))
            block.cut = None
            if not rest:            # the credit stood on a line of its own
                continue
            block.text = rest
            page.note("mark_bylines", block.lines, f"byline “{found.text}” split from its paragraph")
        trail = bylines.split_trailing(block.text)
        if trail:
            block.text, found = trail
            out += [block, _byline_block(found, block.lines)]
            page.note("mark_bylines", block.lines, f"byline “{found.text}” split from its paragraph")
            continue
        out.append(block)
    page.blocks = out


def _caption_shaped(block: Block) -> bool:
    text = block.text
    if CAPTION_OPENING.match(text):
        return True
    # Under an empty image block (the blank lines a converter leaves for a picture).
    return (block.gap_before >= 2 and block.rank is None and len(text) <= MAX_CAPTION
            and strip_closers(text)[-1:] in SENTENCE_END and text.count("。") <= 2)


def mark_captions(page: Page) -> None:
    for i, block in enumerate(page.blocks):
        if block.kind == TEXT and i > 0 and not page.settled(block) and _caption_shaped(block):
            block.kind = CAPTION
            page.note("mark_captions", block.lines, f"picture caption: “{block.text}”")
