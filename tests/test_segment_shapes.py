"""The shapes of newspaper text that fooled the first segmenter, each on a small page
written for the test: indented pages, closing datelines, prefixed datelines and joint
credits, composite stories, kickers and subtitles, column tags, picture stories,
hard-wrapped lines, headlines inside a cut paragraph, sentence tails, and the doubt an
editor reads in the report."""
from __future__ import annotations

import pytest

from build_scripts.segment import PASSES, segment
from build_scripts.segment.cohesion import Cohesion
from build_scripts.model import TEXT, Block

from segment_helpers import fw, make_dump, seg

I = "\u3000\u3000"   # a paragraph indent


def titles(result):
    return [a.title for a in result.articles]


def body(article):
    return [(b.kind, b.text) for b in article.body]


# --- a page that indents its paragraphs: flush lines are headlines -----------------

INDENTED = (f"某区试行窗口联办服务\n"
            f"{I}本报北京3月2日电（记者 张明）某区政务中心2日起试行窗口联办，群众办理多项事务只需排一次队。\n"
            f"{I}据介绍，联办窗口涵盖十二个部门，办理进度可在手机上随时查看。\n"
            f"春耕生产有序展开\n"
            f"{I}眼下正值播种季节，某镇的种粮大户早早备好了种子化肥，拖拉机在地里来回穿梭。\n"
            f"{I}农技服务进田头\n"
            f"{I}在某县的示范田里，农技人员正在讲解播种要点，村民们听得认真。\n")


def test_flush_headline_after_an_article_without_credit_opens_the_next():
    r = seg(INDENTED)
    assert titles(r) == ["某区试行窗口联办服务", "春耕生产有序展开"]
    assert [k for k, _ in body(r.articles[1])] == ["paragraph", "subhead", "paragraph"]
    assert r.articles[1].body[1].text == "农技服务进田头"


def test_same_page_without_indents_asks_an_editor_to_check():
    flat = INDENTED.replace(I, "")
    r = seg(flat)
    doubtful = [x for x in r.repairs if x.step == "mark_headlines"]
    assert any(x.lines == [4] and x.doubt >= 0.5 for x in doubtful)


def test_composite_story_is_one_article_with_its_parts():
    page = (f"速览\n{I}城市更新项目启动\n"
            f"{I}本报北京3月2日电（记者 王芳）市里启动城市更新项目，首批涉及十个街区。\n{I}\n"
            f"{I}背街小巷改造提速\n"
            f"{I}本报上海3月2日电（记者 刘  磊）今年将改造背街小巷一百二十条，沿街商户和居民都将受益。\n"
            f"下一条新闻\n{I}下一条新闻的正文在这里，写得很完整。\n")
    r = seg(page)
    assert titles(r) == ["速览", "下一条新闻"]
    composite = r.articles[0]
    assert composite.authors == ["王芳", "刘磊"]
    assert [k for k, _ in body(composite)] == ["subhead", "paragraph", "subhead", "paragraph"]
    assert composite.body[2].text == "背街小巷改造提速"


# --- credits --------------------------------------------------------------------------

def test_closing_dateline_in_brackets_ends_the_article():
    page = (f"首届论坛在京开幕\n{I}论坛吸引了来自多个国家的代表参加，围绕合作议题深入交流。\n"
            f"{I}（新华社北京3月2日电）\n第二条新闻的标题\n{I}正文内容在这里，讲述第二条新闻的经过。\n")
    r = seg(page)
    assert titles(r) == ["首届论坛在京开幕", "第二条新闻的标题"]
    assert r.articles[0].dateline == "新华社北京3月2日电" and r.articles[1].subtitle is None


