"""Machine translation engines, made safe to call from a build.

deep-translator 1.11.4 is a thin client with traps this module closes:

* it calls ``requests.get/post`` with no timeout, so a server that accepts and
  never answers hangs the build forever. We put a stand-in for the
  ``requests`` module into deep-translator's engine modules that adds our
  timeout to every call and notes the HTTP status, so we can tell a rate
  limit (429) from a server error from a dead network whatever exception
  deep-translator chose to raise (offline it raises requests' own
  exceptions; Microsoft's client even swallows them and fails on ``None``);
* Google's endpoint fails above ~1,800 Chinese characters per request, so
  long paragraphs are cut at sentence ends into pieces of at most
  ``max_chars`` (1,500);
* 429 and 5xx are retried with exponential back-off and full jitter, bounded
  by a per-segment time budget;
* ``translate_batch`` is one request per item anyway, so we run single calls
  concurrently, at most ``jobs`` requests in flight.

A network failure (refused, unresolvable, timed out) or a refused key trips
the engine: it is *down* for the rest of the run and every later call fails
at once with ``ServiceDown``, so an offline build costs one failed request,
not one timeout per segment.

DeepL goes through the official ``deepl`` package, which has its own
timeouts and retries; we only map its exceptions.
"""
from __future__ import annotations

import os
import random
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

import requests

ENGINES = ("google", "microsoft", "libretranslate", "mymemory", "deepl")
DEFAULT_ENGINE = "google"


class TranslationFailed(Exception):
    """This segment could not be translated (the engine may work for others)."""


class ServiceDown(Exception):
    """The engine is unreachable or refuses us: no segment will be translated this run."""


@dataclass
class EngineSettings:
    name: str = DEFAULT_ENGINE
    url: str | None = None        # LibreTranslate / DeepL server
    timeout: float = 10.0         # seconds, for connecting and for each read
    attempts: int = 5             # per piece, for 429 and 5xx answers
    network_attempts: int = 2     # per piece, for refused / timed-out connections, then down
    backoff: float = 1.0          # first back-off in seconds; doubles on each retry
    max_backoff: float = 30.0
    budget: float = 120.0         # seconds one piece may spend retrying, in all
    jobs: int = 4                 # requests in flight at once
    max_chars: int | None = None  # None: the engine's own limit (below)
    fail_streak: int = 5          # this many segments failing in a row → down
    source: str = "zh"
    target: str = "en"

    def piece_limit(self) -> int:
        if self.max_chars:
            return self.max_chars
        return 480 if self.name == "mymemory" else 1500  # MyMemory refuses 500+ characters


# -- the requests stand-in ------------------------------------------------------
DEFAULT_TIMEOUT = 30.0
_calls = threading.local()  # the call in progress on this thread


@dataclass
class _Call:
    timeout: float
    status: int | None = None
    retry_after: str | None = None
    error: BaseException | None = None


class _TimedRequests:
    """Looks like the ``requests`` module to deep-translator; adds a timeout to every call."""

    def __getattr__(self, name):  # requests.exceptions, requests.utils …
        return getattr(requests, name)

    def get(self, url, **kwargs):
        return self.request("get", url, **kwargs)

    def post(self, url, **kwargs):
        return self.request("post", url, **kwargs)

    def request(self, method, url, **kwargs):
        call: _Call | None = getattr(_calls, "current", None)
        kwargs["timeout"] = call.timeout if call else DEFAULT_TIMEOUT
        try:
            response = requests.request(method, url, **kwargs)
        except requests.RequestException as e:
            if call:
                call.error = e
            raise
        if call:
            call.status = response.status_code
            call.retry_after = response.headers.get("Retry-After")
        return response


def _install_timeouts() -> None:
    from deep_translator import google, libre, microsoft, mymemory
    for module in (google, libre, microsoft, mymemory):
        if not isinstance(module.requests, _TimedRequests):
            module.requests = _TimedRequests()


