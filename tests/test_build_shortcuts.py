"""Shortcuts of the site stage that must not change what it makes: the generated pages'
links worked out without posixpath.relpath (indexes._relpath), and compiled templates kept
between builds (site/template_cache.py)."""
from __future__ import annotations

import itertools
import posixpath

import jinja2

from build_scripts.site import indexes, template_cache


def test_links_between_generated_pages_are_what_relpath_gives():
    urls = ["", "a/", "a/b/", "a/c/", "a/b/c/", "b/", "ab/", "authors/x/", "./", "a/./", "../", "a/../b/",
            "a//b/", "/a/", ".a/", "a./", "...", "a/b"]
    for target, here in itertools.product(urls, repeat=2):
        assert indexes._relpath(target, here) == posixpath.relpath(target or ".", here or "."), (target, here)
    assert indexes.link("2025/01/01/index.md", "2025/01/01/02/x.md") == "02/x/"
    assert indexes.link("authors/x.md", "index.md") == "../../"
    assert indexes.link("index.md", "index.md") == "./"


def _render(folder, cache, name="page.html"):
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), bytecode_cache=cache)
    return env.get_template(name).render(x="X")


def test_compiled_templates_are_kept_and_used_only_for_the_same_source(tmp_path):
    templates, cache = tmp_path / "templates", template_cache.TemplateCache(tmp_path / "cache")
    templates.mkdir()
    (templates / "page.html").write_text("<p>{{ x }}</p>", encoding="utf-8")
    assert _render(templates, cache) == "<p>X</p>"
    kept = list((tmp_path / "cache").iterdir())
    assert len(kept) == 1 and kept[0].suffix == ".cache"
    assert _render(templates, cache) == "<p>X</p>"             # from the kept code
    (templates / "page.html").write_text("<b>{{ x }}</b>", encoding="utf-8")
    assert _render(templates, cache) == "<b>X</b>"             # a changed template compiles again
    kept[0].write_bytes(b"not a code file")
    assert _render(templates, cache) == "<b>X</b>"             # a damaged file too
    assert _render(templates, None) == "<b>X</b>"


def test_the_cache_lives_in_the_projects_build_folder(tmp_path, monkeypatch):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (tmp_path / "config").mkdir()
    folder = template_cache.for_project(tmp_path / "config").folder
    assert folder == tmp_path / "build" / "templates" / f"jinja-{jinja2.__version__}"
    assert template_cache.for_project(tmp_path.parent / "elsewhere-without-a-project") is None
    monkeypatch.setenv("NEWSARCHIVE_TEMPLATE_CACHE", "0")
    assert template_cache.for_project(tmp_path) is None


def _yaml_dump(meta):
    import yaml
    from build_scripts.docfile import _Dumper
    return yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def test_front_matter_is_written_as_yaml_dump_writes_it():
    import datetime as dt
    from build_scripts.docfile import dump_front_matter
    day = dt.date(2025, 1, 15)
    shared = ["张颖"]
    metas = [
        {"id": "20250115-03-4b3627", "title": "近悦远来 “营”在通辽", "kicker": None, "authors": ["张颖", "吕亮瑞"],
         "date": day, "page": 3, "order": 1, "draft": False, "source": {"file": "dumps/x.txt", "lines": [3, 53]},
         "captions": [], "extra": {}},
        {"title": "null", "a": "yes", "b": "1", "c": "2025-01-01", "d": "a: b", "e": "- x", "f": " lead", "g": "a\nb",
         "h": "'q'", "i": "#c", "j": "x " * 600, "k": "\u3000中文", "1": "key that reads as a number"},
        {"date": day, "translation": {"date": day}},           # one date twice: an anchor
        {"authors": shared, "byline": shared},                  # one list twice: an anchor
        {"when": dt.datetime(2025, 1, 2, 3, 4), "ratio": 1.5, "pair": (1, 2)},   # left to yaml.dump
    ]
    for meta in metas:
        assert dump_front_matter(meta) == _yaml_dump(meta), meta
    assert "&id001" in dump_front_matter(metas[2]) and "&id001" in dump_front_matter(metas[3])