@pytest.mark.parametrize("paragraph, dateline, authors", [
    ("据新华社北京3月2日电 今年以来，各地加强水源地保护。", "据新华社北京3月2日电", []),
    ("本报3月2日讯（记者 王芳）全市开展安全检查。", "本报3月2日讯", ["王芳"]),
    ("本报电 今天上午，活动在广场举行。", "本报电", []),
    ("据新华社电（记者 周明、吴振东）在某地，记者见到了当事人。", "据新华社电", ["周明", "吴振东"]),
    ("本报柏林、维也纳3月2日电（记者 李明）两地同时举行活动。", "本报柏林、维也纳3月2日电", ["李明"]),
])
def test_datelines_with_prefix_or_without_date(paragraph, dateline, authors):
    r = seg(f"一条新闻标题\n{paragraph}\n")
    assert (r.articles[0].dateline, r.articles[0].authors) == (dateline, authors)


def test_a_sentence_starting_like_a_dateline_is_text():
    r = seg("一条新闻标题\n本报记者近日从市电力公司获悉，全市用电量创新高。\n")
    assert r.articles[0].dateline is None and r.articles[0].body[0].text.startswith("本报记者近日")


def test_joint_credit_and_padded_names():
    r = seg("全国政协委员张三——\n下足功夫 提出建议\n本报记者  刘  磊  王五  通讯员 赵六\n"
            "委员们深入基层调研，形成了高质量的提案。\n")
    a = r.articles[0]
    assert (a.kicker, a.title) == ("全国政协委员张三——", "下足功夫 提出建议")
    assert a.authors == ["刘磊", "王五", "赵六"]


@pytest.mark.parametrize("line, closing", [
    ("（作者为某大学教授）", True), ("（作者单位：某研究院）", True), ("（本报记者 李明采访整理）", True),
    ("（张三参与采写）", True), ("某省某市  王小明", True), ("（李清）", False),
])
def test_closing_credit_forms(line, closing):
    from build_scripts.segment.bylines import parse_standalone
    found = parse_standalone(line)
    assert found is not None and found.closing is closing


def test_column_tag_stays_with_the_headline_never_an_author():
    r = seg("一渠清水润良田（民生观察·聚焦）\n据新华社北京3月2日电 今年以来，各地加强水源地保护。\n")
    assert r.articles[0].title == "一渠清水润良田（民生观察·聚焦）" and r.articles[0].authors == []


# --- headline blocks -------------------------------------------------------------------

@pytest.mark.parametrize("head, roles", [
    (["全国政协委员张三——", "下足功夫 提出建议"], ("全国政协委员张三——", "下足功夫 提出建议", None)),
    (["某部门负责人在会上强调", "推动工作落地见效"], ("某部门负责人在会上强调", "推动工作落地见效", None)),
    (["春风送暖", "——记一位扎根基层的乡村医生"], (None, "春风送暖", "——记一位扎根基层的乡村医生")),
    (["某市召开专题会议", "部署下一阶段重点工作 李明主持"], (None, "某市召开专题会议", "部署下一阶段重点工作 李明主持")),
    (["审批跑出加速度（权威发布）", "对办事群众一次办好"], (None, "审批跑出加速度（权威发布）", "对办事群众一次办好")),
    (["关于某事项的决定", "（2025年3月2日某会议通过）"], (None, "关于某事项的决定", "（2025年3月2日某会议通过）")),
])
def test_kicker_title_subtitle_from_shape(head, roles):
    r = seg("\n".join(head) + "\n本报讯 今年以来，全市持续推进各项工作，成效明显。\n")
    a = r.articles[0]
    assert (a.kicker, a.title, a.subtitle) == roles


def test_kicker_holding_a_sentence_above_the_headline_on_an_indented_page():
    page = (f"修缮旧祠堂，办起农家书屋。某县山区——\n文化设施如何变出来\n"
            f"{I}走进某村，昔日的小门脸如今变成了村史馆，村民在这里追忆往事。\n"
            f"{I}村里还把闲置的院落改成了文体活动空间，供村民使用。\n{I}这样的变化在当地并不少见。\n")
    a = seg(page).articles[0]
    assert (a.kicker, a.title) == ("修缮旧祠堂，办起农家书屋。某县山区——", "文化设施如何变出来")


