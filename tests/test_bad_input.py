"""Bad input: a one-line error naming the file (and line), never a traceback, never a half-written tree."""
from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

import pytest

from segment_helpers import DUMPS, ROOT

SAMPLE = (DUMPS / "000_8df7ef33810d7782.txt").read_text(encoding="utf-8")


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "build_scripts", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def one_line_error(result, *fragments):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    for fragment in fragments:
        assert fragment in errors[0], errors[0]


@pytest.mark.parametrize("name, data, fragment", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"\n\n  \n", "empty"),
    ("binary.txt", bytes(range(256)) * 20, "binary"),
    ("latin1.txt", "caf\u00e9 na\u00efve ".encode("latin-1") * 3 + b"\xff\xfe\x00", "binary"),
])
def test_unusable_files_are_refused_with_their_name(tmp_path, name, data, fragment):
    path = tmp_path / name
    path.write_bytes(data)
    one_line_error(run("segment", path, "--json"), str(path), fragment)


def test_missing_dump_is_named(tmp_path):
    one_line_error(run("segment", tmp_path / "nope.txt", "--json"), "nope.txt", "no such file")


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-16", "utf-16-le", "utf-8-sig"])
def test_other_encodings_are_decoded(tmp_path, encoding):
    path = tmp_path / "page.txt"
    path.write_bytes(SAMPLE.replace("²", "2").encode(encoding))  # GBK has no ²
    result = run("segment", path, "--json")
    assert result.returncode == 0, result.stderr
    assert "通辽市因地制宜培育能源领域新质生产力" in result.stdout
    if encoding.startswith("gb"):
        assert "gb18030" in result.stderr  # said, not silently guessed


