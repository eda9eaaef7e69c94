"""Discovery: schema.org JSON-LD, the sitemaps with hreflang alternates (RSS: feeds.py)."""
from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from .. import paths
from .labels import LANGS

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def json_for_html(data) -> str:
    """JSON that is safe inside <script>: no '<', '>' or '&' survive literally."""
    text = json.dumps(data, ensure_ascii=False, default=str, separators=(",", ":"))   # no spaces: every article carries it
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _iso(d) -> str | None:
    if isinstance(d, dt.datetime):
        return d.isoformat()
    if isinstance(d, dt.date):
        return d.isoformat()
    return str(d) if d else None


def news_article(meta: dict, lang: str, url: str, issue_url: str | None,
                 original_url: str | None) -> dict:
    """An article's schema.org NewsArticle, on every article page: what search engines read
    (headline, language, URL, authors, date, publisher, page, issue), not the archive's own
    article id nor the issue's date again (the article's is the issue's)."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": str(meta.get("title") or ""),
        "inLanguage": lang,
        "url": url,
        "author": [{"@type": "Person", "name": str(a)} for a in (meta.get("authors") or [])],
    }
    if meta.get("subtitle"):
        data["alternativeHeadline"] = str(meta["subtitle"])
    if meta.get("date"):
        data["datePublished"] = _iso(meta["date"])
    if meta.get("publication"):
        data["publisher"] = {"@type": "Organization", "name": str(meta["publication"])}
    if meta.get("page") is not None:
        data["pagination"] = str(meta["page"])
    if issue_url:
        data["isPartOf"] = {
            "@type": "PublicationIssue",
            "url": issue_url,
            "isPartOf": {"@type": "Periodical", "name": str(meta.get("publication") or "")},
        }
    if original_url:
        data["translationOfWork"] = {"@type": "NewsArticle", "url": original_url, "inLanguage": "zh-Hans"}
        tr = meta.get("translation") or {}
        if isinstance(tr, dict) and tr.get("engine"):
            data["translator"] = {"@type": "SoftwareApplication", "name": str(tr["engine"])}
    return data


SITEMAP_URLS = 40_000      # per sitemap file; the protocol allows 50,000 and 50 MB
def _sitemap_part(rel: str) -> str:
    """Dated pages go by month ("2025-12"), so adding an issue changes one part."""
    return paths.month_of(rel) or "pages"


def _sitemap_chunks(pages: dict[str, set[str]]) -> dict[str, list[tuple[str, str]]]:
    """Each sitemap part's name ("2025-12", "pages", "pages-2" …) and its (language, URL) pairs."""
    parts: dict[str, list[tuple[str, str]]] = {}
    for lang in LANGS:
        for rel in sorted(pages[lang]):
            parts.setdefault(_sitemap_part(rel), []).append((lang, rel))
    chunks = {}
    for part in sorted(parts):
        urls = parts[part]
        for n in range(0, len(urls), SITEMAP_URLS):
            name = part if len(urls) <= SITEMAP_URLS else f"{part}-{n // SITEMAP_URLS + 1}"
            chunks[f"sitemaps/{name}.xml.gz"] = urls[n:n + SITEMAP_URLS]
    return chunks


def _sitemap_index(names, site_url: str) -> str:
    index = ['<?xml version="1.0" encoding="UTF-8"?>', f'<sitemapindex xmlns="{SITEMAP_NS}">']
    index += [f"<sitemap><loc>{xml_escape(site_url + name)}</loc></sitemap>" for name in names]
    return "\n".join(index + ["</sitemapindex>", ""])


