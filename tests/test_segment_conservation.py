"""Conservation: every character of a dump ends up in an article or in the report.

Pages are generated from the shapes real dumps have (headings with and without
marks, bylines of every form, captions under image space, paragraphs cut at
random places, CRLF and ideographic indents), with sentences of the samples.
"""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from segment_helpers import DUMPS, dump_chars, output_chars, seg

_TEXT = "".join(p.read_text(encoding="utf-8") for p in sorted(DUMPS.glob("*.txt")))
SENTENCES = [s + "。" for s in re.split(r"[。\n#]", _TEXT) if 8 <= len(s.strip()) <= 120]
HEADINGS = [line.strip("# ").strip() for line in _TEXT.splitlines()
            if 3 <= len(line.strip("# ").strip()) <= 30 and "。" not in line and "," not in line]
BYLINES = ["(李清)", "(兴和县明德小学 张慧慧 白凤艳)", "通讯员 包雷晶 本报记者 卢显艳", "本报记者 田琦竹",
           "刘宏杰", "(记者 王芳 摄)", "(作者为内蒙古大学教授)", "(据《人民日报》)", "责任编辑:张三", "(下转第2版)"]


@st.composite
def paragraph(draw):
    text = "".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4)))
    if draw(st.booleans()):  # a column break somewhere inside
        cut = draw(st.integers(1, max(1, len(text) - 1)))
        return [text[:cut], text[cut:]]
    if draw(st.integers(0, 5)) == 0:
        return [draw(st.sampled_from(["本报讯(记者 王樱润) ", "本报讯 ", "新华社北京12月3日电(记者 王明)"])) + text]
    return [text]


@st.composite
def page(draw):
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        mark = draw(st.sampled_from(["", "", "# ", "## ", "### "]))
        lines.append(mark + draw(st.sampled_from(HEADINGS)))
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(BYLINES)))
        for _ in range(draw(st.integers(0, 5))):
            choice = draw(st.integers(0, 9))
            if choice == 0:
                lines += ["", "", draw(st.sampled_from(SENTENCES))[:20] + "。"]
            elif choice == 1:
                lines.append(draw(st.sampled_from(BYLINES)))
            elif choice == 2:
                lines.append(draw(st.sampled_from(["### ", ""])) + draw(st.sampled_from(HEADINGS)))
            else:
                lines += draw(paragraph())
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(BYLINES)))
    joiner = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n\u3000\u3000", "\n\n\n"]))
    return joiner.join(lines) + "\n"


@settings(max_examples=150, deadline=None)
@given(page())
def test_every_character_is_kept(text):
    result = seg(text)
    assert output_chars(result) == dump_chars(text.replace("\r\n", "\n"))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("通辽市新闻报道,。:“”()《》 \n#—0123456789abc")), max_size=400))
def test_arbitrary_text_never_crashes_or_loses_characters(text):
    result = seg(text)
    assert output_chars(result) == dump_chars(text)
