"""Typographic normalisation, as a Chinese newspaper site prints text.

PDF converters and OCR often emit half-width ``, : ; ( ) ! ?`` inside Chinese
text. In Chinese context they become full-width; digits, Latin words and units
keep theirs (``1,000``, ``10:30``, ``m/s``, ``(VR)`` inside English).
"""
from __future__ import annotations

import re

# Written as escapes: full-width forms look like ASCII in many editors.
FULL_WIDTH = {",": "\uff0c", ":": "\uff1a", ";": "\uff1b", "!": "\uff01", "?": "\uff1f",
              "(": "\uff08", ")": "\uff09"}
FW_COMMA, FW_COLON, FW_SEMICOLON, FW_EXCLAMATION, FW_QUESTION, FW_LEFT, FW_RIGHT = FULL_WIDTH.values()

# Chinese characters plus the CJK punctuation that only appears in Chinese text.
_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’—…·『』「」《》"


_CJK_CHAR = re.compile(f"[{_CJK}]")
_SPACED_MARK = re.compile("\\s*([" + "".join(FULL_WIDTH.values()) + "])\\s*")


def is_cjk(ch: str) -> bool:
    return bool(ch) and _CJK_CHAR.match(ch) is not None


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _neighbour(text: str, i: int, step: int) -> str:
    """The nearest non-space character from position i going left (-1) or right (+1)."""
    i += step
    while 0 <= i < len(text) and text[i] in " \t":
        i += step
    return text[i] if 0 <= i < len(text) else ""


def _chinese_context(text: str, i: int) -> bool:
    if 0 < i < len(text) - 1 and _is_han(text[i - 1]) and _is_han(text[i + 1]):
        return True  # the common case, decided without looking further
    left, right = _neighbour(text, i, -1), _neighbour(text, i, +1)
    if left.isdigit() and right.isdigit():   # 1,000 and 10:30 stay
        return False
    return is_cjk(left) or is_cjk(right) or (left.isdigit() and right == "") \
        or (left in "%" and (right == "" or is_cjk(right)))


def _matching_parens(text: str) -> dict[int, int]:
    pairs, stack = {}, []
    for m in _PARENS.finditer(text):
        if m.group() == "(":
            stack.append(m.start())
        elif stack:
            pairs[stack.pop()] = m.start()
    return pairs


_PARENS = re.compile(r"[()]")
_MARKS = re.compile(r"[,:;!?]")
_HALF_WIDTH = re.compile(r"[,:;!?()]")


_BETWEEN_HAN = re.compile(r"(?<=[\u4e00-\u9fff])[,:;!?](?=[\u4e00-\u9fff])")


def normalise_punctuation(text: str) -> str:
    """Half-width punctuation in Chinese context → full-width; spaces it leaves behind go."""
    if not _HALF_WIDTH.search(text):
        return text
    # The common case first, in one pass: a mark between two Chinese characters.
    text = _BETWEEN_HAN.sub(lambda m: FULL_WIDTH[m.group()], text)
    if not _HALF_WIDTH.search(text):
        return text
    chars = list(text)
    for open_, close in _matching_parens(text).items():
        inside = text[open_ + 1:close]
        if any(_is_han(c) for c in inside) or is_cjk(_neighbour(text, open_, -1)) \
                or is_cjk(_neighbour(text, close, +1)):
            chars[open_], chars[close] = FW_LEFT, FW_RIGHT
    for m in _MARKS.finditer(text):
        if _chinese_context(text, m.start()):
            chars[m.start()] = FULL_WIDTH[m.group()]
    out = "".join(chars)
    # A full-width mark carries its own spacing: drop spaces around it.
    return _SPACED_MARK.sub(lambda m: m.group(1), out) if " " in out else out
