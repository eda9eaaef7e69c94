"""Generated pages of one language: home, archive, issues, pages, authors, sources.

Every page is written into the language's staging docs dir as YAML front matter
(``na_html: true``) followed by its body already rendered to HTML: MkDocs does
not parse it as Markdown (plugin.py swaps the HTML in for the page's content and
builds the table of contents from its headings), which saves most of the
Markdown time of a large archive. Links are relative to the page's own URL
under ``use_directory_urls``.

This module decides only what each page shows (small dataclasses: Heading, Link,
Counted, ArticleItem, Section); the markup is in overrides/pages/<kind>.html, one
Jinja template per page kind, rendered with autoescape on, so dump text (titles,
bylines, names, source lines) is escaped there and never read as markup.
Author slugs come from slugs.py.

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
from . import source_view
from .catalog import Entry
from .excerpt import whole_sentences
from .labels import DEFAULT_LANG, format_date, format_month, format_year, page_label, t
from .slugs import author_slugs


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
    rel = _relpath(target, here)
    return "./" if rel == "." else rel + "/"


def _relpath(target: str, here: str) -> str:
    """``posixpath.relpath(target or ".", here or ".")`` for directory URLs ("" or "a/b/"),
    by their folders alone: relpath makes both absolute and normal first, which was most of
    the time of the 30k links a month's generated pages hold. Anything not plainly made of
    folder names (".", "..", "//", a leading "/") goes to relpath."""
    if _PLAIN_URL.fullmatch(target) is None or _PLAIN_URL.fullmatch(here) is None:
        return posixpath.relpath(target or ".", here or ".")
    to, at = target.split("/")[:-1], here.split("/")[:-1]
    common = 0
    for a, b in zip(to, at):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(at) - common) + to[common:]) or "."


_PLAIN_URL = re.compile(r"(?:(?!\.\.?/)[^/]+/)*")     # folder names, each ending in "/"


_slugify = None


def _slug(text: str) -> str:
    """The heading id Markdown's toc extension would give (pymdownx.slugs, lower case)."""
    global _slugify
    if _slugify is None:
        from pymdownx.slugs import slugify
        _slugify = slugify(case="lower")
    return _slugify(text, "-")


# -- view data: what a template shows, worked out here, escaped there ----------------
@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    id: str                       # unique on its page, as the toc extension makes it
    href: str | None = None       # the heading's text links there


@dataclass(frozen=True)
class Link:
    href: str
    text: str


@dataclass(frozen=True)
class Counted:
    """A link with a count: an issue in the archive, an author in the authors index."""

    href: str
    text: str
    count: str


@dataclass(frozen=True)
class ArticleItem:
    href: str
    title: str
    kicker: str = ""
    subtitle: str = ""
    byline: str = ""
    where: str = ""               # publication · date · page, on an author's page
    summary: str = ""             # the front page: the lead's standfirst, else one sentence


@dataclass(frozen=True)
class PickerMonth:
    """A month of the date picker: its label and its issues (day of month, ISO date, link)."""

    id: str                       # "2025-12"
    label: str
    days: list


@dataclass(frozen=True)
class PickerDay:
    day: int
    date: str                     # ISO
    href: str
    title: str


@dataclass(frozen=True)
class Section:
    """A heading and what is listed under it (printed pages of an issue, months of a year)."""

    heading: Heading
    items: list


class HeadingIds:
    """The headings of one page, with the ids the toc extension would give them."""

    def __init__(self):
        self.ids: set[str] = set()

    def heading(self, level: int, text: str, href: str | None = None, slug: str | None = None) -> Heading:
        """``slug``: the id to give it (made unique all the same), not one made of its text."""
        from markdown.extensions.toc import unique      # its rule for empty and repeated ids
        return Heading(level, text, unique(slug or _slug(text), self.ids), href)


class Headings(HeadingIds):
    """Heading HTML for the article bodies plugin.py renders, which writes the rest of an
    article body in Python too (plugin.article_html: it runs for every subhead of every
    article, so it does not go through Jinja). The same shape as the ``heading`` macro
    of overrides/pages/_macros.html, which the generated pages use: plugin.py reads the
    table of contents back from it (a test holds the two equal)."""

    def __call__(self, level: int, text: str, inner: str | None = None) -> str:
        """``inner``: the heading's content as HTML already escaped by the caller."""
        hid = html.escape(self.heading(level, text).id)
        inner = html.escape(text) if inner is None else inner
        return (f'<h{level} id="{hid}">{inner}<a class="headerlink" href="#{hid}" '
                f'title="Permanent link">#</a></h{level}>\n')


