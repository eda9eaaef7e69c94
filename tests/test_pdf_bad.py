"""Bad page PDFs: one line naming the file, exit code 2, nothing written."""
from __future__ import annotations

import pytest
from reportlab.pdfgen import canvas

from pdf_pages import FONT, typeset_pages  # noqa: F401  (registers the CID font)
from test_bad_input import one_line_error, run
from test_pdf_segment import STORIES


def _scan(path):
    c = canvas.Canvas(str(path))
    c.rect(50, 50, 400, 600, fill=1)     # a picture and no text: what a scanner makes
    c.showPage()
    c.save()


def _encrypted(path):
    c = canvas.Canvas(str(path), encrypt="secret")
    c.setFont(FONT, 12)
    c.drawString(50, 700, "加密的页面")
    c.showPage()
    c.save()


def _damaged(path):
    good = typeset_pages.typeset_page(STORIES[:1], path.with_name("good.pdf"), seed=1)
    path.write_bytes(good.read_bytes()[:2000])


def _garbage(path):
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)


def _text(path):
    path.write_text("这是文字，不是PDF。\n", encoding="utf-8")


@pytest.mark.parametrize("make, fragment", [
    (_scan, "OCR needed"),
    (_encrypted, "encrypted"),
    (_damaged, "damaged PDF"),
    (_garbage, "damaged PDF"),
    (_text, "not a PDF"),
])
def test_bad_pdfs_are_refused_in_one_line(tmp_path, make, fragment):
    path = tmp_path / "page.pdf"
    make(path)
    result = run("segment", path, "--json")
    assert result.returncode == 2
    one_line_error(result, str(path), fragment)
    assert result.stdout == ""


def test_a_bad_pdf_in_a_run_writes_nothing(tmp_path):
    good = typeset_pages.typeset_page(STORIES, tmp_path / "good.pdf", seed=2)
    bad = tmp_path / "bad.pdf"
    _scan(bad)
    result = run("segment", good, bad, "--out", tmp_path / "docs", "--reports", tmp_path / "reports",
                 "--state", tmp_path / "state.json", "--jobs", "1")
    assert result.returncode == 2
    one_line_error(result, "bad.pdf", "OCR needed")
    assert not (tmp_path / "docs").exists()


def test_characters_pdfium_places_nowhere_refuse_the_page(tmp_path):
    """A text layer character in no text run (pdfium gave it no object or box) would be in no
    line: the page is refused, naming the file and the PDF page, rather than cut without it."""
    from build_scripts.errors import UserError
    from build_scripts.pdf.reader import _check_placed
    from build_scripts.pdf.runs import Box, Run, Sheet
    run_ = Run(text="甲乙 ", box=Box(10, 10, 30, 20), size=10, bold=False, angle=0, embedded=False)
    _check_placed(tmp_path / "p.pdf", Sheet(2, 600, 800, [run_], [], [], chars=2))   # all placed
    with pytest.raises(UserError) as caught:
        _check_placed(tmp_path / "p.pdf", Sheet(2, 600, 800, [run_], [], [], chars=3))
    assert str(caught.value) == (f"{tmp_path / 'p.pdf'}: PDF page 2: 1 of its 3 characters have no place on the "
                                 "page (no text object or box), not segmented so as to lose none")
