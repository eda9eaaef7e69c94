"""The built sample site in a real browser (headless Chromium via Playwright).

One session fixture builds the sample site (the bundled dumps plus a hostile
one) with SITE_URL pointing at a local server on 127.0.0.1 that serves it under
the project path /newsarchive/, as GitHub Pages does. Chromium must be
installed (Debian's chromium); without it these tests fail, they do not skip.
"""
from __future__ import annotations

import functools
import http.server
import re
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from site_sample import HOSTILE_JINJA, HOSTILE_SCRIPT, REPO

from browser_fixtures import PREFIX, _Handler   # the fixtures served, browser, page come by conftest

ARTICLE = "tongliao-ribao/2025/12/15/01/jifa-keji-xiang-xinli-dazao-shanliang/"
SHOTS = REPO / "screenshots"


def shot(pg, name):
    SHOTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(SHOTS / name), full_page=False)


def hostile_rel(site: Path) -> str:
    """The article cut from the hostile dump: markup-like text in its headline and its body."""
    found = [p for p in sorted(site.glob("tongliao-ribao/2025/12/14/03/*/index.html"))
             if "&lt;script&gt;" in p.read_text(encoding="utf-8").split("<title>", 1)[1].split("</title>")[0]]
    assert len(found) == 1, "the hostile dump's article is missing"
    return found[0].parent.relative_to(site).as_posix() + "/"


def test_home_lists_the_sample_issue(served, page):
    page.goto(served["base"])
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"
    h1 = page.locator("article h1").first.inner_text()
    assert "通辽日报" in h1 and "2025年12月15日" in h1
    headings = [h.rstrip("#¶ ").strip() for h in page.locator("article h2").all_inner_texts()]
    assert headings == ["激发科技『向新力』打造闪亮『铝程碑』", "第1版 · 要闻", "第2版 · 理论·综合", "按日期查看"], headings
    lead = page.locator(".na-lead")
    assert "激发科技" in lead.locator(f'a[href="{ARTICLE}"]').inner_text()
    assert "卢显艳" in lead.locator(".na-byline").inner_text()
    assert lead.locator(".na-standfirst").inner_text().startswith("今年以来，")
    shot(page, "home.png")


def test_article_opens_with_its_metadata(served, page):
    page.goto(served["base"] + ARTICLE)
    head = page.locator(".na-head")
    assert "激发科技『向新力』打造闪亮『铝程碑』" in head.locator("h1").inner_text()
    assert "包雷晶" in head.locator(".na-byline").inner_text()
    assert page.locator(".na-author").count() == 2
    assert "2025年12月15日" in head.inner_text() and "第1版 · 要闻" in head.inner_text()
    assert page.locator("time").get_attribute("datetime") == "2025-12-15"
    captions = page.locator("figure figcaption").all_inner_texts()
    assert "刚生产出的铝箔产品。" in captions
    sub = page.locator(".na-text :is(h2, h3)").first
    assert sub.get_attribute("id") and "产业转型" in sub.get_attribute("id")  # readable anchor
    cite = page.locator(".na-cite")
    assert served["base"] + ARTICLE in cite.inner_text()
    source = page.locator(".na-source-link a")
    page.goto(urljoin(page.url, source.get_attribute("href")))
    assert page.locator(".na-source li.na-hl").count() > 10
    shot(page, "source.png")
    # each line shows its number (the list's own counting, from its start: test_source_view), and
    # a click on the number links the line; a click on its text does not
    line_id = page.locator(".na-source li.na-hl").filter(has_text=re.compile(r"\S")).nth(1).get_attribute("id")
    line = page.locator(f"#{line_id}")
    assert line.evaluate("el => getComputedStyle(el, '::before').content") == "counter(list-item)"
    hash_before = page.evaluate("location.hash")
    box = line.bounding_box()
    line.click(position={"x": box["width"] - 2, "y": 5})
    assert page.evaluate("location.hash") == hash_before
    line.click(position={"x": 5, "y": 5})
    assert page.evaluate("location.hash") == "#" + line_id
    page.wait_for_function("document.querySelectorAll('.na-source li.na-hl').length === 1")


