"""Old URLs kept: the sample's pages as published before the paper was in the path.

Up to the layout of ``paths.py`` the sample's articles were at ``2025/12/15/01/<slug>/``;
now they are at ``tongliao-ribao/2025/12/15/01/<slug>/``. ``config/redirects.tsv``
lists each old page (articles, the issue and its pages; the same paths under every
language root) with its new one, one ``old<TAB>new`` a line; the site stage writes a
``stub_page`` at each old path that has no page of its own. ``legacy_urls`` makes the
list from a docs tree (it was made once, from the sample, when the layout changed:
archives first built after that have no old URLs to keep).
"""
from __future__ import annotations

import html
from pathlib import Path

from . import paths

DEFAULT_PATH = Path("config/redirects.tsv")


def legacy_urls(article_rels: list[str]) -> dict[str, str]:
    """Old URL → new URL (site-relative folders) for the dated articles among ``article_rels``
    (``<paper>/YYYY/MM/DD/PP/<slug>.md``), their pages and their issues."""
    moved: dict[str, str] = {}
    for rel in sorted(article_rels):
        if paths.is_undated(rel) or rel.count("/") != 5:   # undated, or an edition: never elsewhere
            continue
        paper, old = rel.split("/", 1)
        page, issue = old.rsplit("/", 1)[0], old.rsplit("/", 2)[0]
        for before in (old[: -len(".md")], page, issue):
            moved[before + "/"] = f"{paper}/{before}/"
    return moved


def load(path: Path = DEFAULT_PATH) -> dict[str, str]:
    if not path.is_file():
        return {}
    moved = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            old, new = line.split("\t")
            moved[old] = new
    return moved


def dump(moved: dict[str, str]) -> str:
    head = "# old<TAB>new: pages moved when the paper went into the path (build_scripts/redirects.py)\n"
    return head + "".join(f"{old}\t{new}\n" for old, new in sorted(moved.items()))


def stub_page(old: str, new: str, site_url: str, prefix: str = "") -> tuple[str, str]:
    """(file under the site root, its HTML): a page at ``prefix + old`` sending readers and
    search engines on to ``prefix + new``."""
    target = html.escape(site_url + prefix + new, quote=True)
    text = (f'<!doctype html><html><head><meta charset="utf-8"><title>Moved</title>'
            f'<link rel="canonical" href="{target}"><meta name="robots" content="noindex">'
            f'<meta http-equiv="refresh" content="0; url={target}"></head>'
            f'<body><p><a href="{target}">{target}</a></p></body></html>\n')
    return f"{prefix}{old}index.html", text


if __name__ == "__main__":  # python -m build_scripts.redirects docs/zh-Hans > config/redirects.tsv
    import sys
    root = Path(sys.argv[1])
    print(dump(legacy_urls([p.relative_to(root).as_posix() for p in root.rglob("*.md")])), end="")
