"""Passes over display type: headings, which of them open articles, their roles, lead-ins."""
from __future__ import annotations

from ..model import BYLINE, CAPTION, FURNITURE, HEADING, KICKER, SUBHEAD, SUBTITLE, TEXT, TITLE
from . import bylines
from .openers import OPENS_AT, UNCOMPARED, opening_weight
from .page import Page
from .shapes import (COLUMN_TAG, DATELINE, MAX_MARKED_HEADING, display_shaped, ends_mid_sentence, ends_sentence,
                     has_lead_in, heading_shaped, kicker_shaped, starts_like_new_paragraph)
from .words import doubled_across, word_across

TWO_LINE_TITLE = 8    # each line of a title printed as two short, even lines (以雪为令 / 平安出行)
# Words a kicker (引题) ends on when it reports who said what the headline says.
_SAYS = ("强调", "指出", "表示", "认为", "提出", "要求", "说", "称", "呼吁")
# Words a subtitle (副题) of a meeting report ends on: who presided or attended.
_PRESIDED = ("主持", "出席", "参加", "参加审议", "会见", "致辞")


def _cut_inside_a_word(line: str, following) -> bool:
    """``…科研单`` + ``位,…``: the line ends inside a word that the next block completes. A word
    read across two headline-shaped lines is a chance of the reading: a two-line head."""
    if following is None or following.kind != TEXT or not following.text:
        return False
    return doubled_across(line, following.text) or (word_across(line, following.text) is not None
                                                     and not heading_shaped(following.text))


def _display_line(page: Page, i: int) -> bool:
    """A converter's heading mark on a line that reads as one, or a short line shaped like one.

    On a page that indents its paragraphs, a flush line may be longer and hold a comma
    (``把好事办实，让小区改造更贴心（社区时评）``): the indent already tells it apart.
    """
    block = page.blocks[i]
    if block.rank is not None:  # converters also mark whole paragraphs: trust the mark only so far
        return len(block.text) <= MAX_MARKED_HEADING and "\u3002" not in block.text[:-1]
    following = page.blocks[i + 1] if i + 1 < len(page.blocks) else None
    if page.indents_paragraphs and not block.indent:
        shaped = display_shaped(block.text) or kicker_shaped(block.text)
    else:
        shaped = heading_shaped(block.text) or _kicker_line(block.text, following) \
            or (COLUMN_TAG.search(block.text) is not None and display_shaped(block.text)) \
            or _short_line_over_headline(block.text, following)
    return shaped and not _cut_inside_a_word(block.text, following)


def _kicker_line(text: str, following) -> bool:
    """``市人大代表周敏——`` or ``…，镇上干部介绍——`` above a headline: a kicker, not body."""
    return kicker_shaped(text) and following is not None and following.kind == TEXT and (
        heading_shaped(following.text) or (COLUMN_TAG.search(following.text) is not None
                                           and display_shaped(following.text)))


SHORT_KICKER = 30   # a kicker with a comma above a headline: 不设门槛，不收费用


def _short_line_over_headline(text: str, following) -> bool:
    """A short display line with a comma, right above a headline-shaped line: a kicker."""
    return len(text) <= SHORT_KICKER and display_shaped(text) and following is not None \
        and following.kind == TEXT and heading_shaped(following.text)


def _after_a_credit_on_its_line(page: Page, i: int) -> bool:
    """The text printed on the same line after a credit (``本报某地电（记者某）…``): a story's
    opening words, body type however short the line (its rest may stand after a displaced head)."""
    previous = page.blocks[i - 1] if i else None
    return previous is not None and previous.kind == BYLINE and previous.lines == page.blocks[i].lines


def mark_headings(page: Page) -> None:
    """Display lines become headings; a bare name right under a heading is a byline."""
    for i, block in enumerate(page.blocks):
        if block.kind != TEXT or page.settled(block) or (page.sizes_decide and block.layout) \
                or _after_a_credit_on_its_line(page, i) or bylines.dash_signed(block.text) \
                or not _display_line(page, i):
            continue   # settled by a fact; on a PDF page with display type, body type is no heading
        previous = page.blocks[i - 1] if i else None
        names = bylines.parse_bare_names(block.text) if block.rank is None else None
        if names and previous is not None and previous.kind == HEADING:
            block.kind, block.authors = BYLINE, names.authors
            page.note("mark_headings", block.lines, f"bare byline under a headline: “{block.text}”")
        else:
            block.kind = HEADING


def opening_credit(page: Page, j: int | None) -> bool:
    """Block j opens a story's text: a dateline, or an unbracketed byline (a bracketed name,
    ``（某某）``, closes articles as often as it opens them)."""
    if j is None:
        return False
    block = page.blocks[j]
    if block.kind == BYLINE:
        return not block.closing and (block.dateline is not None or not block.text.startswith(("\uff08", "(")))
    return block.kind == TEXT and DATELINE.match(block.text) is not None


