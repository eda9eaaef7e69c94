"""Every use of MkDocs' and Material's internals, behind one switch.

Four shortcuts make a page build faster than MkDocs alone would, and each reaches into
something MkDocs does not promise to keep:

- an article's front matter is not parsed again: staging parsed it, and its view holds what
  the page prints (``read_body_only``: ``read_source`` replaced);
- a page whose HTML staging already made (articles, generated pages) skips Markdown: its
  ``render`` is replaced and the private attributes ``render`` sets are set here
  (``prepared_html``), ~20 % of a page's MkDocs time;
- Material's header, nav, footer and asset links are rendered once per depth and reused
  (``FragmentCache``), their relative links rewritten to go through the site root,
  ~40 % of a page's MkDocs time;
- a dirty build's warning is filtered by its text (``DirtyWarningFilter``), so a safe
  dirty build passes ``--strict``; and a dirty build is not given the pages it would skip
  (``pages_to_render``).

They are on only for the MkDocs and Material versions they were written against
(``WRITTEN_FOR``); for any other version, or with ``NEWSARCHIVE_PLAIN_MKDOCS=1``, every page
goes the plain MkDocs way (a warning says so once). tests/test_mkdocs_compat.py builds the
sample both ways and requires the same pages.
"""
from __future__ import annotations

import html
import logging
import os
import posixpath
import re
import types
import warnings
from functools import lru_cache

from markupsafe import Markup

WRITTEN_FOR = {"mkdocs": "1.6.", "mkdocs-material": "9.8."}   # version prefixes
PLAIN_SETTING = "NEWSARCHIVE_PLAIN_MKDOCS"


@lru_cache(maxsize=None)
def reach_ins_on() -> bool:
    if os.environ.get(PLAIN_SETTING, "") not in ("", "0"):
        return False
    from importlib.metadata import version
    mismatched = [f"{dist} {version(dist)}" for dist, prefix in WRITTEN_FOR.items()
                  if not version(dist).startswith(prefix)]
    if mismatched:
        warnings.warn(f"{', '.join(mismatched)}: newer than this site's shortcuts were written for "
                      f"({', '.join(f'{d} {p}x' for d, p in WRITTEN_FOR.items())}); building every page "
                      "the plain MkDocs way (slower, same pages)", stacklevel=2)
        return False
    return True


# -- pages whose front matter staging parsed ------------------------------------------------
def read_body_only(page, meta: dict) -> None:
    """Make ``page.read_source`` read only the body: the page's front matter is ``meta``
    (what staging parsed of it), not parsed a second time (YAML was a tenth of a build).
    Without the shortcuts MkDocs reads the page as usual."""
    if reach_ins_on():
        page.read_source = types.MethodType(lambda self, config: _read_body(self, meta), page)


def _read_body(page, meta: dict) -> None:
    """Page.read_source of MkDocs 1.6 with the front matter cut off where MkDocs cuts it, not parsed."""
    from mkdocs.utils.meta import YAML_RE
    source = page.file.content_string
    m = YAML_RE.match(source)
    page.markdown = source[m.end():].lstrip("\n") if m else source
    page.meta = dict(meta)


# -- pages whose HTML is ready -------------------------------------------------------------
def prepared_html(page, html_text: str) -> str:
    """What ``on_page_markdown`` returns for a page whose HTML is ready (an article's body made
    by plugin.article_html, a generated page's HTML): an empty text, the HTML going in at
    ``on_page_content`` (``content_of``). With the shortcut, Markdown is not even set up for
    the empty text."""
    page.na_html = html_text
    if reach_ins_on():
        page.render = types.MethodType(_render_nothing, page)
    return ""


def _render_nothing(page, config, files) -> None:
    """Page.render for a page whose HTML is ready: what rendering an empty Markdown text gives
    (MkDocs 1.6's attributes), without a Markdown instance (about 1 ms a page)."""
    from mkdocs.structure.toc import get_toc
    page.content, page.toc, page._title_from_render = "", get_toc([]), None
    page.present_anchor_ids, page.links_to_anchors = set(), {}


def content_of(page, html_text: str) -> str:
    """The page's HTML at ``on_page_content``: the prepared one, with its table of contents."""
    pre = getattr(page, "na_html", None)
    if pre is None:
        return html_text
    page.toc = toc_of(pre)
    return pre


_HEADING = re.compile(r'<h([1-6]) id="([^"]*)">(.*?)<a class="headerlink"')
_TAGS = re.compile(r"<[^>]*>")


def toc_of(html_text: str):
    """The table of contents of prepared HTML, from the headings it holds."""
    from mkdocs.structure.toc import get_toc
    root: list[dict] = []
    stack: list[dict] = []
    for m in _HEADING.finditer(html_text):
        token = {"level": int(m.group(1)), "id": html.unescape(m.group(2)),
                 "name": _TAGS.sub("", m.group(3)), "children": []}
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return get_toc(root)


