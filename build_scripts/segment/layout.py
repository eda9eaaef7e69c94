"""What a page PDF's layout settles before any text rule looks (pages read by ``build_scripts.pdf``).

- in the margins (above the banner's rule, below the footer's): page furniture;
- right under a picture box: its caption (a credit line there: the photo credit);
- set in display type (larger than the body): a heading. In a run of display lines the
  largest type is the title, smaller type above it the kicker (引题), below it the
  subtitle (副题); a run whose largest type is less than ``TITLE_SCALE`` times the body
  type, all in one size, is a subhead.

Those blocks are ``fixed = "layout"``: the later passes keep their kind and role. Bylines,
datelines, jump lines and lead-ins in body type are still found by the text rules, and a
PDF printed all in one type size leaves every decision to them.
"""
from __future__ import annotations

from ..model import CAPTION, FURNITURE, HEADING, KICKER, PHOTO_CREDIT, SUBHEAD, SUBTITLE, TITLE, Block
from . import bylines
from .page import Page

TITLE_SCALE = 1.5     # display type this many times the body's, or larger, heads an article
DISPLAY = 0.6         # points larger than the body type: display type
LAYOUT = "layout"
TITLE_RANK, SIDE_RANK, SUBHEAD_RANK = 1, 2, 3


def _body_size(blocks: list[Block]) -> float | None:
    sizes = [b.layout.size for b in blocks if b.layout.body]
    return sizes[0] if sizes else None


def _display(block: Block, body: float) -> bool:
    lay = block.layout
    return not lay.in_margin and not lay.under_picture and lay.size >= body + DISPLAY


def _set(page: Page, block: Block, kind: str, role: str | None, what: str) -> None:
    block.kind, block.role, block.fixed = kind, role, LAYOUT
    page.note("apply_layout_facts", block.lines, f"{what}: “{block.text}”")


def _head_roles(sizes: list[float]) -> list[str]:
    """Title in the largest type; kicker above it, subtitle below it, in smaller type."""
    top = max(sizes)
    first = sizes.index(top)
    last = len(sizes) - 1 - sizes[::-1].index(top)
    return [KICKER if n < first else SUBTITLE if n > last else TITLE for n in range(len(sizes))]


def _mark_run(page: Page, run: list[Block], body: float) -> None:
    sizes = [b.layout.size for b in run]
    opens = max(sizes) >= TITLE_SCALE * body or len(set(sizes)) > 1
    roles = _head_roles(sizes) if opens else [SUBHEAD] * len(run)
    for block, role in zip(run, roles):
        block.kind, block.role, block.fixed = HEADING, role, LAYOUT
        block.rank = SUBHEAD_RANK if role == SUBHEAD else TITLE_RANK if role == TITLE else SIDE_RANK
        block.starts_article = False
    run[0].starts_article = opens
    what = "headline (" + ", ".join(f"{r} {s:g} pt" for r, s in zip(roles, sizes)) + ")" if opens \
        else f"subhead in {sizes[0]:g} pt type"
    page.note("apply_layout_facts", [n for b in run for n in b.lines], f"{what}: “{run[0].text}”")


def apply_layout_facts(page: Page) -> None:
    blocks = [b for b in page.blocks if b.layout is not None]
    body = _body_size(blocks) if blocks else None
    if body is None:
        return
    page.sizes_decide = any(_display(b, body) for b in blocks)
    run: list[Block] = []
    for block in page.blocks + [None]:
        if block is not None and block.layout is not None and page.sizes_decide and _display(block, body):
            run.append(block)
            continue
        if run:
            _mark_run(page, run, body)
            run = []
        if block is None or block.layout is None:
            continue
        if block.layout.in_margin:
            _set(page, block, FURNITURE, "page furniture", "in the page margin")
        elif block.layout.under_picture:
            credit = bylines.parse_standalone(block.text)
            photo = credit is not None and credit.photo
            _set(page, block, CAPTION, PHOTO_CREDIT if photo else None,
                 "photo credit under a picture" if photo else "caption under a picture")
            if photo:
                block.authors = credit.authors