def test_crlf_dump_is_the_same_as_lf(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(SAMPLE.replace("\n", "\r\n").encode("utf-8"))
    crlf = run("segment", path, "--json").stdout
    path.write_bytes(SAMPLE.encode("utf-8"))
    assert crlf == run("segment", path, "--json").stdout


def test_one_block_of_text_warns_and_keeps_the_text(tmp_path):
    path = tmp_path / "block.txt"
    path.write_text("这是一大段没有标题的文字，" * 40 + "。", encoding="utf-8")
    result = run("segment", path, "--json")
    assert result.returncode == 0
    assert "no headline" in result.stderr and str(path) in result.stderr
    assert "这是一大段没有标题的文字" in result.stdout


def test_five_megabyte_dump_is_segmented_with_a_warning(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text(SAMPLE * (5_000_000 // len(SAMPLE.encode("utf-8")) + 1), encoding="utf-8")
    result = run("segment", path, "--json")
    assert result.returncode == 0, result.stderr
    assert "unusually large" in result.stderr
    assert result.stdout.count("通辽市因地制宜培育能源领域新质生产力") > 100


def write_manifest(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "manifest.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_manifest_entry_for_a_missing_file_names_the_line(tmp_path):
    (tmp_path / "a.txt").write_text(SAMPLE, encoding="utf-8")
    manifest = write_manifest(tmp_path, "publication: X\ndumps:\n  - file: a.txt\n    date: 2025-12-15\n"
                                        "    page: 1\n  - file: gone.txt\n    date: 2025-12-15\n    page: 2\n")
    one_line_error(run("segment", "--manifest", manifest, "--out", tmp_path / "docs"),
                   f"{manifest}:6", "gone.txt")
    assert not (tmp_path / "docs").exists()


@pytest.mark.parametrize("text, line", [
    ("dumps:\n  - file: a.txt\n    date: [2025\n", "3"),
    ("dumps:\n  - file: a.txt\n    date: 15/12/2025\n", "3"),   # the line of the key
    ("dumps:\n  - file: a.txt\n    page: first\n", "3"),
    ("just a string\n", "1"),
])
def test_malformed_manifest_names_file_and_line(tmp_path, text, line):
    (tmp_path / "a.txt").write_text(SAMPLE, encoding="utf-8")
    manifest = write_manifest(tmp_path, text)
    one_line_error(run("segment", "--manifest", manifest), f"{manifest}:{line}")


def test_a_bad_dump_leaves_no_half_written_docs_tree(tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(SAMPLE, encoding="utf-8")
    bad.write_bytes(b"\x00\x01\x02" * 100)
    docs = tmp_path / "docs"
    one_line_error(run("segment", good, bad, "--out", docs), "bad.txt")
    assert not docs.exists()


def test_written_articles_have_front_matter_and_keep_mtime_when_unchanged(tmp_path):
    import frontmatter

    docs = tmp_path / "docs"
    result = run("segment", "--out", docs, "--reports", tmp_path / "reports")
    assert result.returncode == 0, result.stderr
    files = sorted((docs / "zh-Hans").rglob("*.md"))
    assert len(files) == 15
    post = frontmatter.load(files[0])
    for key in ("id", "lang", "title", "kicker", "subtitle", "authors", "byline", "publication", "date",
                "page", "page_name", "edition", "slug", "source"):
        assert key in post.metadata, key
    assert post["lang"] == "zh-Hans" and post["source"]["file"].startswith("dumps/")
    assert files[0].relative_to(docs / "zh-Hans").parts[:4] == ("tongliao-ribao", "2025", "12", "15")
    reports = sorted((tmp_path / "reports").glob("*.md"))
    assert [r.name for r in reports] == ["000_8df7ef33810d7782.md", "001_348aeecdd38910cd.md"]
    mtimes = {f: f.stat().st_mtime_ns for f in files}
    assert run("segment", "--out", docs, "--reports", tmp_path / "reports").returncode == 0
    assert {f: f.stat().st_mtime_ns for f in files} == mtimes


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0 and "segment" in result.stdout
    assert "--json" in run("segment", "--help").stdout


# -- what is not a regular, readable file ------------------------------------------------------
def _fifo(path: Path) -> None:
    import os
    os.mkfifo(path)


def _loop(path: Path) -> None:
    path.symlink_to(path.name)


def _dangling(path: Path) -> None:
    path.symlink_to("gone.txt")


def _directory(path: Path) -> None:
    path.mkdir()


@pytest.mark.parametrize("make, fragment", [
    (_fifo, "is a FIFO, not a regular file"),
    (_loop, "symbolic link loop"),
    (_dangling, "broken symbolic link"),
    (_directory, "is a directory, not a dump"),
])
@pytest.mark.parametrize("json_out", [True, False])
def test_a_dump_that_is_no_regular_file_is_one_line_and_nothing_is_written(tmp_path, make, fragment, json_out):
    good, odd = tmp_path / "good.txt", tmp_path / "odd.txt"
    good.write_text(SAMPLE, encoding="utf-8")
    make(odd)
    docs = tmp_path / "docs"
    args = ["segment", good, odd, "--out", docs, "--reports", tmp_path / "reports"] + (["--json"] if json_out else [])
    result = run(*args)                    # a FIFO opened for reading would hang: run() times out
    assert result.returncode == 2
    one_line_error(result, str(odd), fragment)
    assert result.stdout == "" and not docs.exists() and not (tmp_path / "reports").exists()


@pytest.mark.parametrize("make, fragment", [(_fifo, "is a FIFO"), (_directory, "is a directory"),
                                            (_loop, "symbolic link loop")])
def test_a_manifest_entry_that_is_no_regular_file_names_the_line(tmp_path, make, fragment):
    make(tmp_path / "odd.txt")
    manifest = write_manifest(tmp_path, "dumps:\n  - file: odd.txt\n    date: 2025-12-15\n    page: 1\n")
    result = run("segment", "--manifest", manifest, "--out", tmp_path / "docs")
    assert result.returncode == 2
    one_line_error(result, f"{manifest}:2", "odd.txt", fragment)
    assert not (tmp_path / "docs").exists()


@pytest.mark.parametrize("json_out", [True, False])
def test_an_unreadable_dump_is_one_line_exit_2(tmp_path, monkeypatch, capsys, json_out):
    """chmod 000 does not stop root (these tests may run as root): the refusal the system
    gives a user is simulated where the dump is opened."""
    import builtins

    from build_scripts import ingest
    from build_scripts.cli import main

    dump = tmp_path / "locked.txt"
    dump.write_text(SAMPLE, encoding="utf-8")

    def refuse(file, *args, **kwargs):
        if Path(file) == dump:
            raise PermissionError(13, "Permission denied", str(file))
        return builtins.open(file, *args, **kwargs)

    monkeypatch.setattr(ingest, "open", refuse, raising=False)
    docs = tmp_path / "docs"
    monkeypatch.chdir(tmp_path)
    code = main(["segment", str(dump), "--out", str(docs), "--jobs", "1"] + (["--json"] if json_out else []))
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert err.strip().splitlines() == [f"error: {dump}: cannot read (Permission denied)"]
    assert not docs.exists()
