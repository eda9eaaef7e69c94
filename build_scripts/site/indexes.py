"""Generated pages of one language: home, archive, issues, pages, authors, sources.

Every page is Markdown with YAML front matter, written into the language's
staging docs dir. Dump text (titles, bylines, names) is plain text in the
front matter and goes through ``body.escape`` in the Markdown, so it is never
read as markup.
"""
from __future__ import annotations

import html
import itertools
import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..body import escape
from ..docfile import render_document
from .catalog import Entry
from .labels import format_date, format_month, format_year, page_label, t


@dataclass
class Page:
    rel: str                      # path in the staging docs dir, e.g. "2025/12/15/index.md"
    title: str
    body: str
    meta: dict = field(default_factory=dict)

    def text(self) -> str:
        return render_document({"title": self.title, **self.meta}, self.body)


def link(frm: str, to: str) -> str:
    """Relative Markdown link target from page ``frm`` to page ``to`` (both docs-relative)."""
    return posixpath.relpath(to, posixpath.dirname(frm) or ".")


def author_slug(name: str) -> str:
    try:
        from pypinyin import lazy_pinyin
        words = lazy_pinyin(name)
    except ImportError:  # pragma: no cover - pypinyin is a dependency
        words = [name]
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(words).lower()).strip("-")
    return slug or "author"


