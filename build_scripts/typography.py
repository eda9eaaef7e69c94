"""Typographic normalisation, as a Chinese newspaper site prints text.

PDF converters and OCR often emit half-width ``, : ; ( ) ! ?`` inside Chinese
text. In Chinese context they become full-width; digits, Latin words and units
keep theirs (``1,000``, ``10:30``, ``m/s``, ``(VR)`` inside English).
"""
from __future__ import annotations

import re

FULL_WIDTH = {",": ",", ":": ":", ";": ";", "!": "!", "?": "?", "(": "(", ")": ")"}

# Chinese characters plus the CJK punctuation that only appears in Chinese text.
_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’—…·『』「」《》"


def is_cjk(ch: str) -> bool:
    return bool(ch) and re.match(f"[{_CJK}]", ch) is not None


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _neighbour(text: str, i: int, step: int) -> str:
    """The nearest non-space character from position i going left (-1) or right (+1)."""
    i += step
    while 0 <= i < len(text) and text[i] in " \t":
        i += step
    return text[i] if 0 <= i < len(text) else ""


def _chinese_context(text: str, i: int) -> bool:
    left, right = _neighbour(text, i, -1), _neighbour(text, i, +1)
    if left.isdigit() and right.isdigit():   # 1,000 and 10:30 stay
        return False
    return is_cjk(left) or is_cjk(right) or (left.isdigit() and right == "") \
        or (left in "%" and (right == "" or is_cjk(right)))


def _matching_parens(text: str) -> dict[int, int]:
    pairs, stack = {}, []
    for i, ch in enumerate(text):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            pairs[stack.pop()] = i
    return pairs


def normalise_punctuation(text: str) -> str:
    """Half-width punctuation in Chinese context → full-width; spaces it leaves behind go."""
    chars = list(text)
    for open_, close in _matching_parens(text).items():
        inside = text[open_ + 1:close]
        if any(_is_han(c) for c in inside) or is_cjk(_neighbour(text, open_, -1)) \
                or is_cjk(_neighbour(text, close, +1)):
            chars[open_], chars[close] = "(", ")"
    for i, ch in enumerate(text):
        if ch in ",:;!?" and _chinese_context(text, i):
            chars[i] = FULL_WIDTH[ch]
    out = "".join(chars)
    # A full-width mark carries its own spacing: drop spaces around it.
    return re.sub(r"\s*([,:;!?()])\s*", r"\1", out)
