"""Type a PDF does not embed: pdfium measures CJK type with the em-box font
(build_scripts/pdf/boxfont.py), never with a font of this machine, and other type as before."""
from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from build_scripts.ingest import read_dump

from pdf_pages import FONT, SIZE, pdf
from test_pdf_layout import find, lines_with_facts

HEIGHT = SIZE[1]


def test_cjk_type_without_its_font_stands_in_em_boxes(tmp_path):
    def draw(s):
        s.text(100, 700, "测试文字", 10)        # baseline 100 pt from the top, 10 pt type
        s.text(100, 600, "四个字，", 20)
    _, rows = lines_with_facts(pdf(tmp_path / "p.pdf", draw))
    left, top, right, bottom = find(rows, "测试文字")[1].box
    # four ems wide; from about 0.9 em above the baseline to 0.12 em below it
    assert (left, right) == pytest.approx((100.0, 140.0), abs=0.15)
    assert HEIGHT - 700 - top == pytest.approx(8.8, abs=0.25)
    assert bottom - (HEIGHT - 700) == pytest.approx(1.2, abs=0.15)
    # the comma's ink is in the left part of its em: the line ends there, not a whole em on
    left, top, right, bottom = find(rows, "四个字，")[1].box
    assert 100 + 60 < right <= 100 + 60 + 0.4 * 20
    assert bottom - (HEIGHT - 600) == pytest.approx(2.4, abs=0.15)


def test_ascii_in_a_cjk_font_is_half_an_em_and_spaces_have_no_ink(tmp_path):
    def draw(s):
        s.text(100, 700, "第12版 ", 10)
    _, rows = lines_with_facts(pdf(tmp_path / "p.pdf", draw))
    left, top, right, bottom = find(rows, "第12版")[1].box
    # 第 (an em), 1 and 2 as wide as the PDF's widths give them, 版 (an em); the space adds no ink
    assert (left, right) == pytest.approx((100.0, 100 + 10 + stringWidth("12", FONT, 10) + 10), abs=0.15)
    digit = stringWidth("1", FONT, 10)
    assert 0.4 * 10 <= digit <= 0.6 * 10   # the font's digits are half-width: their box stays in their advance


def test_latin_type_in_a_standard_font_still_reads(tmp_path):
    def draw(s):
        s.c.setFont("Helvetica", 10)
        s.c.drawString(100, 700, "Page 3 of the Evening News")
        s.text(100, 650, "晚报第三版", 10)
    dump = read_dump(pdf(tmp_path / "p.pdf", draw))
    assert "Page 3 of the Evening News" in dump.lines
    assert "晚报第三版" in dump.lines
