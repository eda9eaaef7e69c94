"""The source view (a dump's printed text), one page per dump, zh-Hans's (its lines are the
Simplified text as printed, in every language): titled by paper, date and page, no converter
marks ("### 产业转型" shows 产业转型), each article's lines under a heading that links the
article page; the other languages' articles link it, saying it is in Chinese."""
from __future__ import annotations

import html
import posixpath
import re
from pathlib import PurePosixPath

import pytest

from build_scripts.site.catalog import Entry
from build_scripts.site.source_view import SourceLine, source_lines, spans
from site_fixture import HOSTILE_SCRIPT
from test_site_build import built  # noqa: F401  (the fixture site, built once per module)

PREFIX = {"zh-Hans": "", "zh-Hant": "zh-Hant/", "en": "en/"}
SOURCE = "sources/001_fixture/"
SOURCE_LANGS = ["zh-Hans"]             # the languages with source pages
TITLES = {"zh-Hans": "通辽日报 2025年12月15日 第1版 · 原始文本",
          "zh-Hant": "通遼日報 2025年12月15日 第1版 · 原始文本",
          "en": "Tongliao Daily, 15 December 2025, Page 1 · printed text"}
# (first, last, title, article) of the fixture's two articles cut from 001_fixture.txt
SPANS = {"zh-Hans": ["第 3–12 行：激发科技『向新力』打造闪亮『铝程碑』", "第 14–16 行：<script>alert(1)</script> 标题 {{ config }}"],
         "zh-Hant": ["第 3–12 行：激發科技『向新力』打造閃亮『鋁程碑』", "第 14–16 行：<script>alert(1)</script> 標題 {{ config }}"],
         "en": ["Lines 3–12: Sparking the 'new force' of technology for a shining aluminium milestone",
                "Lines 14–16: <script>alert(1)</script> headline {{ config }}"]}
ARTICLES = ["2025/12/15/01/jifa-keji/", "2025/12/15/01/hostile/"]
_TAG = re.compile(r"<[^>]+>")


def source_page(built, lang):  # noqa: F811
    root, _ = built
    return (root / "site" / PREFIX[lang] / SOURCE / "index.html").read_text(encoding="utf-8")


def text(fragment: str) -> str:
    return html.unescape(_TAG.sub("", fragment.replace('#</a>', '</a>'))).strip()


@pytest.mark.parametrize("lang", SOURCE_LANGS)
def test_the_source_page_is_titled_by_paper_date_and_page(built, lang):  # noqa: F811
    page = source_page(built, lang)
    assert text(re.search(r"<h1.*?</h1>", page, re.S).group(0)) == TITLES[lang]
    assert html.unescape(re.search(r"<title>(.*?)</title>", page, re.S).group(1)).startswith(TITLES[lang])
    file_label = {"zh-Hans": "文件：", "zh-Hant": "檔案：", "en": "File: "}[lang] + "dumps/001_fixture.txt"
    assert f'<p class="na-source-file">{file_label}</p>' in page     # which dump it is, named once


@pytest.mark.parametrize("lang", SOURCE_LANGS)
def test_the_source_page_shows_no_converter_marks(built, lang):  # noqa: F811
    page = source_page(built, lang)
    lines = {int(n): (cls, html.unescape(t)) for n, cls, t in re.findall(
        r'<li id=L(\d+)( class=na-source-head)?>([^<]*)', page)}
    assert len(lines) == 17                                  # every line of the dump, numbered
    # the list numbers its items from its start: each line's shown number is its anchor's
    for start, items in re.findall(r'<ol class="na-source" lang="zh-Hans" start="(\d+)">(.*?)</ol>', page, re.S):
        ids = [int(n) for n in re.findall(r"<li id=L(\d+)", items)]
        assert ids == list(range(int(start), int(start) + len(ids)))
        assert "\n" not in items                  # no line break after a line's text (pre-wrap shows it)
    assert not [t for _, t in lines.values() if t.startswith("#")]
    assert lines[5] == (" class=na-source-head", "产业转型")   # "### 产业转型" in the dump
    assert lines[8][1] == "激发科技『向新力』打造闪亮『铝程碑』" and lines[8][0]
    assert lines[6] == ("", "全市新能源装机1410万千瓦。")
    assert lines[14] == ("", HOSTILE_SCRIPT)                 # dump text stays text


