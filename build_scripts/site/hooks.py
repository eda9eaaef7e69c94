"""MkDocs hooks of every language build (``hooks:`` in mkdocs.yml, config/*.yml).

Generated index pages (front matter ``na_html: true``) hold HTML rendered by
indexes.py: their Markdown step is skipped and the HTML becomes the page's
content, with a table of contents read from its headings.

Per page: keep the raw front matter for the templates (``page.na``), give
Material only an escaped title (Material prints page.meta raw), work out the
same page in the other languages, JSON-LD and OpenGraph data; number the body
blocks for the bilingual view. Every page's HTML loses its template indentation
and blank lines (``slim_html``). (The RSS feeds are made from the whole catalog
after the builds: feeds.py.)

Loaded by MkDocs from its file path, so imports are absolute.
"""
from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
import types
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from build_scripts import paths
from build_scripts.body import lead_in_parts, parse_body
from build_scripts.site import seo
from build_scripts.site.indexes import Headings, author_slug, source_page_rel
from build_scripts.site.staging import AUTHORS_FILE
from build_scripts.site.labels import (DEFAULT_LANG, LABELS, LANGS, NATIVE_NAME, OG_LOCALE, PREFIX,
                                       format_date, page_label, t)

_state: dict = {}
_author_slug = lru_cache(maxsize=None)(author_slug)    # pinyin of a name: ~0.6 ms, asked per article


class NA(dict):
    """What the templates get as ``page.na`` (attribute access for Jinja)."""

    __getattr__ = dict.get


def on_config(config):
    lang = config.extra.get("na_lang") or DEFAULT_LANG
    if lang not in LANGS:
        raise ValueError(f"extra.na_lang must be one of {LANGS}, not {lang!r}")
    if not config.use_directory_urls:
        raise ValueError("use_directory_urls must stay true: the generated pages link directory URLs")
    root = (config.site_url or "https://example.github.io/newsarchive/")
    if not root.endswith("/"):
        root += "/"
    if PREFIX[lang] and root.endswith("/" + PREFIX[lang]):  # already the language's own URL
        root = root[: -len(PREFIX[lang])]
    config.site_url = root + PREFIX[lang]
    config.site_name = LABELS[lang]["site_name"]
    config.extra["na_root_url"] = root
    config.extra["na_labels"] = LABELS[lang]
    config.extra["na_langs"] = [{"lang": x, "name": NATIVE_NAME[x]} for x in LANGS]
    _state.clear()
    _state.update(lang=lang, root=root, staging=Path(config.docs_dir).parent)
    return config


def on_nav(nav, config, files):
    _state["nav"] = nav
    return nav


def _master_authors() -> dict[str, list[str]]:
    if "authors" not in _state:
        import json
        path = _state["staging"] / AUTHORS_FILE
        _state["authors"] = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return _state["authors"]


def _rel_href(cur_url: str, lang: str, target_lang: str, target_url: str) -> str:
    here = PREFIX[lang] + cur_url
    depth = here.count("/")
    href = "../" * depth + PREFIX[target_lang] + target_url
    return href or "./"


def _alternates(page, lang: str) -> list[dict]:
    src = page.file.src_uri
    out = []
    for other in LANGS:
        exists = other == lang or (_state["staging"] / other / src).is_file()
        url = page.url if exists else ""
        out.append({
            "lang": other, "name": NATIVE_NAME[other], "current": other == lang, "exists": exists,
            "href": _rel_href(page.url, lang, other, url),
            "abs": _state["root"] + PREFIX[other] + url,
        })
    return out


def _first_text(markdown: str) -> str:
    for b in parse_body(markdown):
        if b.kind == "paragraph":
            return b.text[:200]
    return ""


def _provenance(meta: dict, lang: str) -> dict | None:
    """How the text of a variant was made, for the label above it."""
    if lang == "zh-Hant":
        conv = meta.get("conversion") or {}
        if not isinstance(conv, dict):
            conv = {"config": str(conv)}
        tool = " ".join(str(x) for x in [conv.get("tool") or "OpenCC", conv.get("version")] if x)
        config = conv.get("config") or "?"
        text = t(lang, "conversion", config=config).replace("OpenCC", tool.replace("opencc", "OpenCC"), 1)
        return {"kind": "conversion", "text": text}
    if lang == "en":
        tr = meta.get("translation") or {}
        if not isinstance(tr, dict):
            tr = {"label": str(tr)}
        status = str(tr.get("status") or "machine")
        if tr.get("label"):
            return {"kind": status, "text": str(tr["label"])}
        if status == "reviewed":
            return {"kind": status, "text": t(lang, "translation_reviewed", by="")}
        engines = ", ".join(str(e) for e in tr.get("engines") or []) or str(tr.get("engine") or "?")
        return {"kind": status, "text": t(lang, "translation_machine", engine=engines,
                                          date=tr.get("machine_date") or tr.get("date") or "?")}
    return None


