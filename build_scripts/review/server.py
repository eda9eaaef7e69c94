"""The review page's server: the standard library's, on 127.0.0.1 only.

``GET /`` the page (vendored HTML, CSS and JS under ``static/``: no CDN, no build step);
``GET /api/page`` the cut as JSON (``view.page_view``); ``POST /api/fix`` ``{line, action,
value}`` adds a fix, ``POST /api/remove`` ``{index}`` drops one, ``POST /api/undo`` takes back
the last change. Every POST answers with the page as cut after it, or ``{"error": …}`` (409)
when the fix does not hold, in which case the corrections file is left as it was.
"""
from __future__ import annotations

import json
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..errors import UserError
from .session import Session
from .view import page_view

STATIC = Path(__file__).resolve().parent / "static"
_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
          ".css": "text/css; charset=utf-8"}
_FILES = {"/": "index.html", "/review.js": "review.js", "/review.css": "review.css"}


class ReviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, session: Session, preview: str, port: int = 0, root: Path | None = None):
        super().__init__(("127.0.0.1", port), _Handler)
        self.session, self.preview, self.root = session, preview, root

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def page(self, seg, started: float) -> dict:
        view = page_view(seg, self.preview, self.root)
        view["file"] = str(self.session.path)
        view["seconds"] = round(time.perf_counter() - started, 3)
        return view


class _Handler(BaseHTTPRequestHandler):
    server: ReviewServer

    def log_message(self, *args):  # quiet: the editor reads the page, not a log
        pass

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, payload: dict) -> None:
        self._send(status, json.dumps(payload, ensure_ascii=False).encode("utf-8"),
                   "application/json; charset=utf-8")

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path in _FILES:
            file = STATIC / _FILES[path]
            self._send(200, file.read_bytes(), _TYPES[file.suffix])
        elif path == "/api/page":
            self._answer(lambda: self.server.session.cut())
        else:
            self._json(404, {"error": f"no such page: {path}"})

    def do_POST(self):
        path = self.path.split("?", 1)[0]
        try:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}") if length else {}
        except ValueError:
            self._json(400, {"error": "the request is not JSON"})
            return
        session = self.server.session
        actions = {
            "/api/fix": lambda: session.add(_number(body, "line"), body.get("action"), body.get("value")),
            "/api/remove": lambda: session.remove(_number(body, "index")),
            "/api/undo": session.undo,
        }
        if path not in actions:
            self._json(404, {"error": f"no such action: {path}"})
            return
        self._answer(actions[path])

    def _answer(self, make) -> None:
        started = time.perf_counter()
        try:
            seg = make()
        except UserError as e:
            self._json(409, {"error": str(e)})
            return
        self._json(200, self.server.page(seg, started))


def _number(body: dict, key: str) -> int:
    value = body.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise UserError(f"{key} must be a whole number, not {value!r}")
    return value
