"""The search index's own tokens and the page Pagefind indexes for an article (no browser:
tests/test_search_browser.py checks that the search box cuts a query the same way)."""
from __future__ import annotations

import json
import os
import re
import unicodedata

from hypothesis import given, settings, strategies as st

from build_scripts.site.search import BodyDigests, article_pages
from build_scripts.site.search_page import base_pairs, page_label, search_page, simplified, to_traditional
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


def test_simplified_converts_the_script_only():
    assert simplified(["推動經濟發展，軟體產業", "嚴格執行"]) == ["推动经济发展，软体产业", "严格执行"]  # not 软件, 运行


def _article(**kw) -> SearchArticle:
    base = dict(url="2025/12/15/01/x/", title="激發科技『向新力』", kicker="科技創新", subtitle="",
                paragraphs=["今年以來，我市推動鋁產業。"], captions=["生產車間一角。"], authors=["包雷晶"],
                date="2025-12-15", publication="通遼日報", page=1, page_name="要聞")
    base.update(kw)
    return SearchArticle(**base)


def _hant_of(html: str) -> tuple[dict, dict, str]:
    value = re.search(r'data-pagefind-meta="hant\[data-value\]" data-value="([\u2800-\u28ff]+)"', html).group(1)
    pairs, runs, title = json.loads(bytes(ord(c) - 0x2800 for c in value))      # no letter: no word indexed
    return dict(zip(pairs[::2], pairs[1::2])), runs, title


def test_a_zh_hans_page_carries_its_zh_hant_article():
    """One index for both scripts: the zh-Hant runs the zh-Hans text lacks, simplified, after
    TAIL (着 is printed 著, whose t2s is 著; s2twp prints 软件 as 軟體), and what turns the
    zh-Hans text into the zh-Hant text as printed (pairs, whole runs where they do not)."""
    hans = _article(title="激发科技『向新力』", kicker="科技创新", paragraphs=[
        "今年以来，我市推动铝产业，驱动着发展。", "这里离城十公里，软件产业头发"], captions=["生产车间一角。"],
        publication="通辽日报", page_name="要闻")
    hant = _article(paragraphs=["今年以來，我市推動鋁產業，驅動著發展。", "這裡離城十公里，軟體產業頭髮"])
    html = search_page(hans, "zh-Hans", hant)
    assert f'<p data-pagefind-weight="10">激发 发科 科技 技 『 向新 新力 力 』 {BLOCK_END}</p>' in html
    own, tail = html.split(TAIL)
    assert "驱动 动著 著发 发展 展" in tail and "驱动 动着" in own        # a Traditional query finds it
    assert "软体 体产" in tail and "软件" not in tail and "今年" not in tail and "激发" not in tail
    pairs, runs, title = _hant_of(html)
    assert base_pairs()["着"] == "著" and base_pairs()["发"] == "發" and title == ""
    assert "着" not in pairs and "发" not in pairs and len(pairs) <= 2   # only where the page differs
    texts = [hans.title, hans.kicker, *hans.paragraphs, *hans.captions, *hans.authors]
    printed = [hant.title, hant.kicker, *hant.paragraphs, *hant.captions, *hant.authors]
    assert [to_traditional(t, pairs, runs) for t in texts] == printed        # as printed, 公里 and 這裡
    assert set(runs) <= {"这里离城十公里", "软件产业头发"} and runs
    assert '<span data-pagefind-meta="title[data-value]" data-value="激发科技『向新力』"></span>' in html
    assert '<span data-pagefind-filter="page[data-value]" data-value="01 要闻"></span>' in html
    assert "通辽" not in re.sub(r'data-value="[^"]*"', "", html)   # the paper is metadata, not text
    same = search_page(hans, "zh-Hans", _article(title="激發科技『向新力』", kicker="科技創新",
                                                 paragraphs=["今年以來"], captions=[]))
    assert TAIL not in same                          # every zh-Hant run is the zh-Hans one's
    assert _hant_of(search_page(hans, "zh-Hans", _article(title="另一個標題")))[2] == "另一個標題"
    assert "hant[" not in search_page(hans, "zh-Hans")      # no zh-Hant article