def _byline_parts(byline: str, links: list[dict]) -> list[dict]:
    """The byline as printed, with each author's name linked to the author page."""
    parts = [{"text": byline, "href": None}] if byline else []
    unplaced = []
    for a in links:
        for i, part in enumerate(parts):
            if part["href"] is None and a["name"] and a["name"] in part["text"]:
                before, _, after = part["text"].partition(a["name"])
                parts[i:i + 1] = [p for p in ({"text": before, "href": None},
                                              {"text": a["name"], "href": a["href"]},
                                              {"text": after, "href": None}) if p["text"]]
                break
        else:
            unplaced.append(a)
    for a in unplaced:
        parts += [{"text": " · " if parts else "", "href": None}, {"text": a["name"], "href": a["href"]}]
    return [p for p in parts if p["text"]]


def on_page_markdown(markdown, page, config, files):
    lang = _state["lang"]
    raw = dict(page.meta)
    if raw.pop("na_html", False):     # already HTML (indexes.py)
        markdown = _use_prepared_html(page, markdown)
    is_article = "id" in raw and "lang" in raw and "source" in raw
    kind = "article" if is_article else raw.get("na_kind", "page")
    alternates = _alternates(page, lang)
    na = NA(kind=kind, lang=lang, meta=raw, alternates=alternates, labels=LABELS[lang],
            og_locale=OG_LOCALE[lang],
            og_alternates=[OG_LOCALE[a["lang"]] for a in alternates if a["exists"] and not a["current"]])
    title = str(raw.get("title") or "")
    safe_meta = {"title": Markup(html.escape(title))} if title else {}
    if not is_article and isinstance(raw.get("hide"), list):
        safe_meta["hide"] = [h for h in raw["hide"] if h in {"toc", "navigation", "footer"}]
    page.meta = safe_meta
    if is_article:
        na.update(_article(page, raw, lang, alternates, markdown))
        markdown = _use_prepared_html(page, article_html(markdown))
    page.na = na
    return markdown


def article_html(markdown: str) -> str:
    """An article body (body.py's Markdown: paragraphs, subheads, a bold lead-in) as
    Python-Markdown with this site's toc settings renders it, without Python-Markdown: a
    body holds nothing else (dump text is escaped), and its ~20 passes were a fifth of an
    article page's build time."""
    heading = Headings()
    out = []
    for block in parse_body(markdown):
        text = html.escape(block.text, quote=False)
        if block.kind == "subhead":
            out.append(heading(block.level, block.text, text))
        elif lead_in := lead_in_parts(block):
            core, punct, rest = (html.escape(x, quote=False) for x in lead_in)
            out.append(f"<p><strong>{core}</strong>{punct}{rest}</p>\n")
        else:
            out.append(f"<p>{text}</p>\n")
    return "".join(out)


def _use_prepared_html(page, html_text: str) -> str:
    """The page's HTML is ready: on_page_content puts it in; Markdown gets nothing to parse
    (the empty text returned), and is not even set up for it."""
    page.na_html = html_text
    page.render = types.MethodType(_render_nothing, page)
    return ""


def _render_nothing(page, config, files) -> None:
    """Page.render for a page whose HTML is ready: what rendering an empty Markdown text
    gives, without setting up a Markdown instance for it (about 1 ms a page, and every
    page is such a page: ~29,000 per language at a year)."""
    from mkdocs.structure.toc import get_toc
    page.content, page.toc, page._title_from_render = "", get_toc([]), None
    page.present_anchor_ids, page.links_to_anchors = set(), {}