# -- templates ----------------------------------------------------------------------
@functools.lru_cache(maxsize=None)
def _templates() -> Path:
    """overrides/pages/ of the project (the MkDocs theme's custom_dir is overrides/ too)."""
    from ..project import Project
    return Project.find().root / "overrides" / "pages"


@functools.lru_cache(maxsize=None)
def templates_digest() -> str:
    """What staging's digest of the generated pages takes of their templates."""
    from ..cache import digest_tree
    return digest_tree((_templates(),))


@functools.lru_cache(maxsize=None)
def _environment():
    import jinja2
    from .template_cache import for_project
    return jinja2.Environment(loader=jinja2.FileSystemLoader(_templates()), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              keep_trailing_newline=True, auto_reload=False,  # one build, templates fixed
                              bytecode_cache=for_project(_templates().parent.parent))


def render(kind: str, lang: str, **view) -> str:
    """The body of a generated page: overrides/pages/<kind>.html with ``view``; dump text
    in it is escaped by the template, never read as markup."""
    return _environment().get_template(f"{kind}.html").render(labels=_Labels(lang), **view)


class _Labels:
    """``labels.x`` in a template: the UI string x in the page's language."""

    def __init__(self, lang: str):
        self.lang = lang

    def __getattr__(self, key: str) -> str:
        return t(self.lang, key)


# The one line (at most) the front page gives an article that is not the lead, in characters.
SUMMARY_CHARS = {"en": 110}
SUMMARY_CHARS_CJK = 50


