"""Old URLs kept: pages that moved, and the page at each old URL that sends readers on.

Two lists, one format (``old/<TAB>new/`` a line, site-relative folders, the same paths
under every language root):

- ``config/redirects.tsv``: the sample's pages as published before the paper was in the path.

Up to the layout of ``paths.py`` the sample's articles were at ``2025/12/15/01/<slug>/``;
now they are at ``tongliao-ribao/2025/12/15/01/<slug>/``. ``config/redirects.tsv``
lists each old page (articles, the issue and its pages; the same paths under every
language root) with its new one, one ``old<TAB>new`` a line; the site stage writes a
``stub_page`` at each old path that has no page of its own. ``legacy_urls`` makes the
list from a docs tree (it was made once, from the sample, when the layout changed:
archives first built after that have no old URLs to keep).

- ``docs/redirects.tsv`` (commit it): articles an editor's correction took away. When a
  re-cut removes an article file (two articles joined into one; a headline fixed with
  ``replace``, the slug being the printed title's pinyin), ``segment`` records where the
  article's first line went (the article of the same dump whose lines now hold it)
  (``record_moves``). It lives in the docs tree, not under build/, so a build from scratch
  still knows the old URLs; an entry whose old URL is an article again (an undone join)
  is dropped. The site stage writes a ``stub_page`` at each old URL (``write_pages``).
"""
from __future__ import annotations

import html
from pathlib import Path

from . import paths
from .atomic import write_if_changed
from .docfile import split_document

DEFAULT_PATH = Path("config/redirects.tsv")
MOVED_FILE = "redirects.tsv"     # in the docs dir: what corrections took away
LEGACY_HEAD = "# old<TAB>new: pages moved when the paper went into the path (build_scripts/redirects.py)\n"
MOVED_HEAD = "# old<TAB>new: articles an editor's correction took away (written by `segment`; commit it)\n"


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


def dump(moved: dict[str, str], head: str = LEGACY_HEAD) -> str:
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


def _folder(rel: str) -> str:
    """``…/slug.md`` → ``…/slug/``: an article file's URL folder."""
    return rel[: -len(".md")] + "/"


def _spans(files: dict[str, Path]) -> dict[str, tuple[int, int]]:
    spans = {}
    for rel, path in files.items():
        lines = (split_document(path)[0].get("source") or {}).get("lines") or [0, 0]
        spans[rel] = (int(lines[0]), int(lines[-1]))
    return spans


def record_moves(moved: dict[str, str], gone: dict[str, Path], now: dict[str, Path]) -> dict[str, str]:
    """``moved`` with the articles ``gone`` from one dump sent where their first line is
    ``now`` (files of the same dump, by relative path); chains to a gone page follow it."""
    targets: dict[str, str] = {}
    if gone:
        spans = _spans(now)
        for rel, (first, _) in _spans(gone).items():
            home = next((new for new, (a, b) in spans.items() if a <= first <= b), None)
            if home is not None:
                targets[_folder(rel)] = _folder(home)
    present = {_folder(rel) for rel in now}
    merged = {old: targets.get(new, new) for old, new in moved.items()} | targets
    return {old: new for old, new in merged.items() if old not in present and old != new}


def save_moved(docs: Path, moved: dict[str, str]) -> None:
    path = docs / MOVED_FILE
    if moved:
        write_if_changed(path, dump(moved, MOVED_HEAD))
    elif path.exists():
        path.unlink()


def write_pages(site: Path, site_url: str, pages: dict[str, set[str]], moved: dict[str, str],
                prefixes: dict[str, str]) -> int:
    """A ``stub_page`` at each old URL that is no page of its language, to a new URL that is."""
    written = 0
    for lang, prefix in prefixes.items():
        for old, new in moved.items():
            if new in pages[lang] and old not in pages[lang]:
                rel, text = stub_page(old, new, site_url, prefix)
                written += write_if_changed(site / rel, text, sync=False)
    return written


if __name__ == "__main__":  # python -m build_scripts.redirects docs/zh-Hans > config/redirects.tsv
    import sys
    root = Path(sys.argv[1])
    print(dump(legacy_urls([p.relative_to(root).as_posix() for p in root.rglob("*.md")])), end="")