def _article(page, raw: dict, lang: str, alternates: list[dict], markdown: str) -> dict:
    root = _state["root"]
    date = raw.get("date")
    url = _state["root"] + PREFIX[lang] + page.url
    src = raw.get("source") or {}
    lines = src.get("lines") or [None, None]
    issue_rel = None if paths.is_undated(page.file.src_uri) else paths.issue_of(page.file.src_uri) + "/"
    by_lang = {a["lang"]: a for a in alternates}
    original = by_lang[DEFAULT_LANG] if lang != DEFAULT_LANG else None
    # the other side of the bilingual view: Chinese pages pair with English, English with zh-Hans
    pair_lang = "en" if lang != "en" else DEFAULT_LANG
    pair = by_lang[pair_lang] if by_lang[pair_lang]["exists"] else None
    here_depth = (PREFIX[lang] + page.url).count("/")
    up = "../" * here_depth + PREFIX[lang]
    authors = [str(a) for a in raw.get("authors") or []]
    master_authors = authors
    if lang != DEFAULT_LANG:
        master_authors = _master_authors().get(page.file.src_uri, authors)
    if len(master_authors) != len(authors):
        master_authors = authors
    author_links = [{"name": n, "href": up + f"authors/{_author_slug(k)}/"}
                    for n, k in zip(authors, master_authors)]
    info = {
        "date_text": format_date(lang, date) if isinstance(date, dt.date) else "",
        "date_iso": date.isoformat() if isinstance(date, dt.date) else "",
        "page_text": page_label(lang, raw.get("page"), raw.get("page_name")),
        "issue_href": up + issue_rel if issue_rel else None,
        "page_href": "../",
        "home_href": up or "./",
        "byline_parts": _byline_parts(str(raw.get("byline") or ""), author_links),
        "source_file": src.get("file") or "",
        "source_first": lines[0], "source_last": lines[-1],
        "source_href": (up + source_page_rel(src["file"])[:-3] + "/" + (f"#L{lines[0]}-L{lines[-1]}" if lines[0] else ""))
        if src.get("file") else None,
        "source_text": t(lang, "source_lines", file=src.get("file") or "", first=lines[0], last=lines[-1]),
        "permalink": url,
        "provenance": _provenance(raw, lang),
        "original": original,
        "pair": pair,
        "pair_lang": pair_lang,
        "captions": [str(c) for c in raw.get("captions") or []],
        "cite": _citation(raw, lang, url),
        "jsonld": Markup(seo.json_for_html(seo.news_article(
            raw, lang, url, root + PREFIX[lang] + issue_rel if issue_rel else None,
            original["abs"] if original and original["exists"] else None))),
        "description": _first_text(markdown),
    }
    return info


def _citation(raw: dict, lang: str, url: str) -> str:
    authors = [str(a) for a in raw.get("authors") or []]
    date = raw.get("date")
    date_text = date.isoformat() if isinstance(date, dt.date) else ""
    title, pub, page = str(raw.get("title") or ""), str(raw.get("publication") or ""), raw.get("page")
    if lang == "en":
        who = ", ".join(authors)
        where = f"{pub}, {date_text}" + (f", p. {page}" if page is not None else "")
        return f"{who + '. ' if who else ''}“{title}”. {where}. {url}"
    who = "，".join(authors)
    where = f"《{pub}》{date_text}" + (f"，第{page}版" if page is not None else "")
    return f"{who + '：' if who else ''}「{title}」，{where}。{url}"


_BLOCK = re.compile(r"^<(p|h[1-6])(\s|>)(.*)$", re.M)
_TAGS = re.compile(r"<[^>]*>")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


_LETTER = re.compile(r"[^\W\d_]")


def text_lang(text: str, default: str) -> str:
    """zh-Hans for text that is mostly Chinese (untranslated text on an English page), else default."""
    if default != "en":  # only English pages carry text of another language
        return default
    han = len(_HAN.findall(text))
    return "zh-Hans" if han and han * 2 > len(_LETTER.findall(text)) else default


def on_env(env, config, files):
    lang = config.extra.get("na_lang") or DEFAULT_LANG
    # A dirty build does not read unchanged pages: the nav still needs their titles.
    nav = _state.get("nav")
    for page in nav.pages if nav else []:
        if page.markdown is None and page.file.abs_src_path:
            from build_scripts.docfile import split_document
            title = split_document(Path(page.file.abs_src_path))[0].get("title")
            if title:
                page.title = Markup(html.escape(str(title)))
    env.filters["na_lang"] = lambda text, default=lang: text_lang(str(text or ""), default)
    env.filters["na_json"] = _json_for_html
    env.globals["na_fragment"] = FragmentCache()
    return env


