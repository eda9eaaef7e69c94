"""The site's MkDocs plugin (``plugins: [newsarchive]`` in config/base.yml): it presents what
staging prepared, and works nothing out again.

Per page: the page's view (views.py, made by staging: alternates, an article's byline
links, labels, citation, JSON-LD) becomes ``page.na`` for the templates, with the raw front
matter; Material gets only an escaped title (it prints page.meta raw). A page whose HTML is
ready (a generated page: front matter ``na_html: true``; an article's body) skips Markdown
(mkdocs_compat.py). An article's body blocks are numbered for the bilingual view. Every
page's HTML loses its template indentation and blank lines (``slim_html``). (The RSS
feeds are made from the whole catalog after the builds: feeds.py.) Under `mkdocs serve` the
rest of the built site is served beside the live build (serve_mount.py).
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from markupsafe import Markup
from mkdocs.plugins import BasePlugin

from build_scripts import atomic
from build_scripts.body import lead_in_parts, parse_body
from build_scripts.site import mkdocs_compat, serve_mount, template_cache, views
from build_scripts.site.indexes import Headings
from build_scripts.site.labels import (DEFAULT_LANG, LABELS, LANGS, NATIVE_NAME, OG_LOCALE, PREFIX, not_found_labels,
                                      search_box_words)


class NA(dict):
    """What the templates get as ``page.na`` (attribute access for Jinja)."""

    __getattr__ = dict.get


class NewsarchivePlugin(BasePlugin):
    """One language's build: its views, read once, handed to each page."""

    def on_config(self, config):
        lang = config.extra.get("na_lang") or DEFAULT_LANG
        if lang not in LANGS:
            raise ValueError(f"extra.na_lang must be one of {LANGS}, not {lang!r}")
        if not config.use_directory_urls:
            raise ValueError("use_directory_urls must stay true: the generated pages link directory URLs")
        root = views.root_url(config.site_url)
        config.site_url = root + PREFIX[lang]
        config.site_name = LABELS[lang]["site_name"]
        config.extra["na_root_url"] = root
        config.extra["na_labels"] = LABELS[lang]
        config.extra["na_search_words"] = search_box_words(lang)     # assets/md-scope.js
        config.extra["na_langs"] = [{"lang": x, "name": NATIVE_NAME[x], "prefix": PREFIX[x]} for x in LANGS]
        config.extra["na_not_found"] = not_found_labels()     # overrides/404.html
        self.lang = lang
        self.views = views.lazy(Path(config.docs_dir).parent, lang)     # a month's file as its pages come
        self.nav = None
        return config

    def on_files(self, files, config):
        for f in [f for f in files if unused_theme_file(f.src_uri)]:
            files.remove(f)
        return mkdocs_compat.pages_to_render(files, config)

    def on_nav(self, nav, config, files):
        self.nav = nav
        return nav

    def on_pre_page(self, page, config, files):
        view = self.views.get(page.file.src_uri)
        if view and "meta" in view:             # an article: staging parsed its front matter
            mkdocs_compat.read_body_only(page, view["meta"])
        return page

    def on_page_markdown(self, markdown, page, config, files):
        view = self.views.get(page.file.src_uri) or {"alternates": []}
        is_article = "meta" in view
        raw = dict(view["meta"] if is_article else page.meta)
        prepared = raw.pop("na_html", False)      # already HTML (indexes.py)
        title = str(raw.get("title") or "")
        safe_meta = {"title": Markup(html.escape(title))} if title else {}
        if not is_article and isinstance(raw.get("hide"), list):
            safe_meta["hide"] = [h for h in raw["hide"] if h in {"toc", "navigation", "footer"}]
        page.meta = safe_meta
        na = NA(view, kind="article" if is_article else raw.get("na_kind", "page"), lang=self.lang, meta=raw,
                labels=LABELS[self.lang], og_locale=OG_LOCALE[self.lang])
        page.na = na
        if is_article:
            na["jsonld"] = Markup(view["jsonld"])
            return mkdocs_compat.prepared_html(page, article_html(markdown))
        if prepared:
            return mkdocs_compat.prepared_html(page, markdown)
        return markdown

    def on_page_content(self, html_text, page, config, files):
        """Prepared HTML in; an article's body blocks numbered (paragraph ids for the bilingual
        view), Chinese blocks on English pages marked with their language."""
        html_text = mkdocs_compat.content_of(page, html_text)
        na = getattr(page, "na", None)
        if not na or na.kind != "article":
            return html_text
        return number_blocks(html_text, na.lang)

    def on_env(self, env, config, files):
        # A dirty build does not read unchanged pages: the nav still needs their titles.
        for page in self.nav.pages if self.nav else []:
            if page.markdown is None and page.file.abs_src_path:
                title = (self.views.get(page.file.src_uri) or {}).get("title")
                if title is None:
                    from build_scripts.docfile import split_document
                    title = split_document(Path(page.file.abs_src_path))[0].get("title")
                if title:
                    page.title = Markup(html.escape(str(title)))
        lang = self.lang
        env.filters["na_lang"] = lambda text, default=lang: text_lang(str(text or ""), default)
        env.filters["na_json"] = _json_for_html
        env.globals["na_icon"] = icon
        env.globals["config"] = config      # partials/language.html, imported without a page's context
        env.globals["na_fragment"] = mkdocs_compat.FragmentCache()
        env.bytecode_cache = template_cache.for_project(Path(config.config_file_path).parent)
        # Templates do not change during a build (`mkdocs serve` makes a new environment for
        # each): no stat of every included template on every page.
        env.auto_reload = False
        # Looked up a dozen times a page, a few dozen templates in all: a plain dict, not Jinja's
        # LRU cache (which moves each template it hands out to the end of its queue, under a lock).
        if env.cache is not None:
            env.cache = dict(env.cache.items())
        return env

    def on_post_page(self, output, page, config):
        return slim_html(output)

    def on_serve(self, server, config, builder):
        # `mkdocs serve`: this language at its URL, the other languages and search from site/
        return serve_mount.mount(server, config, self.lang)


