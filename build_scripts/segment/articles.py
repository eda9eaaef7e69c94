"""Cut the page's blocks into articles and assemble each ``Article``."""
from __future__ import annotations

from ..model import (BYLINE, CAPTION, FURNITURE, HEADING, KICKER, PHOTO_CREDIT, SUBHEAD, SUBTITLE, TEXT, TITLE,
                     Article, BodyBlock, Block)
from .page import Page, opens_untitled_story

UNTITLED_DOUBT = 0.9   # an article without its headline is most likely a wrong cut


def article_spans(page: Page) -> list[list[int]]:
    """Block indices of each article, in page order.

    An article opens at a headline (unless that headline was displaced into the
    article running around it) and closes at its closing byline; captions
    after the close still belong to it. Furniture belongs to none. An editor's cut
    overrides all of that: ``start`` opens an article, ``join`` goes on with the one before.
    """
    spans: list[list[int]] = []
    closed = True
    for i, block in enumerate(page.blocks):
        if block.kind == FURNITURE:
            continue
        if block.cut == "join" and spans:
            spans[-1].append(i)
            closed = page.closes_article(i)
            continue
        opens = block.cut == "start" or (block.kind == HEADING and block.starts_article and not block.attached) \
            or opens_untitled_story(page, i)
        # On an indented page only a flush headline opens an article: text after a credit
        # there is the next part of a composite (letters, briefs) or a signature's date.
        after_close = closed and block.kind in (TEXT, HEADING) and not page.indents_paragraphs
        if opens or not spans or after_close:
            spans.append([])
            closed = False
        spans[-1].append(i)
        if page.closes_article(i):
            closed = True
    return spans


def _subhead_levels(page: Page) -> dict[int | None, int]:
    ranks = sorted({b.rank for b in page.blocks if b.role == SUBHEAD and b.rank is not None})
    levels: dict[int | None, int] = {rank: min(2 + n, 3) for n, rank in enumerate(ranks)}
    levels[None] = 2
    return levels


def _captions(blocks: list[Block]) -> list[str]:
    """Caption texts; a photo credit right under a caption joins it."""
    captions: list[str] = []
    previous_was_caption = False
    for block in blocks:
        if block.kind == CAPTION and block.role == PHOTO_CREDIT and previous_was_caption:
            captions[-1] += block.text
        elif block.kind == CAPTION:
            captions.append(block.text)
        previous_was_caption = block.kind == CAPTION
    return captions


def assemble(page: Page, span: list[int], order: int, levels: dict[int | None, int]) -> Article:
    blocks = [page.blocks[i] for i in span]
    head = {role: [b.text for b in blocks if b.kind == HEADING and b.role == role]
            for role in (KICKER, TITLE, SUBTITLE)}
    credits = [b for b in blocks if b.kind == BYLINE]
    authors: list[str] = []
    for b in credits:
        authors += [a for a in b.authors if a not in authors]
    printed = [b.text for b in credits]  # every credit as printed; ``dateline`` is derived from them
    body = [BodyBlock("subhead", b.text, level=levels.get(b.rank, 2)) if b.kind == HEADING
            else BodyBlock("paragraph", b.text, lead_in=b.lead_in)
            for b in blocks if b.kind == TEXT or (b.kind == HEADING and b.role == SUBHEAD)]
    lines = [n for b in blocks for n in b.lines]
    return Article(
        title=" ".join(head[TITLE]),
        printed_title=" ".join(head[TITLE]),
        kicker=" ".join(head[KICKER]) or None,
        subtitle=" ".join(head[SUBTITLE]) or None,
        authors=authors,
        byline=" ".join(printed) or None,
        dateline=next((b.dateline for b in credits if b.dateline), None),
        captions=_captions(blocks),
        body=body,
        source_file=str(page.dump.path),
        lines=(min(lines), max(lines)),
        source_lines=sorted(set(lines)),
        order=order,
    )


def _rate_confidence(page: Page, spans: list[list[int]], articles: list[Article]) -> None:
    """Each article's confidence: 1 − the largest doubt of a decision touching its lines."""
    article_of = {line: n for n, span in enumerate(spans) for i in span for line in page.blocks[i].lines}
    for repair in page.repairs:
        for n in {article_of[line] for line in repair.lines if line in article_of}:
            articles[n].confidence = min(articles[n].confidence, round(1 - repair.doubt, 2))


def group_into_articles(page: Page) -> list[Article]:
    levels = _subhead_levels(page)
    spans = article_spans(page)
    articles = [assemble(page, span, n, levels) for n, span in enumerate(spans, start=1)]
    for article in articles:
        if not article.title:
            page.note("group_into_articles", list(article.lines),
                      "article without a headline on this page", doubt=UNTITLED_DOUBT)
    _rate_confidence(page, spans, articles)
    return articles
