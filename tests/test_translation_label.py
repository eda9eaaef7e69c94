"""The label of an English page says who made its text and when, never more than is true."""
from __future__ import annotations

from build_scripts.variants.translate import Rendering, Tally, translation_label


def _label(*renderings: Rendering) -> dict:
    return translation_label(Tally(list(renderings)))


def test_a_reviewed_translation_names_its_reviewers_and_the_last_day():
    entry = _label(Rendering("a", "reviewed", date="2026-11-20", reviewer="Li Ming"),
                   Rendering("b", "reviewed", date="2026-11-22", reviewer="Zhao Lan"),
                   Rendering("c", "rule"))
    assert entry["status"] == "reviewed"
    assert entry["label"] == "Translation reviewed by Li Ming, Zhao Lan, 2026-11-22."
    assert entry["reviewers"] == ["Li Ming", "Zhao Lan"] and entry["reviewed_on"] == "2026-11-22"
    assert "editor" not in entry["label"]


def test_partly_reviewed_says_by_whom_and_what_the_rest_is():
    entry = _label(Rendering("a", "reviewed", date="2026-11-22", reviewer="Li Ming"),
                   Rendering("b", "machine", engine="google", date="2026-11-30"))
    assert entry["status"] == "mixed"
    assert entry["label"] == ("Partly reviewed: 1 of 2 parts reviewed by Li Ming, 2026-11-22; "
                              "the rest is machine translation (Google Translate, 2026-11-30).")


def test_machine_translation_is_never_called_reviewed():
    entry = _label(Rendering("b", "machine", engine="google", date="2026-11-30"))
    assert entry["status"] == "machine" and "reviewers" not in entry
    assert entry["label"] == "Machine translation (Google Translate, 2026-11-30), not reviewed by an editor."
