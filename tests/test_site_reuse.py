"""The next site made out of the one before the published one (publish.begin_reusing): only
what changed since is linked anew, what is gone removed, and the result equals a site built
into an empty folder from the same docs, file for file and byte for byte."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from build_scripts.atomic import write_if_changed
from build_scripts.docfile import render_document, split_document
from build_scripts.site import build as site_build
from build_scripts.site import publish
from site_fixture import make_docs

LANGS = ("zh-Hans", "zh-Hant", "en")
CHANGED = "2025/12/15/02/lilun.md"
REMOVED = "2025/12/15/01/hostile.md"
NEW_TITLE = "一个改过的标题"
WRITE_DISCOVERY = site_build.write_discovery


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def build(root: Path, search: bool = True) -> site_build.Result:
    return site_build.build_site(root / "docs", root / "site", dumps_root=root, build_dir=root / "build",
                                 search=search, log=lambda *a: None)


def change(docs: Path) -> None:
    """One article retitled, another taken away, in every language."""
    for lang in LANGS:
        meta, body = split_document(docs / lang / CHANGED)
        write_if_changed(docs / lang / CHANGED, render_document({**meta, "title": NEW_TITLE}, body))
        (docs / lang / REMOVED).unlink()


def clean_site(root: Path, tmp: Path) -> dict[str, bytes]:
    """The site a build from nothing makes of ``root``'s docs."""
    shutil.copytree(root / "docs", tmp / "docs")
    for name in ("dumps",):
        shutil.copytree(root / name, tmp / name)
    build(tmp)
    return files(tmp / "site")


def assert_same(a: dict[str, bytes], b: dict[str, bytes]) -> None:
    differ = sorted(rel for rel in a.keys() | b.keys() if a.get(rel) != b.get(rel))
    assert not differ, "differ from a clean build: " + ", ".join(
        rel + ("" if rel in a and rel in b else " (only in the " + ("reused" if rel in a else "clean") + " one)")
        for rel in differ)


@pytest.fixture
def twice(tmp_path, monkeypatch):
    """The fixture docs built twice: site/ and, before it, .site.previous (the first build's)."""
    monkeypatch.setenv("SITE_URL", "https://example.org/a/")
    root = tmp_path / "project"
    make_docs(root)
    build(root)
    first = os.stat(root / "site").st_ino
    build(root)
    assert os.stat(publish.previous_site(root / "site")).st_ino == first
    return root, first


def test_a_reused_site_has_the_changed_page_and_not_the_removed_one(twice, tmp_path):
    root, first = twice
    change(root / "docs")
    result = build(root)
    site = root / "site"
    assert os.stat(site).st_ino == first                  # made out of the first build's folder
    page = site / "zh-Hant" / CHANGED.removesuffix(".md") / "index.html"
    assert NEW_TITLE in page.read_text(encoding="utf-8")
    assert not (site / REMOVED.removesuffix(".md")).exists()
    reused = files(site)
    assert_same(reused, clean_site(root, tmp_path / "clean"))
    assert (result.size, result.pages) == site_build.site_size(site)


def test_a_site_changed_by_hand_is_not_reused(twice, tmp_path):
    """A file put at the top of the folder after it was recorded: the record no longer holds."""
    root, first = twice
    (publish.previous_site(root / "site") / "stray.html").write_text("not ours")
    change(root / "docs")
    build(root)
    assert os.stat(root / "site").st_ino != first
    assert_same(files(root / "site"), clean_site(root, tmp_path / "clean"))


def test_an_interrupted_reuse_is_not_trusted(twice, tmp_path, monkeypatch):
    root, first = twice
    before = files(root / "site")
    change(root / "docs")

    def fail(*args, **kwargs):
        raise RuntimeError("killed in the middle")
    monkeypatch.setattr(site_build, "write_discovery", fail)   # after the pages were linked
    with pytest.raises(RuntimeError, match="killed in the middle"):
        build(root)
    assert files(root / "site") == before
    monkeypatch.setattr(site_build, "write_discovery", WRITE_DISCOVERY)
    build(root)
    assert_same(files(root / "site"), clean_site(root, tmp_path / "clean"))


def test_a_build_without_search_drops_the_bundles_a_reused_site_held(twice):
    root, first = twice
    assert any((publish.previous_site(root / "site") / "pagefind").iterdir())
    build(root, search=False)
    assert os.stat(root / "site").st_ino == first
    assert not (root / "site" / "pagefind").exists()
    assert not (root / "site" / "en" / "pagefind").exists()
