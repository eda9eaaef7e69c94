"""The glossary with a byline's extra terms (names) finds what one pattern of all its terms finds."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from build_scripts.variants.glossary import Glossary

_TERM = st.text(alphabet="通辽日报科左后旗ab", min_size=1, max_size=4)
_TERMS = st.dictionaries(_TERM, st.text(alphabet="XYZ", min_size=1, max_size=3), max_size=6)


def _one_pattern(terms: dict[str, str], text: str) -> str:
    """Every term → [its rendering], by one alternation of all terms, longest first."""
    if not terms:
        return text
    pattern = re.compile("|".join(map(re.escape, sorted(terms, key=lambda t: (-len(t), t)))))
    return pattern.sub(lambda m: f"[{terms[m.group(0)]}]", text)


@settings(max_examples=400, deadline=None)
@given(_TERMS, _TERMS, st.text(alphabet="通辽日报科左后旗ab，", max_size=30))
def test_terms_and_extra_terms_match_as_one_pattern(terms, extra, text):
    glossary = Glossary(terms)
    protected, renderings = glossary.protect(text, extra)
    got = re.sub(r"⟦T(\d+)⟧|\[T(\d+)\]", lambda m: f"[{renderings[int(m.group(1) or m.group(2))]}]", protected)
    assert got == _one_pattern({**terms, **extra}, text)
    inline = _one_pattern({**terms, **extra}, text).replace("[", " ").replace("]", " ")
    assert glossary.inline(text, extra) == " ".join(inline.split())


def test_the_longer_term_wins_where_both_match_and_an_extra_name_over_a_term():
    glossary = Glossary({"通辽": "Tongliao", "通辽日报": "Tongliao Daily"})
    assert glossary.inline("通辽日报记者", {"通辽日": "X"}) == "Tongliao Daily 记者"
    assert glossary.inline("通辽记者", {"通辽": "Tong Liao"}) == "Tong Liao 记者"
    assert glossary.inline("记者日报", {"日报": "Ribao", "记者日": "Y"}) == "Y 报"
