"""Which runs of display lines open an article, on a page that does not say so by marks.

A page whose paragraphs are indented prints its headlines flush (unindented): there the
indent decides. Elsewhere each run of display lines is weighed by what a reader of a
newspaper page sees around it; every piece of evidence has a name (it goes in the report
when the decision is close) and a weight:

- decisive (4): the page's top; the article before ended with a closing credit; a byline
  or dateline follows;
- medium (2): two or more display lines (kicker, title, subtitle); a column tag
  (``（社区时评）``); a kicker's ``——`` or ``：`` at the end of the first line, a
  subtitle's ``——`` at the start of a later one; a photo item (a caption and a photo
  credit follow, nothing else);
- lexical cohesion (±1, ±2): the text before and after share almost no words (a new story),
  or many (the same story goes on under a subhead);
- against (−4): numbered like a subhead (``一、``, ``（二）``, ``3.``).

A run opens an article when the weights reach ``OPENS_AT``; the margin is the decision's
doubt, which the report uses to order what an editor checks first.
"""
from __future__ import annotations

from ..model import BYLINE, CAPTION, FURNITURE, HEADING, PHOTO_CREDIT, TEXT
from .cohesion import WINDOW, Cohesion
from .page import Page
from .shapes import COLUMN_TAG, DATELINE, ENUMERATED

OPENS_AT = 2
COHESION_SWING = 2     # the most lexical cohesion adds or takes away
UNCOMPARED = "too little text on either side to compare their words"
_KICKER_ENDS = ("——", "\uff1a", ":")          # ：
_SUBTITLE_STARTS = ("——", "—", "-")


def _after(page: Page, group: list[int]) -> int | None:
    """The first block after the run that is not a caption or furniture."""
    for j in range(group[-1] + 1, len(page.blocks)):
        if page.blocks[j].kind not in (CAPTION, FURNITURE):
            return j
    return None


def _photo_item(page: Page, group: list[int]) -> bool:
    """A headline over a caption and a photo credit, and nothing else: a picture story."""
    texts = 0
    for j in range(group[-1] + 1, min(group[-1] + 5, len(page.blocks))):
        block = page.blocks[j]
        if is_photo_credit(block):
            return texts <= 2
        if block.kind == HEADING:
            return False
        texts += block.kind == TEXT
    return False


def is_photo_credit(block) -> bool:
    return block.kind == CAPTION and block.role == PHOTO_CREDIT


def evidence(page: Page, group: list[int]) -> list[tuple[str, int]]:
    """Named pieces of evidence for (positive) and against (negative) the run opening an article."""
    found: list[tuple[str, int]] = []
    texts = [page.blocks[i].text for i in group]
    before = page.previous_index(group[0], skip=frozenset({CAPTION}))
    if before is None or page.blocks[before].kind == FURNITURE:
        found.append(("top of the page", 4))
    elif page.closes_article(before):
        found.append(("the article before ends with its credit", 4))
    after = _after(page, group)
    if after is not None:
        block = page.blocks[after]
        if (block.kind == BYLINE and not block.closing) or \
                (block.kind == TEXT and DATELINE.match(block.text)):
            found.append(("a byline or dateline follows", 4))
    if len(group) >= 2:
        found.append(("printed as a headline block of several lines", 2))
    if any(COLUMN_TAG.search(t) and len(t) > 8 for t in texts):
        found.append(("carries a column tag", 2))
    if len(group) >= 2 and texts[0].endswith(_KICKER_ENDS):
        found.append(("opens with a kicker", 2))
    if any(t.startswith(_SUBTITLE_STARTS) for t in texts[1:]):
        found.append(("has a subtitle line", 2))
    if _photo_item(page, group):
        found.append(("heads a picture story", 2))
    if ENUMERATED.match(texts[0]):
        found.append(("numbered like a subhead", -4))
    weight = sum(w for _, w in found)
    if OPENS_AT - COHESION_SWING <= weight < OPENS_AT + COHESION_SWING:  # only where it can tip
        found += _cohesion_evidence(page, group)
    return found


# (upper bound of the score, evidence, weight), first match wins.
_COHESION_STEPS = ((0.015, "the text on either side shares almost no words", 2),
                   (0.035, "the text on either side shares few words", 1),
                   (0.08, None, 0),
                   (0.12, "the text on either side shares many words", -1),
                   (2.0, "the text on either side tells one story", -2))


def _text_around(page: Page, group: list[int]) -> tuple[str, str]:
    """The running article's text before the run, and the text under it up to the next
    heading: as much of each as the cohesion window looks at."""
    before: list[str] = []
    size = 0
    for j in range(group[0] - 1, -1, -1):
        block = page.blocks[j]
        if (block.kind == HEADING and block.starts_article) or size >= WINDOW:
            break
        if block.kind == TEXT:
            before.append(block.text)
            size += len(block.text)
    after: list[str] = []
    size = 0
    for j in range(group[-1] + 1, len(page.blocks)):
        block = page.blocks[j]
        if block.kind == HEADING or size >= WINDOW:
            break
        if block.kind == TEXT:
            after.append(block.text)
            size += len(block.text)
    return "".join(reversed(before)), "".join(after)


def _cohesion_evidence(page: Page, group: list[int]) -> list[tuple[str, int]]:
    if page.cohesion is None:
        page.cohesion = Cohesion(page.blocks)
    score = page.cohesion.score(*_text_around(page, group))
    if score is None:
        return [(UNCOMPARED, 0)]
    for bound, name, weight in _COHESION_STEPS:
        if score < bound:
            return [(name, weight)] if name else []
    return []


def opening_weight(page: Page, group: list[int]) -> tuple[int, list[tuple[str, int]]]:
    found = evidence(page, group)
    return sum(w for _, w in found), found


