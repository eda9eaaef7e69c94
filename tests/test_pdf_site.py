"""A page PDF in the manifest through the whole build (``make site``): segment, variants
(offline), site; the articles in three languages and the PDF's own source page."""
from __future__ import annotations

import shutil

from pdf_pages import typeset_pages
from segment_helpers import ROOT
from test_pdf_segment import STORIES, run

MANIFEST = ("publication: 测试日报\ndumps:\n  - file: p01.pdf\n    date: 2025-12-15\n    page: 1\n"
            "    page_name: 要闻\n")
ISSUE = "ceshi-ribao/2025/12/15/01"      # the paper's slug (测试日报), date and page


def _project(tmp_path):
    """A project folder with one page PDF in its manifest, the repo's hand-written pages,
    translations (the build writes its memory there, not in the repo) and MkDocs configs."""
    (tmp_path / "dumps").mkdir()
    typeset_pages.typeset_page(STORIES, tmp_path / "dumps/p01.pdf", seed=3, columns=5)
    (tmp_path / "dumps/manifest.yaml").write_text(MANIFEST, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    for page in ROOT.glob("docs/*.md"):
        shutil.copy(page, tmp_path / "docs" / page.name)
    shutil.copytree(ROOT / "translations", tmp_path / "translations")
    (tmp_path / "mkdocs.yml").symlink_to(ROOT / "mkdocs.yml")    # the project is the folder holding it
    (tmp_path / "overrides").symlink_to(ROOT / "overrides")
    shutil.copytree(ROOT / "config", tmp_path / "config")        # config/../build: this folder's build/
    return tmp_path


def test_make_site_builds_the_articles_of_a_pdf_in_the_manifest(tmp_path):
    project = _project(tmp_path)
    built = run("build", "--offline", "--no-search", cwd=project)    # what `make site` runs, offline
    assert built.returncode == 0, built.stderr
    site = project / "site"
    for prefix in ("", "zh-Hant/", "en/"):
        pages = sorted(p.name for p in (site / prefix / ISSUE).iterdir() if p.is_dir())
        assert pages == ["shequ-shitang-kai-dao-jiamenkou", "xiangcun-tushushi-li-shu-xiangnong",
                         "yixuewei-ling-shouhu-pingan-lu"], prefix
    canteen = (site / ISSUE / "shequ-shitang-kai-dao-jiamenkou/index.html").read_text(encoding="utf-8")
    assert "社区食堂开到家门口" in canteen and "街道负责人表示，食堂由政府提供场地" in canteen
    # banner 3 lines, the first story 9 (kicker, title, subtitle, caption, byline, subhead, 3
    # paragraphs): the second story's title and its two paragraphs are lines 13-15 of the PDF's text
    assert 'sources/p01/#L13-L15"' in canteen
    assert "社區食堂開到家門口" in (site / "zh-Hant" / ISSUE / "shequ-shitang-kai-dao-jiamenkou/index.html") \
        .read_text(encoding="utf-8")
    source = (site / "sources/p01/index.html").read_text(encoding="utf-8")
    assert "dumps/p01.pdf" in source and "%PDF" not in source
    assert '<li id=L13>社区食堂开到家门口<li' in source
    assert ">责任编辑：王 明<li" in source or ">责任编辑：王 明</ol>" in source