def test_a_question_ending_in_a_dash_is_no_kicker():
    page = fw("一条长篇报道的标题\n记者在当地采访了多位村民,听他们讲述变化。\n"
              "这份成绩单成色如何?请看一组数字——\n传统商圈 夜晚换新颜\n夜幕降临,商圈里灯火通明,人流如织。\n")
    r = seg(page)
    assert titles(r) == ["一条长篇报道的标题"]


# --- picture stories -----------------------------------------------------------------

def test_picture_story_is_a_captioned_item_of_its_own():
    page = fw("前面一条新闻\n正文说明了事情的经过,细节丰富。\n(李清)\n图片报道\n3月1日,某地群众在公园里赏花。\n"
              "新华社记者 张三摄\n后面一条新闻\n本报讯 今年以来,全市推进重点工作。\n")
    r = seg(page)
    assert titles(r) == ["前面一条新闻", "图片报道", "后面一条新闻"]
    photo = r.articles[1]
    assert photo.captions == ["新华社记者 张三摄"] and photo.authors == []


@pytest.mark.parametrize("line, names", [
    ("新华社记者  李  鑫摄", ["李鑫"]), ("何  平摄（城市影像）", ["何平"]), ("钟立新摄（视觉图库）", ["钟立新"]),
    ("本报记者 王芳 赵明摄影报道", ["王芳", "赵明"]), ("制图：蔡明", ["蔡明"]), ("图片来源：某图片社", []),
    ("（图表为中新社发）", []),
])
def test_photo_and_chart_credits(line, names):
    from build_scripts.segment.bylines import parse_standalone
    found = parse_standalone(line)
    assert found is not None and found.photo and found.authors == names


@pytest.mark.parametrize("line", ["图片报道", "宏伟蓝图", "速览"])
def test_short_headlines_are_no_credits(line):
    from build_scripts.segment.bylines import parse_standalone
    assert parse_standalone(line) is None


# --- hard-wrapped lines ---------------------------------------------------------------

def _wrap(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)]


WRAPPED_STORY = ("今年以来，某市持续推进城市更新行动，改造老旧小区两百多个，惠及居民五万余户，群众获得感明显增强。",
                 "据介绍，全市还将新建口袋公园三十个，打造十五分钟便民生活圈，让城市更宜居。",
                 "下一步，该市还将增设公共停车位和充电桩，方便居民停车充电，让改造成果惠及更多家庭。")


def test_hard_wrapped_page_is_put_back_into_paragraphs():
    p1, p2, p3 = WRAPPED_STORY
    lines = ["某市城市更新惠及五万户居民群众生活更美好", "本报讯（记者 王芳）"]
    for p in (p1, p2, p3):
        lines += _wrap(p, 20)
    r = seg("\n".join(lines) + "\n")
    assert titles(r) == ["某市城市更新惠及五万户居民群众生活更美好"]
    assert [b.text for b in r.articles[0].body] == [p1, p2, p3]
    assert r.articles[0].authors == ["王芳"]


def test_a_caption_set_between_wrapped_lines_is_no_part_of_the_paragraph():
    p1, p2, p3 = WRAPPED_STORY
    lines = ["某市城市更新惠及五万户居民群众生活更美好", "本报讯（记者 王芳）"] + _wrap(p1, 20)
    wrapped = _wrap(p2, 20)
    lines += wrapped[:1] + ["图为改造后的小区一角。"] + wrapped[1:] + _wrap(p3, 20)
    r = seg("\n".join(lines) + "\n")
    assert [b.text for b in r.articles[0].body] == [p1, p2, p3]
    assert r.articles[0].captions == ["图为改造后的小区一角。"]


def test_an_editors_dash_signature_is_neither_a_headline_nor_glued_to_the_next_paragraph():
    page = ("乡村书屋成了热闹地方（身边故事）\n"
            "本栏目讲述基层群众身边的新变化，欢迎读者来稿。\n"
            "——编  者\n"
            "这几年，村里把闲置的旧仓库改成了书屋，添置了书架、桌椅和几千册图书。\n"
            "管理员说，下一步还要办读书会，请农技专家来给大家讲课。\n")
    r = seg(page)
    assert titles(r) == ["乡村书屋成了热闹地方（身边故事）"]
    assert body(r.articles[0])[1:3] == [
        ("paragraph", "——编  者"), ("paragraph", "这几年，村里把闲置的旧仓库改成了书屋，添置了书架、桌椅和几千册图书。")]


