"""Headless Chromium for the browser tests: Debian's chromium driven by Playwright.

Without it the browser tests fail, they do not skip."""
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
    assert Path(CHROMIUM).exists(), "Chromium is needed: apt-get install chromium fonts-noto-cjk"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()
