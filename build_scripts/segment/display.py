"""Passes over display type: headings, which of them open articles, their roles, lead-ins."""
from __future__ import annotations

from ..model import BYLINE, CAPTION, FURNITURE, HEADING, KICKER, SUBHEAD, SUBTITLE, TEXT, TITLE
from . import bylines
from .page import Page
from .shapes import DATELINE, MAX_MARKED_HEADING, has_lead_in, heading_shaped, similar_length
from .words import doubled_across, word_across

TWO_LINE_TITLE = 12   # each line of a title printed as two short lines


def _cut_inside_a_word(line: str, following) -> bool:
    """``…科研单`` + ``位,…``: the line ends inside a word that the next block completes."""
    if following is None or following.kind != TEXT or not following.text:
        return False
    return doubled_across(line, following.text) or word_across(line, following.text) is not None


def _display_line(page: Page, i: int) -> bool:
    """A converter's heading mark on a line that reads as one, or a short line shaped like one."""
    block = page.blocks[i]
    if block.rank is not None:  # converters also mark whole paragraphs: trust the mark only so far
        return len(block.text) <= MAX_MARKED_HEADING and "\u3002" not in block.text[:-1]
    following = page.blocks[i + 1] if i + 1 < len(page.blocks) else None
    return heading_shaped(block.text) and not _cut_inside_a_word(block.text, following)


def mark_headings(page: Page) -> None:
    """Display lines become headings; a bare name right under a heading is a byline."""
    for i, block in enumerate(page.blocks):
        if block.kind != TEXT or not _display_line(page, i):
            continue
        previous = page.blocks[i - 1] if i else None
        names = bylines.parse_bare_names(block.text) if block.rank is None else None
        if names and previous is not None and previous.kind == HEADING:
            block.kind, block.authors = BYLINE, names.authors
            page.note("mark_headings", block.lines, f"bare byline under a headline: “{block.text}”")
        else:
            block.kind = HEADING


def heading_groups(page: Page) -> list[list[int]]:
    """Runs of adjacent headings, as lists of block indices."""
    groups: list[list[int]] = []
    for i, block in enumerate(page.blocks):
        if block.kind != HEADING:
            continue
        if groups and groups[-1][-1] == i - 1:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def heading_run(page: Page, start: int) -> list[int]:
    """The run of adjacent headings that begins at ``start``."""
    end = start
    while end + 1 < len(page.blocks) and page.blocks[end + 1].kind == HEADING:
        end += 1
    return list(range(start, end + 1))


def _subhead_rank(page: Page) -> int | None:
    """With two or more heading marks in use, the deepest one marks subheads."""
    ranks = {b.rank for b in page.blocks if b.kind == HEADING and b.rank is not None}
    return max(ranks) if len(ranks) >= 2 else None


def _opens_article_by_context(page: Page, group: list[int]) -> bool:
    """Unmarked: a heading opens an article at the page top, after an article's closing
    byline, or when a byline or dateline follows it."""
    before = page.previous_index(group[0], skip=frozenset({CAPTION}))
    if before is None or page.blocks[before].kind == FURNITURE or page.closes_article(before):
        return True
    after = page.blocks[group[-1] + 1] if group[-1] + 1 < len(page.blocks) else None
    return after is not None and (after.kind == BYLINE or
                                  (after.kind == TEXT and DATELINE.match(after.text) is not None))


def _has_body(page: Page, group: list[int]) -> bool:
    """Some text follows before the next heading or the page's end."""
    j = page.next_index(group[-1], {TEXT}, skip={BYLINE, CAPTION, FURNITURE})
    return j is not None


def mark_headlines(page: Page) -> None:
    """Which heading runs open an article (headline) and which are subheads.

    An unmarked short line after body text with no text of its own to head is
    no heading: it is the last line of the paragraph above, cut short.
    """
    subhead_rank = _subhead_rank(page)
    for group in heading_groups(page):
        unmarked = all(page.blocks[i].rank is None for i in group)
        before = page.previous_index(group[0])
        if unmarked and not _has_body(page, group) and before is not None \
                and page.blocks[before].kind == TEXT:
            for i in group:
                page.blocks[i].kind = TEXT
            continue
        ranks = [page.blocks[i].rank for i in group if page.blocks[i].rank is not None]
        if subhead_rank is not None and ranks:
            opens = min(ranks) < subhead_rank
        else:
            opens = _opens_article_by_context(page, group)
        page.blocks[group[0]].starts_article = opens
        for i in group:
            page.blocks[i].role = None if opens else SUBHEAD


def head_roles(texts: list[str]) -> list[str]:
    """Kicker (引题), title and subtitle (副题) of a headline printed as 1–3+ lines."""
    if len(texts) == 1:
        return [TITLE]
    if len(texts) == 2:
        a, b = texts
        if b.startswith(("—", "-")):
            return [TITLE, SUBTITLE]
        if len(b) < 0.75 * len(a):
            return [KICKER, TITLE]
        if similar_length(a, b) and max(len(a), len(b)) <= TWO_LINE_TITLE:
            return [TITLE, TITLE]
        return [TITLE, SUBTITLE]
    return [KICKER, TITLE] + [SUBTITLE] * (len(texts) - 2)


def name_head_roles(page: Page) -> None:
    for group in heading_groups(page):
        first = page.blocks[group[0]]
        if not first.starts_article:
            continue
        roles = head_roles([page.blocks[i].text for i in group])
        for i, role in zip(group, roles):
            page.blocks[i].role = role
        if len(group) > 3:
            page.note("name_head_roles", [page.blocks[i].first_line for i in group],
                      f"{len(group)} display lines in one headline: read as kicker, title, subtitles",
                      unsure=True)


def mark_lead_ins(page: Page) -> None:
    """A series of paragraphs opening with a short sentence: bold lead-ins.

    One such paragraph alone may just be a short sentence; two or more in one
    article are the paper's lead-in style.
    """
    from .articles import article_spans

    for span in article_spans(page):
        leads = [(i, has_lead_in(page.blocks[i].text)) for i in span if page.blocks[i].kind == TEXT]
        leads = [(i, lead) for i, lead in leads if lead]
        if len(leads) >= 2:
            for i, lead in leads:
                page.blocks[i].lead_in = lead