def test_reused_icons_are_drawn(served, browser):
    """The drawer's logo is one of the page's icons (an empty <svg> that assets/newsarchive.css
    paints through the icon's mask); the search box's magnifier a <use> of the icon file."""
    for width, opens in [(400, "__drawer"), (1280, "__search")]:        # (a phone, a desktop)
        ctx = browser.new_context(viewport={"width": width, "height": 800})
        pg = ctx.new_page()
        try:
            pg.goto(served["base"] + ARTICLE)
            if opens == "__drawer":                         # on a wide screen the search box is open
                pg.locator('.md-header label.md-header__button[for="__drawer"]').click()
            target = ".md-nav__title .md-logo" if opens == "__drawer" else ".md-search__form label.md-search__icon"
            icon = pg.locator(f"{target} svg").first
            pg.wait_for_timeout(400)                        # the drawer slides in
            assert icon.is_visible(), opens
            if opens == "__drawer":
                assert icon.evaluate("el => getComputedStyle(el).maskImage").startswith('url("data:image/svg+xml,')
            else:
                assert icon.locator("use").count() == 1
            box = icon.bounding_box()
            assert box["width"] > 10 and box["height"] > 10 and abs(box["width"] - box["height"]) < 1, (opens, box)
            # drawn: the icon's pixels go when it is hidden
            around = pg.locator(target).first
            drawn = around.screenshot()
            icon.evaluate("el => el.style.visibility = 'hidden'")
            assert around.screenshot() != drawn, opens
        finally:
            ctx.close()


def test_switcher_lands_on_the_same_article(served, page):
    page.goto(served["base"] + ARTICLE)
    shot(page, "article-zh-Hans.png")
    for lang, words in [("zh-Hant", "激發科技"), ("en", "aluminium")]:
        page.locator(".na-langs button").hover()
        page.locator(f'.na-langs a[hreflang="{lang}"]').click()
        page.wait_for_load_state()
        assert page.url == served["base"] + f"{lang}/" + ARTICLE
        assert page.evaluate("document.documentElement.lang") == lang
        assert words in page.locator("h1").first.inner_text()
        label = page.locator(".na-provenance").inner_text()
        assert ("OpenCC" in label) if lang == "zh-Hant" else ("reviewed" in label or "translation" in label)
        shot(page, f"article-{lang}.png")
    page.locator(".na-langs button").hover()
    page.locator('.na-langs a[hreflang="zh-Hans"]').click()
    page.wait_for_load_state()
    assert page.url == served["base"] + ARTICLE


def _search(page, url, query):
    page.goto(url)
    box = page.locator(".na-search-input")
    box.click()
    box.fill(query)
    page.wait_for_function("document.querySelectorAll('.na-search-list li').length > 0 || "
                           "/没有|沒有|No matching|不可用|not available/.test("
                           "document.querySelector('.na-search-meta').textContent)", timeout=15000)
    return [a.get_attribute("href") for a in page.locator(".na-search-list a").all()]


@pytest.mark.parametrize("lang, query", [
    ("zh-Hans", "铝箔"), ("zh-Hans", "發展"),        # a Chinese word, typed in either script
    ("zh-Hant", "鋁箔"), ("zh-Hant", "发展"),
    ("en", "aluminium"),
])
def test_search_finds_the_sample_article(served, page, lang, query):
    url = served["base"] + ("" if lang == "zh-Hans" else f"{lang}/")
    hrefs = _search(page, url, query)
    target = urlparse(url).path + ARTICLE
    assert any(urlparse(urljoin(url, h)).path == target for h in hrefs), hrefs
    first = page.locator(".na-search-list article").first
    assert first.is_visible()   # Material's search panel is open, not just filled
    if lang == "zh-Hant":   # results read in Traditional characters, as printed
        assert "激發科技" in page.locator(".na-search-list h1").all_inner_texts()[hrefs.index(
            next(h for h in hrefs if h.endswith(ARTICLE)))]
    assert first.locator("mark").count() >= 1
    shot(page, f"search-{lang}-{query}.png")


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant", "en"])
def test_dump_text_is_never_markup(served, page, lang):
    rel = hostile_rel(served["site"])
    prefix = "" if lang == "zh-Hans" else f"{lang}/"
    for url in [served["base"] + prefix + rel, served["base"] + prefix + "tongliao-ribao/2025/12/14/03/",
                served["base"] + "sources/900_hostile/"]:          # one page of a dump, zh-Hans's
        page.goto(url)
        text = page.locator("article").inner_text()
        assert HOSTILE_SCRIPT in text, url
        assert page.evaluate("document.querySelectorAll('article script, article b, article strong').length") == 0
        assert page.evaluate("document.title.includes('<script>') || !document.title.includes('alert')")
    page.goto(served["base"] + prefix + rel)
    text = page.locator("article").inner_text()
    assert HOSTILE_JINJA in text and "**" in text
    assert HOSTILE_SCRIPT in page.title()
    assert page.locator("article a[href='http://example.com']").count() == 0
    page.locator(".na-langs button").hover()   # the switcher's and the header's copies of the title too
    assert HOSTILE_SCRIPT in page.locator(".md-header__topic").last.inner_text()
    if lang == "en":
        shot(page, "hostile-en.png")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if a.get(key) and not (tag == "link" and a.get("rel", "").startswith("alternate")
                                   and key == "href" and a[key].startswith("http") and False):
                self.links.append(a[key])


