"""axe-core (tests/vendor/axe-core, pinned) on the built sample site in headless Chromium:
no serious and no critical violation on the home page, an article, its bilingual view, the
search box open with results, the source view, the authors index and the 404 page, in every
language, at 1280 px and (without the search) at 390 px."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest

ARTICLE = "tongliao-ribao/2025/12/15/01/jifa-keji-xiang-xinli-dazao-shanliang/"
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
PREFIX = {"zh-Hans": "", "zh-Hant": "zh-Hant/", "en": "en/"}
QUERY = {"zh-Hans": "铝箔", "zh-Hant": "鋁箔", "en": "aluminium"}   # each finds the sample article
BLOCKING = ("serious", "critical")


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            targets: v.nodes.map(n => n.target.join(' ')),
            why: v.nodes.slice(0, 2).map(n => n.failureSummary)}));
    }""")


def describe(violations: list[dict]) -> str:
    return "\n".join(f"{v['impact']} {v['id']} ({v['help']}): {', '.join(v['targets'][:8])}"
                     f"{' …' if len(v['targets']) > 8 else ''}\n    {' | '.join(v['why'])}" for v in violations)


def open_view(page, base: str, lang: str, view: str) -> None:
    home = base + PREFIX[lang]
    if view == "home":
        page.goto(home)
    elif view == "authors":
        page.goto(home + "authors/")
    elif view in ("article", "bilingual", "source"):
        page.goto(home + ARTICLE)
        if view == "bilingual":
            page.locator(".na-bilingual-toggle").click()
            page.wait_for_selector(".na-bilingual-grid")
        elif view == "source":
            page.goto(urljoin(page.url, page.locator(".na-source-link a").get_attribute("href")))
    elif view == "search":
        page.goto(home)
        box = page.locator(".na-search-input")
        box.click()
        box.fill(QUERY[lang])
        page.wait_for_selector(".na-search-list li", timeout=15000)
    elif view == "404":
        page.goto(home + "no/such/page/")
        page.wait_for_selector(".na-404[data-na-state=done]")
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("view", ["home", "article", "bilingual", "search", "source", "authors", "404"])
@pytest.mark.parametrize("lang", list(PREFIX))
def test_no_serious_accessibility_violations(served, page, lang, view):
    open_view(page, served["base"], lang, view)
    if view == "404":   # the 404 answer is expected: the page recorded it as a failed load
        page.problems[:] = [p for p in page.problems if "404" not in p]
    blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING]
    assert blocking == [], f"{lang} {view}:\n{describe(blocking)}"


@pytest.mark.parametrize("lang", list(PREFIX))
def test_no_serious_accessibility_violations_on_a_phone(served, browser, lang):
    """At 390 px (the header collapses, the bilingual view stacks its columns)."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        found = []
        for view in ["home", "article", "bilingual", "source", "404"]:
            pg = ctx.new_page()
            open_view(pg, served["base"], lang, view)
            found += [dict(v, id=f"{view}: {v['id']}") for v in axe_violations(pg) if v["impact"] in BLOCKING]
            pg.close()
        assert found == [], f"{lang} at 390 px:\n{describe(found)}"
    finally:
        ctx.close()
