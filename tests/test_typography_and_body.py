"""Typographic normalisation and the Markdown body format."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, strategies as st

from build_scripts.body import escape, parse_body, render_body, unescape
from build_scripts.model import BodyBlock
from build_scripts.typography import normalise_punctuation

FULL = str.maketrans(",:;!?()", "\uff0c\uff1a\uff1b\uff01\uff1f\uff08\uff09")


@pytest.mark.parametrize("raw, want", [
    ("强调:“要瞄准世界能源科技前沿,聚焦能源", "强调^:“要瞄准世界能源科技前沿^,聚焦能源"),
    ("(李清)", "^(李清^)"),
    ("首台(套)重大技术装备", "首台^(套^)重大技术装备"),
    ("“小马扎”微宣讲: 巾帼力量", "“小马扎”微宣讲^:巾帼力量"),
    ("绿电占比63%,", "绿电占比63%^,"),
    ("风速7.0—8.5m/s,风向单一", "风速7.0—8.5m/s^,风向单一"),
    ("太暖心了!”", "太暖心了^!”"),
    ("共1,000人,10:30开始", "共1,000人^,10:30开始"),
    ("Hello, world: (VR) ok", "Hello, world: (VR) ok"),
    ("开发VR虚拟工厂(VR)", "开发VR虚拟工厂^(VR^)"),
])
def test_half_width_punctuation_in_chinese_becomes_full_width(raw, want):
    # The expectations mark full-width forms with ^: "^," is U+FF0C.
    want = re.sub(r"\^(.)", lambda m: m.group(1).translate(FULL), want)
    assert normalise_punctuation(raw) == want


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "{{ config }}", "# 不是标题",
                                  "1. 不是列表", "- 不是列表", "**不是粗体**", "[链接](http://x)",
                                  "a_b*c`d\\e", "&amp; &lt;"])
def test_escape_round_trips_and_hides_markup(text):
    md = escape(text)
    assert unescape(md) == text
    assert "<script>" not in md and not md.startswith(("#", "1.", "- ", "**"))


blocks = st.lists(st.one_of(
    st.builds(BodyBlock, st.just("paragraph"), st.text(min_size=1).map(lambda s: " ".join(s.split())).filter(bool)),
    st.builds(BodyBlock, st.just("subhead"), st.text(min_size=1).map(lambda s: " ".join(s.split())).filter(bool),
              level=st.sampled_from([2, 3])),
), min_size=1, max_size=6)


@given(blocks)
def test_body_round_trip(body):
    assert parse_body(render_body(body)) == body


def test_lead_in_renders_bold_and_parses_back():
    block = BodyBlock("paragraph", "政务服务再提速。深化改革。", lead_in="政务服务再提速。")
    md = render_body([block])
    assert md == "**政务服务再提速**。深化改革。\n"
    assert parse_body(md) == [block]
