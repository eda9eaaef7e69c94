"""Author slugs (site/slugs.py): names that romanise alike get distinct author pages, and
every article's byline links to its own author's page, in every language."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from build_scripts.site.slugs import author_slugs
from site_fixture import make_docs

# Two reporters whose names are both "Zhang Wei" in pinyin, each with one article.
_TWINS = [
    ("张伟", "Zhang Wei", "2025/12/15/02/qiao.md", "新桥通车", "A new bridge opens", 2),
    ("张薇", "Zhang Wei", "2025/12/15/02/shu.md", "图书馆延长开放", "The library stays open later", 3),
]


def _add_twin_articles(docs: Path) -> None:
    for n, (name, en_name, rel, title, en_title, order) in enumerate(_TWINS):
        meta = {"id": f"20251215-02-dddd{n}{n}", "lang": "zh-Hans", "title": title, "kicker": None,
                "subtitle": None, "authors": [name], "byline": f"本报记者 {name}", "dateline": None,
                "publication": "通辽日报", "date": dt.date(2025, 12, 15), "page": 2, "page_name": "理论·综合",
                "order": order, "slug": rel.rsplit("/", 1)[1][:-3], "captions": [],
                "source": {"file": "dumps/000_fixture.txt", "lines": [1, 2], "sha256": "0" * 64}}
        variants = {
            "zh-Hans": meta,
            "zh-Hant": {**meta, "lang": "zh-Hant", "conversion": {"engine": "OpenCC 1.4.2", "config": "s2twp.json"}},
            "en": {**meta, "lang": "en", "title": en_title, "authors": [en_name], "byline": f"Staff reporter {en_name}",
                   "publication": "Tongliao Daily", "translation": {"engine": "fixture-mt", "reviewed": False}},
        }
        for lang, m in variants.items():
            path = docs / lang / rel
            head = yaml.safe_dump(m, allow_unicode=True, sort_keys=False)
            path.write_text(f"---\n{head}---\n\n一段正文。\n", encoding="utf-8")


def test_names_that_romanise_alike_get_distinct_slugs_whatever_the_order():
    expected = {"张伟": "zhang-wei", "张薇": "zhang-wei-2", "李青": "li-qing"}
    assert author_slugs(["张薇", "李青", "张伟"]) == expected
    assert author_slugs(["张伟", "张薇", "李青", "张薇"]) == expected
    # a translation's own name (no zh-Hans original) never moves a zh-Hans name's slug
    assert author_slugs(iter(["张薇", "李青", "张伟"]), extra=["Zhang Wei", "张伟"]) == {
        **expected, "Zhang Wei": "zhang-wei-3"}


def test_each_byline_links_to_its_own_authors_page(tmp_path):
    from build_scripts.site.build import build_site
    docs = make_docs(tmp_path)
    _add_twin_articles(docs)
    site = build_site(docs, tmp_path / "site", dumps_root=tmp_path, build_dir=tmp_path / "build",
                      search=False, log=lambda *a: None).site
    for prefix in ["", "zh-Hant/", "en/"]:
        for (name, _, rel, title, en_title, _), slug in zip(_TWINS, ["zhang-wei", "zhang-wei-2"]):
            author_page = (site / prefix / "authors" / slug / "index.html").read_text(encoding="utf-8")
            own_link = f'href="../../2025/12/15/02/{rel.rsplit("/", 1)[1][:-3]}/"'
            assert own_link in author_page, (prefix, slug)
            other = [r for _, _, r, *_ in _TWINS if r != rel][0]
            assert f'/{other.rsplit("/", 1)[1][:-3]}/"' not in author_page, (prefix, slug)
            article = (site / prefix / rel[:-3] / "index.html").read_text(encoding="utf-8")
            hrefs = re.findall(r'<a href="([^"]*)" class="na-author">', article)
            assert hrefs == [f"{'../' * 5}authors/{slug}/"], (prefix, rel, hrefs)    # within its language
