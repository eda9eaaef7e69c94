"""What the merge makes itself: every page that depends on more than one shard, and no other.

A shard's pages are made from its year alone, but for these (the rest are taken from the
shards' built trees as they are):

- home, archive, authors index, the hand-written pages: the whole archive (always made);
- an author page: the author's articles of every year. Made unless one shard made the same
  page (its part key: slug, name and articles, ``indexes.Part``), i.e. all of it is that year's;
- an issue page links the paper's issues just before and after it: the first and last issue
  of a year link into the neighbouring years. Made when its part key (which holds the
  neighbours) differs from the one its shard made;
- an article page links its authors by slug, and slugs are given over the whole catalog
  (names that romanise alike get -2, -3: ``slugs.py``): made again when one of its authors'
  slugs in the whole archive differs from the slug in its shard. The rest of an article's
  view is its own shard's (alternates: the same path in the other languages; the articles
  beside it on its printed page; its issue, page and source);
- sitemaps, feeds, the search's shard lists, redirect pages: text, written by the merge
  from the page lists and catalogs (merge.py). The 404's day lists, the search bundles
  (one per month) and the source pages are a shard's.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import UserError
from ..site import views
from ..site.catalog import Entry, sort_key
from ..site.indexes import Generator, Part
from ..site.labels import DEFAULT_LANG
from .catalogs import Shard

MERGED_FOLDERS = ("archive/", "authors/")    # pages of the whole archive, besides top-level ones


def made_by_merge(rel: str) -> bool:
    """A page the merge makes from the whole catalog, whatever a shard staged there."""
    return "/" not in rel or rel.startswith(MERGED_FOLDERS)


@dataclass
class LanguagePlan:
    lang: str
    entries: list[Entry]                        # the whole catalog, in catalog order
    master_authors: dict[str, list[str]] | None
    parts: list[Part] = field(default_factory=list)               # generated pages the merge makes
    articles: dict[str, Shard] = field(default_factory=dict)      # articles rendered again, from
    taken: dict[str, Shard] = field(default_factory=dict)         # page → the shard whose built page is used
    present: set[str] = field(default_factory=set)                # every page of the site (.md)
    generated: set[str] = field(default_factory=set)              # generated pages, wherever made


def plan_language(lang: str, shards: list[Shard], hand_written: set[str]) -> LanguagePlan:
    entries = sorted((e for s in shards for e in s.entries[lang]), key=sort_key)
    zh_hans = {str(e.rel): e for s in shards for e in s.entries[DEFAULT_LANG]}
    master_authors = None if lang == DEFAULT_LANG else {rel: e.authors for rel, e in zh_hans.items()}
    plan = LanguagePlan(lang, entries, master_authors)
    _take_shard_pages(plan, shards)
    generator = Generator(lang, entries, zh_hans)
    local = [_part_keys(Generator(lang, s.entries[lang], {str(e.rel): e for e in s.entries[DEFAULT_LANG]}), s)
             for s in shards]
    for part in generator.parts():
        plan.generated.update(part.rels)
        owner = next((s for keys in local if (s := keys.get((tuple(part.rels), part.key)))), None)
        if part.key is None or owner is None:
            plan.parts.append(part)
            for rel in part.rels:
                plan.taken.pop(rel, None)
        else:
            plan.taken.update((rel, owner) for rel in part.rels)
    plan.present |= plan.generated | hand_written
    plan.articles = _moved_bylines(plan, shards)
    return plan


def _take_shard_pages(plan: LanguagePlan, shards: list[Shard]) -> None:
    """Every page a shard makes for its year alone; two shards with one page is an error."""
    for shard in shards:
        for rel in shard.present[plan.lang]:
            if made_by_merge(rel):
                continue
            other = plan.taken.setdefault(rel, shard)
            if other is not shard:
                raise UserError(f"{shard.folder}: {plan.lang}/{rel} is in shard {other.name} too "
                                f"({other.folder}); a page belongs to one shard")
            plan.present.add(rel)


def _part_keys(generator: Generator, shard: Shard) -> dict[tuple, Shard]:
    return {(tuple(part.rels), part.key): shard for part in generator.parts() if part.key is not None}


def _moved_bylines(plan: LanguagePlan, shards: list[Shard]) -> dict[str, Shard]:
    """The articles with an author whose slug in the whole archive is not the one in its shard."""
    whole = views.catalog_slugs(plan.entries, plan.master_authors)
    out = {}
    for shard in shards:
        master = shard.master_authors(plan.lang)
        local = views.catalog_slugs(shard.entries[plan.lang], master)
        moved = {key for key, slug in local.items() if whole.get(key) != slug}
        if moved:
            out.update((str(e.rel), shard) for e in shard.entries[plan.lang]
                       if moved.intersection(views.author_keys_of(e, master)))
    for rel in out:
        plan.taken.pop(rel, None)
    return out
