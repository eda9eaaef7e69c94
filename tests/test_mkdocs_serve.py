"""`mkdocs serve` after `make site`: the served language at its URL, the other languages,
the bilingual view's page and the Pagefind bundles from the built site beside it; without
a built site, its own language and one line saying what needs `make site`.

A small project (the repo's configs and templates, the fixture's docs) is built into its own
folder and `mkdocs serve` runs on it on 127.0.0.1 with a free port."""
from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from build_scripts.project import Project
from site_fixture import make_docs, make_project

MKDOCS = Path(sys.executable).parent / "mkdocs"
SITE_URL = "https://example.org/newsarchive/"
ROOT = "/newsarchive/"
ARTICLE = "2025/12/15/01/jifa-keji/"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    from build_scripts.site.build import build_site
    root = tmp_path_factory.mktemp("serve")
    make_project(root, copy=True)
    docs = make_docs(root)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", SITE_URL)
        build_site(docs, root / "site", dumps_root=root, build_dir=root / "build",
                   project=Project(root), log=lambda *a: None)
    return root


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def mkdocs_serve(root: Path, config: str = "mkdocs.yml"):
    """`mkdocs serve` on a free port; yields (base URL of the site root, console lines)."""
    port = free_port()
    proc = subprocess.Popen([str(MKDOCS), "serve", "-f", config, "-a", f"127.0.0.1:{port}"], cwd=root,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"})
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)
    reader.start()
    base = f"http://127.0.0.1:{port}{ROOT}"
    try:
        end = time.monotonic() + 120
        while not any("Serving on" in line for line in lines):
            if proc.poll() is not None or time.monotonic() > end:
                raise AssertionError("mkdocs serve did not start:\n" + "".join(lines))
            time.sleep(0.2)
        yield base, lines
    finally:
        proc.terminate()
        proc.wait(20)


def get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def pagefind_files(base: str) -> list[str]:
    """What the search box loads first: the shard list and the newest shard's pagefind.js."""
    status, _, body = get(base + "pagefind/shards.json")
    assert status == 200, base
    newest = json.loads(body)["shards"][0]["name"]
    return [base + "pagefind/shards.json", base + f"pagefind/{newest}/pagefind.js"]


@pytest.mark.parametrize("config, lang_root, other_root", [("mkdocs.yml", "", "en/"),
                                                           ("config/en.yml", "en/", "")])
def test_serve_gives_the_whole_site_after_make_site(project, config, lang_root, other_root):
    with mkdocs_serve(project, config) as (base, lines):
        own = base + lang_root
        status, kind, body = get(own + ARTICLE)
        assert status == 200 and "text/html" in kind
        assert b"livereload" in body                    # the live build, not site/'s copy
        for url in [own, base + other_root + ARTICLE, base + "zh-Hant/" + ARTICLE]:
            assert get(url)[0] == 200, url              # the language links and the bilingual view's page
        js = pagefind_files(own)[1]
        status, kind, _ = get(js)
        assert status == 200 and "javascript" in kind   # an ES module needs its type
        assert get(own + "no/such/page/")[0] == 404
        assert not [line for line in lines if "make site" in line], lines


def test_serve_without_a_built_site_serves_its_language_and_says_so_in_one_line(project):
    site, away = project / "site", project / "site.away"
    site.rename(away)
    try:
        with mkdocs_serve(project) as (base, lines):
            assert get(base + ARTICLE)[0] == 200
            assert get(base + "en/" + ARTICLE)[0] == 404
            told = [line for line in lines if "make site" in line]
            assert len(told) == 1 and "Traceback" not in "".join(lines), lines
    finally:
        away.rename(site)


def test_search_and_the_bilingual_view_work_in_the_served_site(project, page):
    from test_search_browser import search
    with mkdocs_serve(project) as (base, _):
        found = search(page, base, "zh-Hans", "铝程碑")
        assert ARTICLE in found, found
        page.goto(base + ARTICLE)                       # the bilingual view fetches the en page
        page.click(".na-bilingual-toggle")
        page.get_by_text("Since the start of the year the city has reshaped").wait_for(timeout=10000)
        assert not page.problems, page.problems
