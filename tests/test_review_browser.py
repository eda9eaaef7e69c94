"""The review page in a real browser (headless Chromium via Playwright, Debian's chromium):
an editor marks a line of the sample page as a new article, sees the article list change and
the corrections file written, undoes it; a dump line holding markup shows as text.
Without Chromium these tests fail, they do not skip."""
from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect

from build_scripts.review.server import ReviewServer
from build_scripts.review.session import Session
from segment_helpers import DUMPS

P000 = DUMPS / "000_8df7ef33810d7782.txt"
HOSTILE = ("<script>window.pwned = 1</script>标题\n\n"
           "本报讯 正文里有<b>粗体</b>和<img src=x onerror=\"window.pwned = 2\">，都应原样显示。\n\n"
           "（李清）\n")


@pytest.fixture
def serve():
    """Start a review server for a dump; it stops when the test ends."""
    started = []

    def start(dump: Path) -> ReviewServer:
        server = ReviewServer(Session(dump), "http://127.0.0.1:9/preview/")
        threading.Thread(target=server.serve_forever, daemon=True).start()
        started.append(server)
        return server
    yield start
    for server in started:
        server.shutdown()
        server.server_close()


@pytest.fixture
def sample(tmp_path) -> Path:
    dump = tmp_path / P000.name
    shutil.copy(P000, dump)
    return dump


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    problems = []
    # a refused fix is answered 409 (the page shows why); Chromium logs that status, it is no fault
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
          if m.type == "error" and "status of 409" not in m.text else None)
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    ctx.close()
    assert problems == [], problems


def titles(pg) -> list[str]:
    return pg.locator("#articles li .title").all_inner_texts()


def test_mark_a_new_article_then_undo(tmp_path, page, serve, sample):
    fixes = tmp_path / "corrections" / f"{P000.stem}.yaml"
    server = serve(sample)
    page.goto(server.url)
    expect(page.locator("#articles li")).to_have_count(9)
    assert titles(page)[3] == "活力展风采"
    # the report's To-check list, most doubtful first; a click goes to the line
    expect(page.locator("#checks li").first).to_contain_text("lines 65 · doubt 0.50")
    page.locator('#checks li[data-line="65"]').click()
    expect(page.locator("#selected")).to_have_text("65")
    # line 65 is the second paragraph of 活力展风采: make it an article of its own
    page.locator('.line[data-n="65"]').click()
    expect(page.locator("#selected")).to_have_text("65")
    page.keyboard.press("n")
    expect(page.locator("#articles li")).to_have_count(10)
    assert titles(page)[3:5] == ["活力展风采", "(无标题)"]
    assert fixes.read_text(encoding="utf-8") == "- {line: 65, start: true}\n"
    expect(page.locator("#fixes li")).to_have_text(["line 65: a new article begins hereundo"])
    # a body line still, and the report's To-check item on it (its paragraph ends mid-sentence) marked
    expect(page.locator('.line[data-n="65"]')).to_have_class("line role-body to-check selected")
    assert page.locator('section.article[data-article="5"] .line .n').all_inner_texts() == ["65", "67"]

    # a role by button, then undo of that fix from the list
    page.locator('.line[data-n="91"]').click()
    page.locator('#tools button[data-role="furniture"]').click()
    expect(page.locator('.line[data-n="91"] .role')).to_have_text("furniture")
    assert "- {line: 91, role: furniture}" in fixes.read_text(encoding="utf-8")
    page.locator('#fixes li[data-line="91"] button').click()
    expect(page.locator('.line[data-n="91"] .role')).to_have_text("title")

    # undo (the key) takes back the last change; the first fix undone removes the file
    page.keyboard.press("u")
    expect(page.locator('.line[data-n="91"] .role')).to_have_text("furniture")
    page.keyboard.press("u")
    page.keyboard.press("u")
    expect(page.locator("#articles li")).to_have_count(9)
    expect(page.locator("#fixes li")).to_have_text(["none yet"])
    assert not fixes.exists()


def test_a_fix_that_does_not_hold_is_shown_and_not_written(tmp_path, page, serve, sample):
    fixes = tmp_path / "corrections" / f"{P000.stem}.yaml"
    server = serve(sample)
    page.goto(server.url)
    page.locator('.line[data-n="91"]').click()
    page.keyboard.press("j")
    expect(page.locator("#articles li")).to_have_count(8)
    written = fixes.read_text(encoding="utf-8")
    # furniture belongs to no article, so it cannot continue one: the editor is told, the file stays
    page.locator('.line[data-n="91"]').click()
    page.keyboard.press("f")
    expect(page.locator("#error")).to_contain_text("page furniture belongs to no article")
    assert fixes.read_text(encoding="utf-8") == written
    expect(page.locator('.line[data-n="91"] .role')).to_have_text("subhead")
    # a title for the article a line is in goes on the article's first line
    page.locator('.line[data-n="93"]').click()
    page.keyboard.press("i")
    page.locator("#edit-input").fill("开展宣讲活动 保障用电安全")
    page.keyboard.press("Enter")
    expect(page.locator("#articles li .title").nth(5)).to_have_text("开展宣讲活动 保障用电安全")
    assert "- {line: 85, title: 开展宣讲活动 保障用电安全}" in fixes.read_text(encoding="utf-8")
    # edit a line's text: the file records the smallest replace
    page.locator('.line[data-n="93"]').click()
    page.keyboard.press("e")
    field = page.locator("#edit-input")
    field.fill(field.input_value().replace("一对一直电指导", "一对一用电指导"))
    page.keyboard.press("Enter")
    expect(page.locator('.line[data-n="93"] .printed')).to_contain_text("一对一直电指导")
    assert "- {line: 93, replace: [直, 用]}" in fixes.read_text(encoding="utf-8")
    expect(page.locator("#error")).to_be_hidden()


def test_dump_text_is_shown_as_text(tmp_path, page, serve):
    dump = tmp_path / "hostile.txt"
    dump.write_text(HOSTILE, encoding="utf-8")
    server = serve(dump)
    page.goto(server.url)
    expect(page.locator('.line[data-n="1"] .text')).to_have_text("<script>window.pwned = 1</script>标题")
    expect(page.locator('.line[data-n="3"] .text')).to_contain_text("<b>粗体</b>和<img src=x")
    expect(page.locator("#articles li .title").first).to_have_text("<script>window.pwned = 1</script>标题")
    assert page.evaluate("window.pwned") is None
    assert page.locator("#page script, #page img, #page b, #articles script").count() == 0
