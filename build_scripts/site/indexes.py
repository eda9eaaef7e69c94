"""Generated pages of one language: home, archive, issues, pages, authors, sources.

Every page is written into the language's staging docs dir as YAML front matter
(``na_html: true``) followed by its body already rendered to HTML: MkDocs does
not parse it as Markdown (plugin.py swaps the HTML in for the page's content and
builds the table of contents from its headings), which saves most of the
Markdown time of a large archive. Dump text (titles, bylines, names, source
lines) goes through ``html.escape`` and is never read as markup. Links are
relative to the page's own URL under ``use_directory_urls``.

``Generator.parts()`` groups the pages with a digest of their inputs (an issue
and its printed pages: the front matter of its articles; an author page: its
articles; a source page: the dump's size and mtime), so staging.py makes again
only the pages whose inputs changed.
"""
from __future__ import annotations

import functools
import hashlib
import html
import itertools
import os
import posixpath
import re
import stat
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .. import paths
from ..docfile import render_document
from ..ingest import source_text
from .catalog import Entry
from .labels import format_date, format_month, format_year, page_label, t


@dataclass
class Page:
    rel: str                      # path in the staging docs dir, e.g. "2025/12/15/index.md"
    title: str
    body: str
    meta: dict = field(default_factory=dict)

    def text(self) -> str:
        return render_document({"title": self.title, **self.meta, "na_html": True}, self.body)


def url_of(rel: str) -> str:
    """The URL (relative to the language root) of a docs file under use_directory_urls."""
    if rel == "index.md" or rel.endswith("/index.md"):
        return rel[: -len("index.md")]
    return rel[: -len(".md")] + "/"


def link(frm: str, to: str) -> str:
    """Relative href from page ``frm`` to page ``to`` (both docs-relative .md paths)."""
    target, here = url_of(to), url_of(frm)
    rel = posixpath.relpath(target or ".", here or ".")
    return "./" if rel == "." else rel + "/"


E = html.escape
_slugify = None


def _slug(text: str) -> str:
    """The heading id Markdown's toc extension would give (pymdownx.slugs, lower case)."""
    global _slugify
    if _slugify is None:
        from pymdownx.slugs import slugify
        _slugify = slugify(case="lower")
    return _slugify(text, "-")


class Headings:
    """Heading HTML with unique ids and permalinks, as the toc extension writes them."""

    def __init__(self):
        self.ids: set[str] = set()

    def __call__(self, level: int, text: str, inner: str | None = None) -> str:
        from markdown.extensions.toc import unique      # its rule for empty and repeated ids
        hid = unique(_slug(text), self.ids)
        inner = E(text) if inner is None else inner
        return (f'<h{level} id="{E(hid)}">{inner}<a class="headerlink" href="#{E(hid)}" '
                f'title="Permanent link">#</a></h{level}>\n')


# name → slug: pinyin costs ~1 ms a name plus ~1 s to import pypinyin; staging.py
# keeps the slugs of the last run (``remember_slugs``) so a re-stage need not import it.
_SLUGS: dict[str, str] = {}


def author_slug(name: str) -> str:
    slug = _SLUGS.get(name)
    if slug is None:
        slug = _SLUGS[name] = _pinyin_slug(name)
    return slug


def remember_slugs(slugs: dict[str, str]) -> None:
    """Slugs computed by an earlier run (with the same pypinyin: the caller checks)."""
    _SLUGS.update(slugs)


def _pinyin_slug(name: str) -> str:
    try:
        from pypinyin import lazy_pinyin
        words = lazy_pinyin(name)
    except ImportError:  # pragma: no cover - pypinyin is a dependency
        words = [name]
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(words).lower()).strip("-")
    return slug or "author"


@dataclass
class Issue:
    key: str                      # "tongliao-ribao/2025/12/15" or "undated/<stem>" (paths.issue_of)
    publication: str
    date: object
    pages: list[tuple[str, list[Entry]]]  # (page dir, articles in order)

    @property
    def index(self) -> str:
        return f"{self.key}/index.md"

    @property
    def count(self) -> int:
        return sum(len(a) for _, a in self.pages)


