"""`serve`: an edit made while a rebuild runs makes another rebuild; the preview is built
into its own folder with the local URL, and the deploy folder site/ is left alone."""
from __future__ import annotations

import argparse
import threading
import time
from pathlib import Path

from build_scripts.commands import serve
from site_fixture import make_docs, make_project



def run_in_thread(queue: serve.RebuildQueue) -> threading.Thread:
    thread = threading.Thread(target=queue.run, daemon=True)
    thread.start()
    return thread


def wait_for(condition, seconds: float = 10.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


def test_an_edit_during_a_rebuild_makes_one_more_rebuild():
    builds = []
    queue = None

    def build():
        builds.append(len(builds) + 1)
        if len(builds) == 1:           # three saves while the first rebuild runs
            for _ in range(3):
                queue.changed()
            time.sleep(0.1)
    queue = serve.RebuildQueue(build, quiet_time=0.01)
    thread = run_in_thread(queue)
    queue.changed()
    assert wait_for(lambda: len(builds) == 2)
    time.sleep(0.3)
    assert builds == [1, 2]             # the saves made one more rebuild, not three
    queue.stop()
    thread.join(5)
    assert not thread.is_alive()


def test_no_change_no_rebuild_and_changes_in_quick_succession_make_one():
    builds = []
    queue = serve.RebuildQueue(lambda: builds.append(time.monotonic()), quiet_time=0.2)
    thread = run_in_thread(queue)
    time.sleep(0.3)
    assert builds == []
    for _ in range(5):
        queue.changed()
        time.sleep(0.02)
    assert wait_for(lambda: len(builds) == 1)
    time.sleep(0.4)
    assert len(builds) == 1
    queue.stop()
    thread.join(5)


def test_inputs_are_watched_and_what_the_build_writes_is_not(tmp_path):
    watched = ["dumps/001.txt", "dumps/manifest.yaml", "dumps/corrections/001.yaml", "docs/about.md",
               "overrides/main.html", "overrides/partials/nav.html", "config/en.yml", "mkdocs.yml"]
    ignored = ["docs/zh-Hans/p/2025/12/15/01/a.md", "docs/en/x.md", "docs/zh-Hant/y.md", "docs/redirects.tsv",
               "site/index.html", "build/preview/index.html", "translations/memory/en.jsonl",
               "docs/.about.md.swp", "overrides/main.html~", "README.md"]
    assert [p for p in watched if not serve.is_watched(tmp_path, str(tmp_path / p))] == []
    assert [p for p in ignored if serve.is_watched(tmp_path, str(tmp_path / p))] == []
    assert not serve.is_watched(tmp_path, "/elsewhere/dumps/001.txt")


def test_a_file_saved_while_a_rebuild_runs_is_seen_by_the_watcher(tmp_path):
    (tmp_path / "docs").mkdir()
    started, builds = threading.Event(), []

    def build():
        builds.append(1)
        if len(builds) == 1:
            # what the build writes is no change; the editor's save is
            (tmp_path / "docs" / "zh-Hans").mkdir(exist_ok=True)
            (tmp_path / "docs" / "zh-Hans" / "a.md").write_text("written by the build")
            started.set()
            time.sleep(0.3)
    queue = serve.RebuildQueue(build, quiet_time=0.05)
    observer = serve.watch(tmp_path, queue)
    try:
        thread = run_in_thread(queue)
        (tmp_path / "docs" / "about.md").write_text("first edit")
        assert started.wait(10)
        (tmp_path / "docs" / "about.md").write_text("an edit during the rebuild")
        assert wait_for(lambda: len(builds) == 2)
        time.sleep(0.5)
        assert len(builds) == 2
    finally:
        queue.stop()
        observer.stop()
        observer.join(5)
    thread.join(5)


def test_the_preview_goes_to_its_own_folder_with_the_local_url_and_site_is_untouched(tmp_path, monkeypatch):
    make_docs(tmp_path)
    make_project(tmp_path)                                  # the folder is a project serve finds
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("the deployed site")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:8765/")
    from build_scripts.commands import build as build_command
    ran = []
    monkeypatch.setattr(build_command, "run_segment", lambda: ran.append("segment"))
    monkeypatch.setattr(build_command, "run_variants", lambda offline: ran.append(f"variants offline={offline}"))
    args = argparse.Namespace(docs=Path("docs"), out=serve.PREVIEW, search=False)
    serve.rebuild_preview(args)
    assert ran == ["segment", "variants offline=True"]
    assert [p.relative_to(tmp_path).as_posix() for p in (tmp_path / "site").rglob("*")] == ["site/index.html"]
    assert (tmp_path / "site" / "index.html").read_text() == "the deployed site"
    home = (tmp_path / "build" / "preview" / "index.html").read_text(encoding="utf-8")
    assert 'href="http://127.0.0.1:8765/' in home
    assert (tmp_path / "build" / "preview" / "en" / "feed.xml").is_file()
