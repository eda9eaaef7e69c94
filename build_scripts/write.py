"""Write segmented articles into the zh-Hans docs tree, and the segmentation report.

``article_files`` renders one dump's articles; ``segment_pages`` writes them
with ``atomic.write_if_changed`` (only files whose content changed, so
unchanged files keep their mtime and incremental site builds see no change).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from . import paths
from .docfile import render_document
from .model import Article, Segmentation
from .slug import slugify

LANG = "zh-Hans"


def article_slug(article: Article) -> str:
    """The article's file name and URL segment (before ``-2``, ``-3`` … for a repeated one):
    pinyin of the title as printed, so an editor's title fix keeps the permalink;
    ``article-N`` without a title."""
    printed = article.printed_title or article.title
    return slugify(printed) if printed else f"article-{article.order}"


def article_id(seg: Segmentation, article: Article) -> str:
    """Stable across an editor's fixes that keep the article: made of the page and the line the
    article begins at, not of its title (a title fix keeps the id)."""
    meta = seg.dump.meta
    fields = (meta.publication, meta.date, meta.page, article.lines[0])
    if meta.edition:  # only then: the ids of papers with one edition stay as they were
        fields += (meta.edition,)
    key = "|".join(str(x) for x in fields)
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:6]
    if meta.date and meta.page:
        return f"{meta.date:%Y%m%d}-{meta.page:02d}-{digest}"
    return f"{seg.dump.path.stem}-{digest}"


def page_folder(seg: Segmentation) -> str:
    """``tongliao-ribao/2025/12/15/01``, or ``undated/<dump stem>`` (``paths.page_folder``)."""
    return paths.page_folder(seg.dump.meta, seg.dump.path.stem)


def relative_to_root(path: Path, root: Path | None) -> str:
    """``path`` as the project names it: relative to ``root`` when inside it, else as given."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix() if root else path.as_posix()
    except ValueError:
        return path.as_posix()


def source_path(seg: Segmentation, root: Path | None) -> str:
    return relative_to_root(seg.dump.path, root)


def front_matter(seg: Segmentation, article: Article, slug: str, root: Path | None) -> dict:
    meta = seg.dump.meta
    return {
        "id": article_id(seg, article),
        "lang": LANG,
        "title": article.title or "(无标题)",
        "kicker": article.kicker,
        "subtitle": article.subtitle,
        "authors": article.authors,
        "byline": article.byline,
        "dateline": article.dateline,
        "publication": meta.publication,
        "date": meta.date,
        "page": meta.page,
        "page_name": meta.page_name,
        "edition": meta.edition,
        "order": article.order,
        "slug": slug,
        "captions": article.captions,
        # No dump hash here: one edit in a dump would otherwise rewrite every article of it.
        "source": {"file": source_path(seg, root), "lines": list(article.lines)},
    }


def article_files(seg: Segmentation, root: Path | None = None) -> dict[str, str]:
    """Relative path (under the language folder) → file text, for one dump's articles."""
    files: dict[str, str] = {}
    folder = page_folder(seg)
    next_n: dict[str, int] = {}  # base slug → the next number to try (linear in repeated titles)
    for article in seg.articles:
        base = article_slug(article)
        slug, n = base, next_n.get(base, 2)
        while f"{folder}/{slug}.md" in files:
            slug, n = f"{base}-{n}", n + 1
        next_n[base] = n
        files[f"{folder}/{slug}.md"] = render_document(front_matter(seg, article, slug, root), article.body)
    return files
