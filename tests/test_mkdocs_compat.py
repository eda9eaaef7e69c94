"""The shortcuts into MkDocs/Material internals (site/mkdocs_compat.py) change nothing a
reader gets: the fixture site built with them and the plain MkDocs way has the same pages.

A cached fragment's links go through the site root (``../../authors/``) where MkDocs
writes them relative to the page (``../``); both lead to the same place, so links are
compared by where they lead."""
from __future__ import annotations

import os
import posixpath
import re
import warnings
from pathlib import Path

import pytest

from build_scripts.site import mkdocs_compat
from site_fixture import make_docs

URL = "https://example.org/archive/"
_LINK = re.compile(r'\b(href|src)="([^"#?:]*)([^"]*)"')


def _build(root: Path, monkeypatch, plain: bool) -> Path:
    from build_scripts.site.build import build_site
    monkeypatch.setenv("SITE_URL", URL)
    if plain:
        monkeypatch.setenv(mkdocs_compat.PLAIN_SETTING, "1")
    else:
        monkeypatch.delenv(mkdocs_compat.PLAIN_SETTING, raising=False)
    mkdocs_compat.reach_ins_on.cache_clear()
    try:
        build_site(make_docs(root), root / "site", dumps_root=root, build_dir=root / "build",
                   search=False, log=lambda *a: None)
    finally:
        mkdocs_compat.reach_ins_on.cache_clear()
    return root / "site"


def _where_links_lead(text: str, page_url: str) -> str:
    def resolve(m):
        path = m.group(2)
        if not path or path.startswith("/"):
            return m.group(0)
        slash = "/" if path.endswith("/") or posixpath.basename(path) in (".", "..") else ""   # a folder
        target = posixpath.normpath(posixpath.join("/" + page_url, path))
        return f'{m.group(1)}="{target.rstrip("/") + slash if target != "/" else "/"}{m.group(3)}"'
    return _LINK.sub(resolve, text)


def _pages(site: Path) -> dict[str, str]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        url = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        pages[rel] = _where_links_lead(path.read_text(encoding="utf-8"), url)
    return pages


def test_the_site_is_the_same_with_the_shortcuts_and_without(tmp_path, monkeypatch):
    fast = _pages(_build(tmp_path / "fast", monkeypatch, plain=False))
    plain = _pages(_build(tmp_path / "plain", monkeypatch, plain=True))
    assert fast.keys() == plain.keys()
    assert len(fast) > 30
    differing = [rel for rel in fast if fast[rel] != plain[rel]]
    assert not differing, f"{len(differing)} pages differ, first {differing[:5]}"


def test_the_shortcuts_are_off_for_versions_they_were_not_written_for(monkeypatch):
    import importlib.metadata
    real = importlib.metadata.version
    monkeypatch.delenv(mkdocs_compat.PLAIN_SETTING, raising=False)
    monkeypatch.setattr(importlib.metadata, "version",
                        lambda dist: "2.0.0" if dist == "mkdocs" else real(dist))
    mkdocs_compat.reach_ins_on.cache_clear()
    try:
        with pytest.warns(UserWarning, match=r"mkdocs 2\.0\.0.*plain MkDocs way"):
            assert mkdocs_compat.reach_ins_on() is False
        assert mkdocs_compat.allow_dirty_builds() is False
    finally:
        mkdocs_compat.reach_ins_on.cache_clear()
        monkeypatch.undo()
    with warnings.catch_warnings():
        warnings.simplefilter("error")                  # the versions pinned: on, and no warning
        assert mkdocs_compat.reach_ins_on() is True


def test_without_the_shortcuts_a_fragment_is_rendered_every_time(monkeypatch):
    monkeypatch.setenv(mkdocs_compat.PLAIN_SETTING, "1")
    mkdocs_compat.reach_ins_on.cache_clear()
    try:
        cache = mkdocs_compat.FragmentCache()
        calls = []
        for _ in range(3):
            cache(None, "..", "footer", caller=lambda: calls.append(1) or "<p>x</p>")
        assert len(calls) == 3
    finally:
        monkeypatch.delenv(mkdocs_compat.PLAIN_SETTING)
        mkdocs_compat.reach_ins_on.cache_clear()
    cache = mkdocs_compat.FragmentCache()
    calls = []
    for _ in range(3):
        cache(None, "..", "footer", caller=lambda: calls.append(1) or "<p>x</p>")
    assert len(calls) == 1


def test_an_article_is_read_without_parsing_its_front_matter_again(monkeypatch):
    import types

    from mkdocs.utils import meta as mkdocs_meta
    doc = "---\ntitle: 第一篇\nauthors: [甲]\n---\n\n正文第一段。\n\n## 小标题\n"
    expected_body = mkdocs_meta.get_data(doc)[0]         # where MkDocs itself cuts the body
    monkeypatch.delenv(mkdocs_compat.PLAIN_SETTING, raising=False)
    mkdocs_compat.reach_ins_on.cache_clear()

    def no_yaml(*args, **kwargs):
        raise AssertionError("front matter parsed again")
    monkeypatch.setattr(mkdocs_meta.yaml, "load", no_yaml)
    page = types.SimpleNamespace(file=types.SimpleNamespace(content_string=doc), markdown=None, meta=None)
    staged = {"title": "从视图来的标题"}
    mkdocs_compat.read_body_only(page, staged)
    page.read_source(None)
    assert page.markdown == expected_body == "正文第一段。\n\n## 小标题\n"
    assert page.meta == staged and page.meta is not staged
