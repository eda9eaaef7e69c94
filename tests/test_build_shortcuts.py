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
    assert template_cache.for_project(tmp_path / "config").folder == tmp_path / "build" / "templates"
    assert template_cache.for_project(tmp_path.parent / "elsewhere-without-a-project") is None
    monkeypatch.setenv("NEWSARCHIVE_TEMPLATE_CACHE", "0")
    assert template_cache.for_project(tmp_path) is None
