"""Incremental staging (build_scripts/site/staging.py): a re-stage makes and writes only
what changed, and leaves the same tree as a stage from scratch."""
from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from build_scripts.atomic import write_if_changed
from build_scripts.docfile import render_document, split_document
from build_scripts.site import catalog, labels
from build_scripts.site.indexes import Generator
from build_scripts.site.slugs import author_slug
from build_scripts.site.labels import LANGS
from build_scripts.site.staging import stage
from site_fixture import make_docs

ISSUE = "2025/12/15"
LILUN = f"{ISSUE}/02/lilun.md"          # by 王樱润, alone on page 2
HOSTILE = f"{ISSUE}/01/hostile.md"
ALWAYS_MADE = 3                          # home, archive, authors index


@pytest.fixture
def site(tmp_path):
    docs = make_docs(tmp_path)
    return docs, tmp_path / "staging"


def restage(docs: Path, out: Path, **kw):
    return stage(docs, out, dumps_root=docs.parent, parallel=kw.pop("parallel", False), **kw)


def tree(out: Path) -> dict[str, bytes]:
    """Every staged file (languages and authors.json) with its bytes; not the stage's own state."""
    files = {"authors.json": (out / "authors.json").read_bytes()}
    for lang in LANGS:
        for path in (out / lang).rglob("*"):
            if path.is_file():
                files[path.relative_to(out).as_posix()] = path.read_bytes()
    return files


def mtimes(out: Path) -> dict[str, int]:
    return {rel: (out / rel).stat().st_mtime_ns for rel in tree(out)}


def edit(docs: Path, lang: str, rel: str, **changes) -> None:
    """Change an article's front matter the way segment and variants write: atomically."""
    path = docs / lang / rel
    meta, body = split_document(path)
    write_if_changed(path, render_document({**meta, **changes}, body))


def copy_article(docs: Path, lang: str, rel: str, new_rel: str, **changes) -> None:
    meta, body = split_document(docs / lang / rel)
    write_if_changed(docs / lang / new_rel, render_document({**meta, **changes}, body))


def add_issue(docs: Path, day: str, date: dt.date) -> None:
    """A copy of the fixture's issue under another date, in every language."""
    for lang in LANGS:
        for path in sorted((docs / lang / ISSUE).rglob("*.md")):
            rel = path.relative_to(docs / lang / ISSUE).as_posix()
            copy_article(docs, lang, f"{ISSUE}/{rel}", f"{day}/{rel}", date=date,
                         title=f"{split_document(path)[0]['title']} ({day})")