def test_a_dash_subtitle_that_fills_the_column_stays_a_subtitle():
    p1, p2, p3 = WRAPPED_STORY
    subtitle = "——某市推进城市更新惠及五万多户居民纪实"     # 20 characters: as wide as the column
    lines = ["老旧小区换新颜 城市更新暖民心 幸福生活节节高 日子越过越红火", subtitle]
    for p in (p1, p2, p3):
        lines += _wrap(p, 20)
    r = seg("\n".join(lines) + "\n")
    assert r.articles[0].subtitle == subtitle
    assert [b.text for b in r.articles[0].body] == [p1, p2, p3]


def test_a_headline_as_wide_as_the_column_after_a_short_cut_line_is_no_paragraph_line():
    # the last paragraph of one story is cut after one character of its last wrapped line;
    # the next story's headline, exactly as wide as the column, stands between the halves
    p1 = WRAPPED_STORY[0]
    headline = "某县千亩荷塘迎来采莲季游客纷纷赶来体验"    # 19 characters, no punctuation
    last = "下一步，该市还将增设一批公共停车位和充电桩并且延长开放时间，让居民停车充电更方便。"
    wrapped = _wrap(last, 19)               # the last wrapped line of the front half: one character
    lines = ["某市城市更新惠及五万户居民群众生活更美好", "本报讯（记者 王芳）"]
    lines += _wrap(p1, 19) + wrapped[:1] + [wrapped[1][:1], headline, wrapped[1][1:]] + wrapped[2:]
    lines += ["本报讯（记者 李强）"] + _wrap("入夏以来，某县的千亩荷塘进入盛花期，村里组织采莲活动，吸引不少城里游客前来。", 19)
    r = seg("\n".join(lines) + "\n")
    assert titles(r) == ["某市城市更新惠及五万户居民群众生活更美好", headline]
    assert [b.text for b in r.articles[0].body] == [p1, last]
    assert len(r.articles[1].body) == 1


# --- a headline standing in a cut paragraph -------------------------------------------

def test_last_paragraph_of_an_article_runs_on_beside_the_next_headline():
    a_text = ("某市今年推进垃圾分类工作，全市居民小区分类覆盖率达到九成，垃圾分类成为居民的新习惯。"
              "市城管部门表示，下一步将完善垃圾分类收运体系，推动分类工作常态化，")
    cut = 70
    page = (f"某市垃圾分类覆盖九成小区\n本报讯 {a_text[:cut]}\n另一座城市的地铁三号线今天正式开通运营\n"
            f"{a_text[cut:]}持续提升城市环境品质。\n"
            "本报讯 该市地铁三号线今日开通运营，全长二十八公里，设站二十座，乘客出行更加便捷。\n")
    r = seg(page)
    assert titles(r) == ["某市垃圾分类覆盖九成小区", "另一座城市的地铁三号线今天正式开通运营"]
    assert r.articles[0].body[-1].text.endswith("推动分类工作常态化，持续提升城市环境品质。")
    assert r.articles[1].body[0].text.startswith("该市地铁三号线")


FIRST_STORY = "某市垃圾分类覆盖九成小区\n本报讯 某市今年推进垃圾分类工作，全市居民小区分类覆盖率达到九成。\n"
NEXT_OPENS = "本报讯 该市地铁三号线今日开通运营，全长二十八公里，设站二十座。\n"


