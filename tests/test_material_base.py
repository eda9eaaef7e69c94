"""overrides/base.html is our copy of Material's base.html: changed in a few stretches (its
opening comment says which), the rest kept line for line. When the installed Material's
base.html changes (an upgrade), the kept stretches no longer match and this test names the
lines, so the copy is brought up to date instead of silently serving an old template."""
from __future__ import annotations

import difflib
from pathlib import Path

import material

ROOT = Path(__file__).resolve().parent.parent
OURS = ROOT / "overrides" / "base.html"
THEIRS = Path(material.__file__).parent / "templates" / "base.html"

# Material's lines our copy does not keep, in order (indentation aside): every other line of
# its base.html is in ours, in the same order.
DROPPED = [
    "{#-", "This file was automatically generated - do not edit", "-#}",
    '{% import "partials/language.html" as lang with context %}',     # imported once per build
    '<meta name="generator" content="mkdocs-{{ mkdocs_version }}, mkdocs-material-9.8.1">',
    "{% set features = config.theme.features or [] %}",               # set before the body's opening
    "{% if page.toc | first is defined %}",                           # the skip link's test, moved
    "</div>",
    "{% if self.announce() %}",                                       # the announce test, moved
    "</div>",
    '{% include "partials/javascripts/content.html" %}',              # no tabbed content
    '{% include "partials/top.html" %}',                              # the button, from the icon file
    "</div>",                                                         # no dialog: nothing to copy
    '<div class="md-dialog" data-md-component="dialog">',
    '<div class="md-dialog__inner md-typeset"></div>',
]


def lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def dropped(theirs: list[str], ours: list[str]) -> list[str]:
    """Material's lines that are not matched, in order, by a line of ours."""
    matcher = difflib.SequenceMatcher(None, theirs, ours, autojunk=False)
    return [line for tag, i1, i2, _, _ in matcher.get_opcodes() if tag != "equal" for line in theirs[i1:i2]]


def test_our_base_html_keeps_material_s_lines_but_the_changed_stretches():
    found = dropped(lines(THEIRS), lines(OURS))
    assert found == DROPPED, "\n".join(difflib.unified_diff(DROPPED, found, "expected", str(THEIRS), lineterm=""))


def test_a_changed_material_line_is_noticed():
    theirs = lines(THEIRS)
    at = theirs.index('<main class="md-main" data-md-component="main">')
    changed = theirs[:at] + ['<main class="md-main" data-md-component="main" data-new>'] + theirs[at + 1:]
    assert dropped(changed, lines(OURS)) != DROPPED


def test_main_html_links_the_stylesheet_material_s_base_html_links():
    """main.html writes Material's styles block itself (without palette.css): the stylesheet
    it names is the installed Material's."""
    import re
    theirs = re.findall(r"assets/stylesheets/main\.[0-9a-f]+\.min\.css", THEIRS.read_text(encoding="utf-8"))
    main = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert theirs and re.findall(r"assets/stylesheets/main\.[0-9a-f]+\.min\.css", main) == theirs[:1]
    assert "palette." not in main.split("{% block styles %}")[1].split("{% endblock %}")[0]
