"""Whole sentences from the start of a paragraph: an article's description and standfirst,
and the one-line summary the front page gives the other articles.

A sentence ends at 。！？ (with any closing quote or bracket after it), or at . ! ?
followed by a space or the end; a semicolon does not end one.
"""
from __future__ import annotations

import re

ELLIPSIS = "…"
_CLOSERS = "\"'”’」』）)》"
_SENTENCE_END = re.compile(rf"(?:[。！？]|[.!?](?=[{_CLOSERS}]*(?:\s|$)))[{_CLOSERS}]*")


def whole_sentences(text: str, limit: int, *, one: bool = False, keep_long_first: bool = False) -> str:
    """The longest start of ``text`` that ends at a sentence end and has at most ``limit``
    characters (only the first sentence when ``one``); when the first sentence is already
    longer, the whole first sentence if ``keep_long_first`` (a standfirst never stops
    mid-sentence), else its first ``limit`` characters and an ellipsis (a one-line summary).
    ``text`` shorter than ``limit`` that ends without a sentence end (a headline-like
    paragraph) is kept whole; longer, with no sentence end at all, it is cut with an ellipsis."""
    text = " ".join(text.split())
    end = 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() > limit:
            end = end or (match.end() if keep_long_first else 0)
            break
        end = match.end()
        if one:
            break
    if end:
        return text[:end]
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if " " in cut[limit // 2:] and text[limit:limit + 1] not in ("", " "):   # a word cut in two
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip() + ELLIPSIS
