"""Pagefind: per language, one search bundle per month shard at <language root>/pagefind/<YYYY-MM>/,
listed newest first in <language root>/pagefind/shards.json. newsarchive.js searches the newest
shards (at least a month's worth of pages) first and merges the others (Pagefind mergeIndex)
when the reader asks or when the recent ones have few results.

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
import os
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
    skip = _SKIP_DIRS | ({PREFIX[x].strip("/") for x in LANGS if PREFIX[x]} if not PREFIX[lang] else set())
    out = []
    for dirpath, dirs, names in os.walk(root):
        if dirpath == str(root):
            dirs[:] = [d for d in dirs if d not in skip]
        rel_dir = os.path.relpath(dirpath, root)
        for name in names:
            if not name.endswith(".html") or (name == "404.html" and rel_dir == "."):
                continue
            rel = name if rel_dir == "." else f"{rel_dir}/{name}"
            url = "/" + rel.replace(os.sep, "/")
            if url.endswith("/index.html") or url == "/index.html":
                url = url[: -len("index.html")]
            out.append((url, Path(dirpath, name)))
    out.sort()
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


# Shards. Each language's index is cut by month, from the date in the article URL
# (<lang>/YYYY/MM/DD/PP/…): "2025-12". Adding an issue re-indexes its month only, in every
# season and across a new year, and no run ever indexes more than a month per bundle, which
# bounds Pagefind's memory. Pages with a search body outside the dated tree (none today:
# only articles carry data-pagefind-body) go to a small shard "other" of their own, listed last.
_DATED = re.compile(r"^/(\d{4})/(\d{2})/\d{2}/")
SHARDS_FILE = "shards.json"


def shard_of(url: str) -> str:
    m = _DATED.match(url)
    return f"{m.group(1)}-{m.group(2)}" if m else "other"


class BodyDigests:
    """The digest of each page's search body (what Pagefind indexes), cached by the page
    file's size and mtime in ``work``/<lang>.pages.json: a full MkDocs build rewrites every
    page, but a shard is re-indexed only when the text it indexes changed."""

    def __init__(self, work: Path, lang: str):
        self.path = work / f"{lang}.pages.json"
        try:
            self.known = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.known = {}          # a cache: when missing or unreadable, read every page
        self.now: dict[str, list] = {}

    def __call__(self, url: str, path: Path) -> str | None:
        """The body digest of a page, or None for a page without a search body."""
        st = path.stat()
        seen = self.known.get(url)
        if seen and seen[0] == st.st_size and seen[1] == st.st_mtime_ns:
            self.now[url] = seen
            return seen[2]
        html = path.read_text(encoding="utf-8")
        m = _BODY_START.search(html)
        digest = None
        if m:
            end = html.find(_BODY_END, m.end())
            digest = hashlib.sha256(html[m.start(): end if end >= 0 else len(html)].encode()).hexdigest()[:32]
        self.now[url] = [st.st_size, st.st_mtime_ns, digest]
        return digest

    def save(self) -> None:
        self.path.write_text(json.dumps(self.now), encoding="utf-8")


def shards(site: Path, lang: str, digests: BodyDigests) -> dict[str, list[tuple[str, Path, str]]]:
    """Shard name → (url, file, body digest) of the pages it indexes, newest shard first."""
    out: dict[str, list[tuple[str, Path, str]]] = {}
    for url, path in pages(site, lang):
        digest = digests(url, path)
        if digest:
            out.setdefault(shard_of(url), []).append((url, path, digest))
    order = sorted((n for n in out if n != "other"), reverse=True) + (["other"] if "other" in out else [])
    return {n: out[n] for n in order}


def fingerprint(lang: str, entries: list[tuple[str, Path, str]]) -> str:
    """The text a shard indexes (url and body digest of each page) and what turns it into a bundle."""
    from importlib.metadata import version
    h = hashlib.sha256(f"{lang}\0{version('pagefind')}\0".encode())
    h.update(Path(__file__).read_bytes())
    for url, _, digest in entries:
        h.update(f"{url}\0{digest}\n".encode())
    return h.hexdigest()


def _link_or_copy(src: Path, dest: Path) -> None:
    try:
        os.link(src, dest)
    except OSError:                   # another file system
        shutil.copyfile(src, dest)


def _mirror(entries: list[tuple[str, Path, str]], lang: str, dest: Path) -> int:
    """The pages Pagefind should index, at their URLs under ``dest``: hard links, or for
    zh-Hant copies with the body converted to Simplified."""
    if dest.exists():
        shutil.rmtree(dest)
    convert = Simplifier() if lang == "zh-Hant" else None
    for url, path, _ in entries:
        target = dest / url.lstrip("/")
        if url.endswith("/"):
            target = target / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        if convert:
            target.write_text(convert(path.read_text(encoding="utf-8")), encoding="utf-8")
        else:
            _link_or_copy(path, target)
    return len(entries)


def _dates(entries: list[tuple[str, Path, str]]) -> tuple[str | None, str | None]:
    days = sorted("-".join(m.groups()) for url, *_ in entries if (m := re.match(r"^/(\d{4})/(\d{2})/(\d{2})/", url)))
    return (days[0], days[-1]) if days else (None, None)


@dataclass
class Indexed:
    counts: dict[str, int] = field(default_factory=dict)        # pages per language
    shards: dict[str, list[str]] = field(default_factory=dict)   # shard names per language, newest first
    reindexed: dict[str, list[str]] = field(default_factory=dict)  # shards Pagefind ran for


@dataclass
class _Language:
    """One language's shards: what to list in shards.json and the stamps to keep once
    every Pagefind run has succeeded."""
    lang: str
    root: Path                                  # <language root>/pagefind
    stamp_file: Path
    stamps: dict[str, str]
    listing: list[dict]
    digests: BodyDigests

    def commit(self) -> None:
        (self.root / SHARDS_FILE).write_text(json.dumps({"version": 1, "shards": self.listing},
                                                        ensure_ascii=False), encoding="utf-8")
        self.stamp_file.write_text(json.dumps(self.stamps), encoding="utf-8")
        self.digests.save()


def _plan_language(site: Path, work: Path, lang: str, out: Indexed) -> tuple[_Language, list]:
    """The shards of one language, and the Pagefind jobs (lang, shard, pages, source, bundle)
    for those whose text changed since their bundle was made."""
    root = site / PREFIX[lang] / "pagefind"
    root.mkdir(parents=True, exist_ok=True)
    stamp_file = work / f"{lang}.shards.json"
    try:
        old_stamps = json.loads(stamp_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        old_stamps = {}
    stamp_file.unlink(missing_ok=True)          # written back when every Pagefind run succeeded
    shutil.rmtree(work / lang, ignore_errors=True)   # mirrors of an interrupted run
    plan = _Language(lang, root, stamp_file, {}, [], BodyDigests(work, lang))
    by_shard = shards(site, lang, plan.digests)
    out.counts[lang] = sum(len(v) for v in by_shard.values())
    out.shards[lang] = list(by_shard)
    out.reindexed[lang] = []
    jobs = []
    for name, entries in by_shard.items():
        plan.stamps[name] = fp = fingerprint(lang, entries)
        first, last = _dates(entries)
        plan.listing.append({"name": name, "pages": len(entries), "from": first, "to": last})
        if old_stamps.get(name) != fp or not (root / name / "pagefind.js").is_file():
            jobs.append((lang, name, entries, work / lang / name, root / name))
            out.reindexed[lang].append(name)
    for child in list(root.iterdir()):          # bundles of shards that are gone
        if child.name != SHARDS_FILE and child.name not in by_shard:
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    return plan, jobs


def _run_pagefind(jobs: list, parallel: int) -> None:
    """Mirror each shard's pages and run the Pagefind CLI on them, ``parallel`` at a time,
    biggest shards first (the runs then end close together); a mirror goes when its run ends."""
    errors, running = [], []

    def finish(item):
        lang, name, src, dest, proc = item
        output, _ = proc.communicate()
        shutil.rmtree(src, ignore_errors=True)
        if proc.returncode != 0 or not (dest / "pagefind.js").is_file():
            errors.append(f"{lang} {name}: {output.strip().splitlines()[-1:] or proc.returncode}")

    for lang, name, entries, src, dest in sorted(jobs, key=lambda job: -len(job[2])):
        _mirror(entries, lang, src)
        if dest.exists():
            shutil.rmtree(dest)
        while len(running) >= parallel:
            finish(running.pop(0))
        proc = subprocess.Popen(
            [sys.executable, "-m", "pagefind", "--site", str(src), "--output-path", str(dest),
             "--force-language", FORCE_LANGUAGE[lang], "--exclude-selectors", ".headerlink", "--quiet"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        running.append((lang, name, src, dest, proc))
    for item in running:
        finish(item)
    if errors:
        raise UserError("Pagefind failed: " + "; ".join(map(str, errors)))


def index_site(site: Path, work: Path, parallel: int | None = None) -> Indexed:
    """Write every language's shard bundles at <language root>/pagefind/<shard>/ and the shard
    list <language root>/pagefind/shards.json; run Pagefind (``parallel`` CLI runs at a time,
    one per core by default) only for shards whose text changed since the bundle was made
    (a fingerprint in ``work``/<lang>.shards.json, with the bundle still in place). ``work``
    holds the pages handed to Pagefind."""
    out = Indexed()
    work.mkdir(parents=True, exist_ok=True)
    plans, jobs = [], []
    for lang in LANGS:
        plan, lang_jobs = _plan_language(site, work, lang, out)
        plans.append(plan)
        jobs += lang_jobs
    _run_pagefind(jobs, parallel or os.cpu_count() or 1)
    for plan in plans:
        plan.commit()
    return out
