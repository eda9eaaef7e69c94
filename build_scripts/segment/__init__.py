"""Cut one page dump into articles: an ordered registry of small named passes over blocks.

Each pass settles or repairs one thing and records what it did in the page's report.
An editor's corrections come right after a page PDF's layout facts, as facts every later
pass keeps (a block's ``fixed`` kind and role, its ``cut``; the editor's word wins over the
layout's). Order matters: wrapped lines are joined and the page's conventions read first;
bylines and captions are recognised before headings (a bare name looks like a short heading),
headlines before the repairs that move text across them, and joins last so that every move
has been made. ``PASSES.without("name")`` turns one off (for tests and experiments).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from ..corrections import Corrections
from ..model import Dump, Segmentation
from .articles import group_into_articles
from .corrections import apply_editor_corrections, apply_editor_titles, corrected_dump
from .credits import mark_bylines, mark_captions
from .display import mark_headings, mark_headlines, mark_lead_ins, name_head_roles, unmark_cut_paragraph_ends
from .layout import apply_layout_facts
from .furniture import mark_editor_credits, mark_page_banners, split_jump_lines
from .page import Page, read_blocks, read_page_conventions
from .repairs import attach_displaced_heads, join_column_breaks, move_opening_tails_to_cuts
from .wrapping import join_wrapped_lines

Pass = Callable[[Page], None]


class Passes:
    """Passes in the order they run, each known by its function's name."""

    def __init__(self, passes: list[Pass]):
        self._passes = list(passes)

    def __iter__(self) -> Iterator[Pass]:
        return iter(self._passes)

    def names(self) -> list[str]:
        return [p.__name__ for p in self._passes]

    def without(self, *names: str) -> "Passes":
        unknown = set(names) - set(self.names())
        if unknown:
            raise KeyError(f"no such pass: {', '.join(sorted(unknown))}")
        return Passes([p for p in self._passes if p.__name__ not in names])


PASSES = Passes([
    apply_layout_facts,
    apply_editor_corrections,
    join_wrapped_lines,
    read_page_conventions,
    split_jump_lines,
    mark_editor_credits,
    mark_bylines,
    mark_captions,
    mark_headings,
    mark_page_banners,
    mark_headlines,
    unmark_cut_paragraph_ends,
    name_head_roles,
    attach_displaced_heads,
    move_opening_tails_to_cuts,
    join_column_breaks,
    mark_lead_ins,
])


def segment(dump: Dump, passes: Passes = PASSES, corrections: Corrections | None = None) -> Segmentation:
    """Cut ``dump`` into articles; an editor's ``corrections`` are facts the passes cut around."""
    page = Page(dump=dump, blocks=read_blocks(corrected_dump(dump, corrections)), corrections=corrections)
    for run_pass in passes:
        run_pass(page)
    articles = group_into_articles(page)
    apply_editor_titles(page, articles)
    furniture = [b for b in page.blocks if b.kind == "furniture"] + page.dropped
    return Segmentation(dump=dump, articles=articles, furniture=furniture, repairs=page.repairs,
                        corrections=corrections, blocks=page.blocks)
