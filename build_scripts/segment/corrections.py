"""An editor's corrections as facts the segmenter cuts around (see ``build_scripts/corrections.py``).

- ``replace`` fixes a line's text before blocks are read (line numbers stay);
- ``role`` settles a line's kind and role: the block is ``fixed`` and later passes keep it;
- ``start`` / ``join`` settle where an article begins (``Block.cut``): the passes still
  decide the line's kind, and the repairs around it, but no pass opens or closes an
  article against it, nor glues it onto the text before;
- ``title`` gives the article that begins at a line its title as it should read (its
  slug stays the printed title's, its id comes from its first line: the permalink stays).
"""
from __future__ import annotations

import dataclasses

from ..corrections import Corrections, apply_replacements
from ..model import (BYLINE, CAPTION, FURNITURE, HEADING, KICKER, PHOTO_CREDIT, SUBHEAD, SUBTITLE, TEXT, TITLE,
                     Article, Block, Dump)
from . import bylines
from .page import Page

EDITOR = "editor"
# role in a corrections file → (block kind, block role)
_KIND_OF_ROLE = {
    "kicker": (HEADING, KICKER), "title": (HEADING, TITLE), "subtitle": (HEADING, SUBTITLE),
    "subhead": (HEADING, SUBHEAD), "byline": (BYLINE, None), "dateline": (BYLINE, None),
    "body": (TEXT, None), "caption": (CAPTION, None), "credit": (CAPTION, PHOTO_CREDIT),
    "furniture": (FURNITURE, "marked furniture by the editor"),
}


def corrected_dump(dump: Dump, corrections: Corrections | None) -> Dump:
    """The dump as the segmenter reads it: every ``replace`` made, line numbers unchanged."""
    if corrections is None or not corrections.items:
        return dump
    fixed = apply_replacements(corrections, dump.lines)
    return dataclasses.replace(dump, text="\n".join(fixed))


def _block_of_line(page: Page, line: int) -> Block | None:
    return next((b for b in page.blocks if line in b.lines), None)


def _settle_role(block: Block, role: str) -> None:
    block.kind, block.role = _KIND_OF_ROLE[role]
    block.fixed = EDITOR
    if block.kind == HEADING:
        block.starts_article = role in (KICKER, TITLE)
    if block.kind == BYLINE:
        found = bylines.parse_standalone(block.text) or bylines.parse_bare_names(block.text)
        block.authors = list(found.authors) if found else []
        block.dateline = block.text if role == "dateline" else (found.dateline if found else None)
        block.closing = bool(found and found.closing)


def apply_editor_corrections(page: Page) -> None:
    """Roles and cuts from the corrections file, on the page's blocks as read (one per line).
    The report lists every fix under "Editor's corrections"."""
    found = page.corrections
    if found is None:
        return
    for item in found.items:
        if item.action not in ("role", "start", "join"):
            continue
        block = _block_of_line(page, item.line)
        if block is None:
            raise found.error(item, f"line {item.line} of the dump holds no text")
        if item.action == "role":
            _settle_role(block, item.value)
        else:
            block.cut = item.action
            block.starts_article = item.action == "start" and block.kind == HEADING


def check_editor_cuts(page: Page, articles: list[Article]) -> None:
    """A ``start`` or ``join`` on a line the passes set aside, or a ``title`` on a line no article
    begins at, is stale: it would change nothing, silently."""
    found = page.corrections
    if found is None:
        return
    firsts = {a.lines[0] for a in articles}
    for item in found.of("start") + found.of("join"):
        block = _block_of_line(page, item.line)
        if block is None or block.kind == FURNITURE:
            raise found.error(item, f"line {item.line} is set aside as page furniture: it is in no article "
                              "(give it a role first)")
    for item in found.of("title"):
        if item.line not in firsts:
            raise found.error(item, f"no article begins at line {item.line} (articles begin at lines "
                              f"{', '.join(map(str, sorted(firsts)))})")


def apply_editor_titles(page: Page, articles: list[Article]) -> None:
    found = page.corrections
    if found is None:
        return
    check_editor_cuts(page, articles)
    by_line = {a.lines[0]: a for a in articles}
    for item in found.of("title"):
        article = by_line[item.line]
        article.title = item.value