def test_no_broken_internal_links(served):
    """Every href/src of every built page that points into the site resolves (files and #anchors)."""
    site, base = served["site"], served["base"]
    pages = {p: None for p in site.rglob("*.html")}
    parsed = {}

    def parse(path):
        if path not in parsed:
            p = _Links()
            p.feed(path.read_text(encoding="utf-8"))
            parsed[path] = p
        return parsed[path]

    broken = []
    for path in pages:
        if "pagefind" in path.parts:
            continue
        rel = path.relative_to(site).as_posix()
        url = base + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        for link in parse(path).links:
            target = urljoin(url, link)
            if not target.startswith(base):
                continue
            u = urlparse(target)
            local = site / unquote(u.path[len(urlparse(base).path):])
            if u.path.endswith("/"):
                local = local / "index.html"
            if not local.exists():
                broken.append(f"{rel}: {link}")
                continue
            frag = unquote(u.fragment)
            if frag and local.suffix == ".html" and not re.fullmatch(r"L\d+-L\d+", frag):
                if frag not in parse(local).ids and frag != "__skip":
                    broken.append(f"{rel}: {link} (no #{frag})")
            if frag and local.suffix == ".svg" and f'id="{frag}"' not in local.read_text(encoding="utf-8"):
                broken.append(f"{rel}: {link} (no icon #{frag})")      # assets/na-icons.svg
    assert broken == [], broken[:20]
    assert len(pages) > 3 * 16


def test_home_pages_of_every_language_and_the_seo_tags(served, page):
    for lang in ["zh-Hans", "zh-Hant", "en"]:
        prefix = "" if lang == "zh-Hans" else f"{lang}/"
        page.goto(served["base"] + prefix + ARTICLE)
        assert page.evaluate("document.documentElement.lang") == lang
        # the alternates: the header's language links (the sitemaps have them for crawlers)
        assert page.evaluate("document.querySelectorAll('link[hreflang]').length") == 0
        hreflangs = page.evaluate("Array.from(document.querySelectorAll('.na-langs a[hreflang]'))"
                                  ".map(l => [l.hreflang, l.href])")
        assert sorted(h for h, _ in hreflangs) == ["en", "zh-Hans", "zh-Hant"]
        assert dict(hreflangs)["en"] == served["base"] + "en/" + ARTICLE
        assert page.locator('meta[property="og:type"]').get_attribute("content") == "article"
        assert page.locator('link[rel=canonical]').get_attribute("href") == served["base"] + prefix + ARTICLE
        import json
        data = json.loads(page.locator('script[type="application/ld+json"]').inner_text())
        assert data["@type"] == "NewsArticle" and data["inLanguage"] == lang
        assert data["isPartOf"]["url"] == served["base"] + prefix + "tongliao-ribao/2025/12/15/"
        assert ("translationOfWork" in data) == (lang != "zh-Hans")
        if lang != "zh-Hans":
            page.goto(served["base"] + prefix)
            shot(page, f"home-{lang}.png")


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant"])
def test_search_results_show_dump_text_as_text(served, page, lang):
    url = served["base"] + ("" if lang == "zh-Hans" else f"{lang}/")
    hrefs = _search(page, url, "读者")
    rel = hostile_rel(served["site"])
    assert any(h.endswith(rel) for h in hrefs), hrefs
    item = page.locator(".na-search-list li").filter(has=page.locator(f'a[href$="{rel}"]'))
    assert HOSTILE_SCRIPT in item.locator("h1").inner_text()
    assert page.evaluate("document.querySelectorAll('.na-search-list script, .na-search-list b').length") == 0
    assert HOSTILE_SCRIPT in item.locator("p").inner_text()