def test_front_half_of_a_paragraph_cut_by_the_next_headline_is_no_kicker():
    page = (f"{FIRST_STORY}下一步，该市将完善收运体系，推动垃圾分\n地铁三号线今天正式开通运营\n"
            f"类工作常态化。\n{NEXT_OPENS}")
    r = seg(page)
    assert titles(r) == ["某市垃圾分类覆盖九成小区", "地铁三号线今天正式开通运营"]
    assert r.articles[0].body[-1].text == "下一步，该市将完善收运体系，推动垃圾分类工作常态化。"
    assert r.articles[1].kicker is None
    assert r.articles[1].body[0].text.startswith("该市地铁三号线")


def test_a_word_running_across_a_headline_unmasks_the_front_half_of_a_paragraph():
    page = (f"{FIRST_STORY}（王芳）\n今年春天，村民们在荒坡上种下了果\n荒坡变成了果园\n山村日子越过越红火\n"
            "树，如今已经挂满了果子。\n村里还办起了合作社，统一收购、统一销售，村民收入逐年增加。\n")
    r = seg(page)
    assert titles(r) == ["某市垃圾分类覆盖九成小区", "山村日子越过越红火"]
    assert r.articles[1].kicker == "荒坡变成了果园"
    assert r.articles[1].body[0].text == "今年春天，村民们在荒坡上种下了果树，如今已经挂满了果子。"


@pytest.mark.parametrize("after_first_story, kicker, title", [
    # a word read across two headline lines (丰收节 + 日子 → 节日) is a chance of the reading
    ("（王芳）\n某县举办农民丰收节\n日子越过越红火\n本报讯 某县日前举办农民丰收节，村民们展示了今年收获的粮食和瓜果。\n",
     "某县举办农民丰收节", "日子越过越红火"),
    # a comma-free kicker over a sentence tail the layout put under the headline
    ("全市新增绿地三百公顷\n城市公园越建越多\n让市民推窗见绿、出门进园，成为这座城市的新目标。\n"
     "本报讯 园林部门今年新建口袋公园二十座，市民在家门口就能休闲健身。\n", "全市新增绿地三百公顷", "城市公园越建越多"),
])
def test_kickers_that_stay_kickers(after_first_story, kicker, title):
    r = seg(FIRST_STORY + after_first_story)
    assert titles(r) == ["某市垃圾分类覆盖九成小区", title]
    assert r.articles[1].kicker == kicker


def test_a_lone_line_before_the_next_dateline_is_its_headline_not_a_second_title_line():
    page = ("城市公园越建越多\n本报讯 园林部门今年新建口袋公园二十座，市民在家门口就能休闲健身。\n"
            f"全市绿地面积比去年增加三百公顷，绿化覆盖\n地铁三号线开通运营\n率达到百分之四十。\n{NEXT_OPENS}")
    r = seg(page)
    assert titles(r) == ["城市公园越建越多", "地铁三号线开通运营"]
    assert r.articles[0].body[-1].text == "全市绿地面积比去年增加三百公顷，绿化覆盖率达到百分之四十。"


def test_the_words_after_a_dateline_on_its_line_are_body_even_when_short():
    page = ("某市垃圾分类覆盖九成小区\n本报讯 某市今年推进垃圾分类工作，全市居民小区分类覆盖率达到九成。\n（王芳）\n"
            "本报北京3月2日电（记者 张明）地铁三号线今天在城北\n地铁三号线今天开通\n"
            "正式开通运营，全长二十八公里，设站二十座。\n")
    r = seg(page)
    assert titles(r) == ["某市垃圾分类覆盖九成小区", "地铁三号线今天开通"]
    assert r.articles[1].body[0].text == "地铁三号线今天在城北正式开通运营，全长二十八公里，设站二十座。"
    assert r.articles[1].authors == ["张明"]


def test_a_dateline_alone_on_its_line_is_a_credit_not_a_title():
    page = (f"{FIRST_STORY}（王芳）\n某省代表团访问友好城市\n据新华社某地3月2日电\n责任编辑：刘洋\n"
            "代表团在当地参观了港口和产业园区，双方签署了多项合作协议。\n")
    r = seg(page)
    assert titles(r) == ["某市垃圾分类覆盖九成小区", "某省代表团访问友好城市"]
    assert r.articles[1].kicker is None
    assert r.articles[1].dateline == "据新华社某地3月2日电"
    assert r.articles[1].body[0].text.startswith("代表团在当地参观")


