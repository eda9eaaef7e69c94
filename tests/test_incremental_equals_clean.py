"""Incremental equals clean: after each change, an incremental build of a project gives
byte for byte the site/ and docs/ that a build from scratch of the same inputs gives.

A copy of the project (its files as git lists them) is built once, then changed in turn:
an issue added (a dump and its manifest entry), a template changed (overrides/), a reviewed
translation imported, and the built tree copied elsewhere (a restored cache, a copied
checkout) where one more issue is added. After each change the tree is built
incrementally and compared with a clean copy of its inputs built from nothing. The same
runs on a small generated archive (benchmarks/archive.py) with one issue added.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SITE_URL = "https://example.org/archive/"
# What a build makes; everything else in a project is its input.
GENERATED = {"build", "site", ".site.next", ".site.previous", "docs/zh-Hans", "docs/zh-Hant", "docs/en", "memory/.en.jsonl.lock"}
COMPARED = ("site", "docs")

# Two short articles of our own for each added issue (the date and a word vary).
NEW_DUMP = """# 湖畔新修步道{n}月开放

本报讯 新修的湖畔步道全长三公里，沿途设有四处休息点和两座观景台。管理处表示，步道将于{n}月中旬向市民开放，夜间照明同步启用。

市民张明说，以前绕湖只能走车道，现在可以安心带孩子散步了。

# 社区图书室延长开放时间

本报记者 李文

为方便上班族借阅，社区图书室自本周起每天开放到晚上九点，周末增加亲子阅读活动。

图书室负责人介绍，新到的两百余册图书已经上架，读者可凭居民卡免费借阅。
"""
NEW_TITLE = "湖畔新修步道{n}月开放"
REVIEWED_EN = "Lakeside trail opens in month {n}"


def _project_files(root: Path) -> list[str]:
    out = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=root,
                         capture_output=True, text=True, check=True).stdout
    return [rel for rel in out.split("\0") if rel and (root / rel).is_file()]


def copy_project(dest: Path) -> Path:
    """The project's own files (no build outputs, no venv) under ``dest``."""
    for rel in _project_files(REPO):
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / rel, target)
    return dest


def _is_generated(rel: str) -> bool:
    return any(rel == g or rel.startswith(g + "/") for g in GENERATED) or "__pycache__" in rel


def copy_inputs(src: Path, dest: Path) -> Path:
    """``src``'s inputs only: what a clean build of the same inputs starts from."""
    for dirpath, dirs, names in os.walk(src):
        rel_dir = os.path.relpath(dirpath, src)
        prefix = "" if rel_dir == "." else rel_dir.replace(os.sep, "/") + "/"
        dirs[:] = [d for d in dirs if not _is_generated(prefix + d)]
        for name in names:
            if not _is_generated(prefix + name):
                (dest / prefix).mkdir(parents=True, exist_ok=True)
                shutil.copy2(os.path.join(dirpath, name), dest / prefix / name)
    return dest


