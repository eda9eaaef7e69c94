"""Search on the built sample site in headless Chromium, each kind of query in each language:
exact headlines first, words of 1–4 characters in either script, names, English words with
stemming and British/American spellings, strings found nowhere; every result holding the
query, all results reachable, date · paper · page and the matching sentence shown, Enter,
filters, /search/?q=, and the Chinese site offered for a Chinese query on the English site.

The expected articles are found here from the sample's docs text, not from the search code."""
from __future__ import annotations

import re
from urllib.parse import quote, urljoin, urlparse

import opencc
import pytest

from build_scripts.site.search_text import articles
from build_scripts.site.search_tokens import tokens
from test_site_browser import ARTICLE, shot

ROOTS = {"zh-Hans": "", "zh-Hant": "zh-Hant/", "en": "en/"}
T2S = opencc.OpenCC("t2s").convert


@pytest.fixture(scope="module")
def texts(served):
    """Article URL (from the language root) → its searchable text, per language."""
    docs = served["site"].parent / "docs"
    return {lang: {a.url: a for a in articles(docs / lang)} for lang in ROOTS}


def search(page, base, lang, query, goto=True):
    """Type into the header box; the result URLs (relative to the language root) once shown."""
    url = base + ROOTS[lang]
    if goto:
        page.goto(url)
    box = page.locator(".na-search-input")
    box.click()
    box.fill(query)
    page.wait_for_function("([q]) => { const a = document.querySelector('.na-search-result');"
                           " return a.dataset.naQuery === q && a.dataset.naState === 'done'; }",
                           arg=[query], timeout=15000)
    root = urlparse(url).path
    hrefs = [urlparse(urljoin(url, a.get_attribute("href"))).path
             for a in page.locator(".na-search-list a.md-search-result__link").all()]
    return [h[len(root):] for h in hrefs]


def holding(texts, lang, needle):
    """The articles whose text holds ``needle`` (zh: compared in Simplified)."""
    if lang == "en":
        return {u for u, a in texts[lang].items() if re.search(rf"\b{re.escape(needle)}", a.text(), re.I)}
    return {u for u, a in texts[lang].items() if T2S(needle) in T2S(re.sub(r"\s+", "", a.text()))}


@pytest.mark.parametrize("lang, title", [
    ("zh-Hans", "激发科技『向新力』打造闪亮『铝程碑』"),
    ("zh-Hans", "激發科技『向新力』打造閃亮『鋁程碑』"),      # typed in Traditional
    ("zh-Hant", "激發科技『向新力』打造閃亮『鋁程碑』"),
    ("zh-Hant", "激发科技『向新力』打造闪亮『铝程碑』"),
])
def test_an_exact_headline_comes_first_in_either_script(served, page, texts, lang, title):
    hrefs = search(page, served["base"], lang, title)
    assert hrefs[:1] == [ARTICLE], hrefs


def test_every_title_comes_first_in_every_language(served, page, texts):
    for lang in ROOTS:
        page.goto(served["base"] + ROOTS[lang])
        for url, art in texts[lang].items():
            hrefs = search(page, served["base"], lang, art.title, goto=False)
            assert hrefs[:1] and texts[lang][hrefs[0]].title == art.title, (lang, art.title, hrefs[:3])


@pytest.mark.parametrize("lang, query", [
    ("zh-Hans", "铝"), ("zh-Hans", "铝基"), ("zh-Hans", "绿电铝"), ("zh-Hans", "霍林郭勒"), ("zh-Hans", "科技创新"),
    ("zh-Hans", "鋁基"), ("zh-Hans", "霍林郭勒市"), ("zh-Hans", "的"),
    ("zh-Hant", "鋁"), ("zh-Hant", "鋁基"), ("zh-Hant", "綠電鋁"), ("zh-Hant", "霍林郭勒"), ("zh-Hant", "绿电铝"),
    ("zh-Hant", "科技創新"),
])
def test_a_chinese_word_finds_every_article_holding_it_and_no_other(served, page, texts, lang, query):
    want = holding(texts, lang, query)
    assert want, query
    hrefs = search(page, served["base"], lang, query)
    total = int(page.locator(".na-search-result").get_attribute("data-na-count"))
    assert total == len(want)
    while page.locator(".na-search-next button").is_visible():       # every result is reachable
        page.locator(".na-search-next button").click()
        page.wait_for_function(f"document.querySelectorAll('.na-search-list li').length > {len(hrefs)}")
        hrefs = search_results(page, served["base"], lang)
    assert set(hrefs) == want, (query, sorted(set(hrefs) ^ want))


def search_results(page, base, lang):
    root = urlparse(base + ROOTS[lang]).path
    return [urlparse(urljoin(page.url, a.get_attribute("href"))).path[len(root):]
            for a in page.locator(".na-search-list a.md-search-result__link").all()]


