"""The 404 page in every language (overrides/404.html, assets/notfound.js), in headless
Chromium against the sample site served as GitHub Pages serves it: the root 404.html, with
status 404, for every missing path (browser_fixtures._Handler)."""
from __future__ import annotations

import re

import pytest

ARTICLE = "tongliao-ribao/2025/12/15/01/jifa-keji-xiang-xinli-dazao-shanliang/"
HAN = re.compile(r"[\u3400-\u9fff]")


def open_missing(page, url: str):
    response = page.goto(url)
    assert response.status == 404
    page.wait_for_selector(".na-404[data-na-state=done]")
    # the missing page itself is the one failed load Chromium reports
    page.problems[:] = [p for p in page.problems if "status of 404" not in p]
    return page


def main_text(page) -> str:
    """What a reader sees in the page's main part: the message, the navigation, the buttons."""
    return page.locator(".md-main").inner_text()


def switcher(page) -> dict[str, str]:
    return {a.get_attribute("hreflang"): a.get_attribute("href") for a in page.locator(".na-langs a").all()}


def test_an_english_path_gets_the_404_in_english(served, page):
    base = served["base"]
    open_missing(page, base + "en/no/such/page/")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator(".na-404 h1").inner_text() == "Page not found"
    text = main_text(page)
    assert not HAN.search(text), text
    assert "Latest issue" in text and "Archive" in text and "Search the articles" in text
    assert page.locator(".md-header__topic").first.inner_text().strip() == "Newspaper Archive"
    assert page.locator(".na-search-input").get_attribute("placeholder") == "Search"
    assert page.title() == "Page not found - Newspaper Archive"
    assert page.locator(".na-404-suggest").is_hidden()      # no day in the path: nothing to suggest
    path = base.removeprefix(base.split("/newsarchive/")[0])
    assert switcher(page) == {"zh-Hans": path + "no/such/page/", "zh-Hant": path + "zh-Hant/no/such/page/",
                              "en": path + "en/no/such/page/"}
    assert page.locator('.na-langs a[hreflang="en"]').get_attribute("aria-current") == "true"
    assert page.locator('.md-nav--primary a:has-text("Archive")').get_attribute("href") == path + "en/archive/"
    assert page.locator(".md-copyright").inner_text().strip() == "Made with Material for MkDocs"


def test_the_search_on_an_english_404_searches_the_english_articles(served, page):
    open_missing(page, served["base"] + "en/no/such/page/")
    box = page.locator(".na-search-input")
    box.click()
    box.fill("aluminium")
    page.wait_for_selector(".na-search-list li", timeout=15000)
    hrefs = [a.get_attribute("href") for a in page.locator(".na-search-list a").all()]
    assert any(h.endswith("/newsarchive/en/" + ARTICLE) for h in hrefs), hrefs
    assert re.search(r"\d+ articles? found", page.locator(".na-search-meta").inner_text())


def _search_words(page) -> dict[str, str]:
    """The search box's attributes of words (labels.SEARCH_BOX_WORDS and Material's two)."""
    return page.evaluate("""() => Object.fromEntries([...document.querySelector('.na-search').attributes]
        .filter(a => /^data-(?!na-)/.test(a.name)).map(a => [a.name, a.value]))""")


@pytest.mark.parametrize("prefix", ["", "zh-Hant/", "en/"])
def test_a_404_search_box_has_every_word_a_page_of_its_language_has(served, page, prefix):
    page.goto(served["base"] + prefix)
    words = _search_words(page)
    assert {"data-count", "data-count-one", "data-partial", "data-reset"} <= words.keys(), words
    open_missing(page, served["base"] + prefix + "no/such/page/")
    assert _search_words(page) == words


def test_a_traditional_chinese_path_gets_the_404_in_traditional_characters(served, page):
    open_missing(page, served["base"] + "zh-Hant/no/such/page/")
    assert page.evaluate("document.documentElement.lang") == "zh-Hant"
    assert page.locator(".na-404 h1").inner_text() == "找不到頁面"
    text = main_text(page)
    assert "往期檔案" in text and "搜尋文章" in text
    assert not set("页档这网关") & set(text), text       # no Simplified-only forms left
    assert page.locator(".na-search-input").get_attribute("placeholder") == "搜尋"
    assert page.locator(".na-search").get_attribute("data-na-lang") == "zh-Hant"
    assert page.locator(".md-copyright").inner_text().strip() == "本站由 Material for MkDocs 產生"


