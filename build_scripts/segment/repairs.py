"""Passes that put back what the page layout displaced or cut."""
from __future__ import annotations

from ..model import BYLINE, CAPTION, FURNITURE, HEADING, SUBHEAD, TEXT, TITLE
from .articles import article_spans
from .cohesion import Cohesion
from .display import head_roles, heading_run, opening_credit
from .page import Page
from .shapes import (DATELINE, LEDE_OPENING, MAX_TAIL, closes_what_is_left_open, ends_mid_sentence, ends_sentence,
                     ends_with_word_cut, has_lead_in, heading_shaped, leaves_open, opens_with_a_word_and_a_stop,
                     similar_length, starts_like_new_paragraph)
from .words import doubled_across, word_across

_BETWEEN_COLUMNS = frozenset({CAPTION, FURNITURE})
SHORT_TITLE_LINE = 16


def _running_title(page: Page, i: int) -> list[int] | None:
    """The headline run of the article that block i belongs to, or None if untitled
    (the article before closed with its credit, or no headline stands above)."""
    for j in range(i - 1, -1, -1):
        block = page.blocks[j]
        if page.closes_article(j):
            return None
        if block.kind == HEADING and block.starts_article:  # the first line of its run
            return heading_run(page, j)
    return None


def _opens_after_move(page: Page, k: int) -> bool:
    """Once the paragraph is mended, does an opening byline or dateline stand at block k?"""
    j = page.next_index(k - 1, {BYLINE, TEXT}, skip=_BETWEEN_COLUMNS)
    if j is None:
        return False
    block = page.blocks[j]
    return (block.kind == BYLINE and not block.closing) or \
        (block.kind == TEXT and DATELINE.match(block.text) is not None)


def _first_paragraph(page: Page, i: int) -> bool:
    """Block i is the first text of its article: only its own opening credit stands between
    it and the page's top or the close of the article before."""
    for j in range(i - 1, -1, -1):
        block = page.blocks[j]
        if block.kind == TEXT or page.closes_article(j):
            return block.kind != TEXT
        if block.kind == HEADING:
            return True
    return True


def _continuation_after(page: Page, group: list[int]) -> int | None:
    """The text block after a heading group, passing its byline, captions and furniture,
    if it can be a paragraph's continuation (not a dateline, not indented as a new one)."""
    j = page.next_index(group[-1], {TEXT}, skip={BYLINE, CAPTION, FURNITURE})
    if j is None or DATELINE.match(page.blocks[j].text) or page.cut_before(page.blocks[j]) or \
            (page.indents_paragraphs and page.blocks[j].indent):
        return None
    return j


def _give_roles(page: Page, heads: list, roles: list[str]) -> None:
    for head, role in zip(heads, roles):
        if not page.settled(head):
            head.role = role


def _pairs_with_title(page: Page, group: list[int], title: list[int], j: int) -> bool:
    """A lone display line that completes a one-line title (two short, even lines); not when a
    story's opening credit follows the mended paragraph (then the line is that story's headline)."""
    line, head = page.blocks[group[0]].text, page.blocks[title[0]].text
    nothing_between = j == group[-1] + 1
    next_story = opening_credit(page, page.next_index(j, {BYLINE, TEXT, HEADING}, skip=_BETWEEN_COLUMNS))
    return (len(group) == 1 and len(title) == 1 and nothing_between and not next_story
            and max(len(line), len(head)) <= SHORT_TITLE_LINE and similar_length(line, head))


def _belongs_to_next(page: Page, i: int, group: list[int], j: int) -> bool:
    """Is the cut paragraph (block i, going on at block j) the first paragraph of the article
    whose headline stands in it, rather than the last one of the article before?

    It is when it opens like a story's first paragraph (a dateline, a byline just above),
    or when its words are those of the text that follows, not of the text before.
    """
    if opening_credit(page, page.next_index(j, {BYLINE, TEXT, HEADING}, skip=_BETWEEN_COLUMNS)):
        return False    # the headline's story opens at the credit after the mended paragraph
    before = page.previous_index(i, skip=_BETWEEN_COLUMNS)
    if DATELINE.match(page.blocks[i].text) or (before is not None and page.blocks[before].kind == BYLINE
                                               and not page.blocks[before].closing):
        return True
    if page.cohesion is None:
        page.cohesion = Cohesion(page.blocks)
    cut = page.blocks[i].text + page.blocks[j].text
    earlier = "".join(b.text for b in page.blocks[max(0, i - 8):i] if b.kind == TEXT)
    later = "".join(b.text for b in page.blocks[j + 1:j + 9] if b.kind == TEXT)
    with_earlier, with_later = page.cohesion.score(earlier, cut), page.cohesion.score(cut, later)
    return with_earlier is not None and with_later is not None and with_later > with_earlier + 0.02


