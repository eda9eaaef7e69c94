"""The review page's server without a browser: answers on 127.0.0.1, bad requests refused with
a reason (never a traceback), the corrections file written only for a fix that holds."""
from __future__ import annotations

import json
import subprocess
import sys
import threading
import urllib.error
import urllib.request

import pytest

from build_scripts.review.server import ReviewServer
from build_scripts.review.session import Session
from segment_helpers import ROOT

PAGE = ("春耕生产有序展开\n\n眼下正是春耕时节，各地农民抢抓农时，田间地头一派繁忙景象。\n\n（李清）\n\n"
        "城市更新项目启动\n\n市里启动城市更新项目，首批涉及十个街区，居民期待已久。\n\n（王芳）\n")


@pytest.fixture
def server(tmp_path):
    dump = tmp_path / "page.txt"
    dump.write_text(PAGE, encoding="utf-8")
    srv = ReviewServer(Session(dump), "http://127.0.0.1:8000/")
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv
    srv.shutdown()
    srv.server_close()


def post(server, path, body) -> tuple[int, dict]:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(server.url + path.lstrip("/"), data=data, method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def test_listens_on_loopback_and_serves_the_vendored_page(server):
    assert server.server_address[0] == "127.0.0.1"
    with urllib.request.urlopen(server.url, timeout=10) as answer:
        html = answer.read().decode()
    assert '<script src="/review.js">' in html and "http" not in html.split("<body>")[1]  # nothing fetched from elsewhere
    with urllib.request.urlopen(server.url + "api/page", timeout=10) as answer:
        page = json.loads(answer.read())
    assert [(a["first"], a["title"]) for a in page["articles"]] == [(1, "春耕生产有序展开"), (7, "城市更新项目启动")]
    url = page["articles"][1]["url"]      # the article in the preview: undated/<dump>/<pinyin of its title>/
    assert url.startswith("http://127.0.0.1:8000/undated/page/cheng") and url.endswith("-xiangmu-qidong/")
    assert [(line["n"], line["role"], line["article"]) for line in page["lines"]] == [
        (1, "title", 1), (3, "body", 1), (5, "byline", 1), (7, "title", 2), (9, "body", 2), (11, "byline", 2)]


@pytest.mark.parametrize("path, body, fragment", [
    ("/api/fix", {"line": "7", "action": "join", "value": True}, "line must be a whole number"),
    ("/api/fix", {"line": 7, "action": "merge", "value": True}, "unknown fix 'merge'"),
    ("/api/fix", {"line": 7, "action": "role", "value": "headline"}, "role must be one of"),
    ("/api/fix", {"line": 70, "action": "join", "value": True}, "line 70 is past the end of the dump"),
    ("/api/fix", {"line": 3, "action": "title", "value": "新"}, "no article begins at line 3"),
    ("/api/remove", {"index": 0}, "no fix number 1"),
    ("/api/undo", {}, "nothing to undo"),
    ("/api/fix", b"{not json", "not JSON"),
])
def test_bad_requests_are_refused_and_write_nothing(server, path, body, fragment):
    status, answer = post(server, path, body)
    assert status in (400, 409) and fragment in answer["error"], answer
    assert not server.session.path.exists()


def test_a_fix_replaces_the_one_it_contradicts(server):
    status, _ = post(server, "/api/fix", {"line": 7, "action": "start", "value": True})
    assert status == 200
    status, page = post(server, "/api/fix", {"line": 7, "action": "join", "value": True})
    assert status == 200 and len(page["articles"]) == 1
    assert server.session.path.read_text(encoding="utf-8") == "- {line: 7, join: true}\n"


def test_review_of_a_missing_dump_is_one_line_exit_2(tmp_path):
    run = subprocess.run([sys.executable, "-m", "build_scripts", "review", str(tmp_path / "nope.txt")], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.stderr.strip() == f"error: {tmp_path / 'nope.txt'}: no such file"
