"""The two bundled sample pages, cut as an editor cut them by hand.

Expected structure is written here from reading the dumps line by line: for
each article its head, authors, and its body as the source lines each block is
made of (joined lines are column breaks; 125+113 and 141+129 are displaced
sentence tails put back).
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from build_scripts.ingest import read_dump
from build_scripts.manifest import load_manifest, meta_for
from build_scripts.segment import segment

from segment_helpers import DUMPS, ROOT, canon_chars, dump_chars, fw, output_chars

P000 = DUMPS / "000_8df7ef33810d7782.txt"
P001 = DUMPS / "001_348aeecdd38910cd.txt"

# (kicker, title, authors, body: list of source-line lists; "s" marks a subhead)
EXPECTED_000 = [
    (None, "通辽市因地制宜培育能源领域新质生产力", ["高山"],
     [[5], "s7", [9], [11, 13], [15], "s17", [19], [21, 23], [25], "s27", [29, 31], [33], [35]]),
    (None, "以雪为令 平安出行", ["李清"], [[41], [43], [45]]),
    (None, "风雪暖途", ["李清"], [[51], [53, 55], [57]]),
    (None, "活力展风采", ["李清"], [[63], [65]]),
    (None, "寒冬上门服务 温暖辖区商户", ["倪静"], [[71], [73], [75, 79], [81]]),
    (None, "开展宣讲活动", ["郎晨"], [[87]]),
    (None, "保障用电安全", ["郎晨"], [[93]]),
    (None, "课堂传扬文化 活动凝聚同心", ["张慧慧", "白凤艳", "崔云霞"], [[99], [101], [103, 105], [107]]),
    (None, "思政铸魂数智赋能 构建一体化教学育人体系", ["李占军", "李继萍", "周长玉"],
     ["s115", [117], [119], "s121", [123], [125, 113], [127], "s129", [131], [133], [135],
      "137+139", [141], "s143", [145], [147]]),
]
EXPECTED_001 = [
    (None, "激发科技『向新力』打造闪亮『铝程碑』", ["包雷晶", "卢显艳"],
     [[3], "s5", [7], [9], [11], "s13", [15], [17], [19], [21, 31], "s33", [35], [37], [39, 41], "s43",
      [45], [47], [49]]),
    ("开发区多维度发力 为群众增便利为企业添活力", "近悦远来 “营”在通辽", ["王樱润"],
     [[59], [61], [63], [65], [67], [69]]),
    (None, "奈曼旗融媒体中心 开放共享资源厚植为民情怀", ["王阳"], [[73], [75], [77], [79], [81], [83], [85]]),
    (None, "“小马扎”微宣讲: 巾帼力量绘就民族团结新画卷", ["刘宏杰"], [[91], [93], [95], [97], [99]]),
    (None, "科区创新“1+1+1”托育模式 织密“幼有善育”民生网", ["吕玉坤"],
     [[107], [109, 111, 113], [115], [117, 119], [121]]),
    (None, "市法院第八党支部:秉持能动司法理念 打造“和合无讼”品牌", ["田琦竹"],
     [[131], [133, 135], [137], [141, 129]]),
]
# Inline bylines printed at a paragraph's start, as the dump has them.
INLINE_BYLINES = {P001.name: {59: "本报讯(记者 王樱润) ", 73: "本报讯(特约通讯员 王阳) ", 107: "本报讯 "}}


def canon(text: str) -> str:
    return "".join(ch for ch in fw(text) if not ch.isspace())


def expected_block(path, lines: list[str], spec) -> tuple[str, str]:
    """(kind, canonical text) of a body block from its source lines."""
    inline = INLINE_BYLINES.get(path.name, {})

    def line(n: int) -> str:
        text = lines[n - 1].lstrip("#").strip()
        return text[len(inline[n]):] if n in inline else text
    if isinstance(spec, str) and spec.startswith("s"):
        return "subhead", canon(line(int(spec[1:])))
    if spec == "137+139":  # the extractor printed 利 twice across the break
        return "paragraph", canon(line(137) + line(139)[1:])
    return "paragraph", canon("".join(line(n) for n in spec))


@pytest.mark.parametrize("path, expected", [(P000, EXPECTED_000), (P001, EXPECTED_001)],
                         ids=["000", "001"])
def test_sample_cut_as_an_editor_would(path, expected):
    lines = path.read_text(encoding="utf-8").split("\n")
    result = segment(read_dump(path))
    assert [canon(a.title) for a in result.articles] == [canon(e[1]) for e in expected]
    for article, (kicker, title, authors, body) in zip(result.articles, expected):
        assert (article.kicker and canon(article.kicker)) == (kicker and canon(kicker)), title
        assert article.authors == authors, title
        got = [(b.kind, canon(b.text)) for b in article.body]
        assert got == [expected_block(path, lines, spec) for spec in body], title


def test_sample_captions_and_furniture():
    result = segment(read_dump(P001))
    lead = result.articles[0]
    assert lead.captions == ["刚生产出的铝箔产品。", "生产车间一角。"]
    assert lead.byline == "通讯员 包雷晶 本报记者 卢显艳"
    assert [b.text for b in result.furniture] == ["创建“全国民族团结进步示范市”"]
    court = result.articles[-1]
    assert court.body[-1].text.endswith("铸牢中华民族共同体意识。每季度开展“三比三创”活动。")
    assert result.articles[1].byline == fw("本报讯(记者 王樱润)")
    assert result.articles[4].dateline == "本报讯" and result.articles[4].byline == fw("本报讯 (吕玉坤)")


def test_sample_bylines_in_every_printed_form():
    result = segment(read_dump(P000))
    assert result.articles[0].byline == fw("(中共通辽市委员会党校经济学教研室副主任、讲师 高山)")
    assert result.articles[7].byline == fw("(兴和县明德小学 张慧慧 白凤艳 崔云霞)")
    dropped = [b for b in result.furniture if b.role == "doubled at column break"]
    assert [(b.text, b.first_line) for b in dropped] == [("利", 139)]


@pytest.mark.parametrize("path", [P000, P001], ids=["000", "001"])
def test_sample_loses_no_character(path):
    result = segment(read_dump(path))
    assert output_chars(result) == dump_chars(path.read_text(encoding="utf-8"))


def test_segment_json_command_on_the_samples():
    out = subprocess.run([sys.executable, "-m", "build_scripts", "segment", str(P000), str(P001),
                          "--json"], cwd=ROOT, capture_output=True, text=True, check=True)
    records = json.loads(out.stdout)
    assert len(records) == len(EXPECTED_000) + len(EXPECTED_001)
    first = records[0]
    assert set(first) >= {"title", "kicker", "subtitle", "authors", "byline", "body", "captions", "source"}
    assert first["source"]["file"].endswith("000_8df7ef33810d7782.txt")
    assert first["source"]["lines"] == [3, 37]
    assert "## 培育能源领域新质生产力的战略意义" in first["body"]
    assert "\n\n**经济结构转型的绿色引擎**。调整能源结构" in first["body"]


def test_manifest_gives_each_sample_its_page():
    entries = load_manifest(DUMPS / "manifest.yaml")
    meta = meta_for(entries, P001)
    assert (meta.publication, str(meta.date), meta.page) == ("通辽日报", "2025-12-15", 1)
    assert "assum" in (meta.assumption or "")
    assert canon_chars("x")  # helper importable