def _above_opening_credit(page: Page, i: int) -> int:
    """Where a headline goes above paragraph i: above the opening credit split from it
    (``本报某地某日电`` cut from ``（记者某）…``), which belongs to the same story."""
    while i > 0 and page.blocks[i - 1].kind == BYLINE and not page.blocks[i - 1].closing \
            and not page.settled(page.blocks[i - 1]):
        i -= 1
    return i


def attach_displaced_heads(page: Page) -> None:
    """A sentence cut by display lines continues after them; the display lines moved.

    - the running article has no headline: the headline printed inside its text
      is its own (the layout set it mid-article); it goes to the top;
    - the running article has a one-line title and the lone line pairs with it:
      it is the title's second line;
    - a subhead cannot stand mid-sentence: it goes after the mended paragraph;
    - another article's headline stands in the cut: the paragraph is the first one of that
      article (its headline goes above it) or the last one of the article before (the
      headline stays where it is, after the mended paragraph).
    """
    step = "attach_displaced_heads"
    i = 0
    while i < len(page.blocks):
        block = page.blocks[i]
        cut = block.kind == TEXT and not block.continues_elsewhere and ends_mid_sentence(block.text)
        first = page.next_index(i, {HEADING}, skip=_BETWEEN_COLUMNS) if cut else None
        if first is None or page.blocks[first].fixed:   # a PDF's reading order put it there
            i += 1
            continue
        group = heading_run(page, first)
        j = _continuation_after(page, group)
        if j is None:
            i += 1
            continue
        title = _running_title(page, i)
        heads = page.blocks[group[0]:group[-1] + 1]
        where = [h.first_line for h in heads]
        cut = heads[0].cut   # an editor's cut at the head: it opens an article, or it does not
        if cut is None and not page.settled(heads[0]) and title is not None \
                and _pairs_with_title(page, group, title, j):
            heads[0].role, heads[0].starts_article, heads[0].attached = TITLE, True, True
            page.note(step, where, f"“{heads[0].text}” is the second line of the title "
                      f"“{page.blocks[title[0]].text}”, printed inside the text")
        elif title is None and cut != "join" and (heads[0].starts_article or _first_paragraph(page, i)):
            # an untitled article's only display line, inside its first paragraph: its headline
            heads[0].starts_article = True
            for h in heads:
                h.attached = True
            _give_roles(page, heads, head_roles(heads))
            page.note(step, where, f"headline “{heads[0].text}” printed inside its own "
                      f"article's text: moved to the article's top")
        elif not heads[0].starts_article:
            moved = page.blocks[group[0]:group[-1] + 1]
            del page.blocks[group[0]:group[-1] + 1]
            j -= len(moved)
            page.join(i, j, step, "sentence cut by a subhead")
            page.blocks[i + 1:i + 1] = moved
            if cut is None and _opens_after_move(page, i + 1 + len(moved)):
                heads[0].starts_article = True
                _give_roles(page, heads, head_roles(heads))
                page.note(step, where, f"headline “{heads[0].text}” stood beside the last paragraph "
                          f"of the article before; a dateline follows it: it opens the next article", doubt=0.4)
            else:
                page.note(step, where, "subhead stood inside a sentence: moved after the paragraph",
                          doubt=0.4)
            continue
        elif _belongs_to_next(page, i, group, j):
            moved = page.blocks[group[0]:j]   # the headline with its byline and captions
            del page.blocks[group[0]:j]
            at = _above_opening_credit(page, i)
            page.blocks[at:at] = moved
            page.note(step, where, f"headline “{heads[0].text}” printed inside its own "
                      f"article's first paragraph: moved above it", doubt=0.5)
            i += len(moved)
        else:
            page.note(step, where, f"the last paragraph of the article before runs on beside "
                      f"the headline “{heads[0].text}”: joined before it", doubt=0.4)
        page.join(i, j, step, "sentence continues after the displaced headline")
        # stay on i: the mended paragraph may still be cut