@pytest.mark.parametrize("lang", SOURCE_LANGS)
def test_each_article_s_lines_are_under_a_heading_linking_the_article(built, lang):  # noqa: F811
    page = source_page(built, lang)
    heads = re.findall(r'<h2 id="L(\d+)-L\d+"><a href="([^"]+)">(.*?)</a>.*?</h2>\s*<ol class="na-source" lang="zh-Hans" '
                       r'start="(\d+)"><li id=L(\d+)', page, re.S)
    assert [first for first, *_ in heads] == ["3", "14"]      # named by its lines (#L3-L13), as articles link them
    heads = [h[1:] for h in heads]
    assert [html.unescape(t) for _, t, _, _ in heads] == SPANS[lang]
    assert [(s, first) for _, _, s, first in heads] == [("3", "3"), ("14", "14")]
    here = PREFIX[lang] + SOURCE
    assert [posixpath.normpath(posixpath.join(here, href)) + "/" for href, _, _, _ in heads] == \
        [PREFIX[lang] + a for a in ARTICLES]
    lines_1_2 = page.index("id=L1>"), page.index("id=L2>")
    assert all(i < page.index("<h2") for i in lines_1_2)     # lines no article holds come first, unheaded


@pytest.mark.parametrize("lang", ["zh-Hant", "en"])
def test_other_languages_link_the_one_source_page_saying_it_is_chinese(built, lang):  # noqa: F811
    site = built[0] / "site"
    assert not (site / PREFIX[lang] / SOURCE).exists()
    page = (site / PREFIX[lang] / ARTICLES[0] / "index.html").read_text(encoding="utf-8")
    href, label = re.search(r'<p class="na-source-link"><a href="([^"]+)" hreflang="zh-Hans">([^<]+)</a>', page).groups()
    assert posixpath.normpath(posixpath.join(PREFIX[lang] + ARTICLES[0], href.split("#")[0])) + "/" == SOURCE
    assert {"zh-Hant": "（簡體中文）", "en": "(in Chinese)"}[lang] in html.unescape(label)


def entry(rel: str, lines) -> Entry:
    return Entry(rel=PurePosixPath(rel), meta={"title": rel, "source": {"lines": lines}})


def test_spans_cover_every_line_once_even_when_articles_overlap_or_run_past_the_end():
    lines = [SourceLine(n, str(n)) for n in range(1, 11)]
    runs = spans(lines, [(entry("b.md", [4, 12]), "b/"), (entry("a.md", [2, 5]), "a/"), (entry("c.md", "x"), "c/")])
    assert [([x.number for x in r.lines], r.article and r.article[0]) for r in runs] == \
        [([1], None), ([2, 3, 4, 5], "a.md"), ([6, 7, 8, 9, 10], "b.md")]


def test_a_pdf_s_hash_is_printed_text_and_stays():
    assert source_lines("# 一\n## 二", marked=False)[0].text == "# 一"
    assert [(x.text, x.heading) for x in source_lines("# 一\n  ## 二\n#三")] == [("一", True), ("二", True), ("#三", False)]


def test_a_source_page_is_made_again_when_an_article_cut_from_it_is_retitled(tmp_path):
    from build_scripts.site.indexes import Generator
    (tmp_path / "dumps").mkdir()
    (tmp_path / "dumps" / "d.txt").write_text("甲\n乙\n", encoding="utf-8")

    def source_key(title):
        e = Entry(rel=PurePosixPath("2025/12/15/01/a.md"),
                  meta={"title": title, "page": 1, "order": 1, "source": {"file": "dumps/d.txt", "lines": [1, 2]}})
        parts = Generator("zh-Hans", [e], dumps_root=tmp_path).parts()
        return next(p.key for p in parts if p.rels == ["sources/d.md"])
    assert source_key("旧标题") != source_key("新标题")
