"""The site stage on a tiny fixture docs tree (tests/site_fixture.py): generated pages,
escaping of dump text, discovery files, the configs as `mkdocs build --strict` runs them."""
from __future__ import annotations

import gzip
import html as html_lib
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import example, given, strategies as st

from build_scripts.site import catalog, plugin
from build_scripts.site.indexes import Generator, link, url_of
from build_scripts.site.slugs import author_slug
from build_scripts.site.staging import stage
from site_fixture import HOSTILE_JINJA, HOSTILE_SCRIPT, make_docs

REPO = Path(__file__).resolve().parent.parent
URL = "https://example.org/archive/"
ART = "2025/12/15/01/jifa-keji/"
HOSTILE = "2025/12/15/01/hostile/"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from build_scripts.site.build import build_site
    root = tmp_path_factory.mktemp("fixture")
    docs = make_docs(root)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", URL)
        result = build_site(docs, root / "site", dumps_root=root, build_dir=root / "build", log=lambda *a: None)
    return root, result


def html(site: Path, rel: str) -> str:
    return (site / rel / "index.html").read_text(encoding="utf-8")


def test_every_language_is_built_with_its_lang(built):
    root, result = built
    site = result.site
    for prefix, lang in [("", "zh-Hans"), ("zh-Hant/", "zh-Hant"), ("en/", "en")]:
        assert f'<html lang="{lang}"' in html(site, prefix)
        assert f'<html lang="{lang}"' in html(site, prefix + ART)
        assert (site / prefix / "pagefind" / "shards.json").is_file()
        assert (site / prefix / "feed.xml").is_file()
    assert result.articles == {"zh-Hans": 3, "zh-Hant": 3, "en": 3}
    assert result.indexed == {"zh-Hans": 3, "zh-Hant": 3, "en": 3}


def test_a_search_bundle_holds_only_what_the_search_box_loads(built):
    """No Pagefind UI, worker or other language's wasm in a shard (pagefind_files.prune); none
    for zh-Hant, whose box reads the zh-Hans bundles (search.py SEARCHED_IN)."""
    site = built[1].site
    for prefix, wasm in [("", "unknown"), ("zh-Hant/", "unknown"), ("en/", "en")]:
        root = site / prefix / "pagefind"
        data = json.loads((root / "shards.json").read_text(encoding="utf-8"))
        if prefix == "zh-Hant/":
            assert (root / data["bundles"]).resolve() == (site / "pagefind").resolve()
            assert [p.name for p in root.iterdir()] == ["shards.json"]
            root = root / data["bundles"]
        for shard in data["shards"]:
            bundle = root / shard["name"]
            entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
            (info,) = entry["languages"].values()
            assert {p.name for p in bundle.iterdir()} == {
                "pagefind.js", "pagefind-entry.json", f"pagefind.{info['hash']}.pf_meta", f"wasm.{wasm}.pagefind",
                "index", "fragment", "filter"}, prefix + shard["name"]


def test_home_is_the_latest_issue_page_by_page(built):
    site = built[1].site
    home = html(site, "")
    home = home[home.index("<article"):]
    assert home.index("激发科技") < home.index("第1版 · 要闻") < home.index("第2版 · 理论·综合") < home.index("以理论创新")
    assert 'href="2025/12/15/01/jifa-keji/"' in home
    assert "通讯员 包雷晶 本报记者 卢显艳" in home and "科技创新" in home
    en = html(site, "en/")
    assert "Page 1 · News" in en and "15 December 2025" in en
    for rel in ["archive/", "2025/12/15/", "2025/12/15/01/", "2025/12/15/02/", "authors/",
                f"authors/{author_slug('卢显艳')}/", "about/"]:
        for prefix in ["", "zh-Hant/", "en/"]:
            assert (site / prefix / rel / "index.html").is_file(), prefix + rel
    # a dump's page is zh-Hans's only: its lines are the same in every language
    assert (site / "sources/001_fixture/index.html").is_file()
    assert not (site / "zh-Hant/sources").exists() and not (site / "en/sources").exists()
    assert "Articles by Lu Xianyan" in html(site, f"en/authors/{author_slug('卢显艳')}/")
    page1 = html(site, "2025/12/15/01/")
    assert "下一版" in page1 and "../02/" in page1


FRONT = {   # the fixture's lead story and its other two articles, as each language shows them
    "": dict(kicker="科技创新", title="激发科技『向新力』打造闪亮『铝程碑』", subtitle="我市铝基产业迈向高端",
             standfirst="今年以来，我市以科技创新重塑铝基产业格局，推动铝产业高质量发展。",
             others=["&lt;script&gt;alert(1)&lt;/script&gt; 标题 {{ config }}", "以理论创新引领实践发展"],
             summaries=["正文里有 &lt;script&gt;alert(1)&lt;/script&gt; 和 {{ config }}…",
                        "理论创新是社会发展和变革的先导。"],
             picker="按日期查看", next_article="下一篇", prev_article="上一篇", colon="："),
    "zh-Hant/": dict(kicker="科技創新", title="激發科技『向新力』打造閃亮『鋁程碑』", subtitle="我市鋁基產業邁向高階",
                     standfirst="今年以來，我市以科技創新重塑鋁基產業格局，推動鋁產業高質量發展。",
                     others=["&lt;script&gt;alert(1)&lt;/script&gt; 標題 {{ config }}", "以理論創新引領實踐發展"],
                     summaries=["正文裡有 &lt;script&gt;alert(1)&lt;/script&gt; 和 {{ config }}…",
                                "理論創新是社會發展和變革的先導。"],
                     picker="按日期檢視", next_article="下一篇", prev_article="上一篇", colon="："),
    "en/": dict(kicker="Innovation", title="Sparking the &#39;new force&#39; of technology for a shining aluminium milestone",
                subtitle="The city&#39;s aluminium industry moves up the value chain",
                standfirst="Since the start of the year the city has reshaped its aluminium industry through innovation.",
                others=["&lt;script&gt;alert(1)&lt;/script&gt; headline {{ config }}", "Theoretical innovation leads practice"],
                summaries=["The body holds &lt;script&gt;alert(1)&lt;/script&gt; and {{ config }} as text.",
                           "Theoretical innovation guides social development and change."],
                picker="Issues by date", next_article="Next article", prev_article="Previous article",
                colon=": "),
}


