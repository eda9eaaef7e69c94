"""Build the real sample site (bundled dumps + one hostile dump) into a temporary dir.

The whole pipeline runs as a user runs it: segment the dumps, make the variants
offline from a translation memory filled with the bundled reviewed translations,
then the site stage. The hostile dump puts <script>alert(1)</script> and
{{ config }} into a headline and a paragraph.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_JINJA = "{{ config }}"

HOSTILE_DUMP = f"""# 警惕{HOSTILE_SCRIPT}与{HOSTILE_JINJA}混入版面

本报记者 王晓明

有读者发现，版面文本中出现了 {HOSTILE_SCRIPT} 这样的字样，也出现了 {HOSTILE_JINJA} 这样的字样，它们都应当按原样显示为文字。

**这不是粗体**，[这不是链接](http://example.com)，<b>这不是标签</b>。
"""

MANIFEST_EXTRA = """  - file: 900_hostile.txt
    date: 2025-12-14
    page: 3
    page_name: 读者来信
    assumption: a test page holding markup-like text
"""


def _run(args: list[str], cwd: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "build_scripts", *args], cwd=cwd,
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    if proc.returncode != 0:
        raise AssertionError(f"{' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")


def make_sample_docs(work: Path) -> Path:
    """segment + variants (offline, reviewed memory) of the sample dumps under ``work``; return docs/."""
    dumps = work / "dumps"
    dumps.mkdir(parents=True)
    for f in (REPO / "dumps").glob("*.txt"):
        shutil.copy2(f, dumps / f.name)
    (dumps / "900_hostile.txt").write_text(HOSTILE_DUMP, encoding="utf-8")
    manifest = (REPO / "dumps" / "manifest.yaml").read_text(encoding="utf-8")
    (dumps / "manifest.yaml").write_text(manifest.rstrip("\n") + "\n" + MANIFEST_EXTRA, encoding="utf-8")
    (work / "docs").mkdir()
    for page in (REPO / "docs").glob("*.md"):   # the hand-written pages
        shutil.copy2(page, work / "docs" / page.name)
    _run(["segment", "--reports", str(work / "build" / "reports")], cwd=work)
    memory = work / "memory" / "en.jsonl"
    translations = REPO / "translations"
    common = ["--memory", str(memory), "--glossary", str(translations / "glossary.yaml")]
    for reviewed in sorted((translations / "reviewed").glob("*.jsonl")):
        _run(["variants", *common, "--import-reviewed", str(reviewed), "--reviewer", "the newsarchive project, for the sample"], cwd=work)
    _run(["variants", "--docs", "docs", *common, "--phrases", str(translations / "opencc_phrases.txt"),
          "--offline"], cwd=work)
    return work / "docs"


def build_sample(work: Path, site_url: str):
    """Return the build_site Result of the sample site built under ``work``."""
    make_sample_docs(work)
    from build_scripts.site.build import build_site
    old = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = site_url
    try:
        return build_site(work / "docs", work / "site", dumps_root=work, build_dir=work / "build",
                          log=lambda *a: None)
    finally:
        if old is None:
            os.environ.pop("SITE_URL", None)
        else:
            os.environ["SITE_URL"] = old