@pytest.mark.parametrize("lang, query", [
    ("zh-Hans", "铝程碑霍林"), ("zh-Hans", "绿电科技创"), ("zh-Hant", "鋁程碑霍林"), ("en", "zorblaxian"),
    ("en", "aluminium zorblaxian"), ("zh-Hans", "铝基 zorblaxian"),
    ("zh-Hans", "要闻"), ("zh-Hant", "要聞"), ("zh-Hans", "日报"),     # metadata (page, paper) is no text
])
def test_a_query_found_nowhere_finds_nothing(served, page, texts, lang, query):
    assert not all(holding(texts, lang, part) for part in query.split())
    assert search(page, served["base"], lang, query) == []
    assert page.locator(".na-search-meta").inner_text() in {"没有找到相关文章", "沒有找到相關文章",
                                                            "No matching articles"}


@pytest.mark.parametrize("query, other", [("aluminum", "aluminium"), ("aluminium", "aluminum"),
                                          ("center", "centre"), ("organized", "organised"),
                                          ("programs", "programmes")])
def test_british_and_american_spellings_find_the_same_articles(served, page, texts, query, other):
    found = set(search(page, served["base"], "en", query))
    want = holding(texts, "en", other) | holding(texts, "en", query)
    if not want:
        pytest.fail(f"the sample holds neither {query} nor {other}")
    assert found >= want
    assert set(search(page, served["base"], "en", other, goto=False)) == found


def test_english_stemming_finds_other_forms(served, page, texts):
    found = set(search(page, served["base"], "en", "innovations"))
    assert found and found >= holding(texts, "en", "innovation") | holding(texts, "en", "innovations")


def test_a_result_shows_date_paper_page_and_the_matching_sentence(served, page, texts):
    search(page, served["base"], "zh-Hans", "霍林郭勒")
    item = page.locator(".na-search-list li").filter(has=page.locator(f'a[href$="{ARTICLE}"]'))
    assert item.locator(".na-search-info").inner_text() == "2025年12月15日 · 通辽日报 · 第1版 要闻"
    excerpt = item.locator(".na-search-excerpt").inner_text()
    assert "霍林郭勒" in excerpt and "通讯员" not in excerpt and "卢显艳" not in excerpt
    assert item.locator("mark").first.inner_text() == "霍林郭勒"
    shot(page, "search-results-zh-Hans.png")
    search(page, served["base"], "zh-Hant", "霍林郭勒")
    item = page.locator(".na-search-list li").filter(has=page.locator(f'a[href$="{ARTICLE}"]'))
    assert item.locator(".na-search-info").inner_text() == "2025年12月15日 · 通遼日報 · 第1版 要聞"
    assert "霍林郭勒市堪稱" in item.locator(".na-search-excerpt").inner_text()     # shown as printed
    search(page, served["base"], "en", "Huolin")
    item = page.locator(".na-search-list li").first
    assert re.fullmatch(r"15 December 2025 · .+ · page 1 · .+", item.locator(".na-search-info").inner_text())
    assert "Huolin" in item.locator(".na-search-excerpt").inner_text()


def test_enter_opens_the_first_result(served, page):
    hrefs = search(page, served["base"], "zh-Hans", "激发科技『向新力』打造闪亮『铝程碑』")
    page.locator(".na-search-input").press("Enter")
    page.wait_for_url("**/" + ARTICLE)
    assert urlparse(page.url).path.endswith(hrefs[0])


def test_filters_by_year_and_page(served, page, texts):
    fetched = []
    page.on("request", lambda r: fetched.append(r.url))
    all_hrefs = search(page, served["base"], "zh-Hans", "的")
    assert not [u for u in fetched if u.endswith(".pf_filter")]      # loaded when the filters are opened
    page.locator(".na-search-filters summary").click()
    page.wait_for_function("document.querySelectorAll(\"select[data-na-filter=year] option[value='2025']\").length")
    assert [u for u in fetched if u.endswith(".pf_filter")]
    assert page.locator("select[data-na-filter=year] option[value='2025']").count() == 1
    page.locator("select[data-na-filter=page]").select_option("01 要闻")
    page.wait_for_function("document.querySelector('.na-search-result').dataset.naState === 'done'")
    total = int(page.locator(".na-search-result").get_attribute("data-na-count"))
    on_page_1 = {u for u in holding(texts, "zh-Hans", "的") if texts["zh-Hans"][u].page == 1}
    assert total == len(on_page_1) and 0 < total < int(len(holding(texts, "zh-Hans", "的")))
    assert all(re.search(r"/2025/12/\d{2}/01/", h) for h in search_results(page, served["base"], "zh-Hans"))
    assert all_hrefs