def _section(page: str, cls: str) -> str:
    start = page.index(f'class="{cls}"')
    return page[start:page.index("</section>", start)]


@pytest.mark.parametrize("prefix", ["", "zh-Hant/", "en/"])
def test_home_is_a_front_page_with_the_lead_story_and_one_line_for_each_other_article(built, prefix):
    want = FRONT[prefix]
    home = html(built[1].site, prefix)
    lead = _section(home, "na-lead")
    assert f'<p class="na-kicker">{want["kicker"]}</p>' in lead
    assert f'<a href="2025/12/15/01/jifa-keji/">{want["title"]}</a>' in lead
    assert f'<p class="na-subtitle">{want["subtitle"]}</p>' in lead
    assert f'<p class="na-standfirst">{want["standfirst"]}</p>' in lead
    rest = home[home.index('class="na-front-pages"'):home.index('class="na-picker"')]
    assert want["title"] not in rest                    # the lead is not listed again
    for title, summary in zip(want["others"], want["summaries"]):
        item = rest[rest.index(title):]
        item = item[:item.index("</li>")]
        assert f'<span class="na-summary">{summary}</span>' in item
    picker = _section(home, "na-picker")
    assert want["picker"] in picker
    assert re.findall(r'<a href="([^"]*)" data-date="([^"]*)"', picker) == [("2025/12/15/", "2025-12-15")]
    assert 'class="na-prevnext"' not in home            # one issue: none before or after it


@pytest.mark.parametrize("prefix", ["", "zh-Hant/", "en/"])
def test_articles_link_the_articles_before_and_after_them_on_their_page(built, prefix):
    want, site = FRONT[prefix], built[1].site
    first, second = html(site, prefix + ART), html(site, prefix + HOSTILE)
    nav = lambda page: page[page.index('na-article-nav'):page.index("</nav>", page.index('na-article-nav'))]  # noqa: E731
    assert re.findall(r'rel="(prev|next)" href="([^"]*)"', nav(first)) == [("next", "../hostile/")]
    assert f'{want["next_article"]}{want["colon"]}' in nav(first) and want["others"][0] in nav(first)
    assert re.findall(r'rel="(prev|next)" href="([^"]*)"', nav(second)) == [("prev", "../jifa-keji/")]
    assert f'← {want["prev_article"]}{want["colon"]}' in nav(second) and want["title"] in nav(second)
    # a title says its language only where it is not the page's (the rest inherit <html lang>)
    page_lang = {"": "zh-Hans", "zh-Hant/": "zh-Hant", "en/": "en"}[prefix]
    assert f'<span lang="{page_lang}">' not in nav(first) + nav(second)
    assert f' lang="{page_lang}"' not in first[first.index('<div class="na-article">'):first.index("</article>")]
    assert "na-article-nav" not in html(site, prefix + "2025/12/15/02/lilun/")    # alone on its page


@pytest.mark.parametrize("lang, prev_label, next_label, colon", [
    ("zh-Hans", "上一期", "下一期", "："), ("zh-Hant", "上一期", "下一期", "："), ("en", "Previous issue", "Next issue", ": ")])
def test_issues_link_the_issues_before_and_after_them_and_the_picker_lists_every_issue(
        tmp_path, lang, prev_label, next_label, colon):
    from build_scripts.site.indexes import Generator
    docs = make_docs(tmp_path, with_pages=False)
    lilun = docs / lang / "2025/12/15/02/lilun.md"
    for day in ["2025-12-14", "2025-11-30"]:        # one issue the day before, one a month before
        copy = docs / lang / day.replace("-", "/") / "01/lilun.md"
        copy.parent.mkdir(parents=True)
        copy.write_text(lilun.read_text(encoding="utf-8").replace("2025-12-15", day), encoding="utf-8")
    pages = {p.rel: p.body for p in Generator(lang, catalog.load(docs / lang)).all()}
    links = lambda body: re.findall(r'class="na-(prev|next)" rel="\1" href="([^"]*)">([^<]*)<', body)  # noqa: E731
    middle = links(pages["2025/12/14/index.md"])
    assert [(k, href) for k, href, _ in middle] == [("prev", "../../11/30/"), ("next", "../15/")]
    assert middle[0][2].startswith(f"← {prev_label}{colon}") and middle[1][2].startswith(f"{next_label}{colon}")
    assert [(k, href) for k, href, _ in links(pages["2025/11/30/index.md"])] == [("next", "../../12/14/")]
    assert [(k, href) for k, href, _ in links(pages["index.md"])] == [("prev", "2025/12/14/")]
    assert re.findall(r'<li data-month="([^"]*)">|data-date="([^"]*)"', pages["index.md"]) == [
        ("2025-12", ""), ("", "2025-12-14"), ("", "2025-12-15"), ("2025-11", ""), ("", "2025-11-30")]


@pytest.mark.parametrize("prefix", ["", "zh-Hant/", "en/"])
def test_dump_text_is_escaped_everywhere(built, prefix):
    site = built[1].site
    for path in (site / prefix).rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in text, path
        assert "onerror=alert" not in text.replace("onerror=alert(1)&gt;", ""), path
        assert "config_file_path" not in text, path      # {{ config }} was never evaluated
        assert "<b>引题</b>" not in text and "<b>kicker</b>" not in text, path
    page = html(site, prefix + HOSTILE)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert HOSTILE_JINJA in page
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "&lt;script&gt;" in title
    assert 'href="javascript:' not in page
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert HOSTILE_SCRIPT in data["headline"]


