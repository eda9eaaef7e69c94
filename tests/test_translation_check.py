"""A machine answer that is no translation is not stored, counts as missing (so --strict fails), and is
asked for again on the next run — against the loopback LibreTranslate answering badly."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from build_scripts.errors import UserError
from build_scripts.variants import make_variants
from build_scripts.variants.memory import Memory
from build_scripts.variants.plausible import why_not_a_translation
from libretranslate_stub import echo, latin
from variants_fixtures import GLOSSARY, PHRASES, docs, fast, libre, memory_path  # noqa: F401

PLACEHOLDER = re.compile(r"\[T\d+\]")

# Each answers every segment of the tiny docs tree badly.
BAD_ANSWERS = {
    "the source unchanged": lambda q: q,
    "empty": lambda q: " ",
    "still Chinese": echo,                                        # EN<今年以来 …>
    "half translated": lambda q: "This year, " + q,
    "a placeholder added": lambda q: latin(q) + " [T7]",
    "wildly long": lambda q: latin(q) * 30,
}


def run(docs, memory_path, settings, **kw):
    return make_variants(docs, phrases=PHRASES, glossary=GLOSSARY, memory=memory_path,
                         engine_settings=settings, progress=None, **kw)


def machine_entries(memory_path) -> list:
    return list(Memory.load(memory_path).machine.values()) if memory_path.exists() else []


@pytest.mark.parametrize("fault", sorted(BAD_ANSWERS))
def test_a_bad_answer_is_not_stored_fails_strict_and_is_asked_again(docs, memory_path, libre, fault):
    libre.default = BAD_ANSWERS[fault]
    with pytest.raises(UserError, match="--strict"):
        run(docs, memory_path, fast(libre.url), strict=True)
    asked = set(libre.translated)
    assert asked and machine_entries(memory_path) == []          # nothing the bad service said was kept
    en = (docs / "en/2025/12/15/01/naiman.md").read_text(encoding="utf-8")
    assert "status: incomplete" in en and "(Not yet translated)" in en   # and the page says so
    # The next run, with the service working again, asks for those segments and stores them.
    libre.default, before = latin, len(libre.translated)
    result = run(docs, memory_path, fast(libre.url), strict=True)
    assert result.missing == []
    again = set(libre.translated[before:])
    assert asked & again                    # the refused segments were asked for again
    assert len(machine_entries(memory_path)) == len(again)


def test_a_wildly_short_answer_is_refused_for_a_long_source(docs, memory_path, libre):
    libre.default = lambda q: "OK."
    run(docs, memory_path, fast(libre.url))
    stored = {e.source for e in machine_entries(memory_path)}
    assert stored and all(len(source) <= 12 for source in stored)   # "OK." may be right for 好的
    assert "今年以来,通辽市科技创新重塑铝基产业格局。" not in stored


def test_a_lost_placeholder_is_never_stored_without_the_name(docs, memory_path, libre):
    libre.default = lambda q: PLACEHOLDER.sub("", latin(q))       # drops [T0]; the inline retry keeps names
    run(docs, memory_path, fast(libre.url))
    for entry in machine_entries(memory_path):
        if "通辽" in entry.source:
            assert "Tongliao" in entry.text, entry


def test_the_refusals_are_said_on_stderr(docs, memory_path, libre, capsys):
    libre.default = lambda q: q
    make_variants(docs, phrases=PHRASES, glossary=GLOSSARY, memory=memory_path,
                  engine_settings=fast(libre.url))
    err = capsys.readouterr().err
    assert "were not translations and were not stored" in err and "source text unchanged" in err


@pytest.mark.parametrize("sent, answer, fault", [
    ("通辽市新闻", "通辽市新闻", "unchanged"),
    ("通辽市新闻", "", "empty"),
    ("通辽市新闻今天发布", "Tongliao 市新闻今天发布", "still Chinese"),
    ("[T0]市新闻", "City news", "placeholders"),
    ("市新闻", "[T0] city news", "placeholders"),
    ("[T0]和[T1]", "[T0] and [T0]", "placeholders"),
    ("新闻", "News " * 40, "long"),
    ("今年以来,通辽市科技创新重塑铝基产业格局,霍林郭勒市堪称是这场转型的先锋样板。", "Tongliao.", "short"),
])
def test_each_fault_is_named(sent, answer, fault):
    assert fault in why_not_a_translation(sent, answer)


@pytest.mark.parametrize("sent, answer", [
    ("新闻", "News"),
    ("通辽", "Tongliao"),
    ("一", "One"),
    ("[T0]在[T1]", "[T1] in [T0]"),
    ("2025年12月15日", "December 15, 2025"),
    ("内蒙古", "Inner Mongolia Autonomous Region"),
    ("今年以来,[T0]科技创新重塑铝基产业格局。",
     "Since the beginning of this year, scientific and technological innovation in [T0] "
     "has reshaped the aluminium industry."),
    ("记者 包雷晶", "Reporter Bao Leijing"),
])
def test_real_translations_pass(sent, answer):
    assert why_not_a_translation(sent, answer) is None


def test_build_strict_fails_on_a_missing_translation_before_the_site(tmp_path):
    """`build --strict` (the deploy's command): an empty memory offline → one line, exit 2, no site."""
    import shutil
    import subprocess
    import sys
    root = Path(__file__).resolve().parent.parent
    shutil.copytree(root / "dumps", tmp_path / "dumps")
    (tmp_path / "translations").mkdir()
    for name in ("glossary.yaml", "opencc_phrases.txt"):
        shutil.copy(root / "translations" / name, tmp_path / "translations" / name)
    result = subprocess.run([sys.executable, "-m", "build_scripts", "build", "--offline", "--strict"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "PYTHONPATH": str(root)})
    assert result.returncode == 2, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "--strict" in errors[0] and "Traceback" not in result.stderr
    assert (tmp_path / "docs/en").is_dir() and not (tmp_path / "site").exists()