def _finishes_a_cut_sentence(page: Page, j: int) -> bool:
    """Block j reads as the rest of a cut sentence: unindented text ending a sentence that
    opens like no paragraph, with the next story's opening credit right after it."""
    if j >= len(page.blocks):
        return False
    block = page.blocks[j]
    if block.kind != TEXT or page.settled(block) or block.cut is not None \
            or (page.indents_paragraphs and block.indent):
        return False
    if not ends_sentence(block.text) or starts_like_new_paragraph(block.text):
        return False
    return opening_credit(page, page.next_index(j, {BYLINE, TEXT, HEADING}, skip={CAPTION, FURNITURE}))


def _front_half_of_a_cut(page: Page, group: list[int]) -> str | None:
    """Why the run's first line is the front half of a paragraph that the run cuts, or None."""
    first = page.blocks[group[0]]
    j = group[-1] + 1
    if len(group) < 2 or first.rank is not None or page.settled(first) or first.cut is not None \
            or not ends_mid_sentence(first.text) or j >= len(page.blocks) or page.blocks[j].kind != TEXT:
        return None
    word = word_across(first.text, page.blocks[j].text)
    if word:
        return f"a word (“{word}”) runs from it across the headline into the text below"
    before = page.previous_index(group[0])
    if before is None or page.blocks[before].kind != TEXT or ends_mid_sentence(page.blocks[before].text):
        return None     # a cut above the run: the cut is there, and the line is the run's kicker
    if heading_shaped(first.text) or not _finishes_a_cut_sentence(page, j):
        return None     # a comma-free line reads as a kicker: a displaced tail under a headline looks the same
    return "the text under the headline ends the sentence before the next story's credit"


def unmark_cut_paragraph_ends(page: Page) -> None:
    """The first line of a headline run that is the front half of a paragraph cut by the run.

    A page PDF prints a paragraph's last lines beside the next story's head, or a story's head
    inside its first paragraph: body line (stopping mid-sentence), headline, rest of the
    sentence. The body line, short, looks like a kicker; what gives it away is a word running
    across the seam, or, under a whole paragraph, text below the headline that finishes the
    sentence before the next story's credit opens. The line goes back to text (the repairs
    join it with its rest).
    """
    for group in heading_groups(page):
        why = _front_half_of_a_cut(page, group)
        if why is None:
            continue
        first, rest = page.blocks[group[0]], page.blocks[group[1]]
        # the run's verdict (headline or subhead) passes to what is left of it
        rest.starts_article, first.starts_article = first.starts_article, False
        first.kind, first.role = TEXT, None
        page.note("unmark_cut_paragraph_ends", first.lines,
                  f"“{first.text}” stops mid-sentence above a headline and {why}: the front half of a "
                  "cut paragraph, not a kicker", doubt=0.3)


def _same_run(page: Page, a: int, b: int) -> bool:
    """Adjacent headings belong to one run, unless the page's indents or an editor's cut set them apart."""
    if page.blocks[b].cut is not None:
        return False
    return not page.indents_paragraphs or page.blocks[a].indent == page.blocks[b].indent


def heading_groups(page: Page) -> list[list[int]]:
    """Runs of adjacent headings, as lists of block indices."""
    groups: list[list[int]] = []
    for i, block in enumerate(page.blocks):
        if block.kind != HEADING:
            continue
        if groups and groups[-1][-1] == i - 1 and _same_run(page, i - 1, i):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def heading_run(page: Page, start: int) -> list[int]:
    """The run of adjacent headings that begins at ``start``."""
    end = start
    while end + 1 < len(page.blocks) and page.blocks[end + 1].kind == HEADING and _same_run(page, end, end + 1):
        end += 1
    return list(range(start, end + 1))


def _subhead_rank(page: Page) -> int | None:
    """With two or more heading marks in use, the deepest one marks subheads."""
    ranks = {b.rank for b in page.blocks if b.kind == HEADING and b.rank is not None}
    return max(ranks) if len(ranks) >= 2 else None


def _has_body(page: Page, group: list[int]) -> bool:
    """Some text follows before the next heading or the page's end."""
    j = page.next_index(group[-1], {TEXT}, skip={BYLINE, CAPTION, FURNITURE})
    return j is not None


def _settled_opening(page: Page, group: list[int]) -> bool | None:
    """What facts say of the run: an editor's cut at its top, a settled headline or subhead in it."""
    first = page.blocks[group[0]]
    if first.cut is not None:
        return first.cut == "start"
    roles = {page.blocks[i].role for i in group if page.settled(page.blocks[i])}
    if roles & {KICKER, TITLE}:
        return True
    if page.settled(first) and first.role == SUBHEAD:
        return False
    return None