def test_alternates_seo_and_jsonld(built):
    site = built[1].site
    page = html(site, "en/" + ART)
    # the hreflang alternates are the sitemaps' (test_sitemap_and_feeds), not repeated on every page
    assert 'hreflang="' not in page[:page.index("</head>")] and "og:locale:alternate" not in page
    assert page.count("<meta name=\"description\"") == 1 and "og:description" not in page
    assert f'<link rel="canonical" href="{URL}en/{ART}">' in page
    assert '<meta property="og:type" content="article">' in page
    assert "article:published_time" not in page and "og:title" not in page     # the JSON-LD's date, the title
    assert '<meta property="og:locale" content="en_US">' in page
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert data["@type"] == "NewsArticle" and data["inLanguage"] == "en"
    assert data["datePublished"] == "2025-12-15"
    assert [a["name"] for a in data["author"]] == ["Bao Leijing", "Lu Xianyan"]
    assert data["isPartOf"]["url"] == URL + "en/2025/12/15/"
    assert data["translationOfWork"]["url"] == URL + ART
    assert "translationOfWork" not in json.loads(re.search(
        r'<script type="application/ld\+json">(.*?)</script>', html(site, ART), re.S).group(1))
    # the switcher links the same article, relatively
    assert f'href="../../../../../../zh-Hant/{ART}" hreflang="zh-Hant"' in page
    assert 'Machine translation (fixture-mt' in page or "fixture-mt" in page
    assert "OpenCC" in html(site, "zh-Hant/" + ART) and "s2twp.json" in html(site, "zh-Hant/" + ART)


def test_sitemap_and_feeds(built):
    site = built[1].site
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    index = ET.parse(site / "sitemap.xml").getroot()
    parts = [loc.text for loc in index.findall("s:sitemap/s:loc", ns)]
    assert parts and all(p.startswith(URL + "sitemaps/") for p in parts)
    urls = {}
    for part in parts:
        assert part.endswith(".xml.gz")                    # gzip'd, the same bytes for the same text
        data = (site / part[len(URL):]).read_bytes()
        assert data[4:8] == b"\0\0\0\0" and not data[3] & 0x08   # no time, no name
        tree = ET.ElementTree(ET.fromstring(gzip.decompress(data)))
        urls.update({u.find("s:loc", ns).text: u for u in tree.getroot().findall("s:url", ns)})
    assert URL + ART in urls and URL + "zh-Hant/" + ART in urls and URL + "en/" + ART in urls
    # every built page is listed, and nothing else
    built_pages = {URL + p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")
                   if p.parent != site and not {"pagefind", "assets"} & set(p.relative_to(site).parts)}
    assert set(urls) - {URL, URL + "zh-Hant/", URL + "en/"} == built_pages - {URL + "zh-Hant/", URL + "en/"}
    alts = {link.get("hreflang"): link.get("href") for link in urls[URL + "en/" + ART].findall("x:link", ns)}
    assert alts == {"zh-Hans": URL + ART, "zh-Hant": URL + "zh-Hant/" + ART, "en": URL + "en/" + ART,
                    "x-default": URL + ART}
    assert not (site / "en" / "sitemap.xml").exists()
    assert f"Sitemap: {URL}sitemap.xml" in (site / "robots.txt").read_text()
    for prefix, lang in [("", "zh-Hans"), ("en/", "en")]:
        rss = ET.parse(site / prefix / "feed.xml").getroot()
        assert rss.find("channel/language").text == lang
        items = rss.findall("channel/item")
        assert len(items) == 3
        assert items[0].find("link").text.startswith(URL + prefix + "2025/12/15/")
    items = ET.parse(site / "feed.xml").getroot().findall("channel/item")
    creators = {i.find("title").text: i.find("{http://purl.org/dc/elements/1.1/}creator") for i in items}
    assert creators["激发科技『向新力』打造闪亮『铝程碑』"].text == "包雷晶, 卢显艳"
    assert not [i for i in items if i.find("category") is not None]     # authors are creators, not categories
    assert all(i.find("description").text for i in items)
    titles = [i.find("title").text for i in items]
    assert any(HOSTILE_SCRIPT in t for t in titles)   # as text, XML-escaped in the file
    assert "<script>" not in (site / "feed.xml").read_text()


def test_article_blocks_are_numbered_for_the_bilingual_view(built):
    site = built[1].site
    zh, en = html(site, ART), html(site, "en/" + ART)
    nums = lambda s: re.findall(r'<(p|h\d) data-block="(\d+)"', s)
    assert [k for k, _ in nums(zh)] == [k for k, _ in nums(en)] == ["p", "h3", "p", "p"]
    assert 'id="产业转型-构建铝程碑低碳底座"' in zh     # pymdownx.slugs keeps the Chinese


def test_staging_uses_hand_written_pages_per_language_and_removes_stale_files(tmp_path):
    docs = make_docs(tmp_path, with_pages=False)
    (docs / "about.md").write_text("---\ntitle: 关于\n---\n\n简体\n", encoding="utf-8")
    (docs / "about.en.md").write_text("---\ntitle: About\n---\n\nEnglish\n", encoding="utf-8")
    out = tmp_path / "staging"
    (out / "en" / "old").mkdir(parents=True)
    (out / "en" / "old" / "gone.md").write_text("x")
    stage(docs, out, dumps_root=tmp_path)
    assert "English" in (out / "en" / "about.md").read_text()
    assert "简体" in (out / "zh-Hant" / "about.md").read_text()          # falls back to zh-Hans
    assert not (out / "en" / "old").exists()
    assert (out / "zh-Hant" / ART.rstrip("/")).with_suffix(".md").is_file()


