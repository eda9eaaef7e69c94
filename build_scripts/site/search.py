"""Pagefind: per language, one search bundle per shard (year; the newest year by quarter) at
<language root>/pagefind/<shard>/, listed newest first in <language root>/pagefind/shards.json.
newsarchive.js searches the newest shard first and merges the others (Pagefind mergeIndex)
when the reader asks or when the newest has few results.

Only article bodies are indexed (``data-pagefind-body`` in overrides/partials/article.html).

Pagefind 1.5's Chinese segmentation knows Simplified words; Traditional text
is cut into single characters (發展 → 發 + 展). So the zh-Hant bundle indexes
the zh-Hant pages with their text converted to Simplified (OpenCC tw2sp), and
the browser converts the reader's query to Simplified (opencc-js, vendored in
overrides/assets/vendor/opencc-js/). Result titles stay as printed (the title
meta is left unconverted); excerpts are turned back into Traditional with the
page's own Simplified→Traditional character pairs (meta ``s2t``).
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from .labels import LANGS, PREFIX

FORCE_LANGUAGE = {"zh-Hans": "zh", "zh-Hant": "zh", "en": "en"}
_SKIP_DIRS = {"pagefind", "assets", "search"}
_TOKEN = re.compile(r"(<[^>]*>)")
_BODY_START = re.compile(r'<div class="na-article" data-pagefind-body>')
_BODY_END = '<div class="na-bilingual"'


def pages(site: Path, lang: str) -> list[tuple[str, Path]]:
    """(url relative to the language root, file) of every HTML page of one language."""
    root = site / PREFIX[lang]
    others = {PREFIX[x].strip("/") for x in LANGS if PREFIX[x]}
    out = []
    for path in sorted(root.rglob("*.html")):
        rel = path.relative_to(root)
        first = rel.parts[0]
        if first in _SKIP_DIRS or (not PREFIX[lang] and first in others) or rel.name == "404.html":
            continue
        url = "/" + rel.as_posix()
        if url.endswith("/index.html"):
            url = url[: -len("index.html")]
        out.append((url, path))
    return out


class Simplifier:
    """Converts the indexed part of a zh-Hant page to Simplified, recording character pairs."""

    def __init__(self):
        import opencc
        self.cc = opencc.OpenCC("tw2sp")
        self.char = opencc.OpenCC("t2s")

    def __call__(self, html: str) -> str:
        m = _BODY_START.search(html)
        if not m:
            return html
        end = html.find(_BODY_END, m.end())
        end = len(html) if end < 0 else end
        pieces = _TOKEN.split(html[m.end():end])
        pairs: dict[str, str] = {}
        in_title = False
        for i, piece in enumerate(pieces):
            if i % 2:  # a tag
                if piece.startswith('<div data-pagefind-meta="title"'):
                    in_title = True
                elif in_title and piece.startswith("</div"):
                    in_title = False
                continue
            if in_title or not piece.strip():
                continue
            simple = self.cc.convert(piece)
            if len(simple) != len(piece):  # a phrase changed length: keep characters aligned
                simple = self.char.convert(piece)
            for s, t in zip(simple, piece):
                if s != t and not s.isspace():
                    pairs.setdefault(s, t)
            pieces[i] = simple
        pair_text = "".join(s + t for s, t in sorted(pairs.items()) if s not in ",:\"'<>&" and t not in ",:\"'<>&")
        head = m.group(0)[:-1] + f' data-pagefind-meta="s2t:{pair_text}">'
        return html[: m.start()] + head + "".join(pieces) + html[end:]


# Shards. Each language's index is cut by the date in the article URL (<lang>/YYYY/MM/DD/PP/…):
# one shard per past year ("2023"), and the newest year by quarter ("2025-q4"), so the shard a
# reader's first search loads (the newest) stays a quarter of a year however big the archive
# grows, and adding an issue re-indexes only that quarter. When a new year starts, the previous
# year's quarter shards are replaced by one year shard (indexed once). Pages with a search body
# outside the dated tree (none today: only articles carry data-pagefind-body) go to a small shard
# "other" of their own, listed last, so they never make a dated shard re-index.
_DATED = re.compile(r"^/(\d{4})/(\d{2})/\d{2}/")
SHARDS_FILE = "shards.json"


def shard_of(url: str, newest_year: int) -> str:
    m = _DATED.match(url)
    if not m:
        return "other"
    year, month = int(m.group(1)), int(m.group(2))
    return str(year) if year < newest_year else f"{year}-q{(month - 1) // 3 + 1}"


def shards(site: Path, lang: str) -> dict[str, list[tuple[str, Path]]]:
    """Shard name → (url, file) of the pages it indexes (pages with a search body), newest first."""
    indexed = []
    for url, path in pages(site, lang):
        with open(path, encoding="utf-8") as f:
            if "data-pagefind-body" in f.read():
                indexed.append((url, path))
    years = [int(m.group(1)) for url, _ in indexed if (m := _DATED.match(url))]
    newest = max(years, default=0)
    out: dict[str, list[tuple[str, Path]]] = {}
    for url, path in indexed:
        out.setdefault(shard_of(url, newest), []).append((url, path))
    order = sorted((n for n in out if n != "other"), reverse=True) + (["other"] if "other" in out else [])
    return {n: out[n] for n in order}


def fingerprint(lang: str, entries: list[tuple[str, Path]]) -> str:
    """The pages of a shard (urls, sizes, mtimes) and what turns them into a bundle."""
    from importlib.metadata import version
    h = hashlib.sha256(f"{lang}\0{version('pagefind')}\0".encode())
    h.update(Path(__file__).read_bytes())
    for url, path in entries:
        st = path.stat()
        h.update(f"{url}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _mirror(entries: list[tuple[str, Path]], lang: str, dest: Path) -> int:
    """The pages Pagefind should index, at their URLs under ``dest`` (zh-Hant converted)."""
    if dest.exists():
        shutil.rmtree(dest)
    convert = Simplifier() if lang == "zh-Hant" else None
    for url, path in entries:
        html = path.read_text(encoding="utf-8")
        target = dest / url.lstrip("/")
        if url.endswith("/"):
            target = target / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(convert(html) if convert else html, encoding="utf-8")
    return len(entries)


def _dates(entries: list[tuple[str, Path]]) -> tuple[str | None, str | None]:
    days = sorted("-".join(m.groups()) for url, _ in entries if (m := re.match(r"^/(\d{4})/(\d{2})/(\d{2})/", url)))
    return (days[0], days[-1]) if days else (None, None)


@dataclass
class Indexed:
    counts: dict[str, int] = field(default_factory=dict)        # pages per language
    shards: dict[str, list[str]] = field(default_factory=dict)   # shard names per language, newest first
    reindexed: dict[str, list[str]] = field(default_factory=dict)  # shards Pagefind ran for


def index_site(site: Path, work: Path, parallel: int = 3) -> Indexed:
    """Write every language's shard bundles at <language root>/pagefind/<shard>/ and the shard
    list <language root>/pagefind/shards.json; run Pagefind (``parallel`` CLI runs at a time)
    only for shards whose pages changed since the bundle was made (a fingerprint in
    ``work``/<lang>.shards.json, with the bundle still in place). ``work`` holds the pages
    handed to Pagefind."""
    out = Indexed()
    jobs = []
    work.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        root = site / PREFIX[lang] / "pagefind"
        root.mkdir(parents=True, exist_ok=True)
        stamp_file = work / f"{lang}.shards.json"
        try:
            stamps = json.loads(stamp_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            stamps = {}
        by_shard = shards(site, lang)
        listing, new_stamps = [], {}
        out.counts[lang] = sum(len(v) for v in by_shard.values())
        out.shards[lang] = list(by_shard)
        out.reindexed[lang] = []
        for name, entries in by_shard.items():
            fp = fingerprint(lang, entries)
            new_stamps[name] = fp
            first, last = _dates(entries)
            listing.append({"name": name, "pages": len(entries), "from": first, "to": last})
            if stamps.get(name) == fp and (root / name / "pagefind.js").is_file():
                continue
            src = work / lang / name
            _mirror(entries, lang, src)
            jobs.append((lang, name, src, root / name))
            out.reindexed[lang].append(name)
        # bundles of shards that are gone, and the files of the one-bundle layout
        for child in list(root.iterdir()):
            if child.name == SHARDS_FILE or child.name in by_shard:
                continue
            shutil.rmtree(child) if child.is_dir() else child.unlink()
        stamp_file.unlink(missing_ok=True)    # written back when every Pagefind run succeeded
        jobs_stamp = (stamp_file, new_stamps, root / SHARDS_FILE, listing)
        out.__dict__.setdefault("_stamps", []).append(jobs_stamp)
    errors = []
    running: list = []

    def finish(item):
        lang, name, dest, proc = item
        output, _ = proc.communicate()
        if proc.returncode != 0 or not (dest / "pagefind.js").is_file():
            errors.append(f"{lang} {name}: {output.strip().splitlines()[-1:] or proc.returncode}")

    for lang, name, src, dest in jobs:
        if dest.exists():
            shutil.rmtree(dest)
        while len(running) >= parallel:
            finish(running.pop(0))
        proc = subprocess.Popen(
            [sys.executable, "-m", "pagefind", "--site", str(src), "--output-path", str(dest),
             "--force-language", FORCE_LANGUAGE[lang], "--exclude-selectors", ".headerlink", "--quiet"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        running.append((lang, name, dest, proc))
    for item in running:
        finish(item)
    if errors:
        raise UserError("Pagefind failed: " + "; ".join(map(str, errors)))
    for stamp_file, new_stamps, list_file, listing in out.__dict__.pop("_stamps"):
        list_file.write_text(json.dumps({"version": 1, "shards": listing}, ensure_ascii=False), encoding="utf-8")
        stamp_file.write_text(json.dumps(new_stamps), encoding="utf-8")
    return out