def test_search_shards_by_month_and_reindexes_only_what_changed(tmp_path, browser):
    """Articles in two years: a shard per month and language (the newest month's by week); a word
    found only in the older month is found (the newest shard has few pages, so the older one is merged in); a second
    build after editing an article of the newest month runs Pagefind for that shard only;
    pages rewritten with the same text, or changed outside their search body, run it for none."""
    import json
    import os
    import time
    from build_scripts.site.build import build_site
    from site_fixture import make_docs
    docs = make_docs(tmp_path)
    for lang in ["zh-Hans", "zh-Hant", "en"]:
        src = docs / lang / "2025/12/15/02/lilun.md"
        old = docs / lang / "2024/03/02/02/jiu-wen.md"
        old.parent.mkdir(parents=True)
        old.write_text(src.read_text(encoding="utf-8").replace("2025-12-15", "2024-03-02")
                       .replace("20251215-02-cccccc", "20240302-02-dddddd")
                       .replace("理论创新是社会发展", "黄河湿地候鸟是社会发展")
                       .replace("理論創新是社會發展", "黃河濕地候鳥是社會發展")
                       .replace("Theoretical innovation guides", "Wetland cranes guide")
                       .replace("Theoretical innovation leads practice", OLD_HEADLINE), encoding="utf-8")
    handler = functools.partial(_Handler, directory=str(tmp_path / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    old_url = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = base
    quiet = lambda *a: None  # noqa: E731
    try:
        first = build_site(docs, tmp_path / "site", dumps_root=tmp_path, build_dir=tmp_path / "build", log=quiet)
        site = first.site
        assert first.shards == {lang: ["2025-12-15", "2024-03"] for lang in ["zh-Hans", "zh-Hant", "en"]}
        listing = json.loads((site / "pagefind" / "shards.json").read_text(encoding="utf-8"))["shards"]
        assert [s["name"] for s in listing] == ["2025-12-15", "2024-03"] and listing[1]["from"] == "2024-03-02"
        threading.Thread(target=server.serve_forever, daemon=True).start()
        ctx = browser.new_context()
        pg = ctx.new_page()
        problems = []
        pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        pg.on("pageerror", lambda e: problems.append(str(e)))
        pg.problems = problems
        for prefix, query in [("", "候鸟"), ("zh-Hant/", "候鳥"), ("en/", "cranes")]:
            hrefs = _search(pg, base + prefix, query)
            assert any(h.endswith("2024/03/02/02/jiu-wen/") for h in hrefs), (prefix, hrefs)
        ctx.close()
        assert problems == []
        _long_headlines_search_what_decides(browser, site, base)
        old_files = {p: p.stat().st_mtime_ns for p in (site / "pagefind" / "2024-03").rglob("*") if p.is_file()}
        time.sleep(1.1)
        art = docs / "zh-Hans" / "2025/12/15/02/lilun.md"
        art.write_text(art.read_text(encoding="utf-8").replace("坚持问题导向", "坚持目标导向"), encoding="utf-8")
        second = build_site(docs, tmp_path / "site", dumps_root=tmp_path, build_dir=tmp_path / "build", log=quiet)
        assert second.reindexed == {"zh-Hans": ["2025-12-15"], "zh-Hant": [], "en": []}
        assert {p: p.stat().st_mtime_ns for p in (site / "pagefind" / "2024-03").rglob("*") if p.is_file()} == old_files
        from build_scripts.site.search import index_site
        for page in site.rglob("*.html"):               # as a full MkDocs build leaves them
            text = page.read_text(encoding="utf-8")
            page.write_text(text.replace("</body>", "<!-- rebuilt --></body>"), encoding="utf-8")
        third = index_site(site, tmp_path / "build" / "pagefind-src")
        assert third.reindexed == {"zh-Hans": [], "zh-Hant": [], "en": []}
        assert third.counts == second.indexed
    finally:
        server.shutdown()
        os.environ.pop("SITE_URL") if old_url is None else os.environ.__setitem__("SITE_URL", old_url)


OLD_HEADLINE = "Wetland cranes return early to northern marshes"


def _long_headlines_search_what_decides(browser, site, base) -> None:
    """A headline of four words or more typed in full, with the first search covering the
    newest shard only (search.js's RECENT made 1 in this copy of the site): the newest
    shard's own headline is answered from that shard, the older shard not even loaded; an
    older article's headline merges the older shard, searches it for the query's two rarest
    words only and shows that article first, offering "search all years" for the rest, which
    finds it first too."""
    script = site / "en" / "assets" / "search.js"
    original = script.read_text(encoding="utf-8")
    assert "var RECENT = 400;" in original
    script.write_text(original.replace("var RECENT = 400;", "var RECENT = 1;"), encoding="utf-8")
    try:
        for query, want, older_loaded in [("Theoretical innovation leads practice", "2025/12/15/02/lilun/", False),
                                          (OLD_HEADLINE, "2024/03/02/02/jiu-wen/", True)]:
            ctx = browser.new_context()
            pg = ctx.new_page()
            problems, urls = [], []
            pg.on("pageerror", lambda e: problems.append(str(e)))
            pg.on("request", lambda r: urls.append(r.url))
            _search(pg, base + "en/", query)
            pg.wait_for_function("document.querySelector('.na-search-result').dataset.naState === 'done'")
            hrefs = [a.get_attribute("href") for a in pg.locator(".na-search-list a").all()]
            assert hrefs and hrefs[0].endswith(want), (query, hrefs)
            assert any("/2024-03/" in u for u in urls) == older_loaded, (query, urls)
            assert pg.locator(".na-search-more button").is_visible(), query
            meta = pg.locator(".na-search-meta").inner_text()    # says how much was searched
            assert ("other years: only articles with this headline" in meta) == older_loaded, (query, meta)
            assert (" to " in meta and "only)" in meta) == (not older_loaded), (query, meta)
            assert not meta.startswith("1 articles"), meta           # one article, in the singular
            pg.locator(".na-search-more button").click()
            pg.wait_for_function("document.querySelector('.na-search-result').dataset.naState === 'done' && "
                                 "document.querySelector('.na-search-more').hidden")
            assert pg.locator(".na-search-list a").first.get_attribute("href").endswith(want), query
            assert problems == []
            ctx.close()
    finally:
        script.write_text(original, encoding="utf-8")


def _font_of_first(page, selector: str, char: str) -> list[str]:
    """The fonts Chromium really drew ``char`` with: the first one inside ``selector`` is
    wrapped in a span of its own and asked of the renderer (CSS.getPlatformFontsForNode)."""
    found = page.evaluate("""([selector, ch]) => {
        for (const el of document.querySelectorAll(selector)) {
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.data.indexOf(ch);
            if (at < 0) continue;
            const rest = node.splitText(at); rest.splitText(1);
            const span = document.createElement('span'); span.id = 'na-probe';
            rest.replaceWith(span); span.append(rest); return true;
          }
        }
        return false; }""", [selector, char])
    assert found, f"no {char} in {selector}"
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "#na-probe"})["nodeId"]
    return [f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]


