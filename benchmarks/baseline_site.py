"""The baseline a reader of the benchmark compares us with: the same Markdown built by
plain MkDocs + Material + mkdocs-static-i18n, as a team without this project would.

    python benchmarks/baseline_site.py DOCS_DIR WORK_DIR

DOCS_DIR is a generated docs tree (``docs/zh-Hans``, ``docs/zh-Hant``, ``docs/en``, as our
segment and variants stages write it). The articles are copied (untimed) into
``WORK_DIR/docs/<locale>/`` with a minimal home page per language, then ``mkdocs build`` runs
once with the i18n plugin in its folder layout, a minimal explicit nav (MkDocs' automatic nav
is quadratic in the page count) and Material's built-in search. Its own extra pins the
versions: ``pip install -e '.[baseline]'``.

``build_baseline`` returns wall seconds, CPU seconds (user + system of the whole MkDocs
process tree) and the HTML page count.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

# Our languages as static-i18n locales, and the Material language each one's chrome uses.
LOCALES = {"zh-Hans": "zh", "zh-Hant": "zh-Hant", "en": "en"}
DEFAULT = "zh-Hans"


def missing_extra() -> str | None:
    if importlib.util.find_spec("mkdocs_static_i18n") is None:
        return "the baseline needs mkdocs-static-i18n: pip install -e '.[baseline]'"
    return None


def _config() -> dict:
    languages = [{"locale": locale, "name": locale, "default": locale == DEFAULT, "build": True,
                  "theme": {"language": material}} for locale, material in LOCALES.items()]
    return {"site_name": "newsarchive baseline", "docs_dir": "docs", "site_dir": "site",
            "theme": {"name": "material"}, "nav": ["index.md"],
            "plugins": ["search", {"i18n": {"docs_structure": "folder", "languages": languages}}]}


def prepare(docs: Path, work: Path) -> None:
    """The same articles in the i18n plugin's folder layout, plus a home page per language."""
    if work.exists():
        shutil.rmtree(work)
    for locale in LOCALES:
        target = work / "docs" / locale
        shutil.copytree(docs / locale, target)
        (target / "index.md").write_text(f"# newsarchive ({locale})\n", encoding="utf-8")
    # JSON is YAML: no YAML writer needed, and the file says exactly what was built
    (work / "mkdocs.yml").write_text(json.dumps(_config(), ensure_ascii=False, indent=1), encoding="utf-8")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build_baseline(docs: Path, work: Path) -> dict:
    prepare(docs, work)
    cpu, start = _children_cpu(), time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(work / "mkdocs.yml")],
                          capture_output=True, text=True)
    wall, cpu = time.perf_counter() - start, _children_cpu() - cpu
    if done.returncode:
        raise RuntimeError(f"baseline mkdocs build failed:\n{done.stderr[-2000:]}")
    site = work / "site"
    pages = sum(1 for _ in site.rglob("*.html"))
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    index = site / "search" / "search_index.json"
    return {"wall": wall, "cpu": cpu, "html_pages": pages, "bytes": size,
            "search_index_bytes": index.stat().st_size if index.exists() else 0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("docs", type=Path)
    parser.add_argument("work", type=Path)
    args = parser.parse_args()
    if problem := missing_extra():
        print(problem, file=sys.stderr)
        return 2
    res = build_baseline(args.docs, args.work)
    print(f"baseline: {res['html_pages']} HTML pages in {res['wall']:.1f} s wall, {res['cpu']:.1f} CPU s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
