"""The built sample site served on 127.0.0.1 and headless Chromium, for every browser test
module (registered in conftest.py, so one browser and one sample build serve them all).

One session fixture builds the sample site (the bundled dumps plus a hostile one) with
SITE_URL pointing at a local server on 127.0.0.1 that serves it under the project path
/newsarchive/, as GitHub Pages does.
"""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from browser_helpers import chromium
from site_sample import build_sample

PREFIX = "/newsarchive/"


class _Handler(http.server.SimpleHTTPRequestHandler):
    def translate_path(self, path):
        p = urlparse(path).path
        if not p.startswith(PREFIX):
            return str(Path(self.directory) / "__outside_the_project_path__")
        return super().translate_path("/" + path[len(PREFIX):])

    def send_error(self, code, message=None, explain=None):
        """A missing file gets the site's root 404.html with status 404, as GitHub Pages
        answers every path it has no file for."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    work = tmp_path_factory.mktemp("sample")
    handler = functools.partial(_Handler, directory=str(work / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    result = build_sample(work, base)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {"base": base, "site": result.site, "result": result}
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    with chromium() as b:   # Debian's Chromium, else Playwright's (browser_helpers)
        yield b


@pytest.fixture
def page(browser):
    """A page that records console errors, page errors and dialogs (an alert() would be one)."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.problems = []
    pg.on("console", lambda m: pg.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.problems.append(f"page error: {e}"))
    pg.on("dialog", lambda d: (pg.problems.append(f"dialog: {d.message}"), d.dismiss()))
    # a request cut short by the next navigation (net::ERR_ABORTED) is not a failure of the site
    pg.on("requestfailed", lambda r: None if "ERR_ABORTED" in (r.failure or "") else
          pg.problems.append(f"request failed: {r.url} ({r.failure})"))
    yield pg
    problems = list(pg.problems)
    ctx.close()
    assert problems == [], problems