def test_generator_escapes_markdown_in_index_pages(tmp_path):
    docs = make_docs(tmp_path, with_pages=False)
    entries = catalog.load(docs / "zh-Hans")
    pages = {p.rel: p for p in Generator("zh-Hans", entries, dumps_root=tmp_path).all()}
    home = pages["index.md"].text()
    assert "na_html: true" in home                  # pre-rendered HTML: MkDocs skips Markdown
    body = home.split("\n---\n", 1)[1]
    assert "[链接](javascript:alert(1)) *强调*" in body   # plain text, never a link or emphasis
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script" not in body and "javascript:" not in re.sub(r">[^<]*<", "><", body)
    # every generated page's links are relative directory URLs that exist among the pages
    urls = {url_of(rel) for rel in pages} | {url_of(str(e.rel)) for e in entries}
    for rel, page in pages.items():
        for href in re.findall(r'href="([^"#]+)"', page.body):
            target = posixpath.normpath(posixpath.join(url_of(rel), href))
            target = "" if target == "." else target + "/"
            assert target in urls, (rel, href)


HOSTILE_PAPER, HOSTILE_PAPER_SHOWN = "<i>通辽&日报</i>", "&lt;i&gt;通辽&amp;日报&lt;/i&gt;"
HOSTILE_PAGE, HOSTILE_PAGE_SHOWN = "<u>要闻</u>", "&lt;u&gt;要闻&lt;/u&gt;"
SCRIPT_SHOWN = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.mark.parametrize("lang", ["zh-Hans", "en"])
def test_every_kind_of_generated_page_escapes_dump_text(tmp_path, lang):
    """Titles, kickers, authors, paper and page names, source lines: shown as text on every
    page kind, never as markup (the templates autoescape; nothing is marked safe)."""
    docs = make_docs(tmp_path, with_pages=False)
    for path in (docs / lang).rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"^publication: .*$", f"publication: {HOSTILE_PAPER}", text, flags=re.M)
        path.write_text(text.replace("page_name: 要闻", f"page_name: {HOSTILE_PAGE}")
                        .replace("page_name: News", f"page_name: {HOSTILE_PAGE}"), encoding="utf-8")
    master = {str(e.rel): e for e in catalog.load(docs / "zh-Hans")}
    pages = {p.rel: p for p in Generator(lang, catalog.load(docs / lang), master, dumps_root=tmp_path).all()}
    assert {p.meta["na_kind"] for p in pages.values()} == {
        "home", "archive", "issue", "page", "authors", "author"} | ({"source"} if lang == "zh-Hans" else set())
    for rel, page in pages.items():
        tags = set(re.findall(r"<([a-z][a-z0-9]*)", page.body))
        assert tags <= {"h1", "h2", "h3", "a", "p", "div", "ul", "ol", "li", "span", "header", "section", "nav"}, (rel, tags)
        assert "javascript:" not in "".join(re.findall(r'href="([^"]*)"', page.body)), rel
    hostile_author = f"authors/{author_slug(HOSTILE_SCRIPT)}.md"
    expected = {   # page → escaped dump text it must show
        "index.md": [SCRIPT_SHOWN, HOSTILE_PAPER_SHOWN, HOSTILE_PAGE_SHOWN, "&lt;b&gt;", HOSTILE_JINJA],
        "2025/12/15/index.md": [SCRIPT_SHOWN, HOSTILE_PAPER_SHOWN, HOSTILE_PAGE_SHOWN, HOSTILE_JINJA],
        "2025/12/15/01/index.md": [SCRIPT_SHOWN, HOSTILE_PAPER_SHOWN, HOSTILE_PAGE_SHOWN, "&lt;b&gt;"],
        "2025/12/15/02/index.md": [HOSTILE_PAPER_SHOWN, HOSTILE_PAGE_SHOWN],     # the page before
        "archive/index.md": [HOSTILE_PAPER_SHOWN],
        "authors/index.md": [SCRIPT_SHOWN],
        hostile_author: [SCRIPT_SHOWN, HOSTILE_PAPER_SHOWN, HOSTILE_PAGE_SHOWN],
        **({"sources/001_fixture.md": [SCRIPT_SHOWN, HOSTILE_JINJA]} if lang == "zh-Hans" else {}),
    }
    for rel, shown in expected.items():
        for text in shown:
            assert text in pages[rel].body, (rel, text)


def test_article_subheads_have_the_shape_of_the_generated_pages_heading_macro():
    """plugin.py writes article subheads with indexes.Headings and reads every page's table of
    contents back from that shape: the templates' macro must write the same (entity spelling aside)."""
    import html as html_lib
    from build_scripts.site.indexes import HeadingIds, Headings, _environment
    macro = _environment().get_template("_macros.html").module.heading
    python, ids, found = Headings(), HeadingIds(), []
    for level, text in [(2, "产业转型 构建“铝程碑”低碳底座"), (3, 'a <b> & "q" \'r\''), (3, 'a <b> & "q" \'r\''), (2, "")]:
        written = python(level, text)
        assert html_lib.unescape(str(macro(ids.heading(level, text)))) == html_lib.unescape(written)
        found.append(re.match(rf'<h{level} id="([^"]*)">.*</h{level}>\n$', written).group(1))
    assert found == ["产业转型-构建铝程碑低碳底座", "a---q-r", "a---q-r_1", "_1"]   # unique on the page


def test_links_between_generated_pages_are_directory_urls():
    assert url_of("index.md") == "" and url_of("2025/12/15/index.md") == "2025/12/15/"
    assert url_of("authors/li-qing.md") == "authors/li-qing/"
    assert link("index.md", "2025/12/15/01/jifa-keji.md") == "2025/12/15/01/jifa-keji/"
    assert link("2025/12/15/01/index.md", "2025/12/15/02/index.md") == "../02/"
    assert link("2025/12/15/01/index.md", "2025/12/15/01/a.md") == "a/"
    assert link("authors/index.md", "authors/li-qing.md") == "li-qing/"
    assert link("authors/li-qing.md", "2025/12/15/01/a.md") == "../../2025/12/15/01/a/"
    assert link("archive/index.md", "index.md") == "../"
    assert link("index.md", "index.md") == "./"