def _opening_tail(page: Page, span: list[int]) -> int | None:
    """The article's first paragraph, if shaped like a displaced sentence tail."""
    texts = [i for i in span if page.blocks[i].kind == TEXT]
    has_head = any(page.blocks[i].kind == HEADING and page.blocks[i].role != SUBHEAD for i in span)
    if len(texts) < 2 or not has_head:
        return None
    first = page.blocks[texts[0]]
    if page.cut_before(first) or page.settled(first):
        return None              # an editor put this paragraph where it stands
    # On a page that indents its paragraphs, an indented one starts a paragraph and a flush
    # one is a continuation, however long, even under a dateline.
    if page.indents_paragraphs and first.indent:
        return None
    flush = page.indents_paragraphs
    before = page.previous_index(texts[0])
    if before is not None and page.blocks[before].dateline and not flush:  # a dateline opens a lede
        return None
    if (len(first.text) > MAX_TAIL and not flush) or not ends_sentence(first.text) \
            or DATELINE.match(first.text) or LEDE_OPENING.match(first.text):
        return None
    if any(page.blocks[i].kind == HEADING and page.blocks[i].role == SUBHEAD
           for i in span if i < texts[0]):
        return None
    return texts[0]


MAX_TAGLINE = 20     # longest unpunctuated line that closes an article as a tagline, not a cut

# How strongly each kind of evidence ties a tail to a cut: a word across the seam is read
# in the two texts themselves; the others are only about the paragraphs' shapes.
WORD_ACROSS, LEAD_IN_AFTER, FLUSH_TAIL = 2, 1, 1
QUOTE_CLOSED = WORD_ACROSS   # read in the texts too: the marks pair across the seam


def _tail_closes_the_quote(cut: str, tail: str, following: str) -> bool:
    """The cut paragraph leaves a quote open, the tail closes it and the paragraph after
    the cut does not: the tail is the quote's second half."""
    return closes_what_is_left_open(cut, tail) and not closes_what_is_left_open(cut, following)


def _open_cuts(page: Page, span: list[int], tail: int) -> list[tuple[int, str | None, int]]:
    """Paragraphs cut mid-word whose next paragraph cannot be their continuation,
    each with the evidence that the tail belongs there (or None) and its strength."""
    cuts = []
    texts = [i for i in span if page.blocks[i].kind == TEXT and i != tail]
    for n, i in enumerate(texts):
        text = page.blocks[i].text
        if not ends_with_word_cut(text) or page.blocks[i].continues_elsewhere:
            continue
        if n == len(texts) - 1 and len(text) <= MAX_TAGLINE and heading_shaped(text):
            continue                      # a short unpunctuated line closing the article: a tagline
        nxt = texts[n + 1] if n + 1 < len(texts) else None
        word = word_across(text, page.blocks[tail].text)
        following = page.blocks[nxt].text if nxt is not None else ""
        quote = _tail_closes_the_quote(text, page.blocks[tail].text, following)
        if nxt is not None and _may_continue(page, i, nxt) and not quote \
                and not (word and not word_across(text, following)):
            continue
        if _tail_closes_the_quote(text, following, page.blocks[tail].text):
            continue                      # the next paragraph closes the quote: it goes on there
        if nxt is not None and _set_between(page, i, nxt) and not word and not quote:
            continue                      # a caption or furniture in the cut: a column break
        if quote:
            evidence, strength = "the tail closes the quote the cut leaves open", QUOTE_CLOSED
        elif word:
            evidence, strength = f"the seam falls inside the word “{word}”", WORD_ACROSS
        elif nxt is not None and has_lead_in(page.blocks[nxt].text):
            evidence, strength = "the paragraph after the cut opens with a lead-in of its own", LEAD_IN_AFTER
        elif page.indents_paragraphs and not page.blocks[tail].indent:
            evidence, strength = ("the tail is printed flush, as a continuation is, on a page that "
                                  "indents paragraphs", FLUSH_TAIL)
        else:
            evidence, strength = None, 0
        cuts.append((i, evidence, strength))
    return cuts


def _ends_on_a_character(text: str) -> bool:
    """Stops on a Chinese character: no closing bracket, quote or mark (``（全文另发）``, ``……``)."""
    return "\u4e00" <= text[-1:] <= "\u9fff"