def assert_same_as_fresh(docs: Path, out: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    restage(docs, fresh)
    assert tree(out) == tree(fresh)


def test_a_restage_after_changes_equals_a_fresh_stage_and_keeps_unchanged_mtimes(site, tmp_path):
    docs, out = site
    restage(docs, out, parallel=True)
    before_bytes, before_mtimes = tree(out), mtimes(out)
    add_issue(docs, "2025/12/16", dt.date(2025, 12, 16))
    for lang in LANGS:                                  # a new article on an existing page
        copy_article(docs, lang, LILUN, f"{ISSUE}/02/lilun-2.md", order=2, title=f"{lang} second")
        (docs / lang / HOSTILE).unlink()                # and one removed
    staged = restage(docs, out, parallel=True)
    assert_same_as_fresh(docs, out, tmp_path)
    after = tree(out)
    assert "zh-Hans/2025/12/16/index.md" in after and "en/2025/12/16/02/lilun.md" in after
    assert f"en/{HOSTILE}" not in after and f"en/{ISSUE}/02/lilun-2.md" in after
    kept = [rel for rel in before_bytes if after.get(rel) == before_bytes[rel]]
    assert len(kept) > 10
    # the articles whose neighbours on their page changed (hostile removed, lilun-2 added) have a
    # new view, so a new mtime: the next MkDocs build renders their previous/next links again
    renewed = {f"{lang}/{rel}" for lang in LANGS for rel in (f"{ISSUE}/01/jifa-keji.md", LILUN)}
    assert renewed <= set(kept)
    assert all((out / rel).stat().st_mtime_ns != before_mtimes[rel] for rel in renewed)
    unchanged = [rel for rel in kept if rel not in renewed]
    assert {rel: before_mtimes[rel] for rel in unchanged} == {rel: (out / rel).stat().st_mtime_ns
                                                             for rel in unchanged}
    for lang in LANGS:
        report = staged.reports[lang]
        assert report.linked == 4                       # the new issue's 3 articles and lilun-2
        assert report.removed == 1                      # hostile
        assert ALWAYS_MADE < report.generated < len([r for r in after if r.startswith(f"{lang}/")])


def test_a_no_op_restage_parses_makes_and_writes_nothing(site, monkeypatch):
    docs, out = site
    first = restage(docs, out)
    before = mtimes(out)
    parsed = []
    real = catalog.read_article
    monkeypatch.setattr(catalog, "read_article", lambda path: parsed.append(path) or real(path))
    again = restage(docs, out)
    assert parsed == []
    assert dict(again) == dict(first) == {lang: 3 for lang in LANGS}
    for lang in LANGS:
        report = again.reports[lang]
        assert (report.linked, report.written, report.removed) == (0, 0, 0), lang
        assert report.generated == ALWAYS_MADE, lang
        assert first.reports[lang].generated > ALWAYS_MADE
    assert mtimes(out) == before


def test_changing_a_label_makes_every_page_again_and_writes_those_that_show_it(site, monkeypatch):
    docs, out = site
    first = restage(docs, out)
    page2 = out / "en" / ISSUE / "02" / "index.md"
    assert "Earlier page" not in page2.read_text(encoding="utf-8")
    monkeypatch.setitem(labels.LABELS["en"], "prev_page", "Earlier page")
    again = restage(docs, out)
    assert "Earlier page" in page2.read_text(encoding="utf-8")
    for lang in LANGS:
        assert again.reports[lang].generated == first.reports[lang].generated
    assert again.reports["en"].written >= 1
    assert again.reports["zh-Hans"].written == 0       # made again, but its bytes did not change
    assert_same_as_fresh(docs, out, out.parent)


def test_changing_a_title_remakes_the_issue_author_and_source_pages_showing_it(site, tmp_path, monkeypatch):
    docs, out = site
    restage(docs, out)
    parsed = []
    real = catalog.read_article
    monkeypatch.setattr(catalog, "read_article", lambda path: parsed.append(path) or real(path))
    edit(docs, "zh-Hans", LILUN, title="理论创新新标题")
    again = restage(docs, out)
    assert parsed == [docs / "zh-Hans" / LILUN]
    author = f"authors/{author_slug('王樱润')}.md"
    source = "sources/000_fixture.md"                   # its lines' heading names the article
    for rel in [f"{ISSUE}/index.md", f"{ISSUE}/02/index.md", author, "index.md", source]:
        assert "理论创新新标题" in (out / "zh-Hans" / rel).read_text(encoding="utf-8"), rel
    # home, archive, authors index + the issue (issue page and its 2 pages) + the author page
    # + the source page of the article's dump
    assert again.reports["zh-Hans"].generated == ALWAYS_MADE + 3 + 1 + 1
    assert again.reports["en"].generated == ALWAYS_MADE
    assert "理论创新新标题" in (out / "zh-Hans" / LILUN).read_text(encoding="utf-8")
    assert_same_as_fresh(docs, out, tmp_path)


def test_a_removed_article_leaves_staging_and_its_author_page(site, tmp_path):
    docs, out = site
    for lang in LANGS:      # a second article by 王樱润, so the author page stays
        copy_article(docs, lang, LILUN, "2025/12/14/02/lilun-earlier.md", date=dt.date(2025, 12, 14),
                     title=f"{lang} earlier article")
    restage(docs, out)
    author = f"authors/{author_slug('王樱润')}.md"
    titles = {lang: split_document(docs / lang / LILUN)[0]["title"] for lang in LANGS}
    for lang in LANGS:
        assert titles[lang] in (out / lang / author).read_text(encoding="utf-8")
        (docs / lang / LILUN).unlink()
    again = restage(docs, out)
    for lang in LANGS:
        page = (out / lang / author).read_text(encoding="utf-8")
        assert titles[lang] not in page and f"{lang} earlier article" in page
        assert not (out / lang / LILUN).exists()
        assert not (out / lang / ISSUE / "02").exists()   # its page held only this article
        assert again.reports[lang].removed == 2
    assert_same_as_fresh(docs, out, tmp_path)


def test_articles_are_linked_and_touching_one_for_the_switcher_leaves_its_source_alone(site, tmp_path):
    docs, out = site
    restage(docs, out)
    assert os.path.samefile(docs / "en" / LILUN, out / "en" / LILUN)
    new = f"{ISSUE}/02/only-hans.md"
    copy_article(docs, "zh-Hans", LILUN, new, order=5, title="只有简体")
    restage(docs, out)
    source_mtime = (docs / "zh-Hans" / new).stat().st_mtime_ns
    for lang in ["zh-Hant", "en"]:          # the page appears in the other languages
        copy_article(docs, lang, LILUN, new, order=5, title=f"{lang} too")
    again = restage(docs, out)
    assert again.reports["zh-Hans"].linked == 0
    staged = out / "zh-Hans" / new
    assert (docs / "zh-Hans" / new).stat().st_mtime_ns == source_mtime      # the source untouched
    assert staged.stat().st_mtime_ns > source_mtime                           # the staged file touched
    assert not os.path.samefile(docs / "zh-Hans" / new, staged)
    assert staged.read_bytes() == (docs / "zh-Hans" / new).read_bytes()
    touched = staged.stat().st_mtime_ns
    third = restage(docs, out)                        # the copy is known: nothing to do
    assert [third.reports[lang].linked for lang in LANGS] == [0, 0, 0]
    assert staged.stat().st_mtime_ns == touched
    edit(docs, "zh-Hans", new, title="只有简体（改）")   # a changed source is linked again
    assert restage(docs, out).reports["zh-Hans"].linked == 1
    assert os.path.samefile(docs / "zh-Hans" / new, staged)
    assert_same_as_fresh(docs, out, tmp_path)


def test_a_source_restored_with_an_older_mtime_is_staged_as_newer(site):
    docs, out = site
    restage(docs, out)
    staged = out / "en" / LILUN
    old_mtime = staged.stat().st_mtime_ns
    edit(docs, "en", LILUN, title="Restored from a backup")
    past = old_mtime - 10**10
    os.utime(docs / "en" / LILUN, ns=(past, past))
    assert restage(docs, out).reports["en"].linked == 1
    assert "Restored from a backup" in staged.read_text(encoding="utf-8")
    assert staged.stat().st_mtime_ns > old_mtime      # a dirty MkDocs build renders it again
    assert (docs / "en" / LILUN).stat().st_mtime_ns == past


def test_broken_state_files_are_rebuilt(site, tmp_path):
    docs, out = site
    restage(docs, out)
    for lang in LANGS:
        (out / f".{lang}.catalog.pickle").write_bytes(b"not a pickle")
        (out / f".{lang}.state.json").write_text("{", encoding="utf-8")
    (out / "en" / HOSTILE).unlink()                   # and a staged file lost
    again = restage(docs, out)
    assert again.reports["en"].linked == 1
    assert_same_as_fresh(docs, out, tmp_path)


@pytest.mark.parametrize("lang", ["zh-Hans", "en"])
def test_parts_name_the_pages_they_make(site, lang):
    docs, _ = site
    entries = catalog.load(docs / lang)
    gen = Generator(lang, entries, dumps_root=docs.parent)
    made = [(part.rels, [page.rel for page in part.make()]) for part in gen.parts()]
    assert all(rels == pages for rels, pages in made)
    assert [page.rel for page in gen.all()] == [rel for rels, _ in made for rel in rels]
    # a dump's page is zh-Hans's only (its lines are the same in every language)
    assert any(rel.startswith("sources/") for rels, _ in made for rel in rels) == (lang == "zh-Hans")


def test_cached_entries_hold_all_the_index_pages_read(site, tmp_path):
    """load_cached keeps only catalog.INDEX_FIELDS of a front matter: the pages must not differ."""
    docs, _ = site
    for lang in LANGS:
        full = catalog.load(docs / lang)
        catalog.load_cached(docs / lang, tmp_path / "cache")             # fills the cache
        slim = catalog.load_cached(docs / lang, tmp_path / "cache")      # reads it
        assert len(slim[0].meta) < len(full[0].meta)
        assert [(e.rel, e.digest) for e in slim] == [(e.rel, e.digest) for e in full]   # in sort order
        made = [(p.rel, p.text()) for p in Generator(lang, full, dumps_root=docs.parent).all()]
        assert made == [(p.rel, p.text()) for p in Generator(lang, slim, dumps_root=docs.parent).all()]


def test_a_changed_page_template_makes_its_pages_again(site, monkeypatch):
    """The templates (overrides/pages/) are project files, outside the package the code
    fingerprint walks: staging's digest takes them in, so an edited template is not ignored."""
    from build_scripts.site import indexes, staging
    docs, out = site
    project = docs.parent / "project"
    (project / "overrides").mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    shutil.copytree(Path(__file__).resolve().parent.parent / "overrides" / "pages", project / "overrides" / "pages")
    monkeypatch.chdir(project)                 # the project is found from the working folder

    def new_process():                          # what a new process would find again
        for cached in (indexes._templates, indexes._environment, indexes.templates_digest):
            cached.cache_clear()
    author = out / "zh-Hans" / "authors" / f"{author_slug('王樱润')}.md"
    try:
        new_process()
        restage(docs, out)
        assert "na-marker" not in author.read_text(encoding="utf-8")
        template = project / "overrides" / "pages" / "author.html"
        template.write_text(template.read_text(encoding="utf-8").replace("<ul>", '<ul class="na-marker">'),
                            encoding="utf-8")
        new_process()
        again = restage(docs, out)
        assert '<ul class="na-marker">' in author.read_text(encoding="utf-8")
        assert again.reports["zh-Hans"].generated > ALWAYS_MADE
    finally:
        new_process()