@dataclass
class Issue:
    key: str                      # "2025/12/15" or "undated/<stem>"
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
        by_issue[str(e.issue_dir)][str(e.page_dir)].append(e)
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
            parts.append(f'<span class="na-kicker">{escape(str(e.meta["kicker"]))}</span>')
        parts.append(f"[{escape(e.title)}]({link(frm, str(e.rel))}){{ .na-title }}")
        if e.meta.get("subtitle"):
            parts.append(f'<span class="na-subtitle">{escape(str(e.meta["subtitle"]))}</span>')
        if e.meta.get("byline"):
            parts.append(f'<span class="na-byline">{escape(str(e.meta["byline"]))}</span>')
        return "- " + "\n  ".join(parts)

    def article_list(self, frm: str, arts: list[Entry]) -> str:
        items = "\n".join(self.article_item(frm, e) for e in arts)
        return f'<div class="na-articles" markdown>\n\n{items}\n\n</div>\n'

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
    def issue_body(self, frm: str, issue: Issue, heading: bool = True) -> str:
        out = []
        if heading:
            out.append(f"# {escape(self.issue_title(issue))}\n")
        for pdir, arts in issue.pages:
            title = self.page_title(arts)
            out.append(f"## [{escape(title)}]({link(frm, pdir + '/index.md')})\n")
            out.append(self.article_list(frm, arts))
        return "\n".join(out)

    def home(self) -> Page:
        dated = [i for i in self.issues if not i.key.startswith("undated/")]
        latest = dated[-1] if dated else (self.issues[-1] if self.issues else None)
        if latest is None:
            body = f"# {escape(t(self.lang, 'home'))}\n\n{escape(t(self.lang, 'no_articles'))}\n"
            return Page("index.md", t(self.lang, "home"), body, {"na_kind": "home"})
        body = self.issue_body("index.md", latest)
        body += f"\n[{escape(t(self.lang, 'all_issues'))} →](archive/index.md)\n"
        return Page("index.md", t(self.lang, "home"), body,
                    {"na_kind": "home", "hide": ["toc"]})

    def issue_pages(self) -> list[Page]:
        pages = []
        for issue in self.issues:
            body = self.issue_body(issue.index, issue)
            pages.append(Page(issue.index, self.issue_title(issue), body, {"na_kind": "issue"}))
            for n, (pdir, arts) in enumerate(issue.pages):
                frm = pdir + "/index.md"
                title = self.page_title(arts)
                nav = [f"[{escape(self.issue_title(issue))}]({link(frm, issue.index)})"]
                if n > 0:
                    prev = issue.pages[n - 1]
                    nav.append(f"[← {escape(t(self.lang, 'prev_page'))}: {escape(self.page_title(prev[1]))}]"
                               f"({link(frm, prev[0] + '/index.md')})")
                if n + 1 < len(issue.pages):
                    nxt = issue.pages[n + 1]
                    nav.append(f"[{escape(t(self.lang, 'next_page'))}: {escape(self.page_title(nxt[1]))} →]"
                               f"({link(frm, nxt[0] + '/index.md')})")
                body = (f"# {escape(title)}\n\n" + " · ".join(nav) + "\n\n"
                        + self.article_list(frm, arts))
                pages.append(Page(frm, f"{title} — {self.issue_title(issue)}", body, {"na_kind": "page"}))
        return pages

    def archive(self) -> Page:
        frm = "archive/index.md"
        out = [f"# {escape(t(self.lang, 'archive'))}\n"]
        dated = [i for i in self.issues if not i.key.startswith("undated/")]
        for year, by_year in itertools.groupby(reversed(dated), key=lambda i: i.date.year):
            out.append(f"## {escape(format_year(self.lang, year))}\n")
            for month, issues in itertools.groupby(by_year, key=lambda i: i.date.month):
                out.append(f"### {escape(format_month(self.lang, year, month))}\n")
                for i in issues:
                    out.append(f"- [{escape(self.issue_title(i))}]({link(frm, i.index)}) · "
                               f"{escape(t(self.lang, 'articles', n=i.count))}")
                out.append("")
        undated = [i for i in self.issues if i.key.startswith("undated/")]
        if undated:
            out.append(f"## {escape(t(self.lang, 'undated'))}\n")
            for i in undated:
                out.append(f"- [{escape(i.key.split('/', 1)[1])}]({link(frm, i.index)}) · "
                           f"{escape(t(self.lang, 'articles', n=i.count))}")
            out.append("")
        if not self.issues:
            out.append(escape(t(self.lang, "no_articles")) + "\n")
        return Page(frm, t(self.lang, "archive"), "\n".join(out), {"na_kind": "archive"})

    def author_pages(self) -> list[Page]:
        frm = "authors/index.md"
        out = [f"# {escape(t(self.lang, 'authors'))}\n"]
        pages = []
        for slug, (name, arts) in self.authors.items():
            out.append(f"- [{escape(name)}]({slug}.md) · {escape(t(self.lang, 'articles', n=len(arts)))}")
            afrm = f"authors/{slug}.md"
            lines = [f"# {escape(name)}\n"]
            for e in sorted(arts, key=lambda a: (a.date is None, a.date), reverse=True):
                where = " · ".join(x for x in [str(e.meta.get("publication") or ""),
                                              format_date(self.lang, e.date),
                                              page_label(self.lang, e.page, e.meta.get("page_name"))] if x)
                lines.append(f"- [{escape(e.title)}]({link(afrm, str(e.rel))}) · "
                             f'<span class="na-meta">{escape(where)}</span>')
            pages.append(Page(afrm, t(self.lang, "author_articles", name=name), "\n".join(lines) + "\n",
                              {"na_kind": "author"}))
        if not self.authors:
            out.append(escape(t(self.lang, "no_articles")))
        pages.insert(0, Page(frm, t(self.lang, "authors"), "\n".join(out) + "\n", {"na_kind": "authors"}))
        return pages

    def source_pages(self) -> list[Page]:
        """One page per source dump, every line with an anchor (#L12)."""
        if self.dumps_root is None:
            return []
        files = sorted({str((e.meta.get("source") or {}).get("file") or "") for e in self.entries} - {""})
        pages = []
        for f in files:
            path = self.dumps_root / f
            if not path.is_file():
                continue
            text = path.read_bytes().decode("utf-8", errors="replace")
            stem = PurePosixPath(f).stem
            items = "".join(f'<li id="L{n}"><a class="na-ln" href="#L{n}">{n}</a>'
                            f"<span>{html.escape(line)}</span></li>\n"
                            for n, line in enumerate(text.split("\n"), 1))
            body = (f"# {escape(t(self.lang, 'source_page', file=f))}\n\n"
                    f'<ol class="na-source" lang="zh-Hans">\n{items}</ol>\n')
            pages.append(Page(f"sources/{stem}.md", t(self.lang, "source_page", file=f), body,
                              {"na_kind": "source", "hide": ["toc"]}))
        return pages

    def all(self) -> list[Page]:
        return [self.home(), self.archive(), *self.issue_pages(), *self.author_pages(),
                *self.source_pages()]


def source_page_rel(source_file: str) -> str:
    return f"sources/{PurePosixPath(source_file).stem}.md"