def test_a_missing_zh_hans_path_keeps_the_root_language(served, page):
    open_missing(page, served["base"] + "no/such/page/")
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"
    assert page.locator(".na-404 h1").inner_text() == "页面不存在"
    assert "往期档案" in main_text(page)


@pytest.mark.parametrize("lang, missing, words", [
    # a mistyped slug under the right day and page
    ("en", "tongliao-ribao/2025/12/15/01/jifa-keji-xiangxinli/", "aluminium"),
    # an old layout (no paper in the path) with a cut-short slug
    ("zh-Hant", "2025/12/15/01/jifa-keji-xiang-xinli-dazao/", "激發科技"),
    # the right slug under a wrong page number
    ("zh-Hans", "tongliao-ribao/2025/12/15/03/jifa-keji-xiang-xinli-dazao-shanliang/", "激发科技"),
])
def test_a_mistyped_article_path_suggests_the_article(served, page, lang, missing, words):
    prefix = "" if lang == "zh-Hans" else f"{lang}/"
    open_missing(page, served["base"] + prefix + missing)
    links = page.locator(".na-404-suggest a")
    assert page.locator(".na-404-suggest").is_visible()
    first = links.first
    assert first.get_attribute("href").endswith("/newsarchive/" + prefix + ARTICLE)
    assert words in first.inner_text()
    first.click()
    page.wait_for_load_state()
    assert page.url == served["base"] + prefix + ARTICLE


def test_a_dated_path_with_no_article_like_it_suggests_nothing(served, page):
    open_missing(page, served["base"] + "en/tongliao-ribao/2025/12/15/01/qwxz-vbnm-plok/")
    assert page.locator(".na-404-suggest").is_hidden()
    assert page.locator(".na-404-suggest a").count() == 0


def test_the_day_lists_hold_each_days_articles_and_lose_days_gone(tmp_path):
    """notfound.write_article_lists from the views staging keeps (no browser)."""
    import json
    from build_scripts.site import notfound, views
    staging, site = tmp_path / "staging", tmp_path / "site"
    staging.mkdir()
    views.save(staging, "zh-Hans", {
        "ribao/2025/12/15/01/hai-bian.md": {"permalink": "p1", "title": "海边的早晨"},
        "ribao/2025/12/15/02/shan-li.md": {"permalink": "p2", "title": "山里的学校"},
        "ribao/2025/12/16/01/he-shang.md": {"permalink": "p3", "title": "河上的桥"},
        "undated/stem/cao-di.md": {"permalink": "p4", "title": "草地"},
        "ribao/2025/12/15/index.md": {"alternates": []},              # an issue page: not an article
    })
    views.save(staging, "en", {"ribao/2025/12/15/01/hai-bian.md": {"permalink": "p5", "title": "Morning by the sea"}})
    stale = site / "en" / "na-articles" / "2020-01-01.json"
    stale.parent.mkdir(parents=True)
    stale.write_text("[]")
    notfound.write_article_lists(site, staging)
    read = lambda rel: json.loads((site / rel).read_text(encoding="utf-8"))   # noqa: E731
    assert read("na-articles/2025-12-15.json") == [["ribao/2025/12/15/01/hai-bian/", "海边的早晨"],
                                                   ["ribao/2025/12/15/02/shan-li/", "山里的学校"]]
    assert read("na-articles/2025-12-16.json") == [["ribao/2025/12/16/01/he-shang/", "河上的桥"]]
    assert read("na-articles/undated.json") == [["undated/stem/cao-di/", "草地"]]
    assert read("en/na-articles/2025-12-15.json") == [["ribao/2025/12/15/01/hai-bian/", "Morning by the sea"]]
    assert not stale.exists()
    assert not (site / "zh-Hant" / "na-articles").exists()
