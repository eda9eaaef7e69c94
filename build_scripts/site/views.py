"""What each page shows besides its body, made once per build in staging, from the catalog.

A view is plain data (strings, numbers, lists, dicts): the same page in the other
languages, and for an article its byline with author links, date and page labels,
provenance label, citation, description, JSON-LD and the links to its issue, page and
source. Staging (``staging.stage``) makes the views of every staged page of a language
from its catalog entries, the pages every language has (``present``) and the zh-Hans
author names, and keeps them in ``build/docs/.<lang>.views/``, a file per month (``update``);
the MkDocs plugin only hands a page's view to the templates, reading a month's file when it
first renders a page of it (``lazy``). A page whose view changed is given a new
mtime by staging, so an incremental build renders it again (a view is never stale).

Links are relative to the page (MkDocs' directory URLs), absolute URLs start at the
site's root URL (``root_url``).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import pickle
from pathlib import Path

from .. import paths
from ..project import DEFAULT_SITE_URL
from ..body import parse_body
from . import seo
from .catalog import Entry, write_pickle
from .excerpt import whole_sentences
from .indexes import link, source_page_rel, url_of
from .labels import DEFAULT_LANG, LANGS, NATIVE_NAME, PREFIX, format_date, page_label, t
from .slugs import author_slugs

VIEWS_VERSION = 4         # 2: with the previous and next article; 3: the dateline printed once; 4: meta
# The front matter keys an article page prints (overrides/): the plugin hands them to the
# templates from the view, so MkDocs need not parse the front matter again.
PAGE_META = ("title", "kicker", "subtitle", "publication", "authors", "page_name")
DESCRIPTION_CHARS = 200


def views_file(staging: Path, lang: str) -> Path:
    return staging / f".{lang}.views.pickle"


def root_url(site_url: str | None) -> str:
    """The site's root (zh-Hans) URL, ending in "/", from a language's site_url."""
    root = site_url or DEFAULT_SITE_URL
    if not root.endswith("/"):
        root += "/"
    for prefix in PREFIX.values():
        if prefix and root.endswith("/" + prefix):    # a language's own URL
            return root[: -len(prefix)]
    return root


def first_text(markdown: str) -> str:
    """An article's description (and the front page's standfirst): the whole sentences of
    its first paragraph that fit in DESCRIPTION_CHARS, or its whole first sentence when that
    alone is longer (never a sentence cut short)."""
    for block in parse_body(markdown):
        if block.kind == "paragraph":
            return whole_sentences(block.text, DESCRIPTION_CHARS, keep_long_first=True)
    return ""


# -- every page ----------------------------------------------------------------------------
def _to_site_root(lang: str, url: str) -> str:
    """From a page at ``url`` of ``lang`` to the site's root ("../../../"; "" at the root)."""
    return "../" * (PREFIX[lang] + url).count("/")


def _up(lang: str, url: str) -> str:
    """From a page at ``url`` to its language's home ("../../"; "" at the home), not by way of
    the site's root: every link into the page's own language is that much shorter."""
    return "../" * url.count("/")


def alternates(rel: str, lang: str, present_in: tuple[str, ...], root: str) -> list[dict]:
    """The page in every language: where it is, relative to this page, and whether it exists
    (else the link goes to that language's home)."""
    url = url_of(rel)
    to_site_root = _to_site_root(lang, url)
    out = []
    for other in LANGS:
        exists = other == lang or other in present_in
        target = PREFIX[other] + (url if exists else "")
        # the page itself: "./", not the way round by the site's root
        href = "./" if other == lang else (to_site_root + target) or "./"
        out.append({"lang": other, "name": NATIVE_NAME[other], "current": other == lang, "exists": exists,
                    "href": href, "abs": root + target})
    return out


def page_view(rel: str, lang: str, present_in: tuple[str, ...], root: str) -> dict:
    return {"alternates": alternates(rel, lang, present_in, root)}


# -- an article ----------------------------------------------------------------------------
def provenance(meta: dict, lang: str) -> dict | None:
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


def byline_parts(byline: str, links: list[dict]) -> list[dict]:
    """The byline as printed, with each author's name linked to the author page; authors the
    printed byline does not name follow it."""
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


