"""The MT engine wrapper against a loopback LibreTranslate, through deep-translator's real client."""
from __future__ import annotations

import time

import pytest

from build_scripts.variants.engines import Engine, ServiceDown, TranslationFailed, split_for_engine
from build_scripts.variants.glossary import Glossary
from build_scripts.variants.memory import Memory
from build_scripts.variants.translate import Segment, Translator
from libretranslate_stub import HANG, echo, latin
from variants_fixtures import fast, libre  # noqa: F401  (fixture)


def test_normal_answer_and_what_the_server_received(libre):
    engine = Engine(fast(libre.url))
    assert engine.translate("你好,世界。") == latin("你好,世界。")
    [request] = libre.requests
    assert request["path"] == "/translate"
    assert (request["q"], request["source"], request["target"], request["format"], request["api_key"]) == \
        ("你好,世界。", "zh", "en", "text", "test-key")


def test_429_is_retried_then_succeeds(libre):
    libre.script = [lambda q: (429, "slow down"), lambda q: (429, "slow down")]
    engine = Engine(fast(libre.url))
    assert engine.translate("早上好") == latin("早上好")
    assert libre.translated == ["早上好"] * 3
    assert engine.stats.rate_limited == 2 and engine.stats.retries == 2 and engine.down is None


def test_backoff_grows_and_is_bounded_by_the_budget(libre):
    libre.default = lambda q: (429, "slow down")
    sleeps = []
    engine = Engine(fast(libre.url, backoff=1.0, max_backoff=4.0, attempts=10, budget=6.0),
                    sleep=sleeps.append, clock=lambda: sum(sleeps))  # time passes only in sleeps
    with pytest.raises(TranslationFailed):
        engine.translate("早上好")
    assert all(0 <= s <= 4.0 for s in sleeps)
    # Full jitter under a doubling cap; the sum of waits stays within the budget.
    assert sum(sleeps) <= 6.0
    assert len(libre.translated) == len(sleeps) + 1


def test_500_is_retried_a_bounded_number_of_times(libre):
    libre.default = lambda q: (500, "boom")
    engine = Engine(fast(libre.url, attempts=3))
    with pytest.raises(TranslationFailed):
        engine.translate("你好")
    assert len(libre.translated) == 3
    assert engine.stats.server_errors == 3
    assert engine.down is None  # a server error is not 'down': the next segment is tried


def test_500_then_success(libre):
    libre.script = [lambda q: (500, "boom")]
    assert Engine(fast(libre.url)).translate("你好") == latin("你好")
    assert len(libre.translated) == 2


def test_server_that_never_answers_times_out_quickly_and_trips(libre):
    libre.default = lambda q: HANG
    engine = Engine(fast(libre.url, timeout=0.5))
    started = time.monotonic()
    with pytest.raises(ServiceDown):
        engine.translate("你好")
    elapsed = time.monotonic() - started
    assert elapsed < 2.5, elapsed                # two attempts of 0.5 s, not forever
    assert len(libre.translated) == 2
    # Down for the rest of the run: no more requests, no more waiting.
    started = time.monotonic()
    with pytest.raises(ServiceDown):
        engine.translate("再见")
    assert time.monotonic() - started < 0.05
    assert len(libre.translated) == 2


def test_unreachable_service_is_detected_once(tmp_path):
    # A port nothing listens on: connection refused, as offline.
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    engine = Engine(fast(f"http://127.0.0.1:{port}/"))
    memory = Memory(tmp_path / "en.jsonl")
    translator = Translator(memory, Glossary({}), engine, "libretranslate")
    segments = [Segment(f"第{i}段。") for i in range(50)]
    started = time.monotonic()
    report = translator.fill(segments)
    assert time.monotonic() - started < 2
    assert report.down and "unreachable" in report.down
    assert engine.stats.requests == 2        # the probe, and its one retry; nothing after
    assert report.translated == 0 and len(memory) == 0