@pytest.mark.parametrize("lang, query", [("zh-Hans", "通辽"), ("zh-Hant", "通遼"), ("en", "Tongliao")])
def test_the_search_page_takes_the_query_from_its_url(served, page, texts, lang, query):
    page.goto(served["base"] + ROOTS[lang] + "search/?q=" + quote(query))
    page.wait_for_function("document.querySelector('.na-search-result').dataset.naState === 'done'")
    assert page.locator(".na-search-input").input_value() == query
    total = int(page.locator(".na-search-result").get_attribute("data-na-count"))
    assert total == len(holding(texts, lang, query)) > 0
    page.locator(".na-search-input").fill(query + " 2025" if lang == "en" else query + "市")
    page.wait_for_function("location.search.includes('q=')")
    assert "q=" in page.url
    shot(page, f"search-page-{lang}.png")


def test_a_chinese_query_on_the_english_site_offers_the_chinese_site(served, page):
    search(page, served["base"], "en", "霍林郭勒")
    link = page.locator(".na-search-other a")
    assert link.is_visible() and "霍林郭勒" in link.inner_text()
    link.click()
    zh_search = urlparse(served["base"]).path + "search/"      # the Chinese site's, not /en/search/
    page.wait_for_url(lambda url: urlparse(url).path == zh_search)
    page.wait_for_function("(document.querySelector('.na-search-result') || {dataset: {}}).dataset.naState"
                           " === 'done'")
    assert urlparse(page.url).path == zh_search
    assert ARTICLE in search_results(page, served["base"], "zh-Hans")


@pytest.mark.parametrize("text", ["今年以来，我市以科技创新", "Beijing-Tianjin 1+1+1 line’s", "装机１４１０万千瓦",
                                  "激發科技『向新力』", "𠀀𠀁 a"])
def test_the_box_cuts_text_as_the_index_does(served, page, text):
    page.goto(served["base"])
    assert page.evaluate("t => window.naSearch.tokens(t)", text) == tokens(text)


@pytest.mark.parametrize("lang, query, words", [
    ("en", "The colour of an aluminium plant", ["colour", "aluminium", "plant"]),
    ("en", "the of", ["the", "of"]),                   # only common words: searched for them
    ("zh-Hans", "the colour", ["the", "colour"]),      # common English words are dropped on the English site only
])
def test_common_english_words_of_a_longer_query_are_not_searched(served, page, lang, query, words):
    page.goto(served["base"] + ROOTS[lang])
    assert page.evaluate("q => window.naSearch.queryParts(q).words", query) == words


@pytest.mark.parametrize("title, key", [("激发科技『向新力』 打造", "激发科技向新力打造"),
                                        ("Theoretical Innovation, leads １２３", "theoreticalinnovationleads123")])
def test_a_headline_is_compared_without_spacing_punctuation_or_case(served, page, title, key):
    page.goto(served["base"])
    assert page.evaluate("t => window.naSearch.titleKey(t)", title) == key


def test_the_box_converts_traditional_as_opencc_t2s_does(served, page):
    page.goto(served["base"] + "zh-Hant/")
    for text in ["乾隆皇帝頭髮乾燥", "嚴格執行，建立制度", "發展經濟與軟體產業", "激发科技"]:
        assert page.evaluate("t => window.naSearch.simplified(t)", text) == T2S(text), text


def test_the_zh_hant_box_searches_the_zh_hans_index_and_shows_zh_hant_pages(served, page, texts):
    """One index for both scripts (search.py SEARCHED_IN): the zh-Hant box loads the zh-Hans
    bundles only, finds a Traditional query where the zh-Hant text differs from the zh-Hans
    one in more than the script (s2tw prints 驱动着 as 驅動著, whose t2s is 驱动著), and links
    to the zh-Hant pages, shown as printed."""
    fetched = []
    page.on("request", lambda r: fetched.append(urlparse(r.url).path))
    query = "驅動著通遼"
    want = holding(texts, "zh-Hant", query)
    assert want and not holding(texts, "zh-Hans", T2S(query))     # the zh-Hans text has 驱动着
    assert set(search(page, served["base"], "zh-Hant", query)) == want
    root = urlparse(served["base"]).path
    bundles = {p for p in fetched if "/pagefind/" in p and not p.endswith(("shards.json", "t2s.json"))}
    assert bundles and all(p.startswith(root + "pagefind/") for p in bundles), sorted(bundles)
    item = page.locator(".na-search-list li").first
    assert item.locator("a").get_attribute("href").startswith(root + "zh-Hant/")
    assert item.locator("mark").first.inner_text() == query
    printed = texts["zh-Hant"][next(iter(want))]
    assert item.locator("h1").inner_text() == printed.title
    assert page.problems == []