def citation(meta: dict, lang: str, url: str) -> str:
    authors = [str(a) for a in meta.get("authors") or []]
    date = meta.get("date")
    date_text = date.isoformat() if isinstance(date, dt.date) else ""
    title, pub, page = str(meta.get("title") or ""), str(meta.get("publication") or ""), meta.get("page")
    if lang == "en":
        who = ", ".join(authors)
        where = f"{pub}, {date_text}" + (f", p. {page}" if page is not None else "")
        return f"{who + '. ' if who else ''}“{title}”. {where}. {url}"
    who = "，".join(authors)
    where = f"《{pub}》{date_text}" + (f"，第{page}版" if page is not None else "")
    return f"{who + '：' if who else ''}「{title}」，{where}。{url}"


def dateline_to_print(meta: dict, first_paragraph: str) -> str:
    """The dateline for the head's date line, or "" when the page prints it already: the
    segmenter keeps a credit as printed (本报讯（记者 王樱润）), so the byline often holds
    it, and a body may begin with it."""
    dateline = str(meta.get("dateline") or "").strip()
    if not dateline or dateline in str(meta.get("byline") or "") or first_paragraph.startswith(dateline):
        return ""
    return dateline


def _author_links(authors: list[str], master: list[str] | None, up: str, slugs: dict[str, str]) -> list[dict]:
    """Each author's name with the link to its author page, keyed by the zh-Hans name (a
    translated name links to the same page as the original); ``slugs``: slugs.author_slugs
    of the whole catalog, as the author pages are named."""
    return [{"name": name, "href": up + f"authors/{slugs[key]}/"}
            for name, key in zip(authors, _author_keys(authors, master))]


def _author_keys(authors: list[str], master: list[str] | None) -> list[str]:
    return master if master is not None and len(master) == len(authors) else authors


def on_the_same_page(entries: list[Entry]) -> dict[str, tuple[Entry | None, Entry | None]]:
    """Each article's neighbours on its printed page (the articles before and after it in
    ``entries``, which the catalog gives in page order)."""
    by_page: dict[str, list[Entry]] = {}
    for e in entries:
        by_page.setdefault(str(e.rel.parent), []).append(e)
    around = {}
    for arts in by_page.values():
        for n, e in enumerate(arts):
            around[str(e.rel)] = (arts[n - 1] if n > 0 else None, arts[n + 1] if n + 1 < len(arts) else None)
    return around


def _neighbour(rel: str, other: Entry | None) -> dict | None:
    return None if other is None else {"href": link(rel, str(other.rel)), "title": other.title}


def article_view(entry: Entry, lang: str, present_in: tuple[str, ...], master_authors: list[str] | None,
                 root: str, slugs: dict[str, str],
                 around: tuple[Entry | None, Entry | None] = (None, None)) -> dict:
    meta, rel = entry.meta, str(entry.rel)
    url = url_of(rel)
    permalink = root + PREFIX[lang] + url
    up = _up(lang, url)
    date = entry.date
    src = meta.get("source") or {}
    lines = src.get("lines") or [None, None]
    issue_rel = None if entry.undated else paths.issue_of(rel) + "/"
    alts = alternates(rel, lang, present_in, root)
    by_lang = {a["lang"]: a for a in alts}
    original = by_lang[DEFAULT_LANG] if lang != DEFAULT_LANG else None
    # the other side of the bilingual view: Chinese pages pair with English, English with zh-Hans
    pair_lang = "en" if lang != "en" else DEFAULT_LANG
    links = _author_links(entry.authors, master_authors, up, slugs)
    source_href = None
    if src.get("file"):
        anchor = f"#L{lines[0]}-L{lines[-1]}" if lines[0] else ""
        # the one page of a dump, zh-Hans's (indexes.py: its lines are the same in every language)
        source_href = _to_site_root(lang, url) + PREFIX[DEFAULT_LANG] + url_of(source_page_rel(src["file"])) + anchor
    jsonld = seo.news_article(meta, lang, permalink, root + PREFIX[lang] + issue_rel if issue_rel else None,
                              original["abs"] if original and original["exists"] else None)
    return {
        "alternates": alts,
        "meta": {k: meta[k] for k in PAGE_META if k in meta},
        "title": entry.title,
        "date_text": format_date(lang, date) if date else "",
        "date_iso": date.isoformat() if date else "",
        "page_text": page_label(lang, meta.get("page"), meta.get("page_name")),
        "issue_href": up + issue_rel if issue_rel else None,
        "page_href": "../",
        "home_href": up or "./",
        "authors": entry.authors,
        "byline_parts": byline_parts(str(meta.get("byline") or ""), links),
        "dateline": dateline_to_print(meta, entry.description),
        "source_file": src.get("file") or "",
        "source_first": lines[0], "source_last": lines[-1],
        "source_href": source_href,
        "source_text": t(lang, "source_lines" if lang == DEFAULT_LANG else "source_lines_zh",
                         file=src.get("file") or "", first=lines[0], last=lines[-1]),
        "source_hreflang": DEFAULT_LANG if lang != DEFAULT_LANG else None,
        "permalink": permalink,
        "provenance": provenance(meta, lang),
        "original": original,
        "pair": by_lang[pair_lang] if by_lang[pair_lang]["exists"] else None,
        "pair_lang": pair_lang,
        "captions": [str(c) for c in meta.get("captions") or []],
        "cite": citation(meta, lang, permalink),
        "jsonld": seo.json_for_html(jsonld),
        "description": entry.description,
        "prev": _neighbour(rel, around[0]),
        "next": _neighbour(rel, around[1]),
    }