def test_the_configs_build_with_mkdocs_strict(tmp_path):
    """`mkdocs build --strict` with the default config, and with config/en.yml, as a user runs them."""
    root = tmp_path / "repo"
    root.mkdir()
    for name in ["mkdocs.yml", "overrides", "build_scripts"]:
        (root / name).symlink_to(REPO / name)
    # A copy, not a link: config/../build must resolve inside this tree, not the checkout's.
    shutil.copytree(REPO / "config", root / "config")
    docs = make_docs(tmp_path)
    stage(docs, root / "build" / "docs", dumps_root=tmp_path)
    for args in [[], ["-f", "config/en.yml"]]:
        proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *args, "-d",
                               str(tmp_path / "out" / (args[-1] if args else "default"))],
                              cwd=root, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
    assert '<html lang="zh-Hans"' in (tmp_path / "out" / "default" / "index.html").read_text()
    assert '<html lang="en"' in (tmp_path / "out" / "config/en.yml" / "index.html").read_text()


def test_a_rebuild_renders_only_what_changed(tmp_path):
    """Second build: MkDocs' dirty mode, unchanged pages untouched, edits, additions and
    removals reach the article pages, the pages that list them, the feed and the nav."""
    import time
    from build_scripts.site.build import build_inputs_hash, build_site
    docs = make_docs(tmp_path)
    quiet = lambda *a: None  # noqa: E731
    first = build_site(docs, tmp_path / "site", dumps_root=tmp_path, build_dir=tmp_path / "build",
                       search=False, log=quiet)
    site = first.site
    assert first.incremental == []
    untouched = site / "2025/12/15/02" / next(p.name for p in (site / "2025/12/15/02").iterdir() if p.is_dir())
    before = (untouched / "index.html").stat()
    time.sleep(1.1)     # mtimes must differ for MkDocs' dirty check
    art = docs / "zh-Hans" / ART.rstrip("/")
    art = art.with_suffix(".md")
    art.write_text(art.read_text(encoding="utf-8").replace("激发科技『向新力』", "改过的标题"), encoding="utf-8")
    new = docs / "zh-Hans" / "2025/12/16/01/xin-wen.md"
    new.parent.mkdir(parents=True)
    new.write_text(art.read_text(encoding="utf-8").replace("2025-12-15", "2025-12-16")
                   .replace("20251215-01-aaaaaa", "20251216-01-cccccc"), encoding="utf-8")
    for lang in ["zh-Hans", "zh-Hant", "en"]:
        (docs / lang / HOSTILE.rstrip("/")).with_suffix(".md").unlink()
    second = build_site(docs, tmp_path / "site", dumps_root=tmp_path, build_dir=tmp_path / "build",
                        search=False, log=quiet)
    assert second.incremental == ["en", "zh-Hans", "zh-Hant"]
    assert (untouched / "index.html").stat().st_mtime == before.st_mtime       # not rendered again
    assert "改过的标题" in html(site, ART)
    assert not (site / HOSTILE).exists() and not (site / "en" / HOSTILE).exists()
    home = html(site, "")
    assert "改过的标题" in home and "2025年12月16日" in home and "2025/12/16/01/xin-wen/" in home
    assert "hostile/" not in html(site, "2025/12/15/01/")
    assert 'rel="next" href="../16/"' in html(site, "2025/12/15/")        # the issue page knows the new one
    assert 'rel="prev" href="2025/12/15/"' in home
    assert "na-article-nav" not in html(site, ART)             # its neighbour on the page was removed
    assert "2025/12/16/" in html(site, "archive/")
    assert "改过的标题" in html(site, ART.rsplit("/", 2)[0] + "/")                # the page list
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert feed.count("<item>") == 3 and "改过的标题" in feed and "alert" not in feed
    nav = re.findall(r'class="md-nav__link[^"]*"[^>]*>\s*(?:<span class="md-ellipsis">)?\s*([^<]*?)\s*<',
                     html(site, "2025/12/16/01/xin-wen/"))
    assert "往期档案" in nav and "作者" in nav, nav                   # titles of pages not re-read
    # anything a page depends on besides its own file makes the next build a full one
    assert build_inputs_hash(REPO, "en", URL) != build_inputs_hash(REPO, "en", URL + "x/")
    assert build_inputs_hash(REPO, "en", URL) != build_inputs_hash(REPO, "zh-Hant", URL)


def test_slim_html_drops_indentation_but_keeps_words_and_preformatted_text():
    from build_scripts.site.plugin import slim_html
    page = ('\n<html>\n  <body>\n\n    <p>Made with\n      <a href="x">Material</a> and\n\n   more</p>\n'
            '<pre>  code\n\n    indented</pre>\n  <textarea>\n  a\n\n b</textarea>\n'
            '  <script>\n  var s = "  x\\n";\n\n</script>\n<style>\n  p { }\n</style>\n'
            '<ol class="na-source" lang="zh-Hans">\n<li><span>  line</span></li>\n\n</ol>\n  </body>\n</html>\n')
    out = slim_html(page)
    assert out.startswith("<html>\n<body>\n<p>Made with\n<a ")
    assert "</a> and\nmore</p>" in out                      # a newline stays between words
    assert "<pre>  code\n\n    indented</pre>" in out
    assert "<textarea>\n  a\n\n b</textarea>" in out
    assert '<script>\n  var s = "  x\\n";\n\n</script>' in out
    assert "<style>\n  p { }\n</style>" in out
    assert '<ol class="na-source" lang="zh-Hans">\n<li><span>  line</span></li>\n\n</ol>' in out
    assert "\n\n" not in out.replace("<pre>  code\n\n", "").replace("a\n\n b", "").replace(";\n\n<", "").replace("</li>\n\n</ol>", "")
    assert not re.search(r"^[ \t]", out.split("<pre>")[0], re.M)
    assert len(out) < len(page)


@given(st.lists(st.sampled_from(["<p>", "</p>", "a", "\u4e2d", " ", "\t", "\n", "<pre>", "</pre>",
                                 "<script>", "</script>", '<ol class="na-source">', "</ol>", "<PRE>",
                                 "<Style>", "</STYLE >", "<\u017fcript>", "<OL CLASS=\"NA-SOURCE\">", "<p", "<s"]),
                max_size=40).map("".join))
