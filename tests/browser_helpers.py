"""Headless Chromium for the browser tests, driven by Playwright: Debian's chromium, else the
one `playwright install chromium` fetched (make test-deps). Without either these tests fail,
they do not skip."""
from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic"]


@contextmanager
def chromium():
    own = {"executable_path": CHROMIUM} if Path(CHROMIUM).exists() else {}
    with sync_playwright() as p:
        browser = p.chromium.launch(args=ARGS, **own)
        try:
            yield browser
        finally:
            browser.close()
