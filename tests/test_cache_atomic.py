"""The shared incremental machinery: the code fingerprint, state records, atomic writes, pools."""
from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest

from build_scripts import atomic, cache, workers
from build_scripts.errors import UserError

from segment_helpers import ROOT, generated_dumps

PACKAGE = ROOT / "build_scripts"


# -- the code fingerprint -------------------------------------------------------------------
@pytest.fixture
def package_copy(tmp_path, monkeypatch):
    """A copy of the package, which the fingerprint walks instead."""
    code = tmp_path / "build_scripts"
    shutil.copytree(PACKAGE, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "CODE", code)
    cache.code_fingerprint.cache_clear()
    yield code
    cache.code_fingerprint.cache_clear()


def fresh_fingerprint() -> str:
    cache.code_fingerprint.cache_clear()
    return cache.code_fingerprint()


def test_the_fingerprint_changes_with_any_file_of_the_package(package_copy):
    code = package_copy
    before = fresh_fingerprint()
    assert fresh_fingerprint() == before                       # the same tree, the same digest
    for edited in [code / "site" / "labels.py", code / "data" / "surnames.txt", code / "site" / "t2s_table.js"]:
        old = edited.read_bytes()
        edited.write_bytes(old + b"\n")
        assert fresh_fingerprint() != before, edited
        edited.write_bytes(old)
        assert fresh_fingerprint() == before
    (code / "segment" / "new_pass.py").write_text("RULE = 1\n")   # a new module: nobody lists it
    assert fresh_fingerprint() != before


def test_a_template_changes_the_mkdocs_inputs_not_the_code_fingerprint(tmp_path):
    from build_scripts.site.build import build_inputs_hash
    project = tmp_path / "project"
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    code, pages = fresh_fingerprint(), build_inputs_hash(project, "en", "https://x.test/")
    with (project / "overrides" / "partials" / "nav.html").open("a") as handle:
        handle.write("<!-- changed -->\n")
    assert fresh_fingerprint() == code
    assert build_inputs_hash(project, "en", "https://x.test/") != pages


def test_byte_code_and_hidden_files_are_not_part_of_the_fingerprint(package_copy):
    code = package_copy
    before = fresh_fingerprint()
    (code / "__pycache__").mkdir(exist_ok=True)
    (code / "__pycache__" / "cache.cpython-311.pyc").write_bytes(b"\0compiled")
    (code / ".notes.swp").write_bytes(b"editor")
    assert fresh_fingerprint() == before


def test_tree_files_walks_everything_but_byte_code(tmp_path):
    (tmp_path / "pkg" / "sub" / "__pycache__").mkdir(parents=True)
    for rel in ["pkg/a.py", "pkg/sub/b.py", "pkg/sub/table.txt", "pkg/sub/__pycache__/b.pyc", "pkg/.hidden"]:
        (tmp_path / rel).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in cache.tree_files(tmp_path / "pkg")]
    assert found == ["pkg/a.py", "pkg/sub/b.py", "pkg/sub/table.txt"]


def test_a_moved_file_changes_the_digest(tmp_path):
    (tmp_path / "one" / "x").mkdir(parents=True)
    (tmp_path / "one" / "x" / "a.py").write_text("A = 1\n")
    before = cache.digest_tree((tmp_path / "one",))
    (tmp_path / "one" / "x" / "a.py").rename(tmp_path / "one" / "a.py")
    assert cache.digest_tree((tmp_path / "one",)) != before


def test_the_fingerprint_holds_the_pinned_runtime_dependencies(monkeypatch):
    pins = cache.pinned_versions()
    assert "mkdocs==1.6.1" in pins and "PyYAML==6.0.3" in pins and "pagefind==1.5.2" in pins
    assert not any(p.startswith("pytest") for p in pins)         # a test extra changes no output
    before = fresh_fingerprint()
    monkeypatch.setattr(cache, "pinned_versions", lambda: [*pins, "mkdocs==9.9.9"])
    assert fresh_fingerprint() != before
    monkeypatch.undo()
    assert fresh_fingerprint() == before


