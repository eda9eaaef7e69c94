"""Segmenting many dumps: parallel workers, incremental re-runs, stale files."""
from __future__ import annotations

import pytest

from build_scripts.errors import UserError
from build_scripts.segment_pages import segment_pages

from segment_helpers import generated_dumps


@pytest.fixture
def pages(tmp_path):
    return generated_dumps(tmp_path / "dumps", 6, seed=7)


def run(tmp_path, paths, **kw):
    return segment_pages(paths, [], tmp_path / "docs", tmp_path / "reports", root=tmp_path,
                         state_file=tmp_path / "state.json", quiet=True, **kw)


def test_parallel_run_equals_serial_run(tmp_path, pages):
    parallel = run(tmp_path, pages, jobs=2)
    files = {p.relative_to(tmp_path / "docs"): p.read_text(encoding="utf-8")
             for p in (tmp_path / "docs").rglob("*.md")}
    serial = segment_pages(pages, [], tmp_path / "docs2", tmp_path / "reports2", root=tmp_path,
                           jobs=1, quiet=True)
    files2 = {p.relative_to(tmp_path / "docs2"): p.read_text(encoding="utf-8")
              for p in (tmp_path / "docs2").rglob("*.md")}
    assert parallel["articles"] == serial["articles"] == len(files) == 45
    assert files == files2


def test_rerun_segments_only_what_changed(tmp_path, pages):
    first = run(tmp_path, pages, jobs=2)
    assert (first["segmented"], first["written"]) == (6, 45)
    mtimes = {p: p.stat().st_mtime_ns for p in (tmp_path / "docs").rglob("*.md")}
    again = run(tmp_path, pages, jobs=2)
    assert (again["segmented"], again["reused"], again["written"]) == (0, 6, 0)
    text = pages[3].read_text(encoding="utf-8")
    pages[3].write_text(text.replace("。", "。", 1).replace("今年以来", "今年以後", 1), encoding="utf-8")
    changed = run(tmp_path, pages, jobs=2)
    assert changed["segmented"] == 1 and changed["written"] == 1
    now = {p: p.stat().st_mtime_ns for p in (tmp_path / "docs").rglob("*.md")}
    assert sum(now[p] != mtimes[p] for p in mtimes) == 1


def test_article_gone_from_a_dump_is_removed(tmp_path, pages):
    run(tmp_path, pages[:1], jobs=1)
    before = sorted((tmp_path / "docs").rglob("*.md"))
    text = pages[0].read_text(encoding="utf-8")
    pages[0].write_text(text.split("课堂传扬文化")[0], encoding="utf-8")  # the page loses its last articles
    counts = run(tmp_path, pages[:1], jobs=1)
    after = sorted((tmp_path / "docs").rglob("*.md"))
    assert counts["removed"] == len(before) - len(after) > 0


def test_bad_dump_in_parallel_run_changes_nothing(tmp_path, pages):
    run(tmp_path, pages, jobs=2)
    snapshot = {p: p.read_text(encoding="utf-8") for p in (tmp_path / "docs").rglob("*.md")}
    pages[2].write_text(pages[2].read_text(encoding="utf-8") + "改", encoding="utf-8")
    pages[4].write_bytes(b"\x00\x01" * 50 + b"\x02")
    with pytest.raises(UserError, match="p4.txt"):
        run(tmp_path, pages, jobs=2)
    assert {p: p.read_text(encoding="utf-8") for p in (tmp_path / "docs").rglob("*.md")} == snapshot
