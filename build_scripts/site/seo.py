"""Discovery: schema.org JSON-LD, the sitemaps with hreflang alternates (RSS: feeds.py)."""
from __future__ import annotations

import datetime as dt
import gzip
import json
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
    parts: dict[str, list[tuple[str, str]]] = {}
    for lang in LANGS:
        for rel in sorted(pages[lang]):
            parts.setdefault(_sitemap_part(rel), []).append((lang, rel))
    files: dict[str, str] = {}
    for part in sorted(parts):
        urls = parts[part]
        for n in range(0, len(urls), SITEMAP_URLS):
            name = part if len(urls) <= SITEMAP_URLS else f"{part}-{n // SITEMAP_URLS + 1}"
            files[f"sitemaps/{name}.xml.gz"] = _urlset(urls[n:n + SITEMAP_URLS], pages, site_url, prefixes)
    index = ['<?xml version="1.0" encoding="UTF-8"?>', f'<sitemapindex xmlns="{SITEMAP_NS}">']
    index += [f"<sitemap><loc>{xml_escape(site_url + name)}</loc></sitemap>" for name in files]
    files["sitemap.xml"] = "\n".join(index + ["</sitemapindex>", ""])
    return files


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