# -- state records --------------------------------------------------------------------------
def test_a_state_record_reads_back_what_was_saved(tmp_path):
    path = tmp_path / "state" / "x.json"
    assert cache.save_state(path, 3, {"a": [1, 2], "名": "值"}) is True
    assert cache.load_state(path, 3) == {"a": [1, 2], "名": "值"}
    mtime = path.stat().st_mtime_ns
    assert cache.save_state(path, 3, {"a": [1, 2], "名": "值"}) is False   # unchanged: not rewritten
    assert path.stat().st_mtime_ns == mtime


@pytest.mark.parametrize("content", [
    b"",
    b"{not json",
    b"\xff\xfe binary",
    b"[1, 2]",
    b'{"version": [1, 3], "code": "CODE", "data": [1]}',     # data of another shape
    b'{"version": [1, 2], "code": "CODE", "data": {"a": 1}}',  # an older version of the record
    b'{"version": [0, 3], "code": "CODE", "data": {"a": 1}}',  # an older format
    b'{"version": [1, 3], "code": "other", "data": {"a": 1}}',  # made by other code
    b'{"code": "CODE", "dumps": {"a": 1}}',                   # the shape before records
])
def test_an_unreadable_or_foreign_state_record_reads_as_empty(tmp_path, content):
    path = tmp_path / "x.json"
    path.write_bytes(content.replace(b"CODE", cache.code_fingerprint().encode()))
    assert cache.load_state(path, 3) == {}
    assert cache.load_state(tmp_path / "missing.json", 3) == {}


def test_the_same_record_is_valid_with_the_right_code_only(tmp_path, monkeypatch):
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"version": [cache.FORMAT_VERSION, 3], "code": cache.code_fingerprint(),
                                "data": {"a": 1}}))
    assert cache.load_state(path, 3) == {"a": 1}
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "changed code")
    assert cache.load_state(path, 3) == {}


def segment(tmp_path, dumps):
    from build_scripts.segment_pages import segment_pages
    return segment_pages(dumps, [], tmp_path / "docs", tmp_path / "reports", root=tmp_path,
                         state_file=tmp_path / "state.json", quiet=True, jobs=1)


@pytest.fixture
def dumps(tmp_path):
    return generated_dumps(tmp_path / "dumps", 2, seed=3)


@pytest.mark.parametrize("damage", [b"{half a rec", b'{"code": "old", "dumps": {}}'])
def test_segmenting_with_a_damaged_or_old_state_redoes_every_dump_without_an_error(tmp_path, dumps, damage):
    assert segment(tmp_path, dumps)["segmented"] == 2
    assert segment(tmp_path, dumps)["reused"] == 2
    (tmp_path / "state.json").write_bytes(damage)
    again = segment(tmp_path, dumps)
    assert (again["segmented"], again["reused"], again["written"]) == (2, 0, 0)   # same files, kept
    assert segment(tmp_path, dumps)["reused"] == 2                  # and the state is whole again


def test_changed_code_resegments_every_dump(tmp_path, dumps, monkeypatch):
    segment(tmp_path, dumps)
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "the next version of the code")
    assert segment(tmp_path, dumps)["segmented"] == 2
    assert segment(tmp_path, dumps)["reused"] == 2


# -- atomic writes --------------------------------------------------------------------------
def disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


class FullFile:
    """A file opened on a full disk: the write fails."""

    def __init__(self, handle):
        self.handle = handle

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.handle.close()

    def write(self, data):
        disk_full()


@pytest.mark.parametrize("where", ["replace", "fsync", "write"])
def test_a_full_disk_leaves_the_old_file_and_says_so_in_one_line(tmp_path, monkeypatch, where):
    path = tmp_path / "state.json"
    path.write_text("old")
    if where == "write":
        monkeypatch.setattr(atomic, "open", lambda *a: FullFile(open(*a)), raising=False)
    else:
        monkeypatch.setattr(atomic.os, where, disk_full)
    with pytest.raises(UserError) as raised:
        atomic.write_text(path, "new")
    assert str(raised.value) == f"no space left on device while writing {path}"
    assert path.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.json"]      # no temp file left


