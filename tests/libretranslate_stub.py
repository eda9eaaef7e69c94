"""A LibreTranslate server on 127.0.0.1 for the tests, driven through deep-translator.

It speaks the part of the API deep-translator uses (POST /translate with q,
source, target, format, api_key; answer {"translatedText": ...}) plus GET
/languages, records every request, and misbehaves on demand: ``script`` is a
list of per-request behaviours, consumed in order, then ``default``.

A behaviour is a callable ``(q) -> reply``; a reply is a str (200 with that
translation), ``(status, text)``, or ``HANG`` (accept, read, never answer).
"""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

HANG = "hang"


def echo(q: str) -> str:
    """The default 'translation': recognisable, and keeps placeholders as they are.
    Still Chinese, so the variants stage refuses to store it (see ``latin``)."""
    return f"EN<{q}>"


def latin(q: str) -> str:
    """A plausible English-looking answer: the source in pinyin, placeholders kept,
    about as long as a translation of it would be."""
    from pypinyin import lazy_pinyin
    return "EN<" + " ".join(" ".join(lazy_pinyin(q)).split()) + ">"


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"

    def log_message(self, *args):  # quiet
        pass

    def _reply(self, status: int, payload) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        if status == 429:
            self.send_header("Retry-After", "0")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if urlparse(self.path).path.rstrip("/") == "/languages":
            self._reply(200, [{"code": "en", "name": "English"}, {"code": "zh", "name": "Chinese"}])
        else:
            self._reply(404, {"error": "not found"})

    def do_POST(self):
        url = urlparse(self.path)
        params = {k: v[0] for k, v in parse_qs(url.query).items()}
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if raw:  # LibreTranslate also takes the fields as a form or JSON body
            try:
                params.update(json.loads(raw))
            except ValueError:
                params.update({k: v[0] for k, v in parse_qs(raw.decode()).items()})
        stub = self.server.stub
        with stub.lock:
            stub.requests.append({"path": url.path, **params})
            behaviour = stub.script.pop(0) if stub.script else stub.default
            stub.in_flight += 1
            stub.max_in_flight = max(stub.max_in_flight, stub.in_flight)
        try:
            if stub.delay:
                time.sleep(stub.delay)
            if url.path.rstrip("/") != "/translate":
                self._reply(404, {"error": "not found"})
                return
            reply = behaviour(params.get("q", ""))
            if reply == HANG:
                stub.release.wait(10)
                return
            status, text = (200, reply) if isinstance(reply, str) else reply
            self._reply(status, {"translatedText": text} if status == 200 else {"error": text})
        finally:
            with stub.lock:
                stub.in_flight -= 1


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    stub: "LibreTranslateStub"


class LibreTranslateStub:
    def __init__(self):
        self.requests: list[dict] = []
        self.script: list = []
        self.default = echo
        self.delay = 0.0
        self.lock = threading.Lock()
        self.in_flight = 0
        self.max_in_flight = 0
        self.release = threading.Event()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.stub = self
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.release.set()
        self._server.shutdown()
        self._server.server_close()

    @property
    def translated(self) -> list[str]:
        """The q of every /translate request, in arrival order."""
        return [r.get("q", "") for r in self.requests if r["path"].rstrip("/") == "/translate"]
