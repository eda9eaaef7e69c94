"""Each segmenter rule on small pages of both styles (plain, and '#'-marked from a PDF converter)."""
from __future__ import annotations

import pytest

from build_scripts.segment import bylines
from build_scripts.segment.shapes import ends_mid_sentence, heading_shaped

from segment_helpers import fw, seg

BODY = fw("这是一段完整的正文,讲述了一件事情的经过和结果。")
BODY2 = fw("第二段正文继续介绍相关的情况,内容比较充实。")


def titles(result):
    return [a.title for a in result.articles]


# --- article starts and ends ------------------------------------------------

def test_plain_headline_and_trailing_byline_bound_articles():
    r = seg(f"第一条新闻\n\n{BODY}\n\n(张三)\n\n第二条新闻\n\n{BODY2}\n\n(李四)\n")
    assert titles(r) == ["第一条新闻", "第二条新闻"]
    assert [a.authors for a in r.articles] == [["张三"], ["李四"]]
    assert [a.body[0].text for a in r.articles] == [BODY, BODY2]


def test_marked_headline_with_subheads():
    r = seg(f"## 第一条新闻\n\n{BODY}\n\n### 一个小标题\n\n{BODY2}\n\n## 第二条新闻\n\n{BODY}\n")
    assert titles(r) == ["第一条新闻", "第二条新闻"]
    assert [(b.kind, b.level) for b in r.articles[0].body] == [("paragraph", 2), ("subhead", 2),
                                                              ("paragraph", 2)]


def test_plain_subhead_stays_in_its_article():
    r = seg(f"大标题在这里\n\n{BODY}\n\n小标题一\n\n{BODY2}\n\n(王五)\n")
    assert titles(r) == ["大标题在这里"]
    assert [b.kind for b in r.articles[0].body] == ["paragraph", "subhead", "paragraph"]


def test_two_line_title_kicker_and_subtitle():
    r = seg(f"## 多措并举优化营商环境 为企业发展添动力\n\n### 暖心服务\n\n{BODY}\n")
    a = r.articles[0]
    assert (a.kicker, a.title) == ("多措并举优化营商环境 为企业发展添动力", "暖心服务")
    r = seg(f"以雪为令\n\n平安出行\n\n(李清)\n\n{BODY}\n")
    assert r.articles[0].title == "以雪为令 平安出行"
    r = seg(f"## 春风送暖\n\n## ——记一位扎根基层三十年的乡村医生\n\n{BODY}\n")
    assert (r.articles[0].title, r.articles[0].subtitle) == ("春风送暖", "——记一位扎根基层三十年的乡村医生")
    r = seg(f"引题写在这里说明背景\n\n主标题\n\n——副标题在这里补充说明\n\n本报记者 张三\n\n{BODY}\n")
    a = r.articles[0]
    assert (a.kicker, a.title, a.subtitle) == ("引题写在这里说明背景", "主标题", "——副标题在这里补充说明")


# --- bylines ------------------------------------------------------------------

@pytest.mark.parametrize("line, authors", [
    ("(李清)", ["李清"]),
    ("(李清)", ["李清"]),
    ("(兴和县明德小学 张慧慧 白凤艳 崔云霞)", ["张慧慧", "白凤艳", "崔云霞"]),
    ("(中共通辽市委员会党校经济学教研室副主任、讲师 高山)", ["高山"]),
    ("通讯员 包雷晶 本报记者 卢显艳", ["包雷晶", "卢显艳"]),
    ("本报记者 田琦竹", ["田琦竹"]),
    ("(记者 王芳 摄)", ["王芳"]),
    ("(本报记者 娜仁 通讯员 巴特尔)", ["娜仁", "巴特尔"]),
    ("(作者为内蒙古大学教授)", []),
    ("(据《人民日报》)", []),
])
def test_standalone_byline_forms(line, authors):
    found = bylines.parse_standalone(line.replace("(", "(").replace(")", ")"))
    assert found is not None and found.authors == authors


@pytest.mark.parametrize("line", ["(套)", "(社区)", "(2024)", "(下转第2版)", "活力展风采", "(试行)"])
def test_not_bylines(line):
    assert bylines.parse_standalone(line) is None


@pytest.mark.parametrize("paragraph, byline, authors, rest", [
    ("本报讯(记者 王樱润) 今年以来,开发区持续发力。", "本报讯(记者 王樱润)", ["王樱润"], "今年以来"),
    ("本报12月3日讯(记者 张三 李四)近日,全市开展活动。", "本报12月3日讯(记者 张三 李四)",
     ["张三", "李四"], "近日"),
    ("新华社北京12月3日电(记者 王明)国务院近日印发通知。", "新华社北京12月3日电(记者 王明)", ["王明"], "国务院"),
])
def test_inline_leading_byline(paragraph, byline, authors, rest):
    r = seg(f"一条新闻标题\n\n{paragraph}\n")
    a = r.articles[0]
    assert (a.byline, a.authors) == (fw(byline), authors)
    assert a.body[0].text.startswith(rest)


