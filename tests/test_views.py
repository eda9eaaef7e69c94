"""A page's view (site/views.py): what staging works out once for the templates."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import PurePosixPath

from build_scripts.site import views
from build_scripts.site.catalog import Entry

ROOT = "https://example.org/archive/"
REL = "ribao/2025/12/15/01/chun-feng.md"          # url ribao/2025/12/15/01/chun-feng/
UP_FROM_EN = "../" * 7                             # en/ribao/2025/12/15/01/chun-feng/ → site root
UP_IN_EN = "../" * 6                               # … → the English home (en/)


def _entry(**meta) -> Entry:
    base = dict(id="20251215-01-abcdef", title="Spring wind over the fields", authors=["Wang Xiaoming"],
                byline="Staff reporter Wang Xiaoming", publication="日报", date=dt.date(2025, 12, 15),
                page=1, page_name="News", order=2, source={"file": "dumps/001_x.txt", "lines": [4, 9]},
                translation={"status": "machine", "engine": "google", "machine_date": "2025-12-16"})
    base.update(meta)
    return Entry(PurePosixPath(REL), base, description="The first paragraph.")


def test_alternates_link_the_same_page_in_the_languages_that_have_it_else_their_home():
    alts = views.alternates(REL, "en", ("zh-Hans",), ROOT)
    assert [(a["lang"], a["exists"], a["current"]) for a in alts] == [
        ("zh-Hans", True, False), ("zh-Hant", False, False), ("en", True, True)]
    assert alts[0]["href"] == UP_FROM_EN + "ribao/2025/12/15/01/chun-feng/"
    assert alts[1]["href"] == UP_FROM_EN + "zh-Hant/"
    assert alts[2]["href"] == "./"                  # the page itself, not the way round by the root
    assert alts[0]["abs"] == ROOT + "ribao/2025/12/15/01/chun-feng/"
    assert alts[1]["abs"] == ROOT + "zh-Hant/"


def test_the_site_root_comes_from_any_language_site_url():
    assert views.root_url("https://example.org/archive/en/") == ROOT
    assert views.root_url("https://example.org/archive/zh-Hant") == ROOT
    assert views.root_url("https://example.org/archive") == ROOT


def test_an_english_article_links_its_authors_by_their_chinese_names():
    view = views.article_view(_entry(), "en", ("zh-Hans", "zh-Hant"), ["王小明"], ROOT,
                              {"王小明": "wang-xiao-ming"})
    assert view["byline_parts"] == [
        {"text": "Staff reporter ", "href": None},
        {"text": "Wang Xiaoming", "href": UP_IN_EN + "authors/wang-xiao-ming/"}]
    assert view["permalink"] == ROOT + "en/ribao/2025/12/15/01/chun-feng/"
    assert view["issue_href"] == UP_IN_EN + "ribao/2025/12/15/"          # not by way of the site's root
    assert view["source_href"] == UP_FROM_EN + "sources/001_x/#L4-L9"     # the one page, zh-Hans's
    assert view["source_hreflang"] == "zh-Hans" and "(in Chinese)" in view["source_text"]
    assert view["pair_lang"] == "zh-Hans" and view["pair"]["href"] == UP_FROM_EN + "ribao/2025/12/15/01/chun-feng/"
    assert view["provenance"] == {"kind": "machine",
                                  "text": "Machine translation (google, 2025-12-16)."}
    assert view["description"] == "The first paragraph."
    jsonld = json.loads(view["jsonld"])
    assert jsonld["translationOfWork"]["url"] == ROOT + "ribao/2025/12/15/01/chun-feng/"
    assert jsonld["isPartOf"]["url"] == ROOT + "en/ribao/2025/12/15/"


def test_an_author_the_byline_does_not_print_follows_it_and_markup_stays_text():
    view = views.article_view(_entry(authors=["Li Hua", "<b>x</b>"], byline="Li Hua"), "en",
                              (), None, ROOT, {"Li Hua": "li-hua", "<b>x</b>": "b-x-b"})
    assert [p["text"] for p in view["byline_parts"]] == ["Li Hua", " · ", "<b>x</b>"]
    assert view["pair"] is None and view["original"]["exists"] is False
    assert "translationOfWork" not in json.loads(view["jsonld"])
    assert "<" not in view["jsonld"]                      # safe inside <script>


def test_a_chinese_citation_names_paper_date_and_page():
    view = views.article_view(_entry(title="春风拂过田野", authors=["王小明", "李华"]), "zh-Hans", (), None, ROOT,
                              {"王小明": "wang-xiao-ming", "李华": "li-hua"})
    assert view["cite"] == ("王小明，李华：「春风拂过田野」，《日报》2025-12-15，第1版。"
                            + ROOT + "ribao/2025/12/15/01/chun-feng/")


def test_views_are_kept_and_the_changed_ones_named(tmp_path):
    first = {"a.md": {"alternates": []}, "b.md": {"alternates": [{"lang": "en"}]}}
    assert views.save(tmp_path, "en", first) == []
    assert views.load(tmp_path, "en") == first
    second = {"a.md": {"alternates": [{"lang": "zh-Hant"}]}, "b.md": first["b.md"], "c.md": {}}
    assert views.save(tmp_path, "en", second) == ["a.md"]       # c.md is new: rendered anyway
    (views.views_dir(tmp_path, "en") / "index.pickle").write_bytes(b"not a pickle")
    assert views.load(tmp_path, "en") == {}


def test_the_dateline_is_printed_where_the_page_does_not_print_it_already():
    from build_scripts.site.views import dateline_to_print
    assert dateline_to_print({"dateline": "本报讯", "byline": "本报记者 张三"}, "今年以来，全市……") == "本报讯"
    assert dateline_to_print({"dateline": "本报讯", "byline": "本报讯（记者 张三）"}, "今年以来……") == ""
    assert dateline_to_print({"dateline": "新华社北京电", "byline": None}, "新华社北京电 今年以来……") == ""
    assert dateline_to_print({"dateline": None, "byline": "张三"}, "今年以来……") == ""


def _page_of(n: int, title: str) -> Entry:
    rel = f"ribao/2025/12/15/01/a{n}.md"
    return Entry(PurePosixPath(rel), dict(_entry().meta, title=title, order=n), description="Text.")


def test_a_view_is_made_again_only_when_what_it_shows_changed():
    entries = [_page_of(1, "One"), _page_of(2, "Two"), _page_of(3, "Three")]
    pages = [str(e.rel) for e in entries]
    present = {"zh-Hans": set(pages), "zh-Hant": set(), "en": set(pages)}
    made = views.make_views("en", entries, pages, present, None, ROOT)
    # the same catalog: every view is the one kept (the same object, not one made again)
    again = views.make_views("en", entries, pages, present, None, ROOT, made)
    assert all(again[1][rel] is made[1][rel] for rel in pages)
    # the middle article's title changed: it and its neighbours (which name it) are made again
    entries[1] = _page_of(2, "Two, retitled")
    third = views.make_views("en", entries, pages, present, None, ROOT, again)
    assert [third[1][rel] is again[1][rel] for rel in pages] == [False, False, False]
    assert third[1][pages[0]]["next"]["title"] == "Two, retitled"
    # now present in zh-Hant too: the alternates change
    present["zh-Hant"] = {pages[2]}
    fourth = views.make_views("en", entries, pages, present, None, ROOT, third)
    assert [fourth[1][rel] is third[1][rel] for rel in pages] == [True, True, False]
    assert fourth[1][pages[2]]["alternates"][1]["exists"] is True


def test_kept_views_are_reused_only_by_the_code_that_made_them(tmp_path):
    entries = [_page_of(1, "One")]
    pages = [str(entries[0].rel)]
    keys, made = views.make_views("en", entries, pages, {"zh-Hans": set(), "zh-Hant": set(), "en": set(pages)},
                                  None, ROOT)
    views.save(tmp_path, "en", made, keys, "code-1")
    kept = views.read_kept(tmp_path, "en")
    assert views.reusable(kept, "code-1") == (keys, made)
    assert views.reusable(kept, "code-2") == ({}, {})
