"""Pagefind: one search bundle per language, at <language root>/pagefind/.

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

import re
import shutil
import subprocess
import sys
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


def _mirror(site: Path, lang: str, dest: Path) -> int:
    """The pages Pagefind should index, at their URLs under ``dest`` (zh-Hant converted)."""
    if dest.exists():
        shutil.rmtree(dest)
    convert = Simplifier() if lang == "zh-Hant" else None
    count = 0
    for url, path in pages(site, lang):
        html = path.read_text(encoding="utf-8")
        if "data-pagefind-body" not in html:
            continue
        target = dest / url.lstrip("/")
        if url.endswith("/"):
            target = target / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(convert(html) if convert else html, encoding="utf-8")
        count += 1
    return count


def index_site(site: Path, work: Path) -> dict[str, int]:
    """Write the three Pagefind bundles (one CLI run per language, in parallel);
    return how many pages each indexed. ``work`` holds the pages handed to Pagefind."""
    counts, procs = {}, {}
    for lang in LANGS:
        src = work / lang
        counts[lang] = _mirror(site, lang, src)
        out = site / PREFIX[lang] / "pagefind"
        if out.exists():
            shutil.rmtree(out)
        procs[lang] = subprocess.Popen(
            [sys.executable, "-m", "pagefind", "--site", str(src), "--output-path", str(out),
             "--force-language", FORCE_LANGUAGE[lang], "--exclude-selectors", ".headerlink", "--quiet"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    errors = []
    for lang, proc in procs.items():
        output, _ = proc.communicate()
        if proc.returncode != 0 or not (site / PREFIX[lang] / "pagefind" / "pagefind.js").is_file():
            errors.append(f"{lang}: {output.strip().splitlines()[-1:] or proc.returncode}")
    if errors:
        raise UserError("Pagefind failed: " + "; ".join(map(str, errors)))
    return counts
