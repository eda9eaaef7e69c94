"""A sharded build equals one build: the bundled sample and a small generated archive over two
years, built as one shard per year (`shard YEAR`, each in a folder of its own) and merged
(`merge`), give byte for byte the site that one `build` of the same dumps gives.

The inputs cross every line between shards: the generated issues run from 2024-12-30 to
2025-01-02 (the issues at the new year link each other), and a page of our own in 2024 is
by 汪洋, whose name romanises as the sample's 王阳 does and sorts first, so 王阳's author
page and byline links move to wang-yang-2 only when the whole archive is seen.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from test_incremental_equals_clean import REPO, SITE_URL, cli, copy_inputs, copy_project, tree_bytes

# A page of our own, 2024: its byline names 汪洋 (wang-yang, as the sample's 王阳).
COLLIDING_DUMP = """# 湖畔新修步道六月开放

本报记者 汪洋

新修的湖畔步道全长三公里，沿途设有四处休息点和两座观景台。管理处表示，步道将于六月中旬向市民开放，夜间照明同步启用。

市民张明说，以前绕湖只能走车道，现在可以安心带孩子散步了。
"""
WANG_YANG_ARTICLE = "tongliao-ribao/2025/12/15/01/naimanqi-rong-meiti-zhongxin-kaifang-gongxiangziyuan/index.html"
NEW_YEAR = "tongliao-ribao/2025/01/01/index.html"       # the first issue of 2025 in the generated run


def _generated_archive(tree: Path, scratch: Path) -> None:
    """Four generated issues (2024-12-30 … 2025-01-02) and our 2024 page, added to the sample's."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import archive
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    dumps = archive.write_archive(scratch, 4, seed=3, start=dt.date(2024, 12, 30))
    for path in dumps:
        (tree / "dumps" / path.name).write_bytes(path.read_bytes())
    entries = (scratch / "dumps" / "manifest.yaml").read_text(encoding="utf-8").split("dumps:\n", 1)[1]
    (tree / "dumps" / "900_colliding.txt").write_text(COLLIDING_DUMP, encoding="utf-8")
    with (tree / "dumps" / "manifest.yaml").open("a", encoding="utf-8") as manifest:
        manifest.write(entries + "  - file: 900_colliding.txt\n    date: 2024-06-01\n    page: 1\n"
                       "    page_name: 要闻\n")


def _stdout(tree: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"SITE_URL": SITE_URL}
    proc = subprocess.run([sys.executable, "-m", "build_scripts", *args], cwd=tree, env=env,
                          capture_output=True, text=True, check=True)
    return proc.stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    work = tmp_path_factory.mktemp("sharded")
    tree = copy_project(work / "project")
    _generated_archive(tree, work / "generated")
    years = [shard["name"] for shard in json.loads(_stdout(tree, "shard", "--list"))]
    shards = [work / "shards" / year for year in years]
    for year, folder in zip(years, shards):
        cli(tree, "shard", year, "--offline", "--out", str(folder))
    cli(tree, "merge", *map(str, shards), "--out", str(work / "merged"))
    single = copy_inputs(tree, work / "single")
    cli(single, "build", "--offline")
    return {"years": years, "shards": dict(zip(years, shards)), "merged": work / "merged",
            "single": single / "site"}


def test_the_merged_shards_equal_one_build(built):
    merged, single = tree_bytes(built["merged"]), tree_bytes(built["single"])
    assert len(single) > 1000
    differ = [rel + ("" if rel in merged and rel in single else
                     " (only in the " + ("merged" if rel in merged else "single") + " build)")
              for rel in sorted(merged.keys() | single.keys()) if merged.get(rel) != single.get(rel)]
    assert not differ, f"{len(differ)} files differ from one build:\n" + "\n".join(differ)


def test_each_shard_holds_its_year_only(built):
    assert built["years"] == ["2024", "2025"]
    for year, folder in built["shards"].items():
        days = {p.name for p in (folder / "site" / "na-articles").glob("*.json")}
        assert days and all(day.startswith(year) for day in days), (year, days)


def _author_links(html: str) -> list[str]:
    return re.findall(r'href="[./]*authors/([^/"]+)/"', html)


def test_the_merge_made_the_pages_that_cross_years(built):
    shard_2025 = built["shards"]["2025"] / "site"
    # the first issue of 2025 links back to the last of 2024 only in the whole archive
    assert "2024/12/31" not in (shard_2025 / NEW_YEAR).read_text(encoding="utf-8")
    assert "2024/12/31" in (built["merged"] / NEW_YEAR).read_text(encoding="utf-8")
    # 王阳's byline: wang-yang in its own year, wang-yang-2 once 汪洋 of 2024 is in the archive
    assert "wang-yang" in _author_links((shard_2025 / WANG_YANG_ARTICLE).read_text(encoding="utf-8"))
    merged_links = _author_links((built["merged"] / WANG_YANG_ARTICLE).read_text(encoding="utf-8"))
    assert "wang-yang-2" in merged_links and "wang-yang" not in merged_links
    assert "汪洋" in (built["merged"] / "authors" / "wang-yang" / "index.html").read_text(encoding="utf-8")


def _merge(cwd: Path, tmp_path: Path, *shards: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"SITE_URL": SITE_URL}
    return subprocess.run([sys.executable, "-m", "build_scripts", "merge", *map(str, shards), "--out",
                           str(tmp_path / "site"), "--build-dir", str(tmp_path / "build")],
                          cwd=cwd, env=env, capture_output=True, text=True)


def test_a_year_left_out_is_refused(built, tmp_path):
    proc = _merge(built["merged"].parent / "project", tmp_path, built["shards"]["2025"])
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert "shard 2024 of the manifest is not among those merged" in proc.stderr
    assert not (tmp_path / "site").exists()


def test_a_shard_of_other_code_is_refused(built, tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    (folder / "catalog").mkdir()
    (folder / "catalog" / "shard.json").write_text(json.dumps(
        {"format": 1, "name": "2024", "site_url": SITE_URL, "code": "other"}), encoding="utf-8")
    proc = _merge(REPO, tmp_path, folder)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "shard.json: built by other code" in proc.stderr