def test_headline_printed_inside_its_own_first_paragraph_goes_above_it():
    page = ("某市垃圾分类覆盖九成小区\n本报讯 某市今年推进垃圾分类工作，全市居民小区分类覆盖率达到九成。\n"
            "（王芳）\n"
            "本报讯 地铁三号线今日开通运营，全长二十八公里，设站二十座，地铁三号线\n"
            "地铁三号线今日开通\n"
            "沿线居民出行更加便捷，地铁三号线每天运营十八小时。地铁三号线的开通标志着线网初步成形。\n")
    r = seg(page)
    assert titles(r) == ["某市垃圾分类覆盖九成小区", "地铁三号线今日开通"]
    assert r.articles[1].body[0].text.startswith("地铁三号线今日开通运营")
    assert "设站二十座，地铁三号线沿线居民" in r.articles[1].body[0].text


def test_sentence_tail_on_an_indented_page_goes_back_to_its_cut():
    page = (f"某县种出致富果\n"
            f"本报讯（记者 王芳）\n"
            f"业链条，带动果农增收。\n"
            f"{I}某县立足资源优势，大力发展特色种植，建成标准化基地十余个。\n"
            f"{I}全县果园面积已有三万亩，每到秋天，客商从各地赶来收购鲜果。\n"
            f"{I}当地还请来食品厂，把卖不掉的小果做成果干，拉长产\n"
            f"{I}如今，果园成了不少人家的钱袋子，村里新盖的小楼一栋接着一栋。\n")
    r = seg(page)
    texts = [b.text for b in r.articles[0].body]
    assert texts[2] == "当地还请来食品厂，把卖不掉的小果做成果干，拉长产业链条，带动果农增收。"
    assert len(texts) == 4


def test_a_word_across_the_seam_outweighs_a_cut_that_only_the_indents_suggest():
    page = (f"假期铁路客流明显回升\n"
            f"长三成和四成。\n"
            f"{I}假期以来，某市火车站每天开行的列车比平日多出二十余趟，车站延长了售票窗口的营业时间，"
            f"并在进站口增设了自助核验闸机和爱心服务台\n"
            f"{I}从各条线路来看，去往沿海城市和省内景区的列车最为繁忙，不少车次在开售当天就已售罄，车站为此加开了临时列车，两类线路的客流分别同比增\n"
            f"{I}为保障旅客平安出行，车站提前组织了应急演练，并安排志愿者在候车大厅引导旅客。\n"
            f"{I}读车站\u3000\u3000看变化\n")
    r = seg(page)
    texts = [b.text for b in r.articles[0].body]
    assert texts[1].endswith("分别同比增长三成和四成。")
    assert "长三成和四成。" not in texts[0]
    assert [x for x in r.repairs if x.step == "move_opening_tails_to_cuts" and x.doubt > 0]


def test_on_a_page_without_indents_a_tail_fills_the_only_paragraph_cut_inside_a_clause():
    page = ("乡村书屋成了热闹地方\n"
            "晚饭后来借书的人络绎不绝。\n"
            "这几年，村里把闲置的旧仓库改成了书屋，添置了书架、桌椅和几千册图书。\n"
            "每到周末，孩子们就结伴来写作业，老人们则喜欢翻看种养技术的书籍，书屋一到\n"
            "管理员说，下一步还要办读书会，请农技专家来给大家讲课。\n")
    r = seg(page)
    texts = [b.text for b in r.articles[0].body]
    assert texts == ["这几年，村里把闲置的旧仓库改成了书屋，添置了书架、桌椅和几千册图书。",
                     "每到周末，孩子们就结伴来写作业，老人们则喜欢翻看种养技术的书籍，书屋一到晚饭后来借书的人络绎不绝。",
                     "管理员说，下一步还要办读书会，请农技专家来给大家讲课。"]
    assert [x for x in r.repairs if x.step == "move_opening_tails_to_cuts" and x.doubt >= 0.5]


