"""Lexical cohesion: do the texts on either side of a display line tell one story?

The sections of one article keep naming the same people, places and things; a new
article names others. Measured as in text tiling: the Chinese character pairs (bigrams)
the two sides share, each weighted by how rare it is among the page's paragraphs (a pair
every paragraph uses says nothing), over the geometric mean of the two sides' weights.
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


class Cohesion:
    """The page's paragraph frequencies of bigrams, made once; scores of text pairs."""

    def __init__(self, blocks: list[Block]):
        paragraphs = [b.text for b in blocks if b.kind == TEXT and len(b.text) > 20]
        self.paragraphs = len(paragraphs)
        frequency: collections.Counter = collections.Counter()
        for text in paragraphs:
            frequency.update(bigrams(text))
        total = self.paragraphs + 1
        self.weights = {pair: math.log(total / (n + 0.5)) for pair, n in frequency.items()}
        self.unseen = math.log(total / 0.5)

    def _weight_of(self, pairs: set[str]) -> float:
        get, unseen = self.weights.get, self.unseen
        return sum(get(p, unseen) for p in pairs)

    def score(self, before: str, after: str) -> float | None:
        """0 (nothing shared) … 1 (the same text); None when a side is too short to tell."""
        a, b = bigrams(before[-WINDOW:]), bigrams(after[:WINDOW])
        if len(a) < 40 or len(b) < 40 or self.paragraphs < 4:
            return None
        return self._weight_of(a & b) / math.sqrt(self._weight_of(a) * self._weight_of(b))