# -- all pages of a language ---------------------------------------------------------------
def _neighbour_key(other: Entry | None) -> tuple | None:
    return None if other is None else (str(other.rel), other.title)


def article_key(entry: Entry, present_in: tuple[str, ...], master: list[str] | None, root: str,
                slugs: dict[str, str], around: tuple[Entry | None, Entry | None]) -> tuple:
    """Everything ``article_view`` reads, besides the code and labels (``save``'s ``code``):
    a view whose key is unchanged is taken from the last staging, not made again (a year
    holds 22k articles a language; a daily issue changes a few hundred views)."""
    return (entry.digest, entry.description, present_in, None if master is None else tuple(master), root,
            tuple(slugs[k] for k in _author_keys(entry.authors, master)),
            _neighbour_key(around[0]), _neighbour_key(around[1]))


def catalog_slugs(entries: list[Entry], master_authors: dict[str, list[str]] | None) -> dict[str, str]:
    """Author key → slug over the whole catalog, as indexes.Generator names the author pages:
    every zh-Hans name (``master_authors``: rel → zh-Hans names; None for zh-Hans itself)."""
    if master_authors is None:
        return author_slugs(n for e in entries for n in e.authors)
    used = [k for e in entries for k in author_keys_of(e, master_authors)]
    return author_slugs((n for names in master_authors.values() for n in names), extra=used)


def author_keys_of(entry: Entry, master_authors: dict[str, list[str]] | None) -> list[str]:
    """The keys (zh-Hans names) an article's byline links by."""
    master = None if master_authors is None else master_authors.get(str(entry.rel))
    return _author_keys(entry.authors, master)


def _page_views(lang: str, rels: list[str], articles: dict[str, Entry], present: dict[str, set[str]],
                master_authors: dict[str, list[str]] | None, root: str, slugs: dict[str, str],
                around: dict[str, tuple[Entry | None, Entry | None]]) -> tuple[dict[str, tuple], dict[str, dict]]:
    """The key of each article of ``rels`` (``article_key``) and the view of each other page
    (made here: an alternates list costs less than its key would)."""
    keys, pages = {}, {}
    for rel in rels:
        present_in = tuple(x for x in LANGS if x != lang and rel in present[x])
        entry = articles.get(rel)
        if entry is None:
            pages[rel] = page_view(rel, lang, present_in, root)
            continue
        master = None if master_authors is None else master_authors.get(rel)
        keys[rel] = article_key(entry, present_in, master, root, slugs, around[rel])
    return keys, pages


def _article_views(lang: str, keys: dict[str, tuple], articles: dict[str, Entry],
                   master_authors: dict[str, list[str]] | None, root: str, slugs: dict[str, str],
                   around: dict[str, tuple[Entry | None, Entry | None]],
                   before: tuple[dict[str, tuple], dict[str, dict]]) -> dict[str, dict]:
    """The view of each article of ``keys``: the kept one (``before``) where its key is the same."""
    old_keys, old_views = before
    out = {}
    for rel, key in keys.items():
        if old_keys.get(rel) == key and rel in old_views:
            out[rel] = old_views[rel]
        else:
            entry = articles[rel]
            master = None if master_authors is None else master_authors.get(rel)
            present_in = key[2]     # article_key: (digest, description, present_in, …)
            out[rel] = article_view(entry, lang, present_in, master, root, slugs, around[rel])
    return out