def _shown(value) -> str:
    return str(value) if value else ""


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

    def article_items(self, frm: str, arts: list[Entry], summary: Callable[[Entry], str] | None = None
                      ) -> list[ArticleItem]:
        return [ArticleItem(link(frm, str(e.rel)), e.title, _shown(e.meta.get("kicker")),
                            _shown(e.meta.get("subtitle")), _shown(e.meta.get("byline")),
                            summary=summary(e) if summary else "") for e in arts]

    def front_pages(self, frm: str, issue: Issue, ids: HeadingIds) -> list[Section]:
        """The printed pages on the front page: every article but the lead, each with the
        first sentence of its description."""
        limit = SUMMARY_CHARS.get(self.lang, SUMMARY_CHARS_CJK)
        one_line = lambda e: whole_sentences(e.description, limit, one=True)  # noqa: E731
        return [Section(ids.heading(2, self.page_title(arts), link(frm, pdir + "/index.md")),
                        self.article_items(frm, arts[1:] if n == 0 else arts, one_line))
                for n, (pdir, arts) in enumerate(issue.pages) if n > 0 or len(arts) > 1]

    def neighbours(self, issue: Issue) -> tuple[Issue | None, Issue | None]:
        """The issues of the same paper just before and after ``issue`` (none for an undated one)."""
        if issue.key.startswith("undated/"):
            return None, None
        run, n = self._runs[issue.key]
        return (run[n - 1] if n > 0 else None), (run[n + 1] if n + 1 < len(run) else None)

    @functools.cached_property
    def _runs(self) -> dict[str, tuple[list[Issue], int]]:
        """Issue key → the dated issues of its paper, oldest first, and its place among them."""
        runs: dict[str, list[Issue]] = defaultdict(list)
        place = {}
        for i in self.issues:
            if not i.key.startswith("undated/"):
                run = runs[i.publication]
                place[i.key] = (run, len(run))
                run.append(i)
        return place

    def _issue_link(self, frm: str, issue: Issue | None) -> Link | None:
        return None if issue is None else Link(link(frm, issue.index), self.issue_title(issue))

    def picker(self, frm: str) -> list[PickerMonth]:
        """Every dated issue by month, newest month first: the date picker's data, and its
        list when scripts do not run."""
        dated = [i for i in self.issues if not i.key.startswith("undated/")]
        months = []
        for (year, month), issues in itertools.groupby(reversed(dated), key=lambda i: (i.date.year, i.date.month)):
            days = [PickerDay(i.date.day, i.date.isoformat(), link(frm, i.index), self.issue_title(i))
                    for i in reversed(list(issues))]
            months.append(PickerMonth(f"{year:04d}-{month:02d}", format_month(self.lang, year, month), days))
        return months

    def printed_pages(self, frm: str, issue: Issue, ids: HeadingIds) -> list[Section]:
        return [Section(ids.heading(2, self.page_title(arts), link(frm, pdir + "/index.md")),
                        self.article_items(frm, arts)) for pdir, arts in issue.pages]

    def _page_link(self, frm: str, page: tuple[str, list[Entry]] | None) -> Link | None:
        return None if page is None else Link(link(frm, page[0] + "/index.md"), self.page_title(page[1]))

    def _counted(self, frm: str, rel: str, text: str, n: int) -> Counted:
        return Counted(link(frm, rel), text, t(self.lang, "articles", n=n))

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
        # every zh-Hans name of the catalog, not only this language's: the slugs must agree
        zh_hans = {name for m in self.master.values() for name in m.authors}
        self.author_keys = sorted(zh_hans | by_key.keys())
        self.slugs = author_slugs(zh_hans, extra=by_key.keys())
        return {slug: (by_key[key][0][0], [e for _, e in by_key[key]])
                for key, slug in self.slugs.items() if key in by_key}

    # -- pages -------------------------------------------------------------------
    def home(self) -> Page:
        dated = [i for i in self.issues if not i.key.startswith("undated/")]
        latest = dated[-1] if dated else (self.issues[-1] if self.issues else None)
        ids = HeadingIds()
        if latest is None:
            body = render("home", self.lang, heading=ids.heading(1, t(self.lang, "home")), pages=None)
            return Page("index.md", t(self.lang, "home"), body, {"na_kind": "home"})
        frm = "index.md"
        lead_entry = latest.pages[0][1][0]
        lead = self.article_items(frm, [lead_entry], lambda e: e.description)[0]
        prev, _ = self.neighbours(latest)
        body = render("home", self.lang, heading=ids.heading(1, self.issue_title(latest)),
                      lead=lead, lead_heading=ids.heading(2, lead.title, lead.href),
                      lead_page=self._page_link(frm, latest.pages[0]),
                      pages=self.front_pages(frm, latest, ids), prev=self._issue_link(frm, prev),
                      picker=self.picker(frm), current=latest.date.isoformat() if latest.date else "",
                      picker_heading=ids.heading(2, t(self.lang, "pick_date")),
                      archive_href=link(frm, "archive/index.md"))
        return Page("index.md", t(self.lang, "home"), body, {"na_kind": "home", "hide": ["toc"]})

    def issue_pages(self) -> list[Page]:
        return [page for issue in self.issues for page in self.pages_of_issue(issue)]

    def pages_of_issue(self, issue: Issue) -> list[Page]:
        """The issue page, then one page per printed page."""
        return [self.issue_page(issue), *self.printed_pages_of(issue)]

    def issue_page(self, issue: Issue) -> Page:
        ids = HeadingIds()
        prev, next_ = self.neighbours(issue)
        body = render("issue", self.lang, heading=ids.heading(1, self.issue_title(issue)),
                      prev=self._issue_link(issue.index, prev), next=self._issue_link(issue.index, next_),
                      pages=self.printed_pages(issue.index, issue, ids))
        return Page(issue.index, self.issue_title(issue), body, {"na_kind": "issue"})

    def printed_pages_of(self, issue: Issue) -> list[Page]:
        """One page per printed page of ``issue``."""
        pages = []
        for n, (pdir, arts) in enumerate(issue.pages):
            frm = pdir + "/index.md"
            title = self.page_title(arts)
            body = render("page", self.lang, heading=HeadingIds().heading(1, title),
                          issue=Link(link(frm, issue.index), self.issue_title(issue)),
                          prev=self._page_link(frm, issue.pages[n - 1] if n > 0 else None),
                          next=self._page_link(frm, issue.pages[n + 1] if n + 1 < len(issue.pages) else None),
                          articles=self.article_items(frm, arts))
            pages.append(Page(frm, f"{title} — {self.issue_title(issue)}", body, {"na_kind": "page"}))
        return pages

    def archive(self) -> Page:
        frm = "archive/index.md"
        ids = HeadingIds()
        heading = ids.heading(1, t(self.lang, "archive"))
        years = []
        dated = [i for i in self.issues if not i.key.startswith("undated/")]
        for year, by_year in itertools.groupby(reversed(dated), key=lambda i: i.date.year):
            year_heading = ids.heading(2, format_year(self.lang, year))
            months = [Section(ids.heading(3, format_month(self.lang, year, month)),
                              [self._counted(frm, i.index, self.issue_title(i), i.count) for i in issues])
                      for month, issues in itertools.groupby(by_year, key=lambda i: i.date.month)]
            years.append(Section(year_heading, months))
        undated = [self._counted(frm, i.index, i.key.split("/", 1)[1], i.count)
                   for i in self.issues if i.key.startswith("undated/")]
        body = render("archive", self.lang, heading=heading, years=years,
                      undated=Section(ids.heading(2, t(self.lang, "undated")), undated) if undated else None,
                      empty=not self.issues)
        return Page(frm, t(self.lang, "archive"), body, {"na_kind": "archive"})

    def author_pages(self) -> list[Page]:
        return [self.author_index(), *(self.author_page(slug) for slug in self.authors)]

    def author_index(self) -> Page:
        frm = "authors/index.md"
        authors = [self._counted(frm, f"authors/{slug}.md", name, len(arts))
                   for slug, (name, arts) in self.authors.items()]
        body = render("authors", self.lang, heading=HeadingIds().heading(1, t(self.lang, "authors")),
                      authors=authors)
        return Page(frm, t(self.lang, "authors"), body, {"na_kind": "authors"})

    def author_page(self, slug: str) -> Page:
        name, arts = self.authors[slug]
        frm = f"authors/{slug}.md"
        articles = [ArticleItem(link(frm, str(e.rel)), e.title, where=self.where(e))
                    for e in sorted(arts, key=lambda a: (a.date is None, a.date), reverse=True)]
        body = render("author", self.lang, heading=HeadingIds().heading(1, name), articles=articles)
        return Page(frm, t(self.lang, "author_articles", name=name), body, {"na_kind": "author"})

    def where(self, e: Entry) -> str:
        """Publication · date · page of an article, what of them it has."""
        return " · ".join(x for x in [str(e.meta.get("publication") or ""), format_date(self.lang, e.date),
                                      page_label(self.lang, e.page, e.meta.get("page_name"))] if x)

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
        return [self.source_page(f) for f in self.source_files()] if self.lang == DEFAULT_LANG else []

    @functools.cached_property
    def by_source(self) -> dict[str, list[Entry]]:
        """The articles cut from each dump, in page order."""
        out: dict[str, list[Entry]] = defaultdict(list)
        for e in sorted(self.entries, key=lambda a: (a.order, str(a.rel))):
            out[str((e.meta.get("source") or {}).get("file") or "")].append(e)
        return out

    def source_page(self, f: str) -> Page:
        """The page of one source dump (source_view.py): every line with an anchor (#L12), each
        article's lines under a heading linking the article."""
        frm, arts = source_page_rel(f), self.by_source.get(f, [])
        title, ids = source_view.page_title(self.lang, arts, f), HeadingIds()
        runs = source_view.spans(source_view.dump_lines(self.dumps_root / f),
                                 [(e, link(frm, str(e.rel))) for e in arts])
        # an article's heading is named by its lines (#L3-L53: the article's own link to them,
        # which without JavaScript scrolls to it), not by its title, spelt twice in UTF-8
        sections = [Section(ids.heading(2, t(self.lang, "source_span", title=a[0], first=a[1], last=a[2]), a[3],
                                        f"L{a[1]}-L{a[2]}")
                            if (a := run.article) else None, run.lines) for run in runs]
        body = render("source", self.lang, heading=ids.heading(1, title), sections=sections,
                      file_label=t(self.lang, "source_file", file=f))
        return Page(frm, title, body, {"na_kind": "source", "hide": ["toc"]})

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
            keys = _entry_keys([e for _, page_arts in issue.pages for e in page_arts])
            # the issue page links the issues before and after it, by their titles; its printed
            # pages only its own (a part apart: a new issue makes only its neighbour's issue page again)
            around = [x for i in self.neighbours(issue) for x in ([i.key, self.issue_title(i)] if i else ["-"])]
            parts.append(Part(_digest(self.lang, "issue", *around, *keys), [issue.index],
                              functools.partial(lambda i: [self.issue_page(i)], issue)))
            parts.append(Part(_digest(self.lang, "printed pages", *keys),
                              [pdir + "/index.md" for pdir, _ in issue.pages],
                              functools.partial(self.printed_pages_of, issue)))
        parts.append(Part(None, ["authors/index.md"], lambda: [self.author_index()]))
        for slug, (name, arts) in self.authors.items():
            parts.append(Part(_digest(self.lang, "author", slug, name, *_entry_keys(arts)),
                              [f"authors/{slug}.md"], functools.partial(lambda s: [self.author_page(s)], slug)))
        # a dump's page only in zh-Hans: its lines are the Simplified text as printed, the same in
        # every language; the other languages link it, saying it is in Chinese (views.py)
        for f, st in self._source_stats() if self.lang == DEFAULT_LANG else []:
            # the page shows its articles' titles and links, so their front matter is an input
            parts.append(Part(_digest(self.lang, "source", f, str(st.st_size), str(st.st_mtime_ns),
                                      *_entry_keys(self.by_source.get(f, []))),
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
