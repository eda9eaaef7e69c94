"""The bilingual view of an article in headless Chromium, on the fixture docs tree
(tests/site_fixture.py: an article with kicker, subtitle, byline, subhead and two captions in
every language; one whose English has a paragraph fewer; the English of the hostile one is
removed before the build). Every head part, body block and caption is paired with its
counterpart, side by side at 1280 px and stacked at 390 px; a picture stays, once; the
view says, in the page's language, when the other page is missing or cannot be loaded,
and which parts have no counterpart."""
from __future__ import annotations

import functools
import http.server
import os
import re
import threading

import opencc
import pytest

from browser_fixtures import PREFIX, _Handler
from site_fixture import _ARTICLES, make_docs
from test_accessibility_browser import BLOCKING, axe_violations, describe

ART, HOSTILE, LILUN = (a["rel"].removesuffix(".md") + "/" for a in _ARTICLES)
LANG_PREFIX = {"zh-Hans": "", "zh-Hant": "zh-Hant/", "en": "en/"}
WIDTHS = {1280: 900, 390: 844}


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    from build_scripts.site.build import build_site
    root = tmp_path_factory.mktemp("bilingual")
    docs = make_docs(root)
    (docs / "en" / _ARTICLES[1]["rel"]).unlink()           # the hostile article: no English
    handler = functools.partial(_Handler, directory=str(root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    old = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = base
    try:
        result = build_site(docs, root / "site", dumps_root=root, build_dir=root / "build", log=lambda *a: None)
    finally:
        os.environ.pop("SITE_URL") if old is None else os.environ.__setitem__("SITE_URL", old)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield {"base": base, "site": result.site}
    server.shutdown()


def expected_pairs(lang: str) -> dict[str, tuple[str, str]]:
    """The fixture's own words for the first article: (Chinese side, English side) by part."""
    a = _ARTICLES[0]
    zh = {"kicker": a["meta"]["kicker"], "title": a["meta"]["title"], "subtitle": a["meta"]["subtitle"],
          "byline": a["meta"]["byline"], "block-1": a["body"][0].text, "block-2": a["body"][1].text,
          "figure-1": a["meta"]["captions"][0], "figure-2": a["meta"]["captions"][1]}
    en = {"kicker": a["en"]["kicker"], "title": a["en"]["title"], "subtitle": a["en"]["subtitle"],
          "byline": a["en"]["byline"], "block-1": a["en_body"][0].text, "block-2": a["en_body"][1].text,
          "figure-1": a["en"]["captions"][0], "figure-2": a["en"]["captions"][1]}
    if lang == "zh-Hant":
        s2t = opencc.OpenCC("s2twp")
        zh = {k: s2t.convert(v) for k, v in zh.items()}
    return {k: (zh[k], en[k]) for k in zh}


def open_bilingual(page, url: str) -> None:
    page.goto(url)
    page.locator(".na-bilingual-toggle").click()
    page.wait_for_selector(".na-bilingual-grid")


def cells(row):
    return [row.locator(f'.na-bilingual-cell[data-side="{s}"]') for s in ("zh", "en")]


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("lang", list(LANG_PREFIX))
def test_every_head_part_block_and_caption_is_paired(fixture_site, page, lang, width):
    page.set_viewport_size({"width": width, "height": WIDTHS[width]})
    open_bilingual(page, fixture_site["base"] + LANG_PREFIX[lang] + ART)
    pairs = expected_pairs(lang)
    rows = page.locator(".na-bilingual-row")
    keys = [rows.nth(i).get_attribute("data-pair") for i in range(rows.count())]
    assert keys == ["kicker", "title", "subtitle", "byline", "block-1", "block-2", "block-3", "block-4",
                    "figure-1", "figure-2"]
    zh_lang = "zh-Hant" if lang == "zh-Hant" else "zh-Hans"
    previous_bottom = 0
    for key, (zh_text, en_text) in pairs.items():
        zh, en = cells(page.locator(f'.na-bilingual-row[data-pair="{key}"]'))
        assert (zh.get_attribute("lang"), en.get_attribute("lang")) == (zh_lang, "en"), key
        assert zh.inner_text().strip() == zh_text, key
        assert en.inner_text().strip() == en_text, key
        a, b = zh.bounding_box(), en.bounding_box()
        assert a["y"] >= previous_bottom - 1, key                               # pairs in reading order
        if width == 1280:                                                      # side by side, tops aligned
            assert a["x"] + a["width"] <= b["x"] and abs(a["y"] - b["y"]) < 2, (key, a, b)
        else:                                                                  # stacked, the pair together
            assert abs(a["x"] - b["x"]) < 2 and abs(b["y"] - (a["y"] + a["height"])) < 2, (key, a, b)
        previous_bottom = max(a["y"] + a["height"], b["y"] + b["height"])
    assert page.locator(".na-bilingual-notice").count() == 0
    # the author links of either side lead to that side's author pages (the fetched page's
    # links resolved against its own address)
    zh, en = cells(page.locator('.na-bilingual-row[data-pair="byline"]'))
    for side, prefix in [(zh, "zh-Hant/" if lang == "zh-Hant" else ""), (en, "en/")]:
        hrefs = side.locator("a").evaluate_all("links => links.map(a => a.href)")
        assert hrefs == [fixture_site["base"] + prefix + "authors/" + slug + "/"
                         for slug in ("bao-lei-jing", "lu-xian-yan")], hrefs
    # the view stands in for the head's parts and the body; closing it brings them back
    assert page.locator(".na-head h1").is_hidden() and page.locator(".na-body").is_hidden()
    page.locator(".na-bilingual-toggle").click()
    assert page.locator(".na-bilingual").is_hidden() and page.locator(".na-head h1").is_visible()


PICTURE = ('<figure class="na-figure"><img src="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 '
           'width=%22400%22 height=%22200%22%3E%3Crect width=%22400%22 height=%22200%22 fill=%22%23999%22/%3E%3C/svg%3E" '
           'alt="{alt}" width="400" height="200"><figcaption>{caption}</figcaption></figure>')


@pytest.mark.parametrize("width", list(WIDTHS))
def test_a_picture_in_the_body_stays_in_the_view_once(fixture_site, page, width):
    """Both pages get the same picture after the first paragraph (as a page of a PDF dump
    with its pictures would have): the view shows it once, across both columns, above the
    pair of its captions, between the paragraphs it stands between."""
    captions = {"zh-Hans": ("铝箔卷", "一卷铝箔。"), "en": ("A roll of foil", "A roll of aluminium foil.")}

    def with_picture(route):
        response = route.fetch()
        lang = "en" if "/en/" in route.request.url else "zh-Hans"
        alt, caption = captions[lang]
        html = re.sub(r'(<p data-block="1".*?</p>)', lambda m: m.group(1) + PICTURE.format(alt=alt, caption=caption),
                      response.text(), count=1, flags=re.S)
        route.fulfill(response=response, body=html)

    page.route(re.compile(r".*/2025/12/15/01/jifa-keji/$"), with_picture)
    page.set_viewport_size({"width": width, "height": WIDTHS[width]})
    open_bilingual(page, fixture_site["base"] + ART)
    view = page.locator(".na-bilingual")
    assert view.locator("img").count() == 1
    img = view.locator('.na-bilingual-row[data-pair="figure-1"] .na-bilingual-picture img')
    assert img.get_attribute("alt") == "铝箔卷"
    assert img.evaluate("el => el.complete && el.naturalWidth") == 400
    zh, en = cells(view.locator('.na-bilingual-row[data-pair="figure-1"]'))
    assert (zh.inner_text().strip(), en.inner_text().strip()) == ("一卷铝箔。", "A roll of aluminium foil.")
    # the captions printed without their pictures keep their own rows after it
    assert cells(view.locator('.na-bilingual-row[data-pair="figure-2"]'))[1].inner_text().strip() == \
        _ARTICLES[0]["en"]["captions"][0]
    pic, grid = img.bounding_box(), view.locator(".na-bilingual-grid").bounding_box()
    before = cells(view.locator('.na-bilingual-row[data-pair="block-1"]'))[1].bounding_box()
    after = cells(view.locator('.na-bilingual-row[data-pair="block-2"]'))[0].bounding_box()
    assert before["y"] + before["height"] <= pic["y"] and pic["y"] + pic["height"] <= zh.bounding_box()["y"] \
        <= after["y"]
    assert pic["width"] > grid["width"] / 2 if width == 1280 else 0 < pic["width"] <= grid["width"] + 1


PAIR_MISSING = {"zh-Hans": "本文没有英文版本，无法中英对照。", "zh-Hant": "本文沒有英文版本，無法中英對照。",
                "en": "This article has no Chinese version to read alongside."}
PAIR_FAILED = {"zh-Hans": "英文版本暂时无法载入，请稍后再试。", "zh-Hant": "英文版本暫時無法載入，請稍後再試。",
               "en": "The Chinese version could not be loaded; try again later."}


@pytest.mark.parametrize("cause", ["removed", "network"])
@pytest.mark.parametrize("lang", list(LANG_PREFIX))
def test_the_view_says_when_the_other_page_is_missing_or_cannot_be_loaded(fixture_site, page, lang, cause):
    """The other side's page removed from the served site (a 404), or its request failing:
    a message in the page's language, the article as it was; a later try that loads works."""
    other = fixture_site["site"] / ("" if lang == "en" else "en") / ART / "index.html"
    aside = other.with_name("index.html.aside")
    if cause == "removed":
        other.rename(aside)
    else:
        page.route(re.compile(r".*/2025/12/15/01/jifa-keji/$"),
                   lambda route: route.abort("internetdisconnected") if route.request.resource_type == "fetch"
                   else route.continue_())
    try:
        page.goto(fixture_site["base"] + LANG_PREFIX[lang] + ART)
        button = page.locator(".na-bilingual-toggle")
        button.click()
        status = page.locator('.na-bilingual-status[role="status"]')
        expected = (PAIR_MISSING if cause == "removed" else PAIR_FAILED)[lang]
        page.wait_for_function("el => el.textContent.length > 0", arg=status.element_handle())
        assert status.inner_text() == expected and status.is_visible()
        assert button.get_attribute("aria-pressed") == "false"
        assert page.locator(".na-bilingual").is_hidden() and page.locator(".na-body").is_visible()
        blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING]
        assert blocking == [], describe(blocking)
    finally:
        if cause == "removed":
            aside.rename(other)
    if cause == "network":
        page.unroute_all()
    button.click()
    page.wait_for_selector(".na-bilingual-grid")
    assert status.inner_text() == "" and button.get_attribute("aria-pressed") == "true"
    # the failed request is what this test made happen, not a fault of the site
    page.problems[:] = [p for p in page.problems if not re.search(r"404|ERR_INTERNET_DISCONNECTED", p)]


def test_an_article_without_the_other_language_says_so_in_place_of_the_button(fixture_site, page):
    for lang in ("zh-Hans", "zh-Hant"):
        page.goto(fixture_site["base"] + LANG_PREFIX[lang] + HOSTILE)
        assert page.locator(".na-bilingual-toggle").count() == 0
        assert page.locator(".na-head .na-bilingual-status").inner_text() == PAIR_MISSING[lang]


NOT_ALIGNED = {"zh-Hans": ("此处中英文段落未能对齐（中文 2 段，英文 1 段）。", "（无对应内容）"),
               "zh-Hant": ("此處中英文段落未能對齊（中文 2 段，英文 1 段）。", "（無對應內容）"),
               "en": ("The Chinese and English paragraphs do not align here (2 Chinese, 1 English).",
                      "(nothing corresponds to this)")}


@pytest.mark.parametrize("lang", list(LANG_PREFIX))
def test_the_view_says_which_block_has_no_counterpart(fixture_site, page, lang):
    """The English of the second-page article has a paragraph fewer: the notice counts them,
    the row without a counterpart is marked and its empty side says so in the page's language."""
    open_bilingual(page, fixture_site["base"] + LANG_PREFIX[lang] + LILUN)
    notice, empty = NOT_ALIGNED[lang]
    assert page.locator(".na-bilingual-notice").inner_text() == notice
    rows = page.locator(".na-bilingual-row")
    assert [rows.nth(i).get_attribute("data-pair") for i in range(rows.count())] == \
        ["title", "byline", "block-1", "block-2"]
    assert page.locator(".na-bilingual-row.na-misaligned").count() == 1
    zh, en = cells(page.locator('.na-bilingual-row.na-misaligned[data-pair="block-2"]'))
    chinese = _ARTICLES[2]["body"][1].text
    assert zh.inner_text().strip() == (opencc.OpenCC("s2twp").convert(chinese) if lang == "zh-Hant" else chinese)
    assert en.inner_text().strip() == empty and en.get_attribute("lang") == lang
    assert page.locator(".na-bilingual-cell.na-empty").count() == 1