def make_views(lang: str, entries: list[Entry], pages: list[str], present: dict[str, set[str]],
               master_authors: dict[str, list[str]] | None, root: str,
               before: tuple[dict[str, tuple], dict[str, dict]] = ({}, {})
               ) -> tuple[dict[str, tuple], dict[str, dict]]:
    """The view of every staged page of ``lang`` (``pages``: its staged .md files), and the
    key of each article's view; ``before``: the keys and views of the last staging
    (``reusable``), whose views are kept where the key is the same."""
    articles = {str(e.rel): e for e in entries}
    slugs = catalog_slugs(entries, master_authors)
    around = on_the_same_page(entries)
    keys, made = _page_views(lang, pages, articles, present, master_authors, root, slugs, around)
    made.update(_article_views(lang, keys, articles, master_authors, root, slugs, around, before))
    return keys, {rel: made[rel] for rel in pages}


# -- kept by part ----------------------------------------------------------------------------
# A language's views are kept in parts: one file per month of dated pages ("2025-12"), one for
# the others ("pages"), and an index of each part's digest (the keys of its articles and the
# views of its other pages). A daily issue changes a month: staging reads and writes that
# month's part only, and a dirty MkDocs build reads the parts of the pages it renders.
INDEX = "index.pickle"


def views_dir(staging: Path, lang: str) -> Path:
    return staging / f".{lang}.views"


def part_of(rel: str) -> str:
    """The part a page's view is kept in: its month ("2025-12"), or "pages"."""
    return paths.month_of(rel) or "pages"


def _by_part(rels) -> dict[str, list[str]]:
    parts: dict[str, list[str]] = {}
    for rel in rels:
        parts.setdefault(part_of(rel), []).append(rel)
    return parts


def _part_digest(keys: dict[str, tuple], pages: dict[str, dict]) -> str:
    """What a part's views are made from (besides the code): reprs of plain data, so equal
    inputs give one digest whatever objects hold them."""
    h = hashlib.blake2b(digest_size=16)
    for rel in sorted(keys):
        h.update(f"{rel}\0{keys[rel]!r}\n".encode("utf-8"))
    h.update(b"\1")
    for rel in sorted(pages):
        h.update(f"{rel}\0{pages[rel]!r}\n".encode("utf-8"))
    return h.hexdigest()