def cli(tree: Path, *args: str) -> str:
    """``python -m build_scripts ARGS`` run in ``tree``, importing that tree's own code."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(SITE_URL=SITE_URL, SITE_SIZE_LIMIT="0")
    proc = subprocess.run([sys.executable, "-m", "build_scripts", *args], cwd=tree, env=env,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise AssertionError(f"{' '.join(args)} in {tree} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return proc.stderr


def build(tree: Path) -> Path:
    cli(tree, "build", "--offline")
    return tree


def clean_build_of(tree: Path, dest: Path) -> Path:
    return build(copy_inputs(tree, dest))


def tree_bytes(root: Path) -> dict[str, bytes]:
    out = {}
    for dirpath, _, names in os.walk(root):
        for name in names:
            path = os.path.join(dirpath, name)
            with open(path, "rb") as handle:
                out[os.path.relpath(path, root).replace(os.sep, "/")] = handle.read()
    return out


def differing_files(incremental: Path, clean: Path) -> list[str]:
    """Every file of site/ and docs/ that one build has and the other lacks or holds otherwise."""
    out = []
    for top in COMPARED:
        a, b = tree_bytes(incremental / top), tree_bytes(clean / top)
        out += [f"{top}/{rel}" + ("" if rel in a and rel in b else " (only in the " +
                                  ("incremental" if rel in a else "clean") + " build)")
                for rel in sorted(a.keys() | b.keys()) if a.get(rel) != b.get(rel)]
    return out


def assert_same_as_clean(incremental: Path, clean: Path) -> None:
    differ = differing_files(incremental, clean)
    assert not differ, f"{len(differ)} files differ from a clean build:\n" + "\n".join(differ)


def add_issue(tree: Path, day: int) -> str:
    """A dump of our own as page 1 of 2025-12-<day>, listed in the manifest; its file name."""
    name = f"8{day:02d}_added.txt"
    (tree / "dumps" / name).write_text(NEW_DUMP.format(n=day % 12 + 1), encoding="utf-8")
    with (tree / "dumps" / "manifest.yaml").open("a", encoding="utf-8") as manifest:
        manifest.write(f"  - file: {name}\n    date: 2025-12-{day:02d}\n    page: 1\n    page_name: 要闻\n")
    return name


def feed_titles(site: Path) -> list[str]:
    return [i.findtext("title") for i in ET.parse(site / "feed.xml").getroot().iter("item")]


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The sample project, built once; the tests below change and rebuild it in turn."""
    work = tmp_path_factory.mktemp("incremental")
    return {"work": work, "tree": build(copy_project(work / "project"))}


def test_adding_an_issue(sample):
    tree = sample["tree"]
    before = feed_titles(tree / "site")
    add_issue(tree, 20)
    build(tree)
    assert feed_titles(tree / "site")[:1] == [NEW_TITLE.format(n=9)]
    assert len(feed_titles(tree / "site")) == len(before) + 2
    assert_same_as_clean(tree, clean_build_of(tree, sample["work"] / "clean-issue"))


def test_changing_a_template(sample):
    tree = sample["tree"]
    main = tree / "overrides" / "main.html"
    marker = '<meta name="na-test" content="template changed">'
    main.write_text(main.read_text(encoding="utf-8").replace(
        "{% block extrahead %}{% autoescape true %}", "{% block extrahead %}{% autoescape true %}" + marker, 1),
        encoding="utf-8")
    build(tree)
    assert marker in (tree / "site" / "index.html").read_text(encoding="utf-8")
    assert_same_as_clean(tree, clean_build_of(tree, sample["work"] / "clean-template"))


def test_importing_a_reviewed_translation(sample):
    tree = sample["tree"]
    reviewed = sample["work"] / "reviewed.jsonl"
    reviewed.write_text('{"zh": "%s", "en": "%s"}\n' % (NEW_TITLE.format(n=9), REVIEWED_EN.format(n=9)),
                        encoding="utf-8")
    cli(tree, "variants", "--import-reviewed", str(reviewed), "--reviewer", "tester")
    build(tree)
    assert REVIEWED_EN.format(n=9) in feed_titles(tree / "site" / "en")
    assert_same_as_clean(tree, clean_build_of(tree, sample["work"] / "clean-reviewed"))


def test_a_moved_tree(sample):
    """A built tree copied elsewhere (a restored cache), an issue added there: the feed still
    lists the whole archive, not only the pages this run rendered."""
    moved = sample["work"] / "moved"
    shutil.copytree(sample["tree"], moved, symlinks=True)
    before = feed_titles(moved / "site")
    add_issue(moved, 22)
    build(moved)
    assert len(feed_titles(moved / "site")) == len(before) + 2
    assert_same_as_clean(moved, clean_build_of(moved, sample["work"] / "clean-moved"))


def test_a_generated_archive_with_an_issue_added(tmp_path):
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import archive
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    tree = copy_project(tmp_path / "project")
    for dump in (tree / "dumps").glob("*.txt"):
        dump.unlink()
    archive.write_archive(tree, 1, seed=5)
    build(tree)
    archive.write_archive(tree, 2, seed=5)
    build(tree)
    assert_same_as_clean(tree, clean_build_of(tree, tmp_path / "clean"))