@pytest.mark.parametrize("lang", ["", "zh-Hant/"])
def test_chinese_quotation_marks_are_drawn_with_the_cjk_font(served, page, lang):
    page.goto(served["base"] + lang + ARTICLE)
    fonts = _font_of_first(page, ".md-typeset .na-text p", "\u201c")
    assert fonts and all(f.startswith("Noto Sans CJK") for f in fonts), fonts


@pytest.mark.parametrize("prefix, month, date", [("", "2025年12月", "2025年12月14日"),
                                                 ("zh-Hant/", "2025年12月", "2025年12月14日"),
                                                 ("en/", "December 2025", "14 December 2025")])
def test_the_date_picker_shows_the_issues_on_a_calendar_and_opens_one(served, page, prefix, month, date):
    page.goto(served["base"] + prefix)
    calendar = page.locator(".na-picker .na-calendar")
    assert calendar.locator(".na-calendar-title").inner_text() == month
    assert page.locator(".na-picker-months").is_hidden()         # the list the calendar is drawn from
    # 1 December 2025 is a Monday: the first week starts with it
    assert calendar.locator("tbody tr").first.locator("td").all_inner_texts() == [str(d) for d in range(1, 8)]
    issues = calendar.locator("a.na-calendar-issue")
    assert issues.all_inner_texts() == ["14", "15"]
    assert calendar.locator('[aria-current="date"]').inner_text() == "15"      # the issue shown
    assert calendar.locator(".na-calendar-prev").is_disabled() and calendar.locator(".na-calendar-next").is_disabled()
    issues.first.click()
    page.wait_for_url(served["base"] + prefix + "tongliao-ribao/2025/12/14/")
    assert date in page.locator("article h1").inner_text()
    shot(page, f"picker-{prefix.rstrip('/') or 'zh-Hans'}.png")


