"""The whole site from built shards: the pages that depend on more than one shard (plan.py)
staged and built with MkDocs here, everything else linked from the shards' built trees, then
the text made from the whole catalog: sitemaps, feeds, the search's shard lists, redirect
pages. The result is byte for byte the site one build of the same dumps makes
(tests/test_sharded_build.py), assembled beside ``site`` and swapped in when complete.

    build/merge/docs/<lang>/     the pages the merge makes, staged (made anew every run)
    build/merge/site-parts/      their MkDocs builds
"""
from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from .. import atomic, redirects
from ..cache import code_fingerprint
from ..errors import UserError
from ..project import Project
from ..site import feeds, outputs, views
from ..site.build import Result, into_new_site, log_size, run_mkdocs, site_size, size_limit_setting, write_discovery
from ..site.indexes import url_of
from ..site.labels import LANGS, PREFIX
from ..site.notfound import FOLDER as DAY_LISTS
from ..site.search import SHARDS_FILE
from ..site.staging import hand_written
from .catalogs import Shard, load_shard
from .plan import LanguagePlan, plan_language
from .select import shard_names
from .shard import site_inputs


def merge_shards(folders: list[Path], site: Path, build_dir: Path, manifest: Path, *, strict: bool = True,
                 verbose: bool = False, log=print, project: Project | None = None) -> Result:
    """Merge the shards in ``folders`` (every shard of ``manifest``, each once) into ``site``."""
    project = project or Project.find()
    limit = size_limit_setting()
    if not folders:
        raise UserError("no shards given")
    inputs = site_inputs(project)
    shards = [load_shard(folder.resolve(), project.site_url, code_fingerprint(), inputs) for folder in folders]
    _check_all_there([s.name for s in shards], manifest)
    hand = {lang: hand_written(project.root / "docs", lang) for lang in LANGS}
    t0 = time.perf_counter()
    plans = {lang: plan_language(lang, shards, set(hand[lang])) for lang in LANGS}
    result = into_new_site(site.resolve(), lambda new, _held: _merge_into(
        new, shards, plans, hand, project, build_dir.resolve(), strict, verbose, log, t0))
    log_size(result, limit, log)
    return result


def _check_all_there(names: list[str], manifest: Path) -> None:
    """Each shard of the manifest once: a missing year would be a site without it."""
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise UserError(f"shard {', '.join(twice)} is given twice")
    missing = [n for n in shard_names(manifest) if n not in names]
    if missing:
        raise UserError(f"{manifest}: shard {', '.join(missing)} of the manifest is not among those merged")


def _merge_into(new: Path, shards: list[Shard], plans: dict[str, LanguagePlan], hand: dict[str, dict[str, bytes]],
                project: Project, work: Path, strict: bool, verbose: bool, log, t0: float) -> Result:
    staging, parts = work / "docs", work / "site-parts"
    for folder in (staging, parts):
        shutil.rmtree(folder, ignore_errors=True)
    root = views.root_url(project.site_url)
    made = {}
    for lang, plan in plans.items():
        rels = _stage(plan, hand[lang], staging / lang)
        present = {x: p.present for x, p in plans.items()}
        keys, lang_views = views.make_views(lang, plan.entries, sorted(rels), present, plan.master_authors, root)
        views.save(staging, lang, lang_views, keys)
        made[lang] = {url_of(rel) for rel in rels}
    log(f"merge: {len(shards)} shards; pages made here (of them articles whose author links moved) / "
        "taken from the shards: " + ", ".join(f"{lang} {len(made[lang])} ({len(p.articles)}) / {len(p.taken)}"
                                              for lang, p in plans.items()))
    times = run_mkdocs(staging, parts, made, strict=strict, site_url=project.site_url, verbose=verbose,
                       project=project, incremental=False)
    outputs.assemble(parts, new, made)
    for lang, plan in plans.items():
        _link_shard_pages(plan, new)
        _link_search(lang, shards, new)
        _link_day_lists(lang, shards, new)
    _write_whole_archive_files(new, shards, plans, project)
    result = Result(new, {lang: len(p.entries) for lang, p in plans.items()},
                    seconds={"mkdocs": sum(v for k, v in times.items() if k != "dirty")})
    result.seconds["total"] = time.perf_counter() - t0
    result.size, result.pages = site_size(new)
    return result


