"""Lexical cohesion: do the texts on either side of a display line tell one story?

The sections of one article keep naming the same people, places and things; a new
article names others. Measured as in text tiling: the Chinese character pairs (bigrams)
the two sides share, each weighted by how rare it is on the page (a pair the whole page
uses says nothing), over the geometric mean of the two sides' weights.
It knows nothing of any vocabulary: only the page's own text.
"""
from __future__ import annotations

import collections
import math
import re

from ..model import TEXT, Block

WINDOW = 500            # characters of text looked at on each side
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def bigrams(text: str) -> set[str]:
    pairs: set[str] = set()
    for run in _HAN_RUN.findall(text):
        pairs.update(map(str.__add__, run, run[1:]))
    return pairs


class _Weights(dict):
    """A pair's weight, worked out the first time it is asked for."""

    def __init__(self, counts: collections.Counter, total: int):
        super().__init__()
        self.counts, self.total = counts, max(total, 1)

    def __missing__(self, pair: str) -> float:
        weight = self[pair] = math.log(self.total / (self.counts[pair] + 1))
        return weight


class Cohesion:
    """How often each bigram occurs on the page, counted once; scores of text pairs.

    A pair's weight is its rarity on the whole page (a page-level stand-in for the
    document frequency of text tiling, counted in one pass over the page's text).
    """

    def __init__(self, blocks: list[Block]):
        paragraphs = [b.text for b in blocks if b.kind == TEXT and len(b.text) > 20]
        self.paragraphs = len(paragraphs)
        text = "\n".join(paragraphs)
        self.weights = _Weights(collections.Counter(map(str.__add__, text, text[1:])), len(text))

    def _weight_of(self, pairs: set[str]) -> float:
        return sum(map(self.weights.__getitem__, pairs))

    def score(self, before: str, after: str) -> float | None:
        """0 (nothing shared) … 1 (the same text); None when a side is too short to tell."""
        a, b = bigrams(before[-WINDOW:]), bigrams(after[:WINDOW])
        if len(a) < 40 or len(b) < 40 or self.paragraphs < 4:
            return None
        return self._weight_of(a & b) / math.sqrt(self._weight_of(a) * self._weight_of(b))