def test_without_scripts_the_date_picker_is_a_list_of_months_and_issues(served, browser):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    try:
        pg = ctx.new_page()
        pg.goto(served["base"] + "en/")
        months = pg.locator(".na-picker-months li")
        assert months.count() == 1 and months.first.locator(".na-picker-month").inner_text() == "December 2025"
        assert months.first.locator("a").all_inner_texts() == ["14", "15"]
        assert pg.locator(".na-calendar").count() == 0
        months.first.locator("a").first.click()
        pg.wait_for_url(served["base"] + "en/tongliao-ribao/2025/12/14/")
    finally:
        ctx.close()


def _longest_line_chars(page, selector: str) -> list[int]:
    """Per paragraph in ``selector``: the number of characters on its longest rendered line,
    counted by laying a Range over each character and grouping them by the line box they sit on."""
    return page.evaluate("""(selector) => [...document.querySelectorAll(selector)].map(p => {
        const lines = new Map();
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (let i = 0; i < node.data.length; i++) {
            const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
            const box = r.getClientRects()[0];
            if (!box) continue;
            const top = Math.round(box.top);
            lines.set(top, (lines.get(top) || 0) + 1);
          }
        }
        return Math.max(0, ...lines.values()); })""", selector)


def test_english_body_lines_hold_at_most_75_characters(served, page):
    page.goto(served["base"] + "en/" + ARTICLE)
    counts = _longest_line_chars(page, ".md-typeset .na-text p")
    # at least one paragraph wraps, or the count would say nothing about the measure
    assert counts and max(counts) > 50, counts
    assert max(counts) <= 75, counts


# Words the chrome may print in another script: names (the switcher's language names, the
# generator's and the converter's) are names, not sentences in a foreign language.
_NAMES = ("简体中文", "繁體中文", "English", "Material for MkDocs", "OpenCC")


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("prefix", ["", "zh-Hant/", "en/"])
def test_the_chrome_speaks_the_language_of_the_page(served, browser, prefix, width):
    """Every text and label outside the article's own text (header, navigation, search,
    switcher, footer) is in the page's language."""
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    pg = ctx.new_page()
    pg.goto(served["base"] + prefix + ARTICLE)
    texts = pg.evaluate("""() => {
      const out = [];
      const own = el => el.closest('.na-text, .na-head, .na-figures, .na-cite, .na-prevnext, script, style');
      for (const el of document.querySelectorAll('body *')) {
        if (own(el)) continue;
        for (const n of el.childNodes) if (n.nodeType === 3 && n.data.trim()) out.push(n.data.trim());
        for (const a of ['aria-label', 'title', 'placeholder', 'alt']) if (el.getAttribute(a)) out.push(el.getAttribute(a));
      }
      return out; }""")
    ctx.close()
    foreign = re.compile(r"[\u3400-\u9fff]" if prefix == "en/" else r"[A-Za-z]{2,}")
    left = []
    for t in texts:
        for name in _NAMES:
            t = t.replace(name, "")
        if foreign.search(t):
            left.append(t)
    assert texts and not left, left