def _has_facts(page: Page, group: list[int]) -> bool:
    return any(page.settled(page.blocks[i]) or page.blocks[i].cut for i in group)


def _opens(page: Page, group: list[int], subhead_rank: int | None) -> bool:
    """Facts decide first; then marks where a converter left them, indents where the page has
    them, else evidence."""
    first = page.blocks[group[0]]
    settled = _settled_opening(page, group)
    if settled is not None:
        return settled
    ranks = [page.blocks[i].rank for i in group if page.blocks[i].rank is not None]
    if subhead_rank is not None and ranks:
        return min(ranks) < subhead_rank
    if page.indents_paragraphs and first.rank is None:
        return not first.indent
    weight, found = opening_weight(page, group)
    margin = abs(weight - (OPENS_AT - 0.5))     # weights are whole numbers: 0.5 is a tie broken
    first.doubt = max(0.0, 1 - margin / 3)
    # A near tie, or a call made on little evidence because the texts around were too short.
    if margin <= 0.5 or (margin <= 1.5 and (UNCOMPARED, 0) in found):
        verdict = "opens an article" if weight >= OPENS_AT else "read as a subhead"
        reasons = "; ".join(f"{name} ({w:+d})" if w else name for name, w in found) \
            or "no evidence either way"
        page.note("mark_headlines", [page.blocks[i].first_line for i in group],
                  f"“{first.text}” {verdict}: {reasons}", doubt=first.doubt)
    return weight >= OPENS_AT


def mark_headlines(page: Page) -> None:
    """Which heading runs open an article (headline) and which are subheads.

    An unmarked short line after body text with no text of its own to head is
    no heading: it is the last line of the paragraph above, cut short.
    """
    subhead_rank = _subhead_rank(page)
    for group in heading_groups(page):
        if page.blocks[group[0]].fixed == "layout":
            continue    # the page's type sizes decided this head (segment.layout)
        unmarked = all(page.blocks[i].rank is None for i in group)
        flush = page.indents_paragraphs and not page.blocks[group[0]].indent
        before = page.previous_index(group[0])
        if unmarked and not flush and not _has_body(page, group) and before is not None \
                and page.blocks[before].kind == TEXT and not _has_facts(page, group):
            for i in group:
                page.blocks[i].kind = TEXT
            continue
        opens = _opens(page, group, subhead_rank)
        page.blocks[group[0]].starts_article = opens
        for i in group:
            if not page.settled(page.blocks[i]):
                page.blocks[i].role = None if opens else SUBHEAD


def _two_line_roles(a, b) -> list[str]:
    """Kicker + title or title + subtitle, from the lines' punctuation, tags and length.

    Converters' heading marks say nothing here: they mark a kicker '##' above a '###' title
    as readily as the reverse.
    """
    x, y = a.text, b.text
    if y.startswith(("—", "-", "\uff08", "(", "\uff3b", "[")) or y.endswith(_PRESIDED):
        return [TITLE, SUBTITLE]
    if x.endswith(("——", "\uff1a", ":")) or x.endswith(_SAYS):
        return [KICKER, TITLE]
    if COLUMN_TAG.search(x) and not COLUMN_TAG.search(y):
        return [TITLE, SUBTITLE]
    if COLUMN_TAG.search(y) and not COLUMN_TAG.search(x):
        return [KICKER, TITLE]
    if abs(len(x) - len(y)) <= 1 and max(len(x), len(y)) <= TWO_LINE_TITLE:
        return [TITLE, TITLE]
    return [KICKER, TITLE]


def head_roles(blocks: list) -> list[str]:
    """Kicker (引题), title and subtitle (副题) of a headline printed as 1–3+ lines."""
    if len(blocks) == 1:
        return [TITLE]
    if len(blocks) == 2:
        return _two_line_roles(*blocks)
    return [KICKER, TITLE] + [SUBTITLE] * (len(blocks) - 2)


def _around_a_settled_title(page: Page, group: list[int]) -> list[str] | None:
    """With a title a fact settled, the lines above it are kickers and those below subtitles."""
    titles = [n for n, i in enumerate(group) if page.settled(page.blocks[i]) and page.blocks[i].role == TITLE]
    if not titles:
        return None
    return [KICKER if n < titles[0] else TITLE if n in titles else SUBTITLE for n in range(len(group))]


def name_head_roles(page: Page) -> None:
    for group in heading_groups(page):
        first = page.blocks[group[0]]
        if not first.starts_article or first.fixed == "layout":
            continue
        roles = _around_a_settled_title(page, group) or head_roles([page.blocks[i] for i in group])
        for i, role in zip(group, roles):
            if not page.settled(page.blocks[i]):
                page.blocks[i].role = role
        if len(group) > 3:
            page.note("name_head_roles", [page.blocks[i].first_line for i in group],
                      f"{len(group)} display lines in one headline: read as kicker, title, subtitles",
                      doubt=0.3)


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
