"""The manifest is checked as a schema: each fault is one error naming the manifest and the line."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts.errors import UserError
from build_scripts.manifest import load_manifest

ROOT = Path(__file__).resolve().parent.parent

GOOD = "  - file: a.txt\n    date: 2025-12-15\n    page: 1\n"


def manifest(tmp_path: Path, text: str) -> Path:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("标题\n\n正文。\n", encoding="utf-8")
    path = tmp_path / "manifest.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, line, words", [
    # unknown keys: a misspelt key once moved a page to undated/ and removed its articles
    ("publication: X\ndumps:\n  - file: a.txt\n    date: 2025-12-15\n    pgae: 1\n", 5, "unknown key 'pgae'"),
    ("publicaton: X\ndumps:\n" + GOOD, 1, "unknown key 'publicaton'"),
    # repeated keys: YAML takes the last one silently
    ("dumps:\n  - file: a.txt\n    date: 2025-12-15\n    page: 1\n    page: 2\n", 5, "'page' is given twice"),
    ("publication: X\npublication: Y\ndumps:\n" + GOOD, 2, "'publication' is given twice"),
    # impossible dates and dates with a time
    ("dumps:\n  - file: a.txt\n    date: 2025-13-45\n    page: 1\n", 3, "2025-13-45 is not a date"),
    ("dumps:\n  - file: a.txt\n    date: 2025-02-30\n", 3, "2025-02-30 is not a date"),
    ("dumps:\n  - file: a.txt\n    date: 2025-12-15 10:00:00\n", 3, "has a time of day"),
    ("dumps:\n  - file: a.txt\n    date: 2025-12-15T10:00:00Z\n", 3, "has a time of day"),
    ("dumps:\n  - file: a.txt\n    date: '2025-12-15 10:00'\n", 3, "'date' must be a date"),
    ("dumps:\n  - file: a.txt\n    date: 20251215\n", 3, "'date' must be a date"),
    # wrong types
    ("dumps:\n  - file: a.txt\n    page_name: [要闻, 综合]\n", 3, "'page_name' must be text, not a list"),
    ("dumps:\n  - file: [a.txt]\n", 2, "'file' must be text, not a list"),
    ("publication: [X, Y]\ndumps:\n" + GOOD, 1, "'publication' must be text"),
    ("dumps:\n  - file: a.txt\n    page: '1'\n", 3, "'page' must be a positive whole number"),
    ("dumps:\n  - file: a.txt\n    page: 0\n", 3, "'page' must be a positive whole number"),
    ("dumps:\n  - file: a.txt\n    page: true\n", 3, "'page' must be a positive whole number"),
    ("dumps:\n  - file: a.txt\n    assumption: {why: none}\n", 3, "'assumption' must be text, not a mapping"),
    ("dumps: a.txt\n", 1, "a 'dumps' list"),
    # two entries for one page of one issue: the second would overwrite the first's articles
    ("publication: X\ndumps:\n" + GOOD + GOOD.replace("a.txt", "b.txt"), 6, "page 1 is listed twice"),
    ("publication: X\nedition: 晚刊\ndumps:\n" + GOOD + GOOD.replace("a.txt", "b.txt"), 7,
     "edition 晚刊, page 1 is listed twice"),
    ("dumps:\n" + GOOD + GOOD, 5, "a.txt is listed twice"),
])
def test_each_fault_is_named_by_file_and_line(tmp_path, text, line, words):
    path = manifest(tmp_path, text)
    with pytest.raises(UserError) as caught:
        load_manifest(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}: "), message
    assert words in message and "\n" not in message


@pytest.mark.parametrize("text", [
    "publication: X\ndumps:\n" + GOOD + GOOD.replace("a.txt", "b.txt").replace("1\n", "1\n    edition: 2\n"),
    "dumps:\n" + GOOD.replace("a.txt", "a.txt\n    publication: X") + GOOD.replace("a.txt", "b.txt\n    publication: Y"),
    "dumps:\n  - file: a.txt\n    date: '2025-12-15'\n  - file: b.txt\n",
])
def test_two_papers_or_two_editions_on_one_page_number_are_allowed(tmp_path, text):
    entries = load_manifest(manifest(tmp_path, text))
    assert len(entries) == 2


def test_a_manifest_that_is_a_directory_is_one_line_exit_2(tmp_path):
    (tmp_path / "manifest.yaml").mkdir()
    result = subprocess.run([sys.executable, "-m", "build_scripts", "segment", "--manifest",
                             str(tmp_path / "manifest.yaml"), "--out", str(tmp_path / "docs")],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [f"error: {tmp_path / 'manifest.yaml'}: is a directory, not a manifest"]
    assert not (tmp_path / "docs").exists()


def test_an_impossible_date_on_the_command_line_is_one_line_exit_2(tmp_path):
    path = manifest(tmp_path, "dumps:\n  - file: a.txt\n    date: 2025-13-45\n")
    result = subprocess.run([sys.executable, "-m", "build_scripts", "segment", "--manifest", str(path),
                             "--out", str(tmp_path / "docs")], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [f"error: {path}:3: 2025-13-45 is not a date "
                                                  "(month must be in 1..12)"]
    assert not (tmp_path / "docs").exists()


def test_the_sample_manifest_passes():
    entries = load_manifest(ROOT / "dumps" / "manifest.yaml")
    assert [(e.meta.publication, str(e.meta.date), e.meta.page, e.meta.edition) for e in entries] == [
        ("通辽日报", "2025-12-15", 1, None), ("通辽日报", "2025-12-15", 2, None)]


def test_the_manifest_is_parsed_by_libyaml_where_pyyaml_has_it():
    import yaml
    from build_scripts import manifest
    if hasattr(yaml, "CSafeLoader"):          # the pure-Python parser: seconds for a year's manifest
        assert issubclass(manifest._ManifestLoader, yaml.CSafeLoader)
    else:
        assert issubclass(manifest._ManifestLoader, yaml.SafeLoader)