def _stage(plan: LanguagePlan, hand: dict[str, bytes], dest: Path) -> set[str]:
    """The pages the merge makes, staged for MkDocs; returns their paths."""
    staged = set()
    for part in plan.parts:
        for page in part.make():
            atomic.write_text(dest / page.rel, page.text(), sync=False)
            staged.add(page.rel)
    for rel, data in hand.items():
        if rel not in plan.generated:         # a generated page wins over a hand-written one
            atomic.write_bytes(dest / rel, data, sync=False)
            staged.add(rel)
    for rel, shard in plan.articles.items():
        atomic.write_bytes(dest / rel, (shard.docs / plan.lang / rel).read_bytes(), sync=False)
        staged.add(rel)
    return staged


def _link_shard_pages(plan: LanguagePlan, new: Path) -> None:
    prefix = PREFIX[plan.lang]
    for rel, shard in plan.taken.items():
        page = outputs.page_file(url_of(rel))
        outputs.link_file(str(shard.site / prefix / page), str(new / prefix / page))


def _link_search(lang: str, shards: list[Shard], new: Path) -> None:
    """Each shard's search bundles (one per month), and one list of them all, newest first. A
    language whose box reads another's bundles (search.SEARCHED_IN: "bundles" in its list)
    has none to link: its list, with every shard's labels."""
    listing, extra = [], {}
    for shard in shards:
        folder = shard.site / PREFIX[lang] / "pagefind"
        if not (folder / SHARDS_FILE).is_file():
            continue                        # built without search
        data = json.loads((folder / SHARDS_FILE).read_text(encoding="utf-8"))
        if "bundles" in data:            # as search.py writes it, the labels of every shard
            labels = dict(sorted({**extra.get("labels", {}), **(data.get("labels") or {})}.items()))
            extra = {"bundles": data["bundles"], "labels": labels, "chars": data.get("chars", "")}
        for item in data["shards"]:
            if "bundles" not in data:
                outputs.link_tree(folder / item["name"], new / PREFIX[lang] / "pagefind" / item["name"])
            listing.append(item)
    if listing:
        listing.sort(key=lambda item: item["name"], reverse=True)
        listing.sort(key=lambda item: item["name"] == "other")      # last, as search.py lists it
        atomic.write_text(new / PREFIX[lang] / "pagefind" / SHARDS_FILE,
                          json.dumps({"version": 1, **extra, "shards": listing}, ensure_ascii=False))


def _link_day_lists(lang: str, shards: list[Shard], new: Path) -> None:
    """The 404 page's article list of each day (notfound.py): a day is in one shard."""
    for shard in shards:
        for path in sorted((shard.site / PREFIX[lang] / DAY_LISTS).glob("*.json")):
            outputs.link_file(str(path), str(new / PREFIX[lang] / DAY_LISTS / path.name))


def _write_whole_archive_files(new: Path, shards: list[Shard], plans: dict[str, LanguagePlan],
                               project: Project) -> None:
    """Sitemaps and robots.txt, feeds and redirect pages: from every shard's pages and catalog."""
    url = project.site_url
    pages = {lang: {url_of(rel) for rel in plan.present} for lang, plan in plans.items()}
    write_discovery(new, url, pages)
    for lang, plan in plans.items():
        atomic.write_if_changed(new / PREFIX[lang] / feeds.FEED_FILE, feeds.feed_xml(lang, plan.entries, url),
                                sync=False)
    moved = redirects.load(project.root / redirects.DEFAULT_PATH) | redirects.load(
        project.root / "docs" / redirects.MOVED_FILE)
    for shard in shards:
        moved |= redirects.load(shard.docs / redirects.MOVED_FILE)
    redirects.write_pages(new, url, pages, moved, PREFIX)