def test_dateline_without_author_then_author_at_end():
    r = seg("一条新闻标题\n\n本报讯 近年来,全市持续推进工作。\n\n(吕玉坤)\n")
    a = r.articles[0]
    assert (a.dateline, a.byline, a.authors) == ("本报讯", fw("本报讯 (吕玉坤)"), ["吕玉坤"])
    assert a.body[0].text == fw("近年来,全市持续推进工作。")


def test_bare_name_under_headline_is_a_byline_not_a_title_line():
    r = seg(f"## 巾帼力量绘就新画卷\n\n刘宏杰\n\n{BODY}\n")
    assert (r.articles[0].title, r.articles[0].authors) == ("巾帼力量绘就新画卷", ["刘宏杰"])


def test_trailing_byline_inline_with_last_paragraph():
    r = seg(f"新闻标题\n\n{BODY}(王五)\n")
    assert r.articles[0].authors == ["王五"] and r.articles[0].body[0].text == BODY


# --- column breaks ----------------------------------------------------------

@pytest.mark.parametrize("a, b", [
    ("绿电占比63%,", "覆盖11个地市。"),
    ("我们要引导学生从小树立“各民", "族一家亲”的观念。"),
    ("这个项目联合了多家科研单", "位,共同攻关。"),
    ("同时推动落实《关于“无讼", "无访”村建设的方案》。"),
])
def test_column_break_is_joined(a, b):
    r = seg(f"新闻标题\n\n{BODY}\n\n{a}\n\n{b}\n\n(张三)\n")
    assert [p.text for p in r.articles[0].body] == [BODY, fw(a + b)]


def test_complete_paragraphs_are_not_joined():
    r = seg(f"新闻标题\n\n{BODY}\n\n列表第一项;\n\n列表第二项。\n")
    assert len(r.articles[0].body) == 3


def test_column_break_across_caption_and_image_space():
    r = seg(f"## 新闻标题\n\n{BODY}\n\n公司已构建了完整的生产体系,\n\n\n\n图为生产车间。\n\n具备全套生产能力。\n")
    a = r.articles[0]
    assert a.body[-1].text == fw("公司已构建了完整的生产体系,具备全套生产能力。")
    assert a.captions == ["图为生产车间。"]


def test_cut_at_article_end_is_reported_not_joined_into_next_article():
    r = seg(f"第一条\n\n{BODY}\n\n内容涵盖多种运动\n\n(李清)\n\n第二条\n\n{BODY2}\n\n(李清)\n")
    assert titles(r) == ["第一条", "第二条"]
    assert r.articles[0].body[-1].text == "内容涵盖多种运动"
    assert any(x.unsure and 5 in x.lines for x in r.repairs)


def test_doubled_character_at_break_is_dropped_and_reported():
    r = seg(f"新闻标题\n\n团队获发明专利\n\n利12项,成果得以转化。\n")
    assert r.articles[0].body[0].text == fw("团队获发明专利12项,成果得以转化。")
    assert [(b.text, b.first_line) for b in r.furniture] == [("利", 5)]


# --- displaced pieces --------------------------------------------------------

def test_headline_printed_mid_article_goes_to_its_top():
    page = (f"今年以来,我市推动产业升级。\n\n### 小标题甲\n\n{BODY}\n\n公司已构建了完整的生产体系,\n\n"
            f"# 激发科技向新力\n\n通讯员 张三 本报记者 李四\n\n\n\n刚生产出的产品。\n\n具备全套生产能力。\n\n"
            f"## 下一条新闻\n\n{BODY2}\n")
    r = seg(page)
    assert titles(r) == ["激发科技向新力", "下一条新闻"]
    a = r.articles[0]
    assert a.authors == ["张三", "李四"] and a.captions == ["刚生产出的产品。"]
    assert a.body[0].text == fw("今年以来,我市推动产业升级。")
    assert a.body[-1].text == fw("公司已构建了完整的生产体系,具备全套生产能力。")


def test_second_title_line_landed_mid_body():
    r = seg(f"寒冬上门服务\n\n{BODY}\n\n高效办结登记手续,\n\n温暖辖区商户\n\n真正实现少跑腿。\n\n(倪静)\n")
    a = r.articles[0]
    assert a.title == "寒冬上门服务 温暖辖区商户"
    assert a.body[-1].text == fw("高效办结登记手续,真正实现少跑腿。")


def test_sentence_tail_at_top_goes_back_to_the_cut():
    r = seg(f"## 某党支部打造品牌\n\n本报记者 田琦竹\n\n体意识。每季度开展活动。\n\n{BODY}\n\n{BODY2}\n\n"
            f"\n\n支部推进民族政策宣传,铸牢中华民族共同\n")
    body = [b.text for b in r.articles[0].body]
    assert body == [BODY, BODY2, fw("支部推进民族政策宣传,铸牢中华民族共同体意识。每季度开展活动。")]
    assert any(x.step == "move_opening_tails_to_cuts" for x in r.repairs)