def sitemaps(pages: dict[str, set[str]], site_url: str, prefixes: dict[str, str]) -> dict[str, str]:
    """The site's sitemaps: ``sitemap.xml``, an index of ``sitemaps/<part>.xml.gz``, one per month
    of dated pages ("2025-12") and one for the others ("pages"), numbered ("pages-1", …) when
    a part has more URLs than SITEMAP_URLS; every URL with its hreflang alternates (the only
    place they are: not on every page). A part's text is given here; it is written gzip'd
    (write_sitemaps: the protocol allows it, and its alternates make it 15 times bigger
    than gzip'd), the index as it is (robots.txt names it).

    ``pages`` holds each language's page URLs relative to its root ("", "archive/", …); a page's
    alternates are the same relative path in the other languages that have it.
    """
    files = {name: _urlset(urls, pages, site_url, prefixes) for name, urls in _sitemap_chunks(pages).items()}
    files["sitemap.xml"] = _sitemap_index(list(files), site_url)
    return files


SITEMAP_CACHE_VERSION = 1


def sitemap_files(pages: dict[str, set[str]], site_url: str, prefixes: dict[str, str],
                  cache: Path) -> dict[str, bytes]:
    """``sitemaps`` as written (``sitemap_bytes``), a part made again only when its URLs or
    their alternates changed: the folder ``cache`` keeps each part's bytes and a digest of
    what made them (a daily issue changes its month's part; gzip at level 9 of a year's
    parts takes seconds)."""
    from ..atomic import write_bytes, write_if_changed
    from ..cache import code_fingerprint
    index_path = cache / "index.json"
    head = [SITEMAP_CACHE_VERSION, code_fingerprint(), site_url, prefixes]
    try:
        kept = json.loads(index_path.read_text(encoding="utf-8"))
        digests = kept["parts"] if kept.get("head") == head else {}
    except (OSError, ValueError, KeyError, AttributeError, TypeError):
        digests = {}
    files: dict[str, bytes] = {}
    made: dict[str, str] = {}
    for name, urls in _sitemap_chunks(pages).items():
        made[name] = digest = _urls_digest(urls, pages)
        data = None
        if digests.get(name) == digest:
            try:
                data = (cache / name).read_bytes()
            except FileNotFoundError:
                pass
        if data is None:
            data = sitemap_bytes(name, _urlset(urls, pages, site_url, prefixes))
            write_bytes(cache / name, data, sync=False)
        files[name] = data
    files["sitemap.xml"] = sitemap_bytes("sitemap.xml", _sitemap_index(list(files), site_url))
    write_if_changed(index_path, json.dumps({"head": head, "parts": made}, sort_keys=True), sync=False)
    for old in (cache / "sitemaps").glob("*.xml.gz"):
        if f"sitemaps/{old.name}" not in made:
            old.unlink()
    return files


def _urls_digest(urls: list[tuple[str, str]], pages: dict[str, set[str]]) -> str:
    """What a sitemap part is made from besides the site URL: its URLs and the languages of each."""
    h = hashlib.blake2b(digest_size=16)
    for lang, rel in urls:
        h.update(f"{lang}\0{rel}\0{''.join('1' if rel in pages[x] else '0' for x in LANGS)}\n".encode("utf-8"))
    return h.hexdigest()


def sitemap_bytes(name: str, text: str) -> bytes:
    """What is written for a sitemap file: a part (``.gz``) gzip'd with no name or time in its
    header, so the same sitemap gives the same bytes, build after build."""
    data = text.encode("utf-8")
    return gzip.compress(data, compresslevel=9, mtime=0) if name.endswith(".gz") else data


def _urlset(urls: list[tuple[str, str]], pages: dict[str, set[str]], site_url: str,
            prefixes: dict[str, str]) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">']
    for lang, rel in urls:
        out.append("<url>")
        out.append(f"<loc>{xml_escape(site_url + prefixes[lang] + rel)}</loc>")
        have = [x for x in LANGS if rel in pages[x]]
        if len(have) > 1:
            for x in have:
                href = quoteattr(site_url + prefixes[x] + rel)
                out.append(f'<xhtml:link rel="alternate" hreflang="{x}" href={href}/>')
            href = quoteattr(site_url + prefixes[LANGS[0]] + rel)
            out.append(f'<xhtml:link rel="alternate" hreflang="x-default" href={href}/>')
        out.append("</url>")
    out += ["</urlset>", ""]
    return "\n".join(out)