def test_a_tail_opening_with_one_word_and_a_full_stop_is_no_lead_in():
    page = ("乡村书屋成了热闹地方\n"
            "声音。管理员说，下一步还要办读书会，请农技专家来讲课。\n"
            "这几年，村里把闲置的旧仓库改成了书屋，添置了书架、桌椅和几千册图书。\n"
            "每到周末，孩子们就结伴来写作业，屋里总能听到翻书的\n"
            "老人们则喜欢翻看种养技术的书籍，遇到不懂的地方就互相讨论。\n")
    r = seg(page)
    texts = [b.text for b in r.articles[0].body]
    assert texts[1] == "每到周末，孩子们就结伴来写作业，屋里总能听到翻书的声音。管理员说，下一步还要办读书会，请农技专家来讲课。"
    assert len(texts) == 3


def test_a_first_paragraph_with_a_lead_in_phrase_stays_first():
    page = ("乡村书屋成了热闹地方\n"
            "书屋办进了村。这几年，村里把闲置的旧仓库改成了书屋。\n"
            "每到周末，孩子们就结伴来写作业，屋里总能听到翻书的\n"
            "老人们则喜欢翻看种养技术的书籍，遇到不懂的地方就互相讨论。\n")
    r = seg(page)
    assert r.articles[0].body[0].text == "书屋办进了村。这几年，村里把闲置的旧仓库改成了书屋。"


def test_a_paragraph_cut_by_furniture_goes_on_after_it_and_takes_no_tail():
    # the continuation after the editor's credit opens like a lead-in (four characters and a
    # full stop); the short first paragraph is the column's note, not a displaced tail
    page = ("书香里的乡村（读书札记）\n"
            "本栏目记录基层阅读的新变化。\n"
            "这几年，村里把闲置的旧仓库改成了书屋，添置了书架、桌椅和几千册图书。\n"
            "每到周末，孩子们就结伴来写作业，老人们挑的书和孩子们\n"
            "责任编辑：王某\n"
            "各不相同。老人们喜欢翻看种养技术的书籍，遇到不懂的地方就互相讨论。\n"
            "管理员说，下一步还要办读书会，请农技专家来给大家讲课。\n")
    r = seg(page)
    texts = [b.text for b in r.articles[0].body]
    assert texts[0] == "本栏目记录基层阅读的新变化。"
    assert "每到周末，孩子们就结伴来写作业，老人们挑的书和孩子们各不相同。老人们喜欢翻看种养技术的书籍，" \
           "遇到不懂的地方就互相讨论。" in texts


def test_a_paragraph_ending_on_a_closing_quote_takes_no_tail():
    page = ("乡村书屋成了热闹地方\n"
            "晚饭后来借书的人络绎不绝。\n"
            "这几年，村里把闲置的旧仓库改成了书屋，村民们都说“书屋办到了心坎上”\n"
            "管理员说，下一步还要办读书会，请农技专家来给大家讲课。\n")
    r = seg(page)
    assert r.articles[0].body[0].text == "晚饭后来借书的人络绎不绝。"


def test_a_headline_set_inside_its_storys_opening_credit_goes_above_the_whole_credit():
    page = ("某区试行窗口联办服务\n"
            "本报北京3月2日电  （记者张明）某区政务中心2日起试行窗口联办，群众办理多项事务只需排一次队。\n"
            "据介绍，联办窗口涵盖十二个部门，办理进度可在手机上随时查看。\n"
            "本报北京3月2日电  （记者李\n"
            "某市见缝插绿\n"
            "边角空地建起三十个口袋公园\n"
            "华）今年以来，某市利用边角空地新建口袋公园三十个，居民出门几百米就能见到绿地。\n"
            "公园里还设置了健身器材和休息座椅，每天都有不少居民前来锻炼。\n")
    r = seg(page)
    assert titles(r) == ["某区试行窗口联办服务", "边角空地建起三十个口袋公园"]
    assert r.articles[0].byline == "本报北京3月2日电  （记者张明）"
    assert r.articles[1].byline == "本报北京3月2日电"
    assert r.articles[1].body[0].text.startswith("（记者李华）今年以来")


