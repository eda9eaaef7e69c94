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
_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")


def _bigrams(text: str) -> set[str]:
    pairs = set()
    for run in _NOT_HAN.split(text):
        pairs.update(run[i:i + 2] for i in range(len(run) - 1))
    return pairs


class Cohesion:
    """The page's paragraph frequencies of bigrams, made once; scores of text pairs."""

    def __init__(self, blocks: list[Block]):
        paragraphs = [b.text for b in blocks if b.kind == TEXT and len(b.text) > 20]
        self.paragraphs = len(paragraphs)
        self.frequency: collections.Counter = collections.Counter()
        for text in paragraphs:
            self.frequency.update(_bigrams(text))

    def _weight(self, pair: str) -> float:
        return math.log((self.paragraphs + 1) / (self.frequency[pair] + 0.5))

    def score(self, before: str, after: str) -> float | None:
        """0 (nothing shared) … 1 (the same text); None when a side is too short to tell."""
        a, b = _bigrams(before[-WINDOW:]), _bigrams(after[:WINDOW])
        if len(a) < 40 or len(b) < 40 or self.paragraphs < 4:
            return None
        shared = sum(self._weight(p) for p in a & b)
        return shared / math.sqrt(sum(map(self._weight, a)) * sum(map(self._weight, b)))
