"""Atomic publish: the site stage builds the next site beside site/ and swaps it in only
when it is complete; a full disk or a failure in the middle leaves site/ byte for byte
as it was, and a full disk is said in one line."""
from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest

from build_scripts.atomic import write_if_changed
from build_scripts.docfile import render_document, split_document
from build_scripts.errors import UserError
from build_scripts.site import build as site_build
from build_scripts.site import feeds, outputs, publish
from site_fixture import make_docs, make_project

ARTICLE = "2025/12/15/02/lilun.md"
NEW_TITLE = "一个改过的标题"


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def build(tmp_path: Path, search: bool = False):
    return site_build.build_site(tmp_path / "docs", tmp_path / "site", dumps_root=tmp_path,
                                 build_dir=tmp_path / "build", search=search, log=lambda *a: None)


def retitle(docs: Path) -> None:
    """A change the next build publishes: a new title for one article in every language."""
    for lang in ("zh-Hans", "zh-Hant", "en"):
        meta, body = split_document(docs / lang / ARTICLE)
        write_if_changed(docs / lang / ARTICLE, render_document({**meta, "title": NEW_TITLE}, body))


@pytest.fixture
def built(tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://example.org/a/")
    make_docs(tmp_path)
    build(tmp_path, search=True)
    retitle(tmp_path / "docs")
    return tmp_path, files(tmp_path / "site")


def test_a_full_disk_leaves_the_previous_site_and_says_so_in_one_line(built, monkeypatch):
    tmp_path, before = built
    real = outputs.link_file
    calls = []

    def link_until_the_disk_is_full(src, dest):
        calls.append(dest)
        if len(calls) == 5:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), dest)
        real(src, dest)
    monkeypatch.setattr(outputs, "link_file", link_until_the_disk_is_full)
    with pytest.raises(UserError) as failed:
        build(tmp_path, search=True)
    message = str(failed.value)
    assert "\n" not in message
    assert message == (f"no space left on device while writing {calls[4]}; the previous site is unchanged")
    assert files(tmp_path / "site") == before
    assert not publish.next_site(tmp_path / "site").exists()       # nothing half-written left


def test_a_full_disk_while_writing_a_file_names_the_next_site(built, monkeypatch):
    tmp_path, before = built

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(feeds, "write_if_changed", no_space)
    with pytest.raises(UserError, match=r"^no space left on device while writing .*\.site\.next; "
                                         r"the previous site is unchanged$"):
        build(tmp_path)
    assert files(tmp_path / "site") == before


def test_a_failure_in_the_middle_leaves_the_site_and_the_next_build_publishes(built, monkeypatch):
    tmp_path, before = built

    def fail(*args, **kwargs):
        raise RuntimeError("killed in the middle")
    monkeypatch.setattr(site_build, "write_discovery", fail)   # after MkDocs rewrote the parts
    with pytest.raises(RuntimeError, match="killed in the middle"):
        build(tmp_path, search=True)
    assert files(tmp_path / "site") == before
    assert NEW_TITLE not in (tmp_path / "site" / ARTICLE.removesuffix(".md") / "index.html").read_text()
    monkeypatch.undo()
    monkeypatch.setenv("SITE_URL", "https://example.org/a/")
    build(tmp_path, search=True)
    assert NEW_TITLE in (tmp_path / "site" / ARTICLE.removesuffix(".md") / "index.html").read_text()
    assert NEW_TITLE in (tmp_path / "site" / "feed.xml").read_text()
    assert not publish.next_site(tmp_path / "site").exists()


def test_the_swap_replaces_a_site_at_once_and_the_next_build_removes_the_previous_one(tmp_path):
    site = tmp_path / "site"
    new, removing = publish.begin(site)
    site.mkdir()
    (site / "old.html").write_text("old")
    (new / "new.html").write_text("new")
    removing.join()
    publish.swap_in(new, site)
    assert files(site) == {"new.html": b"new"}
    assert files(publish.previous_site(site)) == {"old.html": b"old"}
    new, removing = publish.begin(site)
    removing.join()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.next", "site"]


def test_a_kill_after_mkdocs_rewrote_a_part_leaves_the_site(built):
    """SIGKILL once a language's MkDocs build has finished (its part holds the new title):
    the published site still has every byte of the previous build."""
    import signal
    import subprocess
    import sys
    tmp_path, before = built
    repo = Path(__file__).resolve().parent.parent
    stamp = tmp_path / "build" / "site-parts" / ".zh-Hans.build"
    make_project(tmp_path)                                  # the folder is a project the CLI finds
    proc = subprocess.Popen([sys.executable, "-m", "build_scripts", "site", "--no-search", "--docs", "docs",
                             "--out", "site", "--build-dir", "build"], cwd=tmp_path, start_new_session=True,
                            env={**os.environ, "PYTHONPATH": str(repo)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        seen_removed = False
        while proc.poll() is None:
            exists = stamp.exists()
            seen_removed = seen_removed or not exists
            if seen_removed and exists:     # removed when the build starts, written when zh-Hans is built
                break
            time.sleep(0.002)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the build ended before it could be killed"
    part = tmp_path / "build" / "site-parts" / "zh-Hans" / ARTICLE.removesuffix(".md") / "index.html"
    assert NEW_TITLE in part.read_text(encoding="utf-8")
    assert files(tmp_path / "site") == before