@example("<\u017fcript>\n  x\n</\u017fcript>\n  <p>")     # \u017f: an s to a case-blind match
def test_slim_html_collapses_exactly_the_newline_runs_outside_kept_elements(page):
    from build_scripts.site.plugin import slim_html
    # the rule, stated as one regex (slow on big pages, plain to read)
    rule = re.compile(r'(<(pre|textarea|script|style)\b.*?</\2\s*>|<ol class="na-source".*?</ol>)'
                      r'|[ \t]*\n[ \t\n]*', re.S | re.I)
    assert slim_html(page) == rule.sub(lambda m: m.group(1) or "\n", page).lstrip("\n")


def test_built_pages_carry_no_template_indentation_and_draw_each_icon_once(built):
    icons = (built[1].site / "assets" / "na-icons.svg").read_text(encoding="utf-8")
    for name in ("alternate", "close", "logo", "menu", "previous", "search", "top"):
        assert re.search(f'<symbol id="{name}" viewBox="0 0 24 24"><path d="[Mm][^"]+"/></symbol>', icons), name
    site = built[1].site
    for rel in ["", ART, "en/" + ART, "zh-Hant/archive/"]:
        page = html(site, rel)
        body = re.sub(r"<(pre|textarea|script|style)\b.*?</\1>", "<kept>", page, flags=re.S)
        assert not re.search(r"^[ \t]+|\n\n", body, re.M), rel
        # every icon from the icon file; the search box's inside is search.js's, with its icons
        assert page.count("<path") == 0, rel
        # each an empty <svg> that assets/newsarchive.css paints: no address on the page
        assert "<use" not in page, rel
        assert ("assets/calendar.js" in page) == (rel == ""), rel     # the home page's date picker only
        assert "stylesheets/palette." not in page and "stylesheets/main." in page, rel   # no rule of it applies
        drawn = re.findall(r'<svg class="na-i-([a-z]+)"></svg>', page)
        assert sorted(drawn) == ["alternate", "logo", "logo", "menu", "search", "top"]
        box = re.search(r'<div class="md-search na-search"[^>]*>(.*?)</div>', page, re.S)
        assert box.group(1) == "" and "data-idle" not in box.group(0), rel
        assert "data-label-on" not in page and "__md_scope" not in page, rel
        # the words every page of a language would carry: in its assets/md-scope.js
        from build_scripts.site.labels import LABELS
        lang_root = site / rel.split("/")[0] if rel.startswith(("en/", "zh-Hant/")) else site
        scope = (lang_root / "assets" / "md-scope.js").read_text(encoding="utf-8")
        lang = {site: "zh-Hans", site / "en": "en", site / "zh-Hant": "zh-Hant"}[lang_root]
        # nor a file of Material's that no page loads: its search, palette, source maps
        left = [str(p.relative_to(lang_root)) for p in (lang_root / "assets").rglob("*")
                if p.is_file() and plugin.unused_theme_file(str(p.relative_to(lang_root)).replace("\\", "/"))]
        assert left == [] and (lang_root / "assets/javascripts").is_dir(), left
        assert not [p for p in (lang_root / "assets").rglob("*") if p.suffix == ".map" or p.name in ("lunr", "workers")]
        assert not list((lang_root / "assets/stylesheets").glob("palette.*"))
        assert json.dumps(LABELS[lang]["search_idle"], ensure_ascii=False) in scope, rel
        assert json.dumps(LABELS[lang]["pair_failed"], ensure_ascii=False) in scope, rel
        assert "__md_scope=new URL" in scope and "{{" not in scope and "{%" not in scope
        # a table of contents hidden (the home page, the archive) or empty: its empty column only
        toc = page.split('data-md-type="toc"')
        assert len(toc) == 1 or 'class="md-nav__link"' in toc[1].split("</nav>")[0], rel
        assert len(toc) == 2 or re.search(r'<div class="md-sidebar md-sidebar--secondary" (hidden)?></div>', page), rel
        if rel == "":
            assert len(toc) == 1 and '<div class="md-sidebar md-sidebar--secondary" hidden></div>' in page
        # nothing the page does not show or use: no generator tag, empty containers, tabs
        # script, or Pagefind attributes (the index is made from the staged docs files)
        assert "<meta name=\"generator\"" not in page and "__tabbed_" not in page, rel
        assert not re.search(r'<div data-md-component="(skip|announce)">\s*</div>', page), rel
        assert "data-pagefind" not in page, rel
        lang_assets = lang_root / "assets"
        masks = (lang_assets / "newsarchive.css").read_text(encoding="utf-8")
        for name in set(drawn):
            assert re.search(rf'\.na-i-{name} {{ --na-i: url\("data:image/svg\+xml,%3Csvg[^"]+%3Cpath%20d(=|%3D)%22[Mm]', masks), name
        assert "{%" not in masks and "{{" not in masks
        config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                                      page, re.S).group(1))
        assert "clipboard.copy" in config["translations"] and "search" not in config
        assert not [k for k in config["translations"] if k.startswith("search.")]
        assert "\\u" not in page.split('id="__config"')[1].split("</script>")[0]
        # nor what the bundle reads only when set, nor the dialog (no page has a copy button)
        assert not {"annotate", "tags", "version"} & set(config) and "select.version" not in config["translations"]
        assert 'data-md-component="dialog"' not in page and 'data-md-component="logo"' not in page, rel
        assert '", "' not in page.split('id="__config"')[1].split("</script>")[0]      # no spaces


