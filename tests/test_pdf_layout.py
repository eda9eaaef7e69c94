"""Page PDFs: each layout fact the reader takes from the printed page, on small PDFs drawn for it."""
from __future__ import annotations

from build_scripts.ingest import read_dump

from pdf_pages import BODY, COLUMN_WIDTH, LEADING, lines_of, pdf

LONG_A = "社区食堂开张以来每天中午都坐满了附近的老人饭菜清淡价格实惠行动不便的老人还能请志愿者送餐上门居民都说好"
LONG_B = "街心公园改造完工后添了健身步道和儿童乐园傍晚时分散步遛弯的居民络绎不绝孩子们玩得很开心"


def lines_with_facts(path):
    dump = read_dump(path)
    return dump, [(line, dump.layout[n]) for n, line in enumerate(dump.lines, start=1) if line]


def find(rows, start):
    hits = [(line, lay) for line, lay in rows if line.startswith(start)]
    assert len(hits) == 1, [line for line, _ in rows]
    return hits[0]


def test_type_size_rank_bold_and_body(tmp_path):
    def draw(s):
        s.text(40, 740, "民生实事——", 14)
        s.text(40, 712, "社区食堂暖人心", 24, bold=True)
        s.column(40, 680, lines_of(LONG_A))
    _, rows = lines_with_facts(pdf(tmp_path / "p.pdf", draw))
    kicker, title, body = find(rows, "民生实事"), find(rows, "社区食堂暖"), find(rows, "社区食堂开")
    assert (title[1].size, title[1].size_rank, title[1].bold, title[1].body) == (24.0, 1, True, False)
    assert (kicker[1].size_rank, kicker[1].bold) == (2, False)
    assert (body[1].size_rank, body[1].bold, body[1].body) == (3, False, True)
    assert body[0] == LONG_A        # the column's lines are one paragraph
    assert body[1].column == 0 and body[1].indent


def test_a_paragraph_runs_on_into_the_next_column_and_a_new_one_is_indented(tmp_path):
    a, b = lines_of(LONG_A), lines_of(LONG_B)
    right = 40 + COLUMN_WIDTH + 14

    def draw(s):
        s.text(40, 740, "标题在两栏之上", 24, bold=True)
        s.column(40, 700, a[:3])                               # A's first three lines fill column 1
        y = s.column(right, 700, a[3:], indent_first=False)    # A goes on at the top of column 2
        s.column(right, y, b)                                  # B starts indented under it
    _, rows = lines_with_facts(pdf(tmp_path / "p.pdf", draw))
    assert [line for line, _ in rows] == ["标题在两栏之上", LONG_A, LONG_B]
    assert find(rows, "社区食堂")[1].column == 0
    assert find(rows, "街心公园")[1].column == 1


def test_a_paragraph_goes_on_after_a_picture_and_the_line_under_it_is_its_caption(tmp_path):
    a = lines_of(LONG_A)

    def draw(s):
        s.text(40, 740, "图片新闻标题", 24, bold=True)
        y = s.column(40, 700, a[:2])
        s.picture(40, y, COLUMN_WIDTH, 100)
        s.text(40, y - 100 - 10, "图为街心公园新建的健身步道。", 8)
        s.column(40, y - 100 - 10 - 2 * LEADING, a[2:], indent_first=False)
        s.column(40, 300, lines_of(LONG_B))    # more body text: the page's body type is clear
    _, rows = lines_with_facts(pdf(tmp_path / "p.pdf", draw))
    caption = find(rows, "图为")
    assert caption[1].under_picture and caption[1].size == 8.0
    assert find(rows, "社区食堂")[0] == LONG_A
    assert not find(rows, "社区食堂")[1].under_picture


def test_banner_page_number_and_editor_credit_stand_in_the_margins(tmp_path):
    def draw(s):
        s.text(40, 770, "2019年2月15日 星期五", BODY)
        s.text(520, 770, "第3版", BODY)
        s.rule(40, 762, 560)
        s.text(40, 720, "标题", 24, bold=True)
        s.column(40, 690, lines_of(LONG_A))
        s.column(40, 600, lines_of(LONG_B))
        s.rule(40, 40, 560)
        s.text(40, 25, "责任编辑：王明", 8)
    _, rows = lines_with_facts(pdf(tmp_path / "p.pdf", draw))
    margins = {line for line, lay in rows if lay.in_margin}
    assert margins == {"2019年2月15日 星期五", "第3版", "责任编辑：王明"}


def test_a_paragraph_runs_on_to_the_next_pdf_page(tmp_path):
    a = lines_of(LONG_A)

    def first(s):
        s.text(40, 740, "跨页的文章", 24, bold=True)
        s.column(40, 700, a[:3])

    def second(s):
        s.column(40, 740, a[3:], indent_first=False)
        s.column(40, 700, lines_of(LONG_B))
    dump, rows = lines_with_facts(pdf(tmp_path / "p.pdf", first, second))
    para = find(rows, "社区食堂")
    assert para[0] == LONG_A and para[1].page == 1
    assert find(rows, "街心公园")[1].page == 2


def test_rotated_and_vertical_text_is_read_whole(tmp_path):
    def draw(s):
        s.text(40, 740, "横排标题", 24, bold=True)
        s.column(40, 700, lines_of(LONG_A))
        s.c.saveState()
        s.c.translate(500, 400)
        s.c.rotate(90)
        s.text(0, 0, "旋转排印的一行", 12)
        s.c.restoreState()
        for n, ch in enumerate("竖排栏目"):          # vertical writing: one character under the other
            s.text(560, 700 - n * 14, ch, 12)
    _, rows = lines_with_facts(pdf(tmp_path / "p.pdf", draw))
    assert find(rows, "旋转排印的一行")[1].vertical
    assert find(rows, "竖排栏目")[1].vertical
