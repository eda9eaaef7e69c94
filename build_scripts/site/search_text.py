"""The searchable text of an article, read from its docs file (front matter + Markdown body):
what the search index holds and what the search benchmark judges results against."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import paths
from ..body import parse_body
from ..docfile import document_body, split_document

_PAGE_FILE = re.compile(r"/\d{2}/[^/]+\.md$")     # …/PP/<slug>.md


@dataclass
class SearchArticle:
    url: str                      # relative to the language root: "2025/12/15/01/slug/"
    title: str
    kicker: str = ""
    subtitle: str = ""
    paragraphs: list[str] = field(default_factory=list)   # body blocks, subheads included, in order
    captions: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    date: str = ""                # YYYY-MM-DD
    publication: str = ""
    page: int | None = None
    page_name: str = ""

    @property
    def heads(self) -> list[str]:
        return [t for t in (self.kicker, self.title, self.subtitle) if t]

    def text(self) -> str:
        """Everything a reader can search for, one block a line."""
        return "\n".join(self.heads + self.paragraphs + self.captions + self.authors)


def is_article(rel: str) -> bool:
    """An article's docs path (build_scripts/paths.py): <paper>/YYYY/MM/DD/[<edition>/]PP/<slug>.md
    or undated/<dump>/<slug>.md; issue and page indexes are index.md."""
    if rel.endswith("index.md") or not rel.endswith(".md"):
        return False
    if paths.is_undated(rel):
        return rel.count("/") == 2
    return bool(paths.day_of(rel) and _PAGE_FILE.search(rel))


def read_article(path: Path, rel: str, meta: dict | None = None) -> SearchArticle:
    """An article's searchable text; ``meta``: its front matter when the caller has it
    (the staging's catalog, its keys catalog.INDEX_FIELDS), else it is parsed."""
    if meta is None:
        meta, markdown = split_document(path)
    else:
        markdown = document_body(path)
    return SearchArticle(
        url=rel[: -len(".md")] + "/",
        title=str(meta.get("title") or ""),
        kicker=str(meta.get("kicker") or ""),
        subtitle=str(meta.get("subtitle") or ""),
        paragraphs=[b.text for b in parse_body(markdown)],
        captions=[str(c) for c in meta.get("captions") or []],
        authors=[str(a) for a in meta.get("authors") or []],
        date=str(meta.get("date") or ""),
        publication=str(meta.get("publication") or ""),
        page=meta.get("page"),
        page_name=str(meta.get("page_name") or ""),
    )


def articles(lang_docs: Path) -> list[SearchArticle]:
    """Every article under one language's docs folder, in path order."""
    out = []
    for path in sorted(lang_docs.rglob("*.md")):
        rel = path.relative_to(lang_docs).as_posix()
        if is_article(rel):
            out.append(read_article(path, rel))
    return out
