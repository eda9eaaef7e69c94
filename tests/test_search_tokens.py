"""The search index's own tokens and the page Pagefind indexes for an article (no browser:
tests/test_search_browser.py checks that the search box cuts a query the same way)."""
from __future__ import annotations

import json
import os
import re
import unicodedata

from hypothesis import given, settings, strategies as st

from build_scripts.site.search import BodyDigests, article_pages
from build_scripts.site.search_page import Simplifier, page_label, search_page
from build_scripts.site.search_text import SearchArticle, is_article
from build_scripts.site.search_tokens import BLOCK_END, GLUE, TAIL, han_tokens, spelling_counterparts, tokens


def test_a_han_run_becomes_its_pairs_then_its_last_character():
    assert han_tokens("今年以来") == ["今年", "年以", "以来", "来"]
    assert han_tokens("铝") == ["铝"]
    assert tokens("今年以来，我市") == ["今年", "年以", "以来", "来", "，", "我市", "市"]


def test_other_text_is_cut_into_words_and_punctuation_glued_where_they_touched():
    assert tokens("Beijing-Tianjin line") == ["Beijing", GLUE, "-", GLUE, "Tianjin", "line"]
    assert tokens("“1+1+1”模式") == ["“", GLUE, "1", GLUE, "+", GLUE, "1", GLUE, "+", GLUE, "1", GLUE, "”",
                                    "模式", "式"]
    assert tokens("装机１４１０万千瓦") == ["装机", "机", "1410", "万千", "千瓦", "瓦"]   # full-width digits: NFKC


def _tokens_one_by_one(text: str) -> list[str]:
    """The rules of tokens() written out plainly, one piece at a time: what it must equal."""
    from build_scripts.site.search_tokens import HAN
    out: list[str] = []
    for chunk in re.findall(f"[{HAN}]+|[^\\s{HAN}]+", text):
        if re.match(f"[{HAN}]", chunk):
            out += [chunk[i:i + 2] for i in range(len(chunk) - 1)] + [chunk[-1]]
            continue
        for i, piece in enumerate(re.findall(r"[^\W_]+|[\W_]+", chunk)):
            if i:
                out.append(GLUE)
            out.append(unicodedata.normalize("NFKC", piece) if re.match(r"[^\W_]", piece) else piece)
    return out


# Characters where the cutting rules meet: Han (BMP, extension B, compatibility), letters and
# digits (ASCII, full-width, ligatures, fractions, accents), punctuation, "_", spaces of
# every kind, the glue and block marks, an unassigned code point inside the Han range.
_EDGES = "今年以来铝𠀀𪜀豈aZ09１４Ａﬁ½Ⅻé⑴，。、“”『』-+_.'’ \t\n\u3000\u00a0\u2060\u00b6\u241e\u9fff\u0301"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(_EDGES), max_size=40) | st.text(max_size=40))
def test_tokens_follow_their_rules_on_any_text(text):
    assert tokens(text) == _tokens_one_by_one(text)


def test_spelling_counterparts_both_ways_once_each():
    assert spelling_counterparts("The colour of aluminum; more colour, organised.") == [
        "color", "aluminium", "organized"]
    assert spelling_counterparts("A plain sentence.") == []


def test_simplifier_converts_the_script_only_and_records_pairs():
    s = Simplifier()
    assert s("推動經濟發展，軟體產業，嚴格執行") == "推动经济发展，软体产业，严格执行"   # not 软件, not 运行
    assert "发發" in s.pair_text() and "动動" in s.pair_text()


def _article(**kw) -> SearchArticle:
    base = dict(url="2025/12/15/01/x/", title="激發科技『向新力』", kicker="科技創新", subtitle="",
                paragraphs=["今年以來，我市推動鋁產業。"], captions=["生產車間一角。"], authors=["包雷晶"],
                date="2025-12-15", publication="通遼日報", page=1, page_name="要聞")
    base.update(kw)
    return SearchArticle(**base)


def test_search_page_of_a_zh_hant_article():
    html = search_page(_article(), "zh-Hant")
    assert '<span data-pagefind-meta="title[data-value]" data-value="激發科技『向新力』"></span>' in html  # as printed
    assert '<span data-pagefind-filter="year[data-value]" data-value="2025"></span>' in html
    assert '<span data-pagefind-filter="page[data-value]" data-value="01 要聞"></span>' in html
    assert '<span data-pagefind-sort="date[data-value]" data-value="2025-12-15"></span>' in html
    assert f'<p data-pagefind-weight="10">激发 发科 科技 技 『 向新 新力 力 』 {BLOCK_END}</p>' in html
    assert f'<p data-pagefind-weight="5">科技 技创 创新 新 {BLOCK_END}</p>' in html
    assert "今年 年以 以来 来 ， 我市 市推 推动 动铝 铝产 产业 业 。" in html
    assert re.search(r'data-pagefind-meta="s2t\[data-value\]" data-value="[^"]*发發', html)
    assert TAIL not in html             # nothing indexed that is not the article's own text
    info = re.search(r'data-pagefind-meta="info\[data-value\]" data-value="0x([0-9a-f]+)"', html).group(1)
    assert json.loads(bytes.fromhex(info)) == ["2025-12-15", "通遼日報", "01 要聞"]   # no words to match
    assert "通遼" not in re.sub(r'data-value="[^"]*"', "", html)   # the paper is metadata, not text


