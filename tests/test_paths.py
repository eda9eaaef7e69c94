"""The paper and the edition are in every article's path, so two papers or two editions printed on
one day never overwrite each other; the sample's old URLs are listed with their new ones."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts import paths, redirects
from build_scripts.model import PageMeta

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "dumps" / "000_8df7ef33810d7782.txt"
DAY = dt.date(2025, 12, 15)


def segment(work: Path, manifest: str) -> subprocess.CompletedProcess:
    (work / "manifest.yaml").write_text(manifest, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "build_scripts", "segment", "--manifest", "manifest.yaml",
                           "--out", "docs"], cwd=work, capture_output=True, text=True,
                          timeout=300, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


@pytest.mark.parametrize("second", [
    "publication: 科尔沁日报\n",                  # another paper, same day and page
    "publication: 通辽日报\n    edition: 晚刊\n",   # the same paper's other edition
])
def test_two_papers_or_editions_on_one_day_keep_every_article(tmp_path, second):
    for name in ("a.txt", "b.txt"):
        shutil.copy(SAMPLE, tmp_path / name)
    result = segment(tmp_path, "dumps:\n"
                               "  - file: a.txt\n    publication: 通辽日报\n    date: 2025-12-15\n    page: 2\n"
                               f"  - file: b.txt\n    {second}    date: 2025-12-15\n    page: 2\n")
    assert result.returncode == 0, result.stderr
    files = sorted((tmp_path / "docs/zh-Hans").rglob("*.md"))
    folders = {f.parent.relative_to(tmp_path / "docs/zh-Hans").as_posix() for f in files}
    assert len(folders) == 2 and "tongliao-ribao/2025/12/15/02" in folders
    per_folder = len(files) // 2
    assert per_folder >= 5 and len(files) == 2 * per_folder      # nothing overwritten
    assert "articles from 2 dumps" in result.stderr and f"{len(files)} files written" in result.stderr


def test_the_path_is_made_in_one_place():
    meta = PageMeta(publication="通辽日报", date=DAY, page=1)
    assert paths.page_folder(meta, "x") == "tongliao-ribao/2025/12/15/01"
    evening = PageMeta(publication="通辽日报", date=DAY, page=1, edition="晚刊")
    assert paths.page_folder(evening, "x") == "tongliao-ribao/2025/12/15/wankan/01"
    assert paths.page_folder(PageMeta(publication="通辽日报"), "001_x") == "undated/001_x"
    assert paths.page_folder(PageMeta(date=DAY, page=3), "x") == "paper/2025/12/15/03"
    assert paths.legacy_page_folder(meta) == "2025/12/15/01"


@pytest.mark.parametrize("rel, issue, month", [
    ("tongliao-ribao/2025/12/15/01/a.md", "tongliao-ribao/2025/12/15", "2025-12"),
    ("tongliao-ribao/2025/12/15/wankan/01/a.md", "tongliao-ribao/2025/12/15/wankan", "2025-12"),
    ("2025/12/15/01/a.md", "2025/12/15", "2025-12"),                 # the layout before
    ("undated/001_x/a.md", "undated/001_x", None),
])
def test_the_issue_and_month_of_a_path(rel, issue, month):
    assert paths.issue_of(rel) == issue and paths.month_of(rel) == month
    assert paths.month_of("/" + rel.replace(".md", "/")) == month     # a URL as the search shards see it


def test_the_sample_old_urls_are_listed_with_their_new_ones(tmp_path):
    shutil.copytree(ROOT / "dumps", tmp_path / "dumps")
    result = subprocess.run([sys.executable, "-m", "build_scripts", "segment"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    docs = tmp_path / "docs/zh-Hans"
    articles = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")]
    listed = redirects.load(ROOT / redirects.DEFAULT_PATH)
    assert listed == redirects.legacy_urls(articles)                  # every sample page, none missing
    assert len(listed) == 15 + 2 + 1                                  # 15 articles, 2 pages, 1 issue
    for old, new in listed.items():
        assert new == "tongliao-ribao/" + old
        folder = docs / new
        assert folder.is_dir() or (docs / (new[:-1] + ".md")).is_file(), new


def test_a_redirect_stub_sends_readers_on():
    rel, text = redirects.stub_page("2025/12/15/01/a/", "tongliao-ribao/2025/12/15/01/a/", "https://h/x/", "en/")
    assert rel == "en/2025/12/15/01/a/index.html"
    assert '<meta http-equiv="refresh" content="0; url=https://h/x/en/tongliao-ribao/2025/12/15/01/a/">' in text
    assert '<link rel="canonical" href="https://h/x/en/tongliao-ribao/2025/12/15/01/a/">' in text