def test_a_tail_that_closes_the_quote_a_cut_leaves_open_goes_back_there():
    # a page without indents: the paragraph after the cut could be its continuation, but
    # only the tail closes the quote the cut paragraph opened
    page = ("老街换了新模样\n"
            "招牌给改没了”。\n"
            "改造以前，老街的路面坑坑洼洼，一到雨天就满是积水。\n"
            "施工队进场时，街坊们只提了一个要求：“别把老街的味道和铺面的旧\n"
            "如今，青石板路修好了，两旁的店铺也重新开了张，来逛的人一天比一天多。\n")
    r = seg(page)
    texts = [b.text for b in r.articles[0].body]
    assert texts == ["改造以前，老街的路面坑坑洼洼，一到雨天就满是积水。",
                     "施工队进场时，街坊们只提了一个要求：“别把老街的味道和铺面的旧招牌给改没了”。",
                     "如今，青石板路修好了，两旁的店铺也重新开了张，来逛的人一天比一天多。"]


def test_a_quote_left_open_takes_no_tail_that_leaves_it_open():
    page = ("老街换了新模样\n"
            "来逛的人一天比一天多。\n"
            "改造以前，老街的路面坑坑洼洼，一到雨天就满是积水。\n"
            "施工队进场时，街坊们只提了一个要求：“别把老街的味道改没了\n"
            "铺面的旧招牌也都留着”。如今，青石板路修好了，店铺重新开了张。\n")
    r = seg(page)
    assert r.articles[0].body[0].text == "来逛的人一天比一天多。"


# --- lexical cohesion ------------------------------------------------------------------

def test_cohesion_tells_one_story_from_two():
    story = ("某市地铁三号线今日开通运营，地铁三号线全长二十八公里，地铁沿线设站二十座，"
             "乘客可在换乘站与既有线路换乘，地铁运营时间为早六点至晚十一点，首日客流超过十万人次。")
    other = ("某县今年小麦喜获丰收，小麦亩产再创新高，种粮农户收入明显增加，粮食收购有序进行，"
             "农业部门组织农机手跨区作业，烘干设备连夜运转，确保颗粒归仓，农民脸上露出笑容。")
    blocks = [Block(TEXT, t * 3, [n]) for n, t in enumerate([story, story, other, other, story, other])]
    cohesion = Cohesion(blocks)
    same, different = cohesion.score(story * 4, story * 4), cohesion.score(story * 4, other * 4)
    assert same is not None and different is not None and same > 0.5 > different


# --- the report: doubt and confidence -------------------------------------------------

def test_doubtful_cut_lowers_the_article_confidence_and_is_checked_first():
    r = seg(INDENTED.replace(I, ""))
    doubts = [x.doubt for x in r.repairs if x.unsure]
    assert doubts and min(a.confidence for a in r.articles) == pytest.approx(1 - max(doubts), abs=0.01)
    from build_scripts.report import render_report
    report = render_report(r)
    check = report.split("## To check")[1].split("## Repairs made")[0]
    listed = [float(part.split(",")[0]) for part in check.split("(doubt ")[1:]]
    assert listed == sorted(listed, reverse=True)


def test_a_pass_can_be_turned_off_by_name():
    page = fw("新闻标题\n\n这是一段完整的正文,讲述了一件事情的经过和结果。\n\n绿电占比63%,\n\n覆盖11个地市。\n")
    joined = segment(make_dump(page))
    apart = segment(make_dump(page), passes=PASSES.without("join_column_breaks"))
    assert len(joined.articles[0].body) == 2 and len(apart.articles[0].body) == 3
    assert "join_column_breaks" in PASSES.names() and "join_column_breaks" not in PASSES.without(
        "join_column_breaks").names()
    with pytest.raises(KeyError):
        PASSES.without("no_such_pass")