def test_site_size_guard(tmp_path, monkeypatch):
    from build_scripts.errors import UserError
    from build_scripts.site.build import GITHUB_PAGES_LIMIT, site_size, size_limit_setting, size_warning
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_bytes(b"x" * 3000)
    (tmp_path / "b.js").write_bytes(b"y" * 1000)
    assert site_size(tmp_path) == (4000, 1)
    monkeypatch.delenv("SITE_SIZE_LIMIT", raising=False)
    assert size_limit_setting() == GITHUB_PAGES_LIMIT == 2**30
    for raw, limit in [("900M", 900 * 2**20), ("1.5G", 3 * 2**29), ("2048", 2048), ("0", 0), ("10kb", 10240)]:
        monkeypatch.setenv("SITE_SIZE_LIMIT", raw)
        assert size_limit_setting() == limit, raw
    monkeypatch.setenv("SITE_SIZE_LIMIT", "lots")
    with pytest.raises(UserError, match="SITE_SIZE_LIMIT"):
        size_limit_setting()
    assert size_warning(2**30, 86000, 2**30) is None          # at the limit: fine
    assert size_warning(5 * 2**30, 86000, 0) is None          # 0: no check
    warning = size_warning(2**30 + 300 * 2**20, 86000, 2**30)
    assert "WARNING" in warning and "300.0 MB over" in warning and "1,024.0 MB limit" in warning
    assert "86000 HTML pages" in warning and "README.md" in warning and "Large archives" in warning


