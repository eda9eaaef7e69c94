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