# -- clients: text in, English out ---------------------------------------------------
def _make_client(s: EngineSettings) -> Callable[[str], str]:
    """A new client for one thread (deep-translator's objects keep per-call state)."""
    env = os.environ.get
    if s.name == "deepl":
        import deepl
        translator = deepl.Translator(env("DEEPL_AUTH_KEY") or env("DEEPL_API_KEY") or "",
                                      server_url=s.url)
        return lambda text: translator.translate_text(
            text, source_lang="ZH", target_lang="EN-US" if s.target == "en" else s.target).text
    _install_timeouts()
    if s.name == "google":
        from deep_translator import GoogleTranslator
        t = GoogleTranslator(source="zh-CN" if s.source == "zh" else s.source, target=s.target)
    elif s.name == "libretranslate":
        from deep_translator import LibreTranslator
        url = (s.url or "https://libretranslate.com/").rstrip("/") + "/"
        # deep-translator insists on a key; self-hosted servers ignore it.
        t = LibreTranslator(source=s.source, target=s.target, custom_url=url,
                            api_key=env("LIBRE_API_KEY") or "none")
    elif s.name == "microsoft":
        from deep_translator import MicrosoftTranslator
        t = MicrosoftTranslator(source="zh-Hans" if s.source == "zh" else s.source, target=s.target,
                                api_key=env("MICROSOFT_API_KEY"), region=env("MICROSOFT_REGION"))
    elif s.name == "mymemory":
        from deep_translator import MyMemoryTranslator
        t = MyMemoryTranslator(source="zh-CN" if s.source == "zh" else s.source,
                               target="en-GB" if s.target == "en" else s.target)
    else:
        raise ValueError(f"unknown engine {s.name!r}")
    return t.translate


# -- what went wrong --------------------------------------------------------------
NETWORK, RATE_LIMITED, SERVER, FATAL, FAILED = "network", "rate-limited", "server", "fatal", "failed"


def _classify(error: BaseException, call: _Call) -> str:
    try:
        import deepl
        if isinstance(error, (deepl.AuthorizationException, deepl.QuotaExceededException)):
            return FATAL
        if isinstance(error, deepl.TooManyRequestsException):
            return RATE_LIMITED
        if isinstance(error, deepl.ConnectionException):
            return NETWORK
    except ImportError:  # pragma: no cover - deepl is a pinned dependency
        pass
    if isinstance(error, requests.RequestException) or call.error is not None:
        return NETWORK
    if call.status == 429:
        return RATE_LIMITED
    if call.status in (401, 403):
        return FATAL
    if call.status is not None and call.status >= 500:
        return SERVER
    if type(error).__name__ == "ApiKeyException":
        return FATAL
    return FAILED


def _describe(error: BaseException) -> str:
    """One short line: no query strings (they hold the text), no nested reprs."""
    message = re.sub(r"\?\S*", "", str(error))
    cause = re.search(r"Caused by (\w+)", message)
    message = f"{type(error).__name__} ({cause.group(1)})" if cause else f"{type(error).__name__}: {message}"
    return message if len(message) <= 160 else message[:157] + "…"


def _retry_after(call: _Call) -> float | None:
    try:
        return float(call.retry_after) if call.retry_after else None
    except ValueError:
        return None


# -- cutting long paragraphs --------------------------------------------------------
_SENTENCE = re.compile(r".+?(?:[。!?!?…]+[”’」』)]*|$)", re.S)
_CLAUSE = re.compile(r".+?(?:[,,;;、::]+|$)", re.S)


def _pack(parts: list[str], limit: int) -> list[str]:
    pieces, current = [], ""
    for part in parts:
        if current and len(current) + len(part) > limit:
            pieces.append(current)
            current = ""
        current += part
    if current:
        pieces.append(current)
    return pieces


def split_for_engine(text: str, limit: int) -> list[str]:
    """Pieces of at most ``limit`` characters, cut at sentence ends (clauses, then anywhere, if need be)."""
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    for sentence in (m.group(0) for m in _SENTENCE.finditer(text) if m.group(0)):
        if len(sentence) <= limit:
            parts.append(sentence)
            continue
        for clause in _pack([m.group(0) for m in _CLAUSE.finditer(sentence) if m.group(0)], limit):
            parts.extend(clause[i:i + limit] for i in range(0, len(clause), limit))
    return _pack(parts, limit)