# -- the parts every page at one depth shares ----------------------------------------------
class FragmentCache:
    """``{% call na_fragment(page, base_url, name, *key) %}…{% endcall %}`` renders its body
    once per build for each (base_url, name, *key) and reuses the HTML: Material's header,
    nav, footer, asset links and strings are the same on every page at the same depth.
    ``key`` must name whatever else the body reads that varies between pages (overrides/
    says what, at each call). MkDocs writes links relative to the page's own folder (``../``
    from authors/x/ is authors/), so links in a fragment are rewritten to go through the
    site root (``../../authors/``), which reads the same from any page at that depth.
    Without the shortcuts it renders every body every time."""

    def __init__(self):
        self.done: dict[tuple, str] = {}
        self.on = reach_ins_on()

    def __call__(self, page, base_url: str, *key, caller, cache: bool = True):
        """``cache=False``: this page's body differs from the others' (rendered, not kept)."""
        if not self.on or not cache:
            return caller()
        try:
            return self.done[(base_url, *key)]
        except KeyError:
            text = caller()
            if page is not None and getattr(page, "url", None) is not None:
                text = Markup(links_through_root(str(text), page.url, base_url))
            self.done[(base_url, *key)] = text
            return text


_RELATIVE_LINK = re.compile(r'\b(href|src)="(?![#/]|[a-zA-Z][a-zA-Z0-9+.-]*:)([^"]*)"')


def links_through_root(html_text: str, page_url: str, base_url: str) -> str:
    page_dir = page_url if page_url.endswith("/") else posixpath.dirname(page_url)

    def through_root(m):
        url = html.unescape(m.group(2))
        path, sep, rest = url.partition("?") if "?" in url else url.partition("#")
        if not path:                         # this very page: the key names it
            return m.group(0)
        target = posixpath.normpath(posixpath.join(page_dir, path))
        if target.startswith(".."):          # outside the site: leave it
            return m.group(0)
        slash = "/" if path.endswith("/") else ""
        if base_url in (".", ""):
            new = "./" if target == "." else target + slash
        else:
            new = base_url + slash if target == "." else f"{base_url}/{target}{slash}"
        return f'{m.group(1)}="{html.escape(new + sep + rest)}"'
    return _RELATIVE_LINK.sub(through_root, html_text)


# -- dirty builds --------------------------------------------------------------------------
class DirtyWarningFilter(logging.Filter):
    """MkDocs warns on every dirty build (which --strict turns into a failure); ours are
    safe: the hash of everything a page depends on besides its own file is checked. Matched
    by the warning's text, so only with the shortcuts' versions."""

    def filter(self, record):
        return "'dirty' build" not in record.getMessage()


_DIRTY = {"on": False}


def allow_dirty_builds(dirty: bool = True) -> bool:
    """Filter the dirty build warning; False (build clean) for versions not known. Called
    before every build of a process (``dirty`` False for a full one): ``pages_to_render``
    drops pages in dirty builds only."""
    _DIRTY["on"] = False
    if not dirty or not reach_ins_on():
        return False
    logging.getLogger("mkdocs.commands.build").addFilter(DirtyWarningFilter())
    _DIRTY["on"] = True
    return True


def _nav_paths(nav) -> set[str]:
    """The docs paths the nav config names (strings, {title: path}, nested lists)."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*map(_nav_paths, nav.values()))
    if isinstance(nav, list):
        return set().union(*map(_nav_paths, nav))
    return set()


def _hand_written(file) -> bool:
    """A page at the docs root whose Markdown MkDocs renders (the home there is generated:
    prepared HTML, ``na_html: true`` in its front matter, indexes.py)."""
    if "/" in file.src_uri:
        return False
    with open(file.abs_src_path, encoding="utf-8") as handle:
        text = handle.read()
    front = text.split("\n---", 1)[0] if text.startswith("---") else ""
    return "\nna_html: true\n" not in front + "\n"


def pages_to_render(files, config):
    """The files of a dirty build, without the pages it would skip: a page whose output is
    newer than its staged file, not in the nav and not at the docs root (hand-written pages).
    MkDocs would still make a Page of each, put it through the nav and compare its mtimes
    twice: at a year, more than the pages it renders. Kept as they are when a hand-written
    page changed (MkDocs renders its Markdown and checks its links against every file), or
    in a full build."""
    if not _DIRTY["on"]:
        return files
    keep = _nav_paths(config.nav)
    pages = files.documentation_pages()
    if any("/" not in f.src_uri and f.is_modified() and _hand_written(f) for f in pages):   # root pages only
        return files
    for f in pages:
        if "/" in f.src_uri and f.src_uri not in keep and not f.is_modified():
            files.remove(f)
    return files