def test_search_page_of_an_english_article_indexes_the_other_spelling():
    html = search_page(_article(title="A shining aluminium milestone", kicker="", paragraphs=[
        "The colour of the centre."], captions=[], authors=[], publication="Tongliao Daily",
        page_name="News"), "en")
    tail = html.split(TAIL)[1]
    assert "aluminum" in tail and "color" in tail and "center" in tail
    assert "The colour of the centre" in html.split(TAIL)[0].replace(f" {GLUE} ", "")
    assert "s2t" not in html


def test_page_label_and_articles_only():
    assert page_label(_article(page=3, page_name="读者来信")) == "03 读者来信"
    assert page_label(_article(page=None, page_name="")) == ""
    assert is_article("tongliao-ribao/2025/12/15/01/slug.md") and is_article("2025/12/15/01/slug.md")
    assert is_article("tongliao-ribao/2025/12/15/b/03/slug.md") and is_article("undated/page3/slug.md")
    assert not is_article("tongliao-ribao/2025/12/15/01/index.md") and not is_article("about.md")
    assert not is_article("tongliao-ribao/2025/12/15/index.md") and not is_article("undated/page3/index.md")
    assert not is_article("authors/wang.md")


def test_article_pages_and_digests_skip_pages_that_are_no_articles(tmp_path):
    docs = tmp_path / "zh-Hans"
    (docs / "bao/2025/12/15/01").mkdir(parents=True)
    (docs / "bao/2025/12/15/01/index.md").write_text("---\ntitle: 第1版\n---\n", encoding="utf-8")
    art = docs / "bao/2025/12/15/01/a.md"
    art.write_text("---\ntitle: 标题\ndate: 2025-12-15\n---\n\n正文。\n", encoding="utf-8")
    (docs / "about.md").write_text("---\ntitle: 关于\n---\n", encoding="utf-8")
    assert article_pages(docs) == [("/bao/2025/12/15/01/a/", art)]
    digests = BodyDigests(tmp_path, "zh-Hans")
    assert digests("/about/", docs / "about.md") is None
    first = digests("/bao/2025/12/15/01/a/", art)
    assert first and digests("/bao/2025/12/15/01/a/", art) == first
    art.write_text("---\ntitle: 标题\ndate: 2025-12-15\n---\n\n另一段正文。\n", encoding="utf-8")
    assert BodyDigests(tmp_path, "zh-Hans")("/bao/2025/12/15/01/a/", art) != first


def test_search_pages_from_the_staging_catalog_equal_those_parsed_and_follow_an_edit(tmp_path):
    from build_scripts.site import catalog
    from build_scripts.site.search import _mirror

    docs = tmp_path / "docs"
    art = docs / "zh-Hant/bao/2025/12/15/01/a.md"
    art.parent.mkdir(parents=True)
    art.write_text("---\ntitle: 標題\nkicker: 引題\ndate: 2025-12-15\npage: 1\npage_name: 要聞\nauthors: [包雷晶]\n"
                   "captions: [生產車間。]\n---\n\n今年以來，推動發展。\n", encoding="utf-8")
    catalog.load_cached(docs / "zh-Hant", catalog.cache_path(docs, "zh-Hant"))
    fields = catalog.cached_fields(catalog.cache_path(docs, "zh-Hant"))
    assert fields["bao/2025/12/15/01/a.md"][2]["kicker"] == "引題"
    entries = [("/bao/2025/12/15/01/a/", art, "-")]
    _mirror(entries, "zh-Hant", tmp_path / "parsed")
    _mirror(entries, "zh-Hant", tmp_path / "cached", fields)
    page = "bao/2025/12/15/01/a/index.html"
    cached = (tmp_path / "cached" / page).read_text(encoding="utf-8")
    assert cached == (tmp_path / "parsed" / page).read_text(encoding="utf-8") and "引题 题" in cached
    art.write_text(art.read_text(encoding="utf-8").replace("引題", "副題"), encoding="utf-8")   # same size
    os.utime(art, ns=(art.stat().st_atime_ns, art.stat().st_mtime_ns + 10**9))
    _mirror(entries, "zh-Hant", tmp_path / "cached", fields)      # the cache no longer fits the file
    assert "副题 题" in (tmp_path / "cached" / page).read_text(encoding="utf-8")


def test_simplifier_converts_many_texts_as_one_by_one():
    texts = ["推動經濟發展", "", "軟體產業，嚴格執行", "發髮"]
    one_by_one = Simplifier()
    expected = [one_by_one(t) for t in texts]
    together = Simplifier()
    assert together.every(texts) == expected and together.pairs == one_by_one.pairs
    assert Simplifier().every(["第一行\n第二行", "發展"]) == [Simplifier()("第一行\n第二行"), "发展"]