# -- the engine ------------------------------------------------------------------
@dataclass
class EngineStats:
    requests: int = 0
    retries: int = 0
    rate_limited: int = 0
    server_errors: int = 0
    network_errors: int = 0
    failed_segments: int = 0
    pieces: int = 0


class Engine:
    """``Engine(settings).translate(text)``: thread-safe, bounded, retried, split; or ``ServiceDown``."""

    def __init__(self, settings: EngineSettings, client_factory: Callable[[EngineSettings], Callable] | None = None,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic):
        self.settings = settings
        self.name = settings.name
        self._factory = client_factory or _make_client
        self._local = threading.local()
        self._slots = threading.BoundedSemaphore(max(1, settings.jobs))
        self._lock = threading.Lock()
        self._sleep, self._clock = sleep, clock
        self._streak = 0
        self.down: str | None = None  # why, once the engine is down
        self.stats = EngineStats()

    def _trip(self, why: str) -> ServiceDown:
        with self._lock:
            self.down = self.down or why
        return ServiceDown(self.down)

    def translate(self, text: str) -> str:
        if self.down:
            raise ServiceDown(self.down)
        pieces = split_for_engine(text, self.settings.piece_limit())
        try:
            out = [self._piece(p) for p in pieces]
        except TranslationFailed:
            with self._lock:
                self.stats.failed_segments += 1
                self._streak += 1
                streak = self._streak
            if streak >= self.settings.fail_streak:
                self._trip(f"{streak} segments failed in a row")
            raise
        with self._lock:
            self._streak = 0
            self.stats.pieces += len(pieces)
        return " ".join(" ".join(o.split()) for o in out)

    def _client(self) -> Callable[[str], str]:
        client = getattr(self._local, "client", None)
        if client is None:
            client = self._local.client = self._factory(self.settings)
        return client

    def _attempt(self, piece: str) -> tuple[str | None, str, str, _Call]:
        call = _Call(timeout=self.settings.timeout)
        _calls.current = call
        try:
            with self._slots:
                with self._lock:
                    self.stats.requests += 1
                result = self._client()(piece)  # the client is made here: Microsoft's calls the network
        except Exception as e:  # whatever the client raises, classified by what happened on the wire
            return None, _classify(e, call), _describe(e), call
        finally:
            _calls.current = None
        if not isinstance(result, str) or not result.strip():
            return None, FAILED, "empty answer", call
        return result, "", "", call

    def _piece(self, piece: str) -> str:
        s = self.settings
        deadline = self._clock() + s.budget
        network_failures = 0
        for attempt in range(1, s.attempts + 1):
            if self.down:
                raise ServiceDown(self.down)
            result, kind, why, call = self._attempt(piece)
            if result is not None:
                return result
            if kind == FATAL:
                raise self._trip(f"{self.name} refused the request: {why}")
            if kind == FAILED:
                raise TranslationFailed(why)
            with self._lock:
                if kind == NETWORK:
                    self.stats.network_errors += 1
                elif kind == RATE_LIMITED:
                    self.stats.rate_limited += 1
                else:
                    self.stats.server_errors += 1
            if kind == NETWORK:
                network_failures += 1
                if network_failures >= s.network_attempts:
                    raise self._trip(f"{self.name} unreachable: {why}")
            delay = random.uniform(0, min(s.max_backoff, s.backoff * 2 ** (attempt - 1)))
            hint = _retry_after(call)
            if hint is not None:
                delay = max(delay, min(hint, s.max_backoff))
            if attempt == s.attempts or self._clock() + delay > deadline:
                break
            with self._lock:
                self.stats.retries += 1
            self._sleep(delay)
        raise TranslationFailed(f"gave up after {attempt} attempt(s): {why}")