# What Material copies into every language's assets/ and no page here loads: its search (lunr
# and its worker: Pagefind searches instead), the palette stylesheet (main.html does not link
# it) and the source maps, which serve only the debugging of Material itself (1.3 MB a language).
_UNUSED_THEME_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/", "assets/stylesheets/palette.")


def unused_theme_file(src_uri: str) -> bool:
    return src_uri.startswith(_UNUSED_THEME_FILES) or (src_uri.startswith("assets/") and src_uri.endswith(".map"))


def icon(name: str, base_url: str) -> Markup:
    """An icon where a Material partial would draw its SVG inline: an empty <svg> that
    assets/newsarchive.css (a theme static template: partials/na-icon-masks.html) paints with
    the icon as a mask, sized by Material's rules for that svg. Nothing of the icon on the
    page, not even an address relative to it (``base_url`` is not needed)."""
    return Markup(f'<svg class="na-i-{html.escape(name)}"></svg>')


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


def number_blocks(html_text: str, lang: str) -> str:
    counter = iter(range(1, 1_000_000))

    def number(m):
        tag, sep, rest = m.group(1), m.group(2), m.group(3)
        attrs = f' data-block="{next(counter)}"'
        block_lang = text_lang(_TAGS.sub("", sep + rest), lang)
        if block_lang != lang:
            attrs += f' lang="{block_lang}"'
        return f"<{tag}{attrs}{sep}{rest}"
    return _BLOCK.sub(number, html_text)


def _json_for_html(obj) -> Markup:
    """Jinja's tojson (<, >, &, ' escaped for a <script>) with UTF-8 text instead of \\u escapes
    and no spaces after its commas and colons (the runtime configuration is on every page)."""
    import functools
    import json
    from jinja2.utils import htmlsafe_json_dumps
    return htmlsafe_json_dumps(obj, dumps=functools.partial(json.dumps, ensure_ascii=False, sort_keys=True,
                                                            separators=(",", ":")))


# Template indentation is dropped outside the elements that keep whitespace: <pre>, <textarea>,
# <script>, <style> and the source pages' line list (white-space: pre-wrap in newsarchive.css).
# Any case (ſ is an s to a case-blind match); the look-ahead lets the search skip to each "<"
# whose next letter can begin one, where a pattern blind to case all through tries every "<".
_KEEP_WHITESPACE = re.compile(r'<(?=[PpTtSsOoſ])(?i:(?:(pre|textarea|script|style)\b.*?</\1\s*>'
                              r'|ol class="na-source".*?</ol>))', re.S)


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
