"""Readable ASCII names from Chinese text: pinyin of its first words."""
from __future__ import annotations

import re

MAX_SLUG_WORDS = 6


def slugify(title: str, fallback: str = "article") -> str:
    """Pinyin of the title's first words: ``激发科技『向新力』`` → ``jifa-keji-xiangxinli``."""
    import jieba
    from pypinyin import lazy_pinyin

    words = []
    for word in jieba.lcut(title):
        syllables = "".join(lazy_pinyin(word)).lower()
        ascii_word = re.sub(r"[^a-z0-9]+", "", syllables)
        if ascii_word:
            words.append(ascii_word)
        if len(words) == MAX_SLUG_WORDS:
            break
    return "-".join(words)[:60].strip("-") or fallback
