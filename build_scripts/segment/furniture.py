"""Passes that set aside what belongs to no article: jump lines, editor credits, banners."""
from __future__ import annotations

import re

from ..model import FURNITURE, HEADING, TEXT, Block
from .page import Page

_JUMP = r"[(\uff08]\s*(?:下转|转|续|上接|接|紧接|承)(?:第|至|自)?\s*(?:[A-Za-z]?\d{1,3}|[一二三四五六七八九十]{1,3})\s*[版页](?:[^()\uff08\uff09]{0,12})?\s*[)\uff09]"
_JUMP_AT_END = re.compile(_JUMP + r"$")
_JUMP_AT_START = re.compile(r"^" + _JUMP)
_EDITOR_CREDIT = re.compile(
    r"^(责任编辑|责编|本版编辑|本版责编|值班编辑|编辑|校对|责任校对|美编|美术编辑|版式设计|版式|"
    r"制版|排版|组版|图片编辑|视觉|终审|审核|审校|签发)\s*[:\uff1a]")
_PAGE_FURNITURE = re.compile(
    r"^(第?\s*[A-Z]?\d{1,3}\s*版|[A-Z]?\d{1,3}|\d{4}年\d{1,2}月\d{1,2}日\s*(星期|周)[一二三四五六日天]?"
    r"|[■□◆◇●○★☆▲△▼▽—\-_=*~·…\s]+)$")


def split_jump_lines(page: Page) -> None:
    """``…(下转第2版)`` and ``(上接第1版)…``: page furniture, and the text around it is complete."""
    out: list[Block] = []
    for block in page.blocks:
        if block.kind != TEXT or page.settled(block):
            out.append(block)
            continue
        head = _JUMP_AT_START.match(block.text)
        if head and head.end() < len(block.text):
            out.append(Block(FURNITURE, head.group(0), [block.first_line], role="jump line"))
            block.text = block.text[head.end():].lstrip()
        tail = _JUMP_AT_END.search(block.text)
        if tail and tail.start() > 0:
            block.text, jump = block.text[:tail.start()].rstrip(), tail.group(0)
            block.continues_elsewhere = True
            out += [block, Block(FURNITURE, jump, [block.last_line], role="jump line")]
            page.note("split_jump_lines", [block.last_line], f"jump line “{jump}” set aside")
            continue
        if (head and head.end() == len(block.text)) or (tail and tail.start() == 0):
            block.kind, block.role = FURNITURE, "jump line"
        out.append(block)
    page.blocks = out


def mark_editor_credits(page: Page) -> None:
    """责任编辑 / 校对 lines, page numbers, dates in the page header, rules of symbols."""
    for block in page.blocks:
        if block.kind != TEXT or page.settled(block):
            continue
        if _EDITOR_CREDIT.match(block.text) or _PAGE_FURNITURE.match(block.text):
            block.kind, block.role = FURNITURE, "page furniture"
            page.note("mark_editor_credits", block.lines, f"page furniture: “{block.text}”")


def mark_page_banners(page: Page) -> None:
    """A lone display line after an empty image block, right above a bigger headline.

    A slogan or campaign banner printed across the page: its type is smaller
    than the headline below it, and nothing of an article stands between it
    and the picture space above. A marked display line that ends the page is one too.
    """
    blocks = page.blocks
    for i, block in enumerate(blocks):
        if block.kind != HEADING or page.settled(block) or block.cut:
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        after_image = block.gap_before >= 2 and i > 0
        above_bigger = (nxt is not None and nxt.kind == HEADING and nxt.rank is not None
                        and block.rank is not None and nxt.rank < block.rank)
        if (after_image and above_bigger) or (nxt is None and block.rank is not None):
            block.kind, block.role = FURNITURE, "page banner"
            page.note("mark_page_banners", block.lines,
                      f"page banner, belongs to no article: “{block.text}”", doubt=0.4)
