"""Whole sentences from the start of a paragraph (descriptions, standfirsts, summaries)."""
from build_scripts.site.excerpt import whole_sentences


def test_keeps_the_whole_sentences_that_fit():
    text = "今年以来，全市推动发展。装机容量持续增长，成效显著。"
    assert whole_sentences(text, 20) == "今年以来，全市推动发展。"
    assert whole_sentences(text, 100) == text
    assert whole_sentences(text, 100, one=True) == "今年以来，全市推动发展。"


def test_a_closing_quote_stays_with_its_sentence():
    assert whole_sentences("他说：“准备好了。”随后出发。", 10) == "他说：“准备好了。”"


def test_a_decimal_point_does_not_end_an_english_sentence():
    assert whole_sentences("Output rose 1.5 times this year. Costs fell.", 40) == "Output rose 1.5 times this year."


def test_a_first_sentence_longer_than_the_limit_is_cut_with_an_ellipsis_between_words():
    assert whole_sentences("一二三四五六七八九十", 4) == "一二三四…"
    assert whole_sentences("The committee met again on Tuesday morning", 20) == "The committee met…"


def test_short_text_without_a_sentence_end_is_kept_whole():
    assert whole_sentences("  图片新闻  两则 ", 20) == "图片新闻 两则"


def test_a_long_first_sentence_is_kept_whole_when_asked_and_cut_only_for_a_summary():
    long = "The city council, meeting for the third time this month, " * 5 + "approved the plan."
    text = long + " Work starts in spring."
    assert len(long) > 200
    assert whole_sentences(text, 200, keep_long_first=True) == long
    assert whole_sentences(text, 200).endswith("…")
    assert whole_sentences("Short one. " + long, 200, keep_long_first=True) == "Short one."
    assert whole_sentences("no end " * 40, 50, keep_long_first=True).endswith("…")   # no sentence to end at


def test_the_english_front_page_standfirst_ends_at_a_sentence_end(tmp_path):
    """An English lead whose first sentence is longer than a description: the standfirst the
    front page shows is that whole sentence, through its full stop."""
    import datetime as dt
    import html
    import re

    import yaml

    from build_scripts.site import catalog
    from build_scripts.site.indexes import Generator
    from build_scripts.site.views import DESCRIPTION_CHARS
    first = ("Since the start of the year the city has reshaped its aluminium industry through innovation, "
             "building new lines for foil, wire and sheet, training workers at the industrial park, "
             "and linking the smelters to wind and solar power on the grasslands around Huolingole.")
    assert len(first) > DESCRIPTION_CHARS
    meta = {"id": "20251215-01-aaaaaa", "lang": "en", "title": "Aluminium", "publication": "Tongliao Daily",
            "date": dt.date(2025, 12, 15), "page": 1, "order": 1, "slug": "a",
            "source": {"file": "dumps/x.txt", "lines": [1, 2]}}
    path = tmp_path / "en" / "2025/12/15/01/a.md"
    path.parent.mkdir(parents=True)
    path.write_text(f"---\n{yaml.safe_dump(meta)}---\n\n{first} Output doubled.\n", encoding="utf-8")
    body = Generator("en", catalog.load(tmp_path / "en")).home().body
    standfirst = html.unescape(re.search(r'<p class="na-standfirst">(.*?)</p>', body, re.S).group(1))
    assert standfirst == first