def _file_stamp(path: Path) -> tuple[int, int] | None:
    """A part file's (size, mtime_ns): one replaced or damaged since its index was written
    differs (it is then read and made again)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st.st_size, st.st_mtime_ns


def _read_pickle(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            data = pickle.load(handle)
        if isinstance(data, dict) and data.get("version") == VIEWS_VERSION:
            return data
    except Exception:       # noqa: BLE001 - a cache: made anew by the next staging
        pass
    return {}


def _read_index(staging: Path, lang: str) -> dict:
    return _read_pickle(views_dir(staging, lang) / INDEX)


def _read_part(staging: Path, lang: str, part: str) -> dict:
    return _read_pickle(views_dir(staging, lang) / f"{part}.pickle")


def _write_parts(staging: Path, lang: str, code: str, parts: dict[str, dict], digests: dict[str, str],
                 index: dict) -> None:
    """Write the parts given (``parts``: part → its views and keys), then the index (every
    part's digest), then remove the parts no longer wanted. Written part by part: a stop
    half-way leaves parts the index does not vouch for, which are made again."""
    folder = views_dir(staging, lang)
    for part, data in parts.items():
        write_pickle(folder / f"{part}.pickle", {"version": VIEWS_VERSION, "code": code, **data})
    files = {part: _file_stamp(folder / f"{part}.pickle") for part in digests}
    new_index = {"version": VIEWS_VERSION, "code": code, "parts": digests, "files": files}
    if new_index != index:
        write_pickle(folder / INDEX, new_index)
    for path in folder.glob("*.pickle"):
        if path.name != INDEX and path.stem not in digests:
            path.unlink()
    views_file(staging, lang).unlink(missing_ok=True)        # the whole-language file of before


def update(staging: Path, lang: str, entries: list[Entry], pages: list[str], present: dict[str, set[str]],
           master_authors: dict[str, list[str]] | None, root: str, code: str) -> list[str]:
    """``make_views`` and ``save`` part by part: a part whose digest is the one kept (same
    code) is neither read nor written. Returns the pages whose view differs from the kept one."""
    articles = {str(e.rel): e for e in entries}
    slugs = catalog_slugs(entries, master_authors)
    around = on_the_same_page(entries)
    index = _read_index(staging, lang)
    same_code = index.get("code") == code
    kept_digests, kept_files = index.get("parts", {}), index.get("files", {})
    folder = views_dir(staging, lang)
    changed, writes, digests = [], {}, {}
    for part, rels in _by_part(pages).items():
        keys, made = _page_views(lang, rels, articles, present, master_authors, root, slugs, around)
        digests[part] = digest = _part_digest(keys, made)
        stamp = _file_stamp(folder / f"{part}.pickle")
        if same_code and kept_digests.get(part) == digest and stamp is not None and kept_files.get(part) == stamp:
            continue
        kept = _read_part(staging, lang, part)
        before = kept.get("views", {})
        reuse = (kept.get("keys", {}), before) if kept.get("code") == code else ({}, {})
        made.update(_article_views(lang, keys, articles, master_authors, root, slugs, around, reuse))
        changed += [rel for rel, view in made.items() if rel in before and before[rel] != view]
        if made != before or kept.get("keys") != keys or kept.get("code") != code:
            writes[part] = {"views": made, "keys": keys}
    _write_parts(staging, lang, code, writes, digests, index)
    return sorted(changed)


def save(staging: Path, lang: str, views: dict[str, dict], keys: dict[str, tuple] | None = None,
         code: str = "", kept: dict | None = None) -> list[str]:
    """Keep ``views`` (and the keys they were made from, valid for ``code``: the code and labels
    that made them); return the pages whose view differs from the last one kept (``kept``:
    what ``read_kept`` gave, when the caller has it)."""
    kept = read_kept(staging, lang) if kept is None else kept
    before = kept.get("views", {})
    changed = [rel for rel, view in views.items() if rel in before and before[rel] != view]
    keys = keys or {}
    writes, digests = {}, {}
    for part, rels in _by_part(views).items():
        part_keys = {rel: keys[rel] for rel in rels if rel in keys}
        part_views = {rel: views[rel] for rel in rels}
        # a digest no staging computes (views given whole, not from keys): the next update remakes the part
        digests[part] = "saved:" + _part_digest(part_keys, part_views)
        writes[part] = {"views": part_views, "keys": part_keys}
    _write_parts(staging, lang, code, writes, digests, _read_index(staging, lang))
    return changed


def read_kept(staging: Path, lang: str) -> dict:
    """What the last staging kept: its views, their keys and the code that made them (every part)."""
    index = _read_index(staging, lang)
    if not index:
        return {}
    out: dict = {"version": VIEWS_VERSION, "views": {}, "keys": {}, "code": index.get("code")}
    for part in index.get("parts", {}):
        data = _read_part(staging, lang, part)
        out["views"].update(data.get("views", {}))
        out["keys"].update(data.get("keys", {}))
    return out


def load(staging: Path, lang: str) -> dict[str, dict]:
    """The views staging kept for ``lang``, every part ({} when there are none: a page is then
    shown with what its own front matter says)."""
    return read_kept(staging, lang).get("views", {})


class Lazy:
    """The views staging kept for ``lang``, a part read when a page of it is first asked for
    (a dirty MkDocs build renders a few months' pages of a year)."""

    def __init__(self, staging: Path, lang: str):
        self.staging, self.lang = staging, lang
        self.parts: dict[str, dict[str, dict]] = {}

    def get(self, rel: str, default=None):
        part = part_of(rel)
        views = self.parts.get(part)
        if views is None:
            views = self.parts[part] = _read_part(self.staging, self.lang, part).get("views", {})
        return views.get(rel, default)


def lazy(staging: Path, lang: str) -> Lazy:
    return Lazy(staging, lang)


def reusable(kept: dict, code: str) -> tuple[dict[str, tuple], dict[str, dict]]:
    """The keys and views of the last staging (``read_kept``), if the same ``code`` made them."""
    return (kept.get("keys", {}), kept.get("views", {})) if kept.get("code") == code else ({}, {})