def test_long_paragraph_is_split_at_sentence_ends(libre):
    sentence = "这是一个相当长的句子,用来测试分段翻译是否正确地在句末切分" * 3 + "。"
    paragraph = sentence * 40                       # ~3,700 characters
    assert len(paragraph) > 3000
    engine = Engine(fast(libre.url))
    out = engine.translate(paragraph)
    pieces = libre.translated
    assert len(pieces) >= 3
    assert all(len(p) <= 1500 for p in pieces)
    assert all(p.endswith("。") for p in pieces)     # cut at sentence ends only
    assert "".join(pieces) == paragraph              # nothing lost, nothing reordered
    assert out == " ".join(latin(p) for p in pieces)


def test_split_without_sentence_ends_still_respects_the_limit():
    text = "字" * 3200
    pieces = split_for_engine(text, 1500)
    assert "".join(pieces) == text and max(map(len, pieces)) <= 1500


def test_requests_run_concurrently_within_the_limit(libre):
    libre.delay = 0.2
    engine = Engine(fast(libre.url, jobs=3))
    translator = Translator(Memory("unused.jsonl"), Glossary({}), engine, "libretranslate")
    segments = [Segment(f"第{i}段。") for i in range(10)]
    started = time.monotonic()
    report = translator.fill(segments)
    elapsed = time.monotonic() - started
    assert report.translated == 10
    assert libre.max_in_flight == 3                  # concurrent, and never more than jobs
    assert elapsed < 10 * 0.2 * 0.75                 # well under one-at-a-time
    assert sorted(libre.translated) == sorted(s.source for s in segments)


def test_glossary_placeholders_survive_and_are_restored(libre):
    glossary = Glossary({"通辽": "Tongliao", "霍林郭勒": "Huolin Gol"})
    # The engine mangles the spacing of the placeholders, as engines do.
    libre.default = lambda q: q.replace("[T0]", "[ T0 ]").replace("在", " in ").replace("[T1]", "[T1]")
    memory = Memory("unused.jsonl")
    translator = Translator(memory, glossary, Engine(fast(libre.url)), "libretranslate")
    translator.fill([Segment("通辽在霍林郭勒")])
    assert libre.translated == ["[T0]在[T1]"]        # the names never reached the engine
    text = translator.render(Segment("通辽在霍林郭勒")).text
    assert text == "Tongliao in Huolin Gol"
    assert translator.report.placeholder_fallbacks == 0


def test_lost_placeholder_falls_back_to_inline_names_and_is_counted(libre):
    glossary = Glossary({"通辽": "Tongliao"})
    libre.script = [lambda q: "City news today"]     # placeholder dropped
    libre.default = lambda q: q.replace("市新闻", " city news")
    translator = Translator(Memory("unused.jsonl"), glossary, Engine(fast(libre.url)), "libretranslate")
    translator.fill([Segment("通辽市新闻")])
    assert libre.translated == ["[T0]市新闻", "Tongliao 市新闻"]
    assert translator.render(Segment("通辽市新闻")).text == "Tongliao city news"
    assert translator.report.placeholder_fallbacks == 1


def test_failed_segment_is_reported_not_stored(libre):
    libre.default = lambda q: (400, "bad request")
    memory = Memory("unused.jsonl")
    translator = Translator(memory, Glossary({}), Engine(fast(libre.url)), "libretranslate")
    report = translator.fill([Segment("你好")])
    assert "你好" in report.failures and len(memory) == 0
    assert len(libre.translated) == 1                # a 400 is not retried


def test_every_deep_translator_engine_module_gets_the_timeout(libre):
    """Google, Microsoft and MyMemory call module-level requests too; all go through the stand-in."""
    import deep_translator.google
    import deep_translator.microsoft
    import deep_translator.mymemory

    from build_scripts.variants import engines

    engines._install_timeouts()
    libre.default = lambda q: HANG
    for module in (deep_translator.google, deep_translator.microsoft, deep_translator.mymemory):
        assert isinstance(module.requests, engines._TimedRequests)
        engines._calls.current = engines._Call(timeout=0.3)
        started = time.monotonic()
        try:
            with pytest.raises(module.requests.exceptions.Timeout):
                module.requests.post(libre.url + "translate", params={"q": "你好"})
        finally:
            engines._calls.current = None
        assert time.monotonic() - started < 1.5
