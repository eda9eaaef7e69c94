"""Is an engine's answer a translation at all? Checked before it goes into the memory.

Services fail in ways that look like success: the source sent back unchanged
(a quota reached, a wrong language pair), an empty string, Chinese with a few
words translated, a glossary placeholder dropped or invented, an error page or
half a sentence. Such an answer, stored, would be shown on the English page as
"machine translation" for good. ``why_not_a_translation`` names the fault; the
caller then stores nothing, counts the segment as missing and asks again on
the next run.
"""
from __future__ import annotations

import re

from .glossary import PLACEHOLDER

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")

# English runs about 2–4 characters per Chinese character. Outside these bounds an
# answer is not a translation of its source but something else (an error page, a cut).
MOST_CJK_SHARE = 0.3        # of the letters: more than this still Chinese → not translated
LONGEST_PER_CHAR, LONGEST_SLACK = 8.0, 40
SHORTEST_PER_CHAR, SHORTEST_SLACK = 0.8, 5


def _placeholders(text: str) -> list[str]:
    return sorted(m.group(1) for m in PLACEHOLDER.finditer(text))


def why_not_a_translation(sent: str, answer: str | None) -> str | None:
    """None for a plausible English answer to ``sent``, else what is wrong with it (one phrase).

    Every glossary placeholder (``[T0]`` …) of ``sent`` must come back once, and no other."""
    text = " ".join((answer or "").split())
    if not text:
        return "empty answer"
    if text == " ".join(sent.split()):
        return "the answer is the source text unchanged"
    if _placeholders(text) != _placeholders(sent):
        return (f"glossary placeholders changed (sent {len(_placeholders(sent))}, "
                f"got {len(_placeholders(text))})")
    cjk, latin = len(_CJK.findall(text)), len(_LATIN.findall(text))
    if cjk > MOST_CJK_SHARE * (cjk + latin):
        return f"the answer is still Chinese ({cjk} of {cjk + latin} letters)"
    n = len("".join(sent.split()))
    if len(text) > LONGEST_PER_CHAR * n + LONGEST_SLACK:
        return f"the answer is implausibly long ({len(text)} characters for {n})"
    if len(text) < SHORTEST_PER_CHAR * n - SHORTEST_SLACK:
        return f"the answer is implausibly short ({len(text)} characters for {n})"
    return None