def test_another_failure_is_not_called_a_full_disk_and_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "page.html"
    path.write_text("old")
    monkeypatch.setattr(atomic.os, "replace", lambda *a: (_ for _ in ()).throw(PermissionError(13, "denied")))
    with pytest.raises(PermissionError):
        atomic.write_text(path, "new")
    assert path.read_text() == "old" and os.listdir(tmp_path) == ["page.html"]


def test_write_if_changed_keeps_an_unchanged_file_and_its_mtime(tmp_path):
    path = tmp_path / "a" / "b.md"
    assert atomic.write_if_changed(path, "标题\n") is True
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    assert atomic.write_if_changed(path, "标题\n") is False
    assert atomic.write_if_changed(path, "标题\n".encode()) is False
    assert path.stat().st_mtime_ns == 1_000_000_000
    assert atomic.write_if_changed(path, "新标题\n", sync=False) is True
    assert path.read_text(encoding="utf-8") == "新标题\n" and path.stat().st_mtime_ns != 1_000_000_000


def test_replacing_never_writes_through_a_hard_link(tmp_path):
    source, staged = tmp_path / "source.md", tmp_path / "staged.md"
    source.write_text("source")
    os.link(source, staged)
    atomic.write_text(staged, "staged")
    assert source.read_text() == "source" and staged.read_text() == "staged"


def test_a_full_disk_while_segmenting_is_one_line_exit_2_and_the_docs_stay(tmp_path, dumps, monkeypatch, capsys):
    from build_scripts.cli import main
    monkeypatch.chdir(tmp_path)
    docs = tmp_path / "docs"
    assert main(["segment", *map(str, dumps), "--out", str(docs), "--jobs", "1"]) == 0
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    for dump in dumps:
        dump.write_text(dump.read_text(encoding="utf-8").replace("。", "，"), encoding="utf-8")
    capsys.readouterr()
    monkeypatch.setattr(atomic.os, "replace", disk_full)
    assert main(["segment", *map(str, dumps), "--out", str(docs), "--jobs", "1"]) == 2
    err = capsys.readouterr().err
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert "Traceback" not in err and len(errors) == 1, err
    named = Path(errors[0].removeprefix("error: no space left on device while writing "))
    assert named.suffix == ".md" and named.parent.parent == docs / "zh-Hans" / "undated", errors
    assert {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()} == before


# -- process pools --------------------------------------------------------------------------
def test_the_job_count_comes_from_one_setting(monkeypatch):
    monkeypatch.setenv(workers.JOBS_SETTING, "3")
    assert workers.job_count() == 3
    monkeypatch.delenv(workers.JOBS_SETTING)
    assert workers.job_count() == (os.cpu_count() or 1)
    for bad in ["0", "two", "-1"]:
        monkeypatch.setenv(workers.JOBS_SETTING, bad)
        with pytest.raises(UserError, match=f"NEWSARCHIVE_JOBS='{bad}'"):
            workers.job_count()


def test_pools_take_their_size_and_fork_only_a_single_threaded_caller(monkeypatch):
    import threading
    monkeypatch.setenv(workers.JOBS_SETTING, "2")
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    with workers.process_pool() as pool:
        assert pool._max_workers == 2 and pool._mp_context.get_start_method() == "fork"
        assert pool.submit(pow, 3, 4).result() == 81
    monkeypatch.setattr(threading, "active_count", lambda: 3)     # a browser, a server …
    with workers.process_pool() as pool:
        assert pool._mp_context.get_start_method() == "spawn"
        assert pool.submit(pow, 2, 5).result() == 32
    with workers.process_pool(1) as pool:
        assert pool._max_workers == 1