def test_the_site_stage_warns_when_the_site_passes_the_limit(built, tmp_path, monkeypatch):
    from build_scripts.site.build import build_site
    root, first = built
    assert first.size > 0 and first.pages > 0
    monkeypatch.setenv("SITE_URL", URL)
    lines = []
    for limit, warned in [(str(first.size * 10), False), (str(first.size // 2), True)]:
        monkeypatch.setenv("SITE_SIZE_LIMIT", limit)
        lines.clear()
        result = build_site(root / "docs", tmp_path / "site", dumps_root=root, build_dir=tmp_path / "build",
                            search=False, log=lines.append)
        assert any("WARNING" in line and "over the" in line for line in lines) == warned, lines
        assert result.size == sum(p.stat().st_size for p in result.site.rglob("*") if p.is_file())


def test_links_of_a_cached_fragment_lead_to_the_same_place_from_every_page_at_that_depth():
    from urllib.parse import urljoin
    from build_scripts.site.mkdocs_compat import links_through_root as _links_through_root
    site = "https://h/site/"
    made_on = "authors/li-ming/"                   # the page the fragment was first rendered for
    fragment = ('<a href="../">authors</a><a href="../../">home</a><a href="../../..">root?</a>'
                '<link href="../../assets/a.css?v=1"><img src="x.png"><use href="#icon">'
                '<a href="https://example.org/">out</a><a href="../../archive/#y2025">archive</a>')
    out = _links_through_root(fragment, made_on, "../..")
    hrefs = lambda text: re.findall(r'(?:href|src)="([^"]*)"', text)
    for page in ["sources/2025-01/", "2025/01/", made_on]:
        for before, after in zip(hrefs(fragment), hrefs(out)):
            if before.startswith("#"):
                assert after == before
            elif before.startswith("../../.."):        # above the site root: left as it was
                assert after == before
            else:
                assert urljoin(site + page, after) == urljoin(site + made_on, before), (page, before, after)
    home = _links_through_root('<a href="assets/x.css">', "", ".")
    assert home == '<a href="assets/x.css">'


def test_sitemaps_go_by_month_and_stay_under_the_protocol_limit():
    from build_scripts.site import seo
    from build_scripts.site.labels import LANGS, PREFIX
    pages = {lang: {"", "archive/"} | {f"authors/x{i}/" for i in range(40)}
             | {f"2025/{m:02d}/01/01/a{i}/" for m in (11, 12) for i in range(30)} for lang in LANGS}
    pages["en"].discard("2025/12/01/01/a0/")
    old = seo.SITEMAP_URLS
    seo.SITEMAP_URLS = 100
    try:
        files = seo.sitemaps(pages, "https://h/", PREFIX)
    finally:
        seo.SITEMAP_URLS = old
    assert "sitemaps/2025-12.xml.gz" in files and "sitemaps/2025-11.xml.gz" in files
    assert {n for n in files if n.startswith("sitemaps/pages")} == {"sitemaps/pages-1.xml.gz", "sitemaps/pages-2.xml.gz"}
    assert files["sitemaps/pages-1.xml.gz"].count("<url>") == 100 and files["sitemaps/pages-2.xml.gz"].count("<url>") == 26
    dec = files["sitemaps/2025-12.xml.gz"]
    assert dec.count("<url>") == 3 * 30 - 1 and "2025/11/" not in dec
    assert 'hreflang="en" href="https://h/en/2025/12/01/01/a0/"' not in dec      # no page, no alternate
    assert 'hreflang="en" href="https://h/en/2025/12/01/01/a1/"' in dec
    index = files["sitemap.xml"]
    assert index.count("<sitemap>") == len(files) - 1


def test_assemble_links_every_page_of_the_parts_into_a_new_site(tmp_path):
    from build_scripts.site.outputs import assemble
    parts, site = tmp_path / "parts", tmp_path / "next"
    pages = {lang: {"", "a/", "b/c/"} for lang in ["zh-Hans", "zh-Hant", "en"]}
    for lang in pages:
        for url in pages[lang]:
            (parts / lang / url).mkdir(parents=True, exist_ok=True)
            (parts / lang / url / "index.html").write_text(f"{lang} {url}")
        (parts / lang / "assets").mkdir()
        (parts / lang / "assets" / "x.css").write_text(f"{lang} css")
    assemble(parts, site, pages)
    assert (site / "en" / "a" / "index.html").read_text() == "en a/"
    assert (site / "zh-Hant" / "assets" / "x.css").read_text() == "zh-Hant css"
    assert (site / "b" / "c" / "index.html").read_text() == "zh-Hans b/c/"
    assert os.path.samefile(site / "a" / "index.html", parts / "zh-Hans" / "a" / "index.html")
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == sorted(
        [f"{prefix}{rel}" for prefix in ("", "zh-Hant/", "en/")
         for rel in ("index.html", "a/index.html", "b/c/index.html", "assets/x.css")])


@given(st.lists(st.tuples(st.sampled_from(["paragraph", "lead", "subhead"]),
                          st.text(alphabet='ab 中文<>&"*_`#[]\\.-1!?\u3002\u201c\u201d', min_size=1, max_size=12),
                          st.integers(2, 3)), min_size=1, max_size=6))
def test_article_html_is_what_python_markdown_makes_of_the_body(blocks):
    import markdown
    from pymdownx.slugs import slugify
    from build_scripts.body import render_body
    from build_scripts.model import BodyBlock
    from build_scripts.site.plugin import article_html
    body = []
    for kind, text, level in blocks:
        text = " ".join(text.split()) or "x"
        if kind == "subhead":
            body.append(BodyBlock("subhead", text, level=level))
        elif kind == "lead":
            body.append(BodyBlock("paragraph", text + "\u3002\u6b63\u6587", lead_in=text + "\u3002"))
        else:
            body.append(BodyBlock("paragraph", text))
    source = render_body(body)
    expected = markdown.markdown(source, extensions=["toc"], extension_configs={
        "toc": {"permalink": "#", "slugify": slugify(case="lower")}})
    squash = lambda h: re.sub(r"\s*\n\s*", "", h)  # noqa: E731 - newlines between blocks only
    assert squash(article_html(source)) == squash(expected)


def _text_of(html_part: str) -> str:
    """The text of an HTML fragment: tags dropped, entities of the fixture (none) left alone."""
    return " ".join(re.sub(r"<[^>]+>", " ", html_part).split())


def _footer_text(page_html: str) -> str:
    found = re.search(r'<footer class="md-footer">(.*?)</footer>', page_html, re.S)
    assert found, "no footer"
    return _text_of(found.group(1))


@pytest.mark.parametrize("prefix, words", [("", "本站由 Material for MkDocs 生成"),
                                           ("zh-Hant/", "本站由 Material for MkDocs 產生"),
                                           ("en/", "Made with Material for MkDocs")])
def test_the_footer_speaks_the_language_of_the_page(built, prefix, words):
    site = built[1].site
    for rel in [prefix, prefix + ART, prefix + "about/"]:
        text = _footer_text(html(site, rel))
        assert words in text, (rel, text)
        if prefix == "en/":
            assert not re.search(r"[\u3000-\u9fff]", text), (rel, text)
        else:
            # the generator's name is a name; no other Latin word is left in a Chinese footer
            assert not re.search(r"[A-Za-z]", text.replace("Material for MkDocs", "")), (rel, text)


@pytest.mark.parametrize("prefix, lang, captions", [
    ("", "zh-Hans", ["刚生产出的铝箔产品。", "生产车间一角。"]),
    ("en/", "en", ["Freshly produced aluminium foil.", "A corner of the workshop."])])
def test_a_caption_without_its_picture_is_a_caption_line(built, prefix, lang, captions):
    page_html = html(built[1].site, prefix + ART)
    figures = re.search(r'<div class="na-figures">(.*?)</div>', page_html, re.S).group(1)
    # each figure holds its caption and nothing else: no box standing in for the picture
    inside = [" ".join(f.split()) for f in re.findall(r'<figure class="na-figure">(.*?)</figure>', figures, re.S)]
    assert inside == [f'<figcaption>{c}</figcaption>' for c in captions]      # in the page's language: no lang of its own
    assert "placeholder" not in page_html.split('<div class="na-body">', 1)[1]
    # an article without captions has no figures block at all
    assert 'class="na-figures"' not in html(built[1].site, prefix + "2025/12/15/02/lilun/")


def _head(page_html: str) -> str:
    return _text_of(re.search(r'<header class="na-head">(.*?)</header>', page_html, re.S).group(1))


@pytest.mark.parametrize("prefix, dateline", [("", "本报讯"), ("zh-Hant/", "本報訊"), ("en/", "Tongliao Daily report")])
def test_a_dateline_the_byline_prints_is_not_printed_again(built, prefix, dateline):
    site = built[1].site
    # the byline 本报讯（王樱润） holds the dateline: the head prints it once
    assert _head(html(site, prefix + "2025/12/15/02/lilun/")).count(dateline) == 1
    # the hostile article's byline does not hold its dateline 本报讯: the date line prints it
    if prefix != "en/":
        hostile = html(site, prefix + HOSTILE)
        assert _head(hostile).count(dateline) == 1
        assert re.search(rf'<p class="na-dateline">\s*<span>{dateline}</span>', hostile)


@pytest.mark.parametrize("prefix, cite, source", [
    ("", "包雷晶，卢显艳：「激发科技『向新力』打造闪亮『铝程碑』」，《", "查看原始文本：dumps/001_fixture.txt 第 3–12 行"),
    ("en/", "Bao Leijing, Lu Xianyan. “Sparking the 'new force' of technology",
     "View the printed text (in Chinese): dumps/001_fixture.txt, lines 3–12"),
])
def test_the_cite_box_says_who_what_where_and_links_the_printed_text(built, prefix, cite, source):
    page = html(built[1].site, prefix + ART)
    box = re.search(r'<section class="na-cite.*?</section>', page, re.S).group(0)
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", box))
    assert cite in text and "2025-12-15" in text
    assert f"{URL}{prefix}{ART}" in text                                  # the permalink, in words
    link = re.search(r'<p class="na-source-link"><a href="([^"]+)"( hreflang="zh-Hans")?>([^<]+)</a>', box)
    assert html_lib.unescape(link.group(3)) == source
    assert bool(link.group(2)) == bool(prefix)                          # another language's page: said so
    assert link.group(1).endswith("sources/001_fixture/#L3-L12")
    target = (built[1].site / prefix / ART / link.group(1).split("#")[0]).resolve()
    assert (target / "index.html").is_file() and target == (built[1].site / "sources/001_fixture").resolve()