class FragmentCache:
    """``{% call na_fragment(page, base_url, name, *key) %}…{% endcall %}`` renders its body
    once per build for each (base_url, name, *key) and reuses the HTML: Material's header,
    nav, footer, asset links and strings are the same on every page at the same depth, and
    rendering them anew was over a third of a page's template time. ``key`` must name
    whatever else the body reads that varies between pages (overrides/ says what, at each
    call). MkDocs writes links relative to the page's own folder (``../`` from authors/x/
    is authors/), so links in a fragment are rewritten to go through the site root
    (``../../authors/``), which reads the same from any page at that depth."""

    def __init__(self):
        self.done: dict[tuple, str] = {}

    def __call__(self, page, base_url: str, *key, caller):
        try:
            return self.done[(base_url, *key)]
        except KeyError:
            html = caller()
            if page is not None and getattr(page, "url", None) is not None:
                html = Markup(_links_through_root(str(html), page.url, base_url))
            self.done[(base_url, *key)] = html
            return html


_RELATIVE_LINK = re.compile(r'\b(href|src)="(?![#/]|[a-zA-Z][a-zA-Z0-9+.-]*:)([^"]*)"')


def _links_through_root(html_text: str, page_url: str, base_url: str) -> str:
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


def _json_for_html(obj) -> Markup:
    """Jinja's tojson (<, >, &, ' escaped for a <script>) with UTF-8 text instead of \\u escapes."""
    import functools
    import json
    from jinja2.utils import htmlsafe_json_dumps
    return htmlsafe_json_dumps(obj, dumps=functools.partial(json.dumps, ensure_ascii=False, sort_keys=True))


_HEADING = re.compile(r'<h([1-6]) id="([^"]*)">(.*?)<a class="headerlink"')


def _toc(html_text: str):
    """The table of contents of a pre-rendered page, from the headings indexes.py wrote."""
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


def on_page_content(html_text, page, config, files):
    """Generated pages and articles: their pre-rendered HTML. Articles: number the body's blocks
    (paragraph ids for the bilingual view); mark Chinese blocks on English pages
    with their language."""
    pre = getattr(page, "na_html", None)
    if pre is not None:
        page.toc = _toc(pre)
        html_text = pre
    na = getattr(page, "na", None)
    if not na or na.kind != "article":
        return html_text
    counter = iter(range(1, 1_000_000))
    lang = na.lang

    def number(m):
        tag, sep, rest = m.group(1), m.group(2), m.group(3)
        attrs = f' data-block="{next(counter)}"'
        block_lang = text_lang(_TAGS.sub("", sep + rest), lang)
        if block_lang != lang:
            attrs += f' lang="{block_lang}"'
        return f"<{tag}{attrs}{sep}{rest}"
    return _BLOCK.sub(number, html_text)


# Template indentation is dropped outside the elements that keep whitespace: <pre>, <textarea>,
# <script>, <style> and the source pages' line list (white-space: pre-wrap in newsarchive.css).
_KEEP_WHITESPACE = re.compile(r'<(?:(pre|textarea|script|style)\b.*?</\1\s*>|ol class="na-source".*?</ol>)',
                              re.S | re.I)


def _collapse_newline_runs(text: str) -> str:
    """Every run of spaces, tabs and newlines that holds a newline becomes one newline.
    (Line by line with str methods: a regex for the runs tries a match at every character.)"""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    middle = [line for line in (x.strip(" \t") for x in lines[1:-1]) if line]
    return "\n".join([lines[0].rstrip(" \t"), *middle, lines[-1].lstrip(" \t")])


def slim_html(text: str) -> str:
    """Drop indentation and blank lines outside whitespace-preserving elements. A run of
    whitespace holding a newline becomes one newline, so words are never joined and the
    page renders the same (HTML collapses such runs to one space anyway)."""
    out, pos = [], 0
    for kept in _KEEP_WHITESPACE.finditer(text):
        out += [_collapse_newline_runs(text[pos:kept.start()]), kept.group(0)]
        pos = kept.end()
    out.append(_collapse_newline_runs(text[pos:]))
    return "".join(out).lstrip("\n")


def on_post_page(output, page, config):
    return slim_html(output)