def test_search_page_of_a_zh_hans_article():
    html = search_page(_article(title="激发科技『向新力』", kicker="科技创新", paragraphs=["今年以来"],
                                captions=[], publication="通辽日报", page_name="要闻"), "zh-Hans")
    assert '<span data-pagefind-filter="year[data-value]" data-value="2025"></span>' in html
    assert '<span data-pagefind-sort="date[data-value]" data-value="2025-12-15"></span>' in html
    assert f'<p data-pagefind-weight="5">科技 技创 创新 新 {BLOCK_END}</p>' in html
    assert TAIL not in html             # nothing indexed that is not the article's own text
    info = re.search(r'data-pagefind-meta="info\[data-value\]" data-value="0x([0-9a-f]+)"', html).group(1)
    assert json.loads(bytes.fromhex(info)) == ["2025-12-15", "通辽日报", "01 要闻"]   # no words to match


def test_search_page_of_an_english_article_indexes_the_other_spelling():
    html = search_page(_article(title="A shining aluminium milestone", kicker="", paragraphs=[
        "The colour of the centre."], captions=[], authors=[], publication="Tongliao Daily",
        page_name="News"), "en")
    tail = html.split(TAIL)[1]
    assert "aluminum" in tail and "color" in tail and "center" in tail
    assert "The colour of the centre" in html.split(TAIL)[0].replace(f" {GLUE} ", "")
    assert "hant[" not in html


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
    """A zh-Hans page with its zh-Hant article, both from the staging's front matter caches."""
    from build_scripts.site import catalog
    from build_scripts.site.search import _mirror

    docs = tmp_path / "docs"
    art, hant = docs / "zh-Hans/bao/2025/12/15/01/a.md", docs / "zh-Hant/bao/2025/12/15/01/a.md"
    for path, text in [(art, "---\ntitle: 标题\nkicker: 引题\ndate: 2025-12-15\npage: 1\npage_name: 要闻\n"
                             "authors: [包雷晶]\ncaptions: [生产车间。]\n---\n\n今年以来，推动着发展。\n"),
                       (hant, "---\ntitle: 標題\nkicker: 引題\ndate: 2025-12-15\npage: 1\npage_name: 要聞\n"
                              "authors: [包雷晶]\ncaptions: [生產車間。]\n---\n\n今年以來，推動著發展。\n")]:
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")
    fields = {}
    for lang in ["zh-Hans", "zh-Hant"]:
        catalog.load_cached(docs / lang, catalog.cache_path(docs, lang))
        fields[lang] = catalog.cached_fields(catalog.cache_path(docs, lang))
    assert fields["zh-Hant"]["bao/2025/12/15/01/a.md"][2]["kicker"] == "引題"
    entries = [("/bao/2025/12/15/01/a/", art, "-")]
    _mirror(entries, "zh-Hans", tmp_path / "parsed", None, (docs / "zh-Hant", {}))
    _mirror(entries, "zh-Hans", tmp_path / "cached", fields["zh-Hans"], (docs / "zh-Hant", fields["zh-Hant"]))
    page = "bao/2025/12/15/01/a/index.html"
    cached = (tmp_path / "cached" / page).read_text(encoding="utf-8")
    assert cached == (tmp_path / "parsed" / page).read_text(encoding="utf-8")
    assert "引题 题" in cached and "动著" in cached.split(TAIL)[1]
    hant.write_text(hant.read_text(encoding="utf-8").replace("引題", "副題"), encoding="utf-8")   # same size
    os.utime(hant, ns=(hant.stat().st_atime_ns, hant.stat().st_mtime_ns + 10**9))
    _mirror(entries, "zh-Hans", tmp_path / "cached", fields["zh-Hans"], (docs / "zh-Hant", fields["zh-Hant"]))
    assert "副题 题" in (tmp_path / "cached" / page).read_text(encoding="utf-8").split(TAIL)[1]  # read again


def test_simplified_converts_many_texts_as_one_by_one():
    from build_scripts.site.search_page import _t2s
    texts = ["推動經濟發展", "", "軟體產業，嚴格執行", "發髮", "第一行\n第二行"]
    assert simplified(texts) == [_t2s().convert(t) for t in texts]