def test_short_lede_is_not_moved_without_a_cut():
    r = seg(f"## 某党支部打造品牌\n\n近日,活动开展。\n\n{BODY}\n\n{BODY2}\n")
    assert r.articles[0].body[0].text == fw("近日,活动开展。")


# --- what is not body text ----------------------------------------------------

def test_page_furniture_belongs_to_no_article():
    page = (f"## 新闻标题\n\n{BODY}(下转第2版)\n\n\n\n### 创建全国文明城市\n\n## 另一条新闻\n\n{BODY2}\n\n"
            "责任编辑:张三 校对:李四\n")
    r = seg(page)
    assert titles(r) == ["新闻标题", "另一条新闻"]
    assert sorted(b.text for b in r.furniture) == sorted([fw("(下转第2版)"), "创建全国文明城市",
                                                          fw("责任编辑:张三 校对:李四")])
    assert r.articles[0].body[0].text == BODY


def test_caption_under_empty_image_block():
    r = seg(f"## 新闻标题\n\n{BODY}\n\n\n\n生产车间一角。\n")
    assert r.articles[0].captions == ["生产车间一角。"] and len(r.articles[0].body) == 1


def test_bold_lead_ins_need_a_series():
    r = seg("## 标题\n\n政务服务再提速。深化改革。\n\n信用环境再完善。拓展应用。\n")
    assert [b.lead_in for b in r.articles[0].body] == ["政务服务再提速。", "信用环境再完善。"]
    r = seg("## 标题\n\n政务服务再提速。深化改革。\n\n这是一段普通的正文,没有引子。\n")
    assert [b.lead_in for b in r.articles[0].body] == [None, None]


# --- dumps of no particular style ----------------------------------------------

def test_plain_dump_with_crlf_and_ideographic_indents():
    r = seg(f"新闻标题\r\n\u3000\u3000{BODY}\r\n\u3000\u3000{BODY2}\r\n\u3000\u3000(张三)\r\n")
    assert titles(r) == ["新闻标题"]
    assert [b.text for b in r.articles[0].body] == [BODY, BODY2]


def test_one_block_of_text_is_one_untitled_article_flagged():
    r = seg(BODY * 3)
    assert len(r.articles) == 1 and r.articles[0].title == ""
    assert any(x.unsure for x in r.repairs)


# --- shapes --------------------------------------------------------------------

@pytest.mark.parametrize("text, cut", [("覆盖11个地市。", False), ("绿电占比63%,", True),
                                       ("“各民", True), ("他说:“太暖心了!”", False),
                                       ("第一项;", False), ("获发明专利", True)])
def test_ends_mid_sentence(text, cut):
    assert ends_mid_sentence(text) is cut


@pytest.mark.parametrize("text, heading", [("以雪为令 平安出行", True), ("“这个项目联合了多家科研单", False),
                                           ("覆盖11个地市。", False), ("这是我们的", False)])
def test_heading_shape(text, heading):
    assert heading_shaped(text) is heading


def test_page_of_another_paper_with_datelines_jumps_and_credits():
    page = fw(
        "坚持以人民为中心 推动高质量发展\n——记某某市扎实推进民生工程\n本报记者 王明 通讯员 李华\n"
        "\u3000\u3000今年以来,某某市坚持把民生工程作为头等大事,取得了显著成效。\n"
        "\u3000\u3000“我们要把好事办好、实事办实。”据介绍,全市今年共实施民生项目120个,完成投资\n"
        "85亿元,惠及群众超过50万人。(下转第二版)\n"
        "基层医疗服务能力持续提升\n"
        "\u3000\u3000本报北京12月14日电\u3000(记者 李红梅)记者从国家卫生健康委获悉,基层诊疗量持续增长。\n"
        "\u3000\u3000据悉,各地将继续加强基层医疗卫生服务能力建设。\n"
        "市场监管执法力度加大\n"
        "\u3000\u3000新华社北京12月14日电(记者 赵文君)国家市场监管总局14日发布消息,共查处案件1.2万件。\n"
        "责任编辑:刘洋\u3000\u3000版式设计:陈晨\n")
    r = seg(page)
    assert titles(r) == ["坚持以人民为中心 推动高质量发展", "基层医疗服务能力持续提升", "市场监管执法力度加大"]
    assert r.articles[0].subtitle == "——记某某市扎实推进民生工程"
    assert [a.authors for a in r.articles] == [["王明", "李华"], ["李红梅"], ["赵文君"]]
    assert r.articles[0].body[-1].text.endswith("完成投资85亿元,惠及群众超过50万人。".translate(
        str.maketrans(",", "\uff0c")))
    assert [a.dateline for a in r.articles] == [None, "本报北京12月14日电", "新华社北京12月14日电"]
    assert sorted(b.role for b in r.furniture) == ["jump line", "page furniture"]
    assert not [x for x in r.repairs if x.unsure]
