"""Old article URLs and where their text went: ``docs/redirects.yaml`` (commit it).

An editor's correction can take an article's URL away: two articles joined into one, a
headline fixed with ``replace`` (the slug is the printed title's pinyin). When a re-cut
removes an article file, ``segment`` records where the article's first line went (the
article of the same dump whose lines now hold it), and the site stage writes a page at
the old URL that sends the reader on, in every language. The record is kept in the
docs tree, not under build/, so a build from scratch still knows the old URLs; an
entry whose old URL is an article again (an undone join) is dropped.
"""
from __future__ import annotations

import html
import posixpath
from pathlib import Path

import yaml

from .docfile import split_document, write_if_changed
from .errors import UserError

FILE = "redirects.yaml"
_HEADER = "# Old article URLs → where their text went (written by `segment`; commit it).\n"


def load(docs: Path) -> dict[str, str]:
    """old article path → new one, relative to a language root, without ``.md``."""
    path = docs / FILE
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise UserError(f"{path}:{mark.line + 1 if mark else 1}: malformed YAML") from None
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise UserError(f"{path}:1: expected a mapping of old article paths to new ones")
    return data


def save(docs: Path, redirects: dict[str, str]) -> None:
    path = docs / FILE
    if not redirects:
        if path.exists():
            path.unlink()
        return
    body = yaml.safe_dump(dict(sorted(redirects.items())), allow_unicode=True, width=1000)
    write_if_changed(path, _HEADER + body)


def _first_lines(files: dict[str, Path]) -> dict[str, tuple[int, int]]:
    spans = {}
    for rel, path in files.items():
        lines = (split_document(path)[0].get("source") or {}).get("lines") or [0, 0]
        spans[rel] = (int(lines[0]), int(lines[-1]))
    return spans


def record_moves(redirects: dict[str, str], gone: dict[str, Path], now: dict[str, Path]) -> dict[str, str]:
    """``redirects`` with the articles ``gone`` from one dump sent where their first line is
    ``now`` (files of the same dump, by relative path); chains to a gone page follow it."""
    targets: dict[str, str] = {}
    if gone:
        spans = _first_lines(now)
        for rel, (first, _) in _first_lines(gone).items():
            home = next((new for new, (a, b) in spans.items() if a <= first <= b), None)
            if home is not None:
                targets[rel[:-len(".md")]] = home[:-len(".md")]
    present = {rel[:-len(".md")] for rel in now}
    merged = {old: targets.get(new, new) for old, new in redirects.items()} | targets
    return {old: new for old, new in merged.items() if old not in present and old != new}


def page(site_url: str, prefix: str, old: str, new: str, lang: str) -> str:
    """The HTML at ``old``'s URL: a link to ``new`` (relative, so it works under any root)."""
    target = posixpath.relpath(new, old) + "/"
    canonical = html.escape(f"{site_url}{prefix}{new}/", quote=True)
    href = html.escape(target, quote=True)
    return (f'<!doctype html>\n<html lang="{html.escape(lang)}"><head><meta charset="utf-8">'
            f'<title>→ {html.escape(new)}</title><meta name="robots" content="noindex">'
            f'<link rel="canonical" href="{canonical}"><meta http-equiv="refresh" content="0; url={href}">'
            f'</head><body><p><a href="{href}">{html.escape(new)}/</a></p></body></html>\n')


def write_pages(site: Path, site_url: str, pages: dict[str, set[str]], redirects: dict[str, str],
                prefixes: dict[str, str]) -> int:
    """A redirect page at each old URL that is no page of its language, to a new URL that is."""
    written = 0
    for lang, prefix in prefixes.items():
        for old, new in redirects.items():
            if f"{new}/" in pages[lang] and f"{old}/" not in pages[lang]:
                written += write_if_changed(site / prefix / old / "index.html",
                                            page(site_url, prefix, old, new, lang))
    return written
