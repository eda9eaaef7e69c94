"""An editor's corrections to a cut (dumps/corrections/<dump>.yaml): each kind on small pages
written for the test, in both dump styles (blank lines between flush paragraphs; indented
paragraphs under flush headlines), and bad or stale corrections as one-line errors naming the
corrections file and line."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from build_scripts.corrections import ROLES, Correction, corrections_path, load, render
from build_scripts.errors import UserError
from build_scripts.report import render_report
from build_scripts.segment import segment
from build_scripts.write import article_files

from segment_helpers import ROOT, dump_chars, make_dump, output_chars

I = "\u3000\u3000"

# Line numbers in the comments are the dump's.
FLUSH = ("春耕生产有序展开\n\n"                                                     # 1
         "本报讯（记者 张明）眼下正是春耕时节，各地农民抢抓农时，田间地头一派繁忙景象。\n\n"  # 3
         "农技人员正在讲解播种要点，村民们听得认真。\n\n"                                # 5
         "农机合作社忙检修\n\n"                                                      # 7
         "合作社的机手们正在检修拖拉机和播种机，为春播做好准备。\n\n"                      # 9
         "（李清）\n\n"                                                             # 11
         "城市更新项目启动\n\n"                                                      # 13
         "市里启动城市更新项目，首批涉及十个街区，居民期待已久。\n\n"                      # 15
         "（王芳）\n")                                                             # 17

INDENTED = ("春耕生产有序展开\n"                                                    # 1
            f"{I}本报讯（记者 张明）眼下正是春耕时节，各地农民抢抓农时，田间地头一派繁忙景象。\n"  # 2
            f"{I}农技人员正在讲解播种要点，村民们听得认真。\n"                             # 3
            "农机合作社忙检修\n"                                                    # 4
            f"{I}合作社的机手们正在检修拖拉机和播种机，为春播做好准备。\n"                   # 5
            f"{I}（李清）\n"                                                       # 6
            "城市更新项目启动\n"                                                    # 7
            f"{I}市里启动城市更新项目，首批涉及十个街区，居民期待已久。\n"                   # 8
            f"{I}（王芳）\n")                                                      # 9

STYLES = {"flush": FLUSH, "indented": INDENTED}
# The same places in each style: (first head, its second paragraph, second head, its credit, third head)
AT = {"flush": dict(head=1, second=5, head2=7, credit2=11, head3=13),
      "indented": dict(head=1, second=3, head2=4, credit2=6, head3=7)}


def fixes_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "corrections" / "page.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def cut(tmp_path: Path, page: str, fixes: str | None):
    dump = make_dump(page, str(tmp_path / "page.txt"))
    corrections = load(fixes_file(tmp_path, fixes)) if fixes is not None else None
    return segment(dump, corrections=corrections)


def heads(result):
    return [(a.lines[0], a.title) for a in result.articles]


def kinds(article):
    return [(b.kind, b.text) for b in article.body]


def test_the_uncorrected_cut_of_both_pages():
    """What the corrections below change (the segmenter's own reading of the two pages)."""
    for style, page in STYLES.items():
        at = AT[style]
        result = segment(make_dump(page))
        if style == "flush":   # flush: 农机合作社忙检修 has no credit before it, so it is a subhead
            assert heads(result) == [(1, "春耕生产有序展开"), (13, "城市更新项目启动")]
        else:                  # indented: every flush line is a headline
            assert heads(result) == [(1, "春耕生产有序展开"), (at["head2"], "农机合作社忙检修"),
                                     (7, "城市更新项目启动")]


@pytest.mark.parametrize("style", STYLES)
def test_join_makes_two_articles_one(tmp_path, style):
    at = AT[style]
    result = cut(tmp_path, STYLES[style], f"- {{line: {at['head3']}, join: true}}\n")
    last = result.articles[-1]
    assert last.title == ("春耕生产有序展开" if style == "flush" else "农机合作社忙检修")
    assert last.lines == (last.lines[0], len(STYLES[style].rstrip("\n").split("\n")))
    assert kinds(last)[-2:] == [("subhead", "城市更新项目启动"),
                                ("paragraph", "市里启动城市更新项目，首批涉及十个街区，居民期待已久。")]
    assert last.authors[-1] == "王芳" and "李清" in last.authors


@pytest.mark.parametrize("style", STYLES)
def test_start_opens_an_article_at_a_paragraph(tmp_path, style):
    at = AT[style]
    result = cut(tmp_path, STYLES[style], f"- {{line: {at['second']}, start: true}}\n")
    assert heads(result)[:2] == [(1, "春耕生产有序展开"), (at["second"], "")]
    assert kinds(result.articles[0]) == [
        ("paragraph", "眼下正是春耕时节，各地农民抢抓农时，田间地头一派繁忙景象。")]
    assert kinds(result.articles[1])[0] == ("paragraph", "农技人员正在讲解播种要点，村民们听得认真。")


def test_start_on_a_subhead_makes_it_a_headline(tmp_path):
    result = cut(tmp_path, FLUSH, "- {line: 7, start: true}\n")
    assert heads(result) == [(1, "春耕生产有序展开"), (7, "农机合作社忙检修"), (13, "城市更新项目启动")]
    assert result.articles[1].authors == ["李清"]
    assert result.articles[0].authors == ["张明"]


@pytest.mark.parametrize("style", STYLES)
def test_role_furniture_sets_a_line_aside(tmp_path, style):
    at = AT[style]
    result = cut(tmp_path, STYLES[style], f"- {{line: {at['credit2']}, role: furniture}}\n")
    assert [(b.first_line, b.text) for b in result.furniture] == [(at["credit2"], "（李清）")]
    assert all("李清" not in a.authors for a in result.articles)
    assert "（李清）" in render_report(result).split("## Set aside")[1]


@pytest.mark.parametrize("style", STYLES)
def test_role_body_keeps_a_headline_in_the_text(tmp_path, style):
    at = AT[style]
    result = cut(tmp_path, STYLES[style], f"- {{line: {at['head2']}, role: body}}\n")
    first = result.articles[0]
    assert heads(result) == [(1, "春耕生产有序展开"), (at["head3"], "城市更新项目启动")]
    assert all(kind == "paragraph" for kind, _ in kinds(first))
    # the repairs around it still work: flush, the line ends mid-sentence and the paragraph after
    # continues it; indented, the paragraph after is indented, a paragraph of its own
    expected = "农机合作社忙检修" + ("合作社的机手们正在检修拖拉机和播种机，为春播做好准备。" if style == "flush" else "")
    assert ("paragraph", expected) in kinds(first)


@pytest.mark.parametrize("style", STYLES)
def test_role_byline_and_subtitle(tmp_path, style):
    page = STYLES[style].replace("春耕生产有序展开\n", "春耕生产有序展开\n" + ("\n" if style == "flush" else "")
                                  + "各地抢抓农时备耕\n" + ("\n" if style == "flush" else "")
                                  + "张明 王芳\n", 1)
    # the two lines inserted after line 1 shift every line after by 2 (flush: by 4)
    sub, names = (3, 5) if style == "flush" else (2, 3)
    result = cut(tmp_path, page, f"- {{line: {sub}, role: subtitle}}\n- {{line: {names}, role: byline}}\n")
    first = result.articles[0]
    assert (first.title, first.subtitle) == ("春耕生产有序展开", "各地抢抓农时备耕")
    assert first.authors[:2] == ["张明", "王芳"] and first.byline.startswith("张明 王芳")


@pytest.mark.parametrize("style", STYLES)
def test_replace_fixes_a_line_and_the_report_keeps_both_texts(tmp_path, style):
    at = AT[style]
    result = cut(tmp_path, STYLES[style], f"- {{line: {at['second']}, replace: [播种要点, 播种要领]}}\n")
    assert ("paragraph", "农技人员正在讲解播种要领，村民们听得认真。") in kinds(result.articles[0])
    report = render_report(result)
    assert "农技人员正在讲解播种要点" in report and "农技人员正在讲解播种要领" in report
    assert f"page.yaml:1: line {at['second']}: text “播种要点” replaced by “播种要领”" in report
    # conservation against the text as read: the output holds every character of it
    fixed = STYLES[style].replace("播种要点", "播种要领")
    assert output_chars(result) == dump_chars(fixed)


@pytest.mark.parametrize("style", STYLES)
def test_title_fix_keeps_the_permalink_and_id(tmp_path, style):
    page = STYLES[style]
    before = article_files(segment(make_dump(page, str(tmp_path / "page.txt"))))
    result = cut(tmp_path, page, "- {line: 1, title: 春耕生产全面展开}\n")
    after = article_files(result)
    assert result.articles[0].title == "春耕生产全面展开"
    assert sorted(before) == sorted(after)          # same files: same slugs, same URLs
    rel = next(r for r in after if "chungeng" in r)
    assert "title: 春耕生产全面展开" in after[rel] and "title: 春耕生产有序展开" in before[rel]
    ident = [line for line in before[rel].splitlines() if line.startswith("id:")]
    assert ident and ident[0] in after[rel].splitlines()


def test_every_correction_is_listed_in_the_report(tmp_path):
    result = cut(tmp_path, FLUSH, "- {line: 7, start: true}\n- {line: 13, join: true}\n"
                                  "- {line: 11, role: byline}\n- {line: 1, title: 春耕}\n")
    section = render_report(result).split("## Editor's corrections")[1].split("## To check")[0]
    assert [line.split(": ", 1)[0] for line in section.strip().splitlines()] == [
        f"- {tmp_path / 'corrections' / 'page.yaml'}:{n}" for n in (1, 2, 3, 4)]
    assert "line 7: a new article begins here" in section and "line 13: continues the article before" in section


def test_no_corrections_file_gives_the_same_cut_as_none(tmp_path):
    plain = segment(make_dump(FLUSH, str(tmp_path / "page.txt")))
    empty = cut(tmp_path, FLUSH, "[]\n")
    assert heads(plain) == heads(empty) and [kinds(a) for a in plain.articles] == [kinds(a) for a in empty.articles]


# --- bad corrections: one line naming the corrections file and the fix's line ---------

@pytest.mark.parametrize("text, line, fragment", [
    ("- {line: 3, start: true}\n- {line: 5, colour: red}\n", 2, "unknown key colour"),
    ("- {line: 3, role: headline}\n", 1, "role must be one of"),
    ("- {line: 3, start: yes please}\n", 1, "start must be true"),
    ("- {line: 0, join: true}\n", 1, "line must be a line number"),
    ("- {line: 3}\n", 1, "exactly one of"),
    ("- {line: 3, start: true, join: true}\n", 1, "exactly one of"),
    ("- {line: 3, replace: [only-one]}\n", 1, "replace takes [old text, new text]"),
    ("- {line: 3, title: ''}\n", 1, "title must be one line"),
    ("line: 3\n", 1, "expected a list"),
    ("- {line: 3, start: true}\n- [3, join]\n", 2, "a fix is a mapping"),
    ("- {line: 3, start: true}\n- {line: 5, join: true}\n- {line: 3, join: true}\n", 3,
     "contradicts line 1: a line cannot both begin an article and continue the one before"),
    ("- {line: 7, join: true}\n- {line: 7, title: X}\n", 2, "contradicts line 1"),
    ("- {line: 7, role: furniture}\n- {line: 7, start: true}\n", 2, "page furniture belongs to no article"),
    ("- {line: 7, role: body}\n- {line: 7, role: subhead}\n", 2, "already has a role fix (line 1)"),
    ("- {line: 7, start: true\n", 1, "malformed YAML"),
    ("- {line: 7, start: true}\n- {line: 8, line: 9, join: true}\n", 2, "line given twice in one fix"),
    ("- {line: 3, replace: [春耕, 春耕]}\n", 1, "replace changes nothing"),
    ("- {line: 3, start: true}\n- 7\n", 2, "a fix is a mapping"),
])
def test_bad_corrections_name_file_and_line(tmp_path, text, line, fragment):
    path = fixes_file(tmp_path, text)
    says_where(lambda: load(path), path, line, fragment)


def says_where(make, path: Path, line: int, fragment: str) -> None:
    """``make()`` fails with one message starting ``path:line:`` and saying ``fragment``."""
    with pytest.raises(UserError) as error:
        make()
    message = str(error.value)
    assert message.startswith(f"{path}:{line}: ") and fragment in message, message


@pytest.mark.parametrize("fixes, line, fragment", [
    ("- {line: 3, start: true}\n- {line: 40, start: true}\n", 2, "line 40 is past the end of the dump (18 lines)"),
    ("- {line: 2, role: body}\n", 1, "line 2 of the dump is blank"),
    ("- {line: 5, replace: [拖拉机, 收割机]}\n", 1, "“拖拉机” is not on line 5"),
    ("- {line: 5, replace: [播种, 插秧]}\n- {line: 5, replace: [播种要点, 要领]}\n", 2, "“播种要点” is not on line 5"),
    ("- {line: 5, title: 新标题}\n", 1, "no article begins at line 5 (articles begin at lines 1, 13)"),
])
def test_stale_corrections_name_file_and_line(tmp_path, fixes, line, fragment):
    says_where(lambda: cut(tmp_path, FLUSH, fixes), tmp_path / "corrections" / "page.yaml", line, fragment)


@pytest.mark.parametrize("action", ["start", "join"])
def test_a_cut_on_a_line_set_aside_is_stale(tmp_path, action):
    page = FLUSH + "\n责任编辑：赵六\n"          # line 19: an editor credit, page furniture
    with pytest.raises(UserError, match=r"page\.yaml:2: line 19 is set aside as page furniture"):
        cut(tmp_path, page, f"- {{line: 7, start: true}}\n- {{line: 19, {action}: true}}\n")
    assert len(cut(tmp_path, page, "- {line: 19, role: body}\n- {line: 19, start: true}\n").articles) == 3


def test_the_cli_says_it_in_one_line_with_exit_2(tmp_path):
    dump = tmp_path / "page.txt"
    dump.write_text(FLUSH, encoding="utf-8")
    corrections_path(dump).parent.mkdir()
    corrections_path(dump).write_text("- {line: 7, start: true}\n- {line: 99, join: true}\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "build_scripts", "segment", str(dump), "--json"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "Traceback" not in run.stderr and run.stdout == ""
    assert run.stderr.strip().splitlines() == [
        f"error: {corrections_path(dump)}:2: line 99 is past the end of the dump (18 lines)"]


def test_render_writes_one_fix_a_line_that_loads_back(tmp_path):
    items = [Correction(13, "join", True), Correction(5, "replace", ("播种要点", "播种“要领”")),
             Correction(1, "title", "春耕: 全面展开"), Correction(11, "role", "byline")]
    path = fixes_file(tmp_path, render(items))
    assert path.read_text(encoding="utf-8").count("\n") == 4
    loaded = load(path)
    assert [(c.line, c.action, c.value) for c in loaded.items] == [
        (1, "title", "春耕: 全面展开"), (5, "replace", ("播种要点", "播种“要领”")), (11, "role", "byline"),
        (13, "join", True)]
    assert [c.at for c in loaded.items] == [1, 2, 3, 4]


# Line 5 of FLUSH (农技人员正在讲解播种要点…, the second paragraph of the first article) given each role.
# Line 7 (农机合作社忙检修) is the display line next to it: a kicker or title at 5 heads the run they make.
P5 = "农技人员正在讲解播种要点，村民们听得认真。"


@pytest.mark.parametrize("role, expect", [
    ("kicker", lambda r: [(a.lines[0], a.kicker, a.title) for a in r.articles][1] == (5, P5, "农机合作社忙检修")),
    ("title", lambda r: [(a.lines[0], a.title, a.subtitle) for a in r.articles][1] == (5, P5, "农机合作社忙检修")),
    ("subhead", lambda r: kinds(r.articles[0])[1:3] == [("subhead", P5), ("subhead", "农机合作社忙检修")]),
    # a closing credit now: the display line after it heads an article of its own
    ("byline", lambda r: heads(r) == [(1, "春耕生产有序展开"), (7, "农机合作社忙检修"), (13, "城市更新项目启动")]
     and r.articles[0].byline == f"本报讯（记者 张明） {P5}"),
    # a dateline opens, it does not close: the article runs on to its credit at line 11
    ("dateline", lambda r: r.articles[0].byline == f"本报讯（记者 张明） {P5} （李清）"
     and r.articles[0].dateline == "本报讯" and r.articles[0].lines == (1, 11)),
    ("caption", lambda r: r.articles[0].captions == [P5] and ("paragraph", P5) not in kinds(r.articles[0])),
    ("credit", lambda r: r.articles[0].captions == [P5]),
    ("body", lambda r: ("paragraph", P5) in kinds(r.articles[0])),
    ("furniture", lambda r: [(b.first_line, b.text) for b in r.furniture] == [(5, P5)]),
])
def test_each_role_on_a_paragraph(tmp_path, role, expect):
    result = cut(tmp_path, FLUSH, f"- {{line: 5, role: {role}}}\n")
    assert expect(result), [(a.lines, a.kicker, a.title, a.subtitle, a.byline, a.captions, kinds(a))
                            for a in result.articles]


@settings(max_examples=150, deadline=None)
@given(style=st.sampled_from(sorted(STYLES)), fixes=st.lists(st.tuples(
    st.integers(1, 17), st.sampled_from(["start", "join", "role"]), st.sampled_from(ROLES)), max_size=4))
def test_corrections_keep_every_character(tmp_path_factory, style, fixes):
    """Whatever cuts and roles an editor gives (that hold), every character of the page ends in
    an article or in the report's set-aside list."""
    page = STYLES[style]
    lines = page.split("\n")
    text = "".join(f"- {{line: {n}, {action}: {role if action == 'role' else 'true'}}}\n"
                   for n, action, role in fixes if n <= len(lines) and lines[n - 1].strip())
    tmp = tmp_path_factory.mktemp("fixes")
    try:
        result = cut(tmp, page, text or "[]\n")
    except UserError as e:          # a contradiction, or a cut on a line set aside: said, with file:line
        assert str(e).startswith(f"{tmp / 'corrections' / 'page.yaml'}:")
        return
    assert output_chars(result) == dump_chars(page)
