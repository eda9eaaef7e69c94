"""`mkdocs serve` of one language, with the rest of the site beside it.

`mkdocs serve` builds one language into a temporary folder and serves only that. A reader
also follows the language links, opens the bilingual view (it fetches the page in the other
language) and searches (Pagefind bundles, made after the MkDocs builds). So the plugin's
``on_serve`` hands MkDocs' server a WSGI app that answers from the live build first and,
for what the live build does not have, from the assembled site/ of the last `make site`:
one rule, no list of what lives where. The language is served under its own prefix of the
site's root (en at <root>/en/), as published, so relative links between languages resolve.
"""
from __future__ import annotations

import logging
import mimetypes
import posixpath
import wsgiref.util
from pathlib import Path
from urllib.parse import quote, urlsplit

from ..project import Project
from .labels import LANGS, PREFIX

log = logging.getLogger("mkdocs.plugins.newsarchive")

# Pagefind's own files and ES modules need their types; Python's table lacks some.
_TYPES = {".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm",
          ".json": "application/json", ".css": "text/css"}


def content_type(path: Path) -> str:
    kind = _TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return kind + "; charset=utf-8" if kind.startswith("text/") or kind.endswith("/json") else kind


def missing_parts(site: Path, lang: str) -> list[str]:
    """What of the built site a reader of ``lang``'s serve would miss (nothing after `make site`)."""
    missing = [f"{site / PREFIX[other]}" for other in LANGS
               if other != lang and not (site / PREFIX[other] / "index.html").is_file()]
    if not (site / PREFIX[lang] / "pagefind" / "shards.json").is_file():
        missing.append(f"{site / PREFIX[lang] / 'pagefind'}")
    return missing


class BuiltSiteFallback:
    """WSGI: the live build's answer unless it is a 404 under the site's root; then the file
    of site/ at that path, if there is one."""

    def __init__(self, app, root_path: str, site: Path):
        self.app, self.root_path, self.site = app, root_path, site.resolve()

    def __call__(self, environ, start_response):
        answer = []
        body = self.app(environ, lambda status, headers, exc_info=None: answer.append((status, headers)))
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        fallback = self.built_file(path) if answer and answer[0][0].startswith("404") else None
        if fallback is None:
            start_response(*answer[0])
            return body
        if hasattr(body, "close"):
            body.close()
        if fallback.is_dir():                      # a folder's page: its address ends in "/"
            start_response("302 Found", [("Location", quote(path) + "/")])
            return []
        start_response("200 OK", [("Content-Type", content_type(fallback)),
                                  ("Content-Length", str(fallback.stat().st_size))])
        return wsgiref.util.FileWrapper(fallback.open("rb"))

    def built_file(self, path: str) -> Path | None:
        """site/'s file (or page folder) for a URL path under the root; None outside it or missing."""
        if not (path + "/").startswith(self.root_path):
            return None
        rel = posixpath.normpath("/" + path[len(self.root_path):]).lstrip("/")   # no way out of site/
        target = self.site / rel if rel != "." else self.site
        if path.endswith("/") or target.is_dir():
            page = target / "index.html"
            if not page.is_file():
                return None
            return page if path.endswith("/") else target
        return target if target.is_file() else None


def mount(server, config, lang: str):
    """Serve ``lang`` at its own URL under the site root, the rest of site/ beside it."""
    own_url, root_url = config.site_url, config.extra["na_root_url"]     # set by the plugin's on_config
    server.mount_path, server.url = urlsplit(own_url).path, own_url
    config_dir = Path(config.config_file_path).parent if config.config_file_path else None   # None: `-f -`
    site = Project.find(config_dir).root / "site"
    missing = missing_parts(site, lang)
    if missing:
        log.warning(f"serving {lang} only: no {', '.join(missing)}; the other languages and search need `make site`")
    server.set_app(BuiltSiteFallback(server.get_app(), urlsplit(root_url).path, site))
    if config.theme.custom_dir:       # the templates and CSS are what one serves a language to work on
        server.watch(config.theme.custom_dir)
    return server