def _lone_cut_before_a_paragraph(page: Page, span: list[int], tail: int) -> int | None:
    """The article's only paragraph stopping inside a clause, if the paragraph right after it
    (nothing between) is all that could continue it: on a page without indents that paragraph
    looks like a continuation whether it is one or not, and the tail at the top then explains
    the cut as well. Nothing else in a clean article stops that way."""
    texts = [i for i in span if page.blocks[i].kind == TEXT and i != tail]
    cut = [n for n, i in enumerate(texts) if ends_with_word_cut(page.blocks[i].text)
           and _ends_on_a_character(page.blocks[i].text) and not page.blocks[i].continues_elsewhere]
    if len(cut) != 1 or cut[0] == len(texts) - 1 or page.indents_paragraphs:
        return None
    i, nxt = texts[cut[0]], texts[cut[0] + 1]
    if nxt != i + 1:
        return None      # captions or furniture stand in the cut: a column break, not a tail's place
    if starts_like_new_paragraph(page.blocks[tail].text) and not opens_with_a_word_and_a_stop(page.blocks[tail].text):
        return None      # the first paragraph opens as a story's first paragraph does
    text, following = page.blocks[i].text, page.blocks[nxt].text
    if leaves_open(text) or word_across(text, following) or doubled_across(text, following):
        return None      # a quote left open, a word across the seam: the next paragraph goes on with it
    return i


def _set_between(page: Page, i: int, nxt: int) -> bool:
    """Only captions or furniture stand between paragraphs i and nxt, at least one: the page's
    layout set them into one paragraph, as at a column break."""
    between = page.blocks[i + 1:nxt]
    return bool(between) and all(b.kind in _BETWEEN_COLUMNS for b in between)


def _may_continue(page: Page, i: int, nxt: int) -> bool:
    """Can paragraph ``nxt`` be the continuation of the cut paragraph ``i``?"""
    if any(page.blocks[k].kind == HEADING for k in range(i + 1, nxt)):
        return False
    following = page.blocks[nxt]
    if page.indents_paragraphs and following.indent:
        return False                      # indented: a paragraph of its own
    return not starts_like_new_paragraph(following.text)


def move_opening_tails_to_cuts(page: Page) -> None:
    """A sentence tail printed at an article's top goes back where the sentence was cut.

    Only where the evidence is clear: a short first paragraph (or a flush one on an indented
    page), and exactly one paragraph in the article cut with no continuation of its own for
    which there is evidence (a word across the seam, a lead-in right after the cut, the
    tail's flush indent); with other open cuts about, the repair is listed to check.
    """
    step = "move_opening_tails_to_cuts"
    for span in reversed(article_spans(page)):
        tail = _opening_tail(page, span)
        if tail is None:
            continue
        cuts = _open_cuts(page, span, tail)
        strongest = max((strength for _, _, strength in cuts), default=0)
        evident = [(i, why) for i, why, strength in cuts if why and strength == strongest]
        if len(evident) == 1:
            i, why = evident[0]
            page.join(i, tail, step, f"sentence tail printed at the article's top; {why}",
                      doubt=0.4 if len(cuts) > 1 else 0.0)
        elif not cuts and (lone := _lone_cut_before_a_paragraph(page, span, tail)) is not None:
            page.join(lone, tail, step, "sentence tail printed at the article's top; the article's only "
                      "paragraph cut inside a clause is the one place it fits", doubt=0.5)
        elif cuts:
            page.note(step, [page.blocks[tail].first_line],
                      f"first paragraph may be a displaced sentence tail; {len(cuts)} place(s) it could "
                      f"belong and no clear evidence: left where printed", doubt=0.6)


def _apart_on_the_page(a, b) -> bool:
    """A page PDF's reader joined its paragraphs by their lines' geometry: a paragraph it
    left ending in its column is ended there, whatever its last character."""
    return a.layout is not None and b.layout is not None and a.layout.column is not None


def join_column_breaks(page: Page) -> None:
    """A paragraph that stops mid-sentence continues in the next paragraph.

    Captions, furniture and picture space may stand between; a byline or a
    headline may not (those were handled, or the article ends cut).
    """
    step = "join_column_breaks"
    i = 0
    while i < len(page.blocks):
        block = page.blocks[i]
        if block.kind != TEXT or block.continues_elsewhere or not ends_mid_sentence(block.text):
            i += 1
            continue
        j = page.next_index(i, {TEXT}, skip=_BETWEEN_COLUMNS)
        if j is not None and page.cut_before(page.blocks[j]):
            i += 1              # an editor's cut: the paragraph ends its article here
            continue
        if j is None or DATELINE.match(page.blocks[j].text) or \
                (page.indents_paragraphs and page.blocks[j].indent) or _apart_on_the_page(block, page.blocks[j]):
            page.note(step, [block.last_line], f"paragraph ends mid-sentence “…{block.text[-10:]}”; "
                      "its continuation is not on this page", doubt=0.5)
            i += 1
            continue
        doubled = doubled_across(block.text, page.blocks[j].text)
        page.join(i, j, step, "repeated character at the break dropped" if doubled
                  else "sentence continues in the next column", drop_first=int(doubled))