def group_issues(entries: list[Entry]) -> list[Issue]:
    by_issue: dict[str, dict[str, list[Entry]]] = defaultdict(lambda: defaultdict(list))
    for e in entries:
        # str(e.issue_dir) and str(e.page_dir), without making 44k paths for a year
        rel = str(e.rel)
        issue = paths.issue_of(rel)
        by_issue[issue][rel.rsplit("/", 1)[0] if "/" in rel else "."].append(e)
    issues = []
    for key, pages in by_issue.items():
        plist = sorted(pages.items(), key=lambda kv: (kv[1][0].page or 0, kv[0]))
        plist = [(d, sorted(arts, key=lambda a: (a.order, str(a.rel)))) for d, arts in plist]
        first = plist[0][1][0]
        issues.append(Issue(key, str(first.meta.get("publication") or ""), first.date, plist))
    issues.sort(key=lambda i: (i.key.startswith("undated"), i.date or "", i.key))
    return issues


class Generator:
    """The index pages of one language."""

    def __init__(self, lang: str, entries: list[Entry], master: dict[str, Entry] | None = None,
                 dumps_root: Path | None = None):
        self.lang = lang
        self.entries = entries
        self.master = master or {str(e.rel): e for e in entries}
        self.dumps_root = dumps_root
        self.issues = group_issues(entries)
        self.authors = self._authors()

    # -- helpers -----------------------------------------------------------------
    def issue_title(self, issue: Issue) -> str:
        if issue.key.startswith("undated/"):
            return f"{t(self.lang, 'undated')}: {issue.key.split('/', 1)[1]}"
        return t(self.lang, "issue", publication=issue.publication,
                 date=format_date(self.lang, issue.date)).strip(" ,")

    def page_title(self, arts: list[Entry]) -> str:
        a = arts[0]
        return page_label(self.lang, a.page, a.meta.get("page_name")) or str(a.page_dir.name)

    def article_item(self, frm: str, e: Entry) -> str:
        parts = []
        if e.meta.get("kicker"):
            parts.append(f'<span class="na-kicker">{E(str(e.meta["kicker"]))}</span>')
        parts.append(f'<a class="na-title" href="{E(link(frm, str(e.rel)))}">{E(e.title)}</a>')
        if e.meta.get("subtitle"):
            parts.append(f'<span class="na-subtitle">{E(str(e.meta["subtitle"]))}</span>')
        if e.meta.get("byline"):
            parts.append(f'<span class="na-byline">{E(str(e.meta["byline"]))}</span>')
        return "<li>" + "\n  ".join(parts) + "</li>"

    def article_list(self, frm: str, arts: list[Entry]) -> str:
        items = "\n".join(self.article_item(frm, e) for e in arts)
        return f'<div class="na-articles">\n<ul>\n{items}\n</ul>\n</div>\n'

    def _authors(self) -> dict[str, tuple[str, list[Entry]]]:
        """slug → (display name in this language, articles)."""
        by_key: dict[str, list[tuple[str, Entry]]] = defaultdict(list)
        for e in self.entries:
            m = self.master.get(str(e.rel), e)
            names, shown = m.authors, e.authors
            if len(shown) != len(names):
                shown = names
            for key, name in zip(names, shown):
                by_key[key].append((name, e))
        self.author_keys = sorted(by_key)     # the zh-Hans names, which the slugs are made of
        out: dict[str, tuple[str, list[Entry]]] = {}
        for key in sorted(by_key, key=author_slug):
            slug = author_slug(key)
            base, n = slug, 2
            while slug in out:
                slug, n = f"{base}-{n}", n + 1
            items = by_key[key]
            out[slug] = (items[0][0], [e for _, e in items])
        return out

    def author_links(self, e: Entry) -> dict[str, str]:
        """name shown → author page, for one article."""
        found = {}
        for slug, (name, arts) in self.authors.items():
            if e in arts:
                found[name] = f"authors/{slug}.md"
        return found

    # -- pages -------------------------------------------------------------------
    def issue_body(self, frm: str, issue: Issue, h: Headings, heading: bool = True) -> str:
        out = []
        if heading:
            out.append(h(1, self.issue_title(issue)))
        for pdir, arts in issue.pages:
            title = self.page_title(arts)
            out.append(h(2, title, f'<a href="{E(link(frm, pdir + "/index.md"))}">{E(title)}</a>'))
            out.append(self.article_list(frm, arts))
        return "".join(out)

    def home(self) -> Page:
        dated = [i for i in self.issues if not i.key.startswith("undated/")]
        latest = dated[-1] if dated else (self.issues[-1] if self.issues else None)
        h = Headings()
        if latest is None:
            body = h(1, t(self.lang, "home")) + f"<p>{E(t(self.lang, 'no_articles'))}</p>\n"
            return Page("index.md", t(self.lang, "home"), body, {"na_kind": "home"})
        body = self.issue_body("index.md", latest, h)
        body += (f'<p><a href="{E(link("index.md", "archive/index.md"))}">'
                 f"{E(t(self.lang, 'all_issues'))} →</a></p>\n")
        return Page("index.md", t(self.lang, "home"), body,
                    {"na_kind": "home", "hide": ["toc"]})

    def issue_pages(self) -> list[Page]:
        return [page for issue in self.issues for page in self.pages_of_issue(issue)]

    def pages_of_issue(self, issue: Issue) -> list[Page]:
        """The issue page, then one page per printed page."""
        body = self.issue_body(issue.index, issue, Headings())
        pages = [Page(issue.index, self.issue_title(issue), body, {"na_kind": "issue"})]
        for n, (pdir, arts) in enumerate(issue.pages):
            frm = pdir + "/index.md"
            title = self.page_title(arts)
            nav = [f'<a href="{E(link(frm, issue.index))}">{E(self.issue_title(issue))}</a>']
            if n > 0:
                prev = issue.pages[n - 1]
                nav.append(f'<a href="{E(link(frm, prev[0] + "/index.md"))}">'
                           f"← {E(t(self.lang, 'prev_page'))}: {E(self.page_title(prev[1]))}</a>")
            if n + 1 < len(issue.pages):
                nxt = issue.pages[n + 1]
                nav.append(f'<a href="{E(link(frm, nxt[0] + "/index.md"))}">'
                           f"{E(t(self.lang, 'next_page'))}: {E(self.page_title(nxt[1]))} →</a>")
            body = (Headings()(1, title) + "<p>" + " · ".join(nav) + "</p>\n"
                    + self.article_list(frm, arts))
            pages.append(Page(frm, f"{title} — {self.issue_title(issue)}", body, {"na_kind": "page"}))
        return pages

    def archive(self) -> Page:
        frm = "archive/index.md"
        h = Headings()
        out = [h(1, t(self.lang, "archive"))]
        dated = [i for i in self.issues if not i.key.startswith("undated/")]
        for year, by_year in itertools.groupby(reversed(dated), key=lambda i: i.date.year):
            out.append(h(2, format_year(self.lang, year)))
            for month, issues in itertools.groupby(by_year, key=lambda i: i.date.month):
                out.append(h(3, format_month(self.lang, year, month)))
                out.append("<ul>\n")
                for i in issues:
                    out.append(f'<li><a href="{E(link(frm, i.index))}">{E(self.issue_title(i))}</a> · '
                               f"{E(t(self.lang, 'articles', n=i.count))}</li>\n")
                out.append("</ul>\n")
        undated = [i for i in self.issues if i.key.startswith("undated/")]
        if undated:
            out.append(h(2, t(self.lang, "undated")))
            out.append("<ul>\n")
            for i in undated:
                out.append(f'<li><a href="{E(link(frm, i.index))}">{E(i.key.split("/", 1)[1])}</a> · '
                           f"{E(t(self.lang, 'articles', n=i.count))}</li>\n")
            out.append("</ul>\n")
        if not self.issues:
            out.append(f"<p>{E(t(self.lang, 'no_articles'))}</p>\n")
        return Page(frm, t(self.lang, "archive"), "".join(out), {"na_kind": "archive"})

    def author_pages(self) -> list[Page]:
        return [self.author_index(), *(self.author_page(slug) for slug in self.authors)]

    def author_index(self) -> Page:
        frm = "authors/index.md"
        out = [Headings()(1, t(self.lang, "authors")), "<ul>\n"]
        for slug, (name, arts) in self.authors.items():
            out.append(f'<li><a href="{E(link(frm, f"authors/{slug}.md"))}">{E(name)}</a> · '
                       f"{E(t(self.lang, 'articles', n=len(arts)))}</li>\n")
        out.append("</ul>\n")
        if not self.authors:
            out.append(f"<p>{E(t(self.lang, 'no_articles'))}</p>\n")
        return Page(frm, t(self.lang, "authors"), "".join(out), {"na_kind": "authors"})

    def author_page(self, slug: str) -> Page:
        name, arts = self.authors[slug]
        afrm = f"authors/{slug}.md"
        lines = [Headings()(1, name), "<ul>\n"]
        for e in sorted(arts, key=lambda a: (a.date is None, a.date), reverse=True):
            where = " · ".join(x for x in [str(e.meta.get("publication") or ""),
                                          format_date(self.lang, e.date),
                                          page_label(self.lang, e.page, e.meta.get("page_name"))] if x)
            lines.append(f'<li><a href="{E(link(afrm, str(e.rel)))}">{E(e.title)}</a> · '
                         f'<span class="na-meta">{E(where)}</span></li>\n')
        lines.append("</ul>\n")
        return Page(afrm, t(self.lang, "author_articles", name=name), "".join(lines), {"na_kind": "author"})

    def source_files(self) -> list[str]:
        """The dumps the articles come from that exist under dumps_root."""
        return [f for f, _ in self._source_stats()]

    def _source_stats(self) -> list[tuple[str, os.stat_result]]:
        if self.dumps_root is None:
            return []
        files = sorted({str((e.meta.get("source") or {}).get("file") or "") for e in self.entries} - {""})
        found = []
        for f in files:
            try:
                st = (self.dumps_root / f).stat()
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode):
                found.append((f, st))
        return found

    def source_pages(self) -> list[Page]:
        return [self.source_page(f) for f in self.source_files()]

    def source_page(self, f: str) -> Page:
        """The page of one source dump, every line with an anchor (#L12)."""
        text = source_text(self.dumps_root / f)
        items = "".join(f'<li id="L{n}"><a class="na-ln" href="#L{n}">{n}</a>'
                        f"<span>{E(line)}</span></li>\n"
                        for n, line in enumerate(text.split("\n"), 1))
        body = (Headings()(1, t(self.lang, "source_page", file=f))
                + f'<ol class="na-source" lang="zh-Hans">\n{items}</ol>\n')
        return Page(source_page_rel(f), t(self.lang, "source_page", file=f), body,
                    {"na_kind": "source", "hide": ["toc"]})

    def all(self) -> list[Page]:
        return [page for part in self.parts() for page in part.make()]

    # -- parts: what a re-stage may skip ------------------------------------------
    def parts(self) -> list[Part]:
        """Every generated page, grouped with a digest of what it is made from.

        A part's key is None when it is cheap and depends on the whole archive
        (home, archive, authors index): it is always made. Otherwise the key
        covers everything the part's pages show, except the code and labels
        that make them (staging.py adds a digest of those).
        """
        parts = [Part(None, ["index.md"], lambda: [self.home()]),
                 Part(None, ["archive/index.md"], lambda: [self.archive()])]
        for issue in self.issues:
            arts = [e for _, page_arts in issue.pages for e in page_arts]
            parts.append(Part(_digest(self.lang, "issue", *_entry_keys(arts)),
                              [issue.index, *(pdir + "/index.md" for pdir, _ in issue.pages)],
                              functools.partial(self.pages_of_issue, issue)))
        parts.append(Part(None, ["authors/index.md"], lambda: [self.author_index()]))
        for slug, (name, arts) in self.authors.items():
            parts.append(Part(_digest(self.lang, "author", slug, name, *_entry_keys(arts)),
                              [f"authors/{slug}.md"], functools.partial(lambda s: [self.author_page(s)], slug)))
        for f, st in self._source_stats():
            parts.append(Part(_digest(self.lang, "source", f, str(st.st_size), str(st.st_mtime_ns)),
                              [source_page_rel(f)], functools.partial(lambda x: [self.source_page(x)], f)))
        return parts


@dataclass
class Part:
    """Generated pages made together, and a digest of their inputs (None: always made)."""

    key: str | None
    rels: list[str]
    make: Callable[[], list[Page]]


def _entry_keys(arts: list[Entry]) -> list[str]:
    return [f"{e.rel}\0{e.digest}" for e in arts]


def _digest(*parts: str) -> str:
    return hashlib.blake2b("\0\1".join(parts).encode("utf-8"), digest_size=16).hexdigest()


def source_page_rel(source_file: str) -> str:
    return f"sources/{PurePosixPath(source_file).stem}.md"
