"""The site stage: staging docs dirs → one MkDocs build per language, in parallel
processes → site/ (zh-Hans at the root, zh-Hant/ and en/ below) → sitemap → Pagefind.

The language configs (mkdocs.yml, config/zh-Hant.yml, config/en.yml) are used
as they are; only docs_dir and site_dir are overridden, so a build can stage and
write anywhere (tests build into a temporary dir).

Incremental: build/site-parts/<lang>/ is kept between runs. When it holds a
finished build made with the same configs, templates (overrides/), code and
pinned libraries (cache.code_fingerprint) and site_url (a hash in build/site-parts/.<lang>.build),
the language is built with MkDocs' dirty mode: only pages whose staged file is
newer than their output are rendered (staging rewrites only changed files), and
outputs of pages no longer staged are removed. Anything else is a full build.
The next site is assembled from the parts by hard links (outputs.py; the pages are
never walked), with the search bundles, sitemaps, feeds (feeds.py: from the whole
catalog, as staging listed it) and redirect pages, and swapped in for site/ only when complete (publish.py):
a failure or a full disk leaves site/ as it was.
"""
from __future__ import annotations

import errno
import hashlib
import logging
import os
import sys
import time
from concurrent.futures import FIRST_COMPLETED, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .. import cache, redirects
from ..atomic import recording, write_if_changed, write_text
from ..errors import UserError
from ..project import Project
from ..workers import process_pool, start_method
from . import feeds, mkdocs_compat, notfound, outputs, publish, seo
from .search import Indexer
from .labels import LANGS, PREFIX
from .staging import stage



@dataclass
class Result:
    site: Path
    articles: dict[str, int]
    indexed: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    incremental: list[str] = field(default_factory=list)   # languages built with MkDocs' dirty mode
    shards: dict[str, list[str]] = field(default_factory=dict)     # Pagefind shards per language
    reindexed: dict[str, list[str]] = field(default_factory=dict)  # shards Pagefind ran for
    size: int = 0                                                  # bytes of site/, every file
    pages: int = 0                                                 # HTML pages in site/
    files: dict[str, list[int]] | None = None                      # what site/ holds (outputs.Held)


def _mkdocs_build(config_file: str, docs_dir: str, site_dir: str, strict: bool, site_url: str | None,
                  verbose: bool, dirty: bool = False) -> float:
    """One language build (runs in its own process)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(f"[{Path(config_file).name}] %(levelname)s %(message)s"))
    log = logging.getLogger("mkdocs")
    log.addHandler(handler)
    log.setLevel(logging.INFO if verbose else logging.WARNING)
    start = time.perf_counter()
    overrides = {"docs_dir": docs_dir, "site_dir": site_dir, "strict": strict}
    if site_url:
        overrides["site_url"] = site_url
    _write_new_files()
    try:
        cfg = load_config(config_file=config_file, **overrides)
        mkdocs_compat.allow_dirty_builds(dirty)
        build(cfg, dirty=dirty)
    except (Abort, ConfigurationError) as e:
        raise RuntimeError(f"{config_file}: {e}") from None
    return time.perf_counter() - start


def _write_new_files() -> None:
    """MkDocs writes a page by truncating its file in place. Here every write makes a new
    file (written beside it, then renamed over it): the published site links the part's
    old file, which must keep its bytes while this build runs (publish.py)."""
    from mkdocs import utils

    def write_file(content: bytes, output_path: str) -> None:
        os.makedirs(os.path.dirname(output_path), exist_ok=True)
        tmp = f"{output_path}.{os.getpid()}.tmp"
        with open(tmp, "wb") as handle:
            handle.write(content)
        os.replace(tmp, output_path)

    def copy_file(source_path: str, output_path: str) -> None:
        if os.path.isdir(output_path):
            output_path = os.path.join(output_path, os.path.basename(source_path))
        with open(source_path, "rb") as handle:
            write_file(handle.read(), output_path)
    utils.write_file, utils.copy_file = write_file, copy_file


def build_inputs_hash(root: Path, lang: str, site_url: str | None) -> str:
    """Everything a built page depends on besides its own staged file: the project's
    configs and templates, and our code and libraries (cache.code_fingerprint)."""
    h = hashlib.sha256(f"{lang}\0{site_url}\0{cache.code_fingerprint()}\0".encode())
    for path in [root / "mkdocs.yml", *sorted((root / "config").glob("*.yml")),
                 *cache.tree_files(root / "overrides")]:
        h.update(str(path.relative_to(root) if path.is_relative_to(root) else path.name).encode() + b"\0")
        h.update(path.read_bytes() if path.is_file() else b"-")
    return h.hexdigest()


def run_mkdocs(staging: Path, parts: Path, pages: dict[str, set[str]], strict: bool = True,
               site_url: str | None = None, verbose: bool = False, project: Project | None = None,
               incremental: bool = True, on_built=None, while_waiting=None) -> dict[str, float]:
    """Build every language into parts/<lang>/, in parallel processes; dirty builds where
    parts/<lang>/ holds a finished build of the same inputs. ``pages``: the staged pages
    (outputs.staged_pages); a dirty build's outputs of pages no longer staged are removed.
    ``on_built(lang)`` is called as each language's build ends, ``while_waiting()`` every
    half second until all have (the site stage starts indexing a finished language)."""
    project = project or Project.find()
    root = project.root
    times = {}
    parts.mkdir(parents=True, exist_ok=True)
    hashes, dirty = {}, {}
    for lang in LANGS:
        hashes[lang] = build_inputs_hash(root, lang, site_url)
        stamp = parts / f".{lang}.build"
        dirty[lang] = (incremental and mkdocs_compat.reach_ins_on() and (parts / lang).is_dir() and stamp.is_file()
                       and stamp.read_text() == hashes[lang])
        stamp.unlink(missing_ok=True)        # written back only when this build succeeds
    errors = []
    _preload_mkdocs()
    with process_pool(len(LANGS)) as pool:
        futures = {pool.submit(_mkdocs_build, str(project.config_file(lang)), str(staging / lang),
                               str(parts / lang), strict, site_url, verbose, dirty[lang]): lang
                   for lang in LANGS}
        pending = set(futures)
        while pending:
            done, pending = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
            for future in done:
                lang = futures[future]
                try:
                    times[lang] = future.result()
                except OSError as e:
                    if e.errno == errno.ENOSPC:   # the site stage says it in one line
                        raise
                    errors.append(f"{lang}: {e}")
                    continue
                except Exception as e:  # noqa: BLE001 - reported below, one line per language
                    errors.append(f"{lang}: {e}")
                    continue
                _settle_part(parts, lang, staging, pages[lang], dirty[lang], hashes[lang])
                if on_built and not errors:
                    on_built(lang)
            if while_waiting:
                while_waiting()
    if errors:
        raise UserError("MkDocs build failed: " + "; ".join(errors))
    times["dirty"] = sorted(lang for lang in LANGS if dirty[lang])
    return times


# What every language build imports (MkDocs, its config, Material, Markdown, this site's plugin)
_BUILD_MODULES = ("build_scripts.site.plugin", "mkdocs.commands.build", "mkdocs.config.defaults",
                  "mkdocs.localization", "markdown.extensions.toc", "pymdownx.slugs", "material")


def _preload_mkdocs() -> None:
    """Import what the builds import, here, when they are forked (workers.start_method): each
    starts with it loaded instead of importing it again (~0.1 CPU s a build)."""
    if start_method() != "fork":
        return
    import importlib
    for name in _BUILD_MODULES:
        importlib.import_module(name)


def _settle_part(parts: Path, lang: str, staging: Path, pages: set[str], dirty: bool, inputs_hash: str) -> None:
    """After a language's build succeeded: prune what a dirty build leaves, record its pages
    and the inputs it was built from (the next build may then be a dirty one)."""
    record = parts / f".{lang}.pages.json"
    if dirty:
        built_before = outputs.load_record(record)
        if built_before is None:
            outputs.prune_by_walking(staging / lang, parts / lang)
        else:
            outputs.prune_pages(parts / lang, built_before.get(lang, set()) - pages)
    outputs.save_record(record, {lang: pages})
    write_text(parts / f".{lang}.build", inputs_hash)


def write_discovery(site: Path, site_url: str, pages: dict[str, set[str]], cache: Path | None = None) -> None:
    """The sitemaps (an index, and a sitemap per month with hreflang alternates) and robots.txt;
    with ``cache`` (a folder), only the parts whose pages changed are made again."""
    if cache is None:
        files = {rel: seo.sitemap_bytes(rel, text) for rel, text in seo.sitemaps(pages, site_url, PREFIX).items()}
    else:
        files = seo.sitemap_files(pages, site_url, PREFIX, cache)
    files["robots.txt"] = f"User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n"
    for rel, content in files.items():
        write_if_changed(site / rel, content, sync=False)
    for old in (site / "sitemaps").glob("*.xml*"):      # parts gone, and the plain parts of before
        if f"sitemaps/{old.name}" not in files:
            old.unlink()


GITHUB_PAGES_LIMIT = 1 << 30        # GitHub Pages: a published site of at most 1 GB


def size_limit_setting() -> int:
    """SITE_SIZE_LIMIT: bytes (suffixes K, M, G: powers of 1024) above which the site
    stage warns; GitHub Pages' 1 GB by default, 0 turns the check off."""
    raw = (os.environ.get("SITE_SIZE_LIMIT") or "").strip().upper().removesuffix("B")
    if not raw:
        return GITHUB_PAGES_LIMIT
    scale = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(raw[-1], 1)
    try:
        return int(float(raw.rstrip("KMG")) * scale)
    except ValueError:
        raise UserError(f"SITE_SIZE_LIMIT={os.environ['SITE_SIZE_LIMIT']!r}: expected bytes, e.g. 1G or 900M")


def site_size(site: Path) -> tuple[int, int]:
    """Bytes and HTML pages of a built site (every file counted, as a Pages artifact holds it)."""
    total = pages = 0
    for dirpath, _, names in os.walk(site):
        for name in names:
            total += os.lstat(os.path.join(dirpath, name)).st_size
            pages += name.endswith(".html")
    return total, pages


def _mb(n: int) -> str:
    return f"{n / 2**20:,.1f} MB"


def size_warning(size: int, pages: int, limit: int) -> str | None:
    """The warning for a site over the limit, or None."""
    if not limit or size <= limit:
        return None
    return (f"site: WARNING: the site is {_mb(size)} ({pages} HTML pages), {_mb(size - limit)} over the "
            f"{_mb(limit)} limit (SITE_SIZE_LIMIT; GitHub Pages publishes at most 1 GB per site). "
            f"Serve it from another static host or split it into sites under the limit (a daily paper: "
            f"one per half-year): see README.md, "
            f"\"Large archives: incremental builds\" (serving a large archive).")


def build_site(docs: Path, site: Path, *, dumps_root: Path | None = None, build_dir: Path | None = None,
               strict: bool = True, search: bool = True, verbose: bool = False,
               log=print, project: Project | None = None, newest_month: str | None = None) -> Result:
    """Build the site into a new folder and swap it in for ``site`` once complete; on any
    failure ``site`` is left as it was (a full disk: one line saying so). ``newest_month``: the
    whole archive's, when ``docs`` holds a part of it (search.shards)."""
    docs, site = docs.resolve(), site.resolve()
    limit = size_limit_setting()          # a bad setting fails before the build, not after it
    project = project or Project.find()
    build_dir = (build_dir or project.build).resolve()
    if not (docs / LANGS[0]).is_dir():
        raise UserError(f"{docs / LANGS[0]}: no articles; run `python -m build_scripts segment` first")
    result = into_new_site(site, lambda new, held: _build_into(
        new, held, docs, build_dir, project, dumps_root=dumps_root or docs.parent, strict=strict, search=search,
        verbose=verbose, log=log, newest_month=newest_month), records=build_dir / "site-trees")
    log_size(result, limit, log)
    return result


def into_new_site(site: Path, make, records: Path | None = None) -> Result:
    """``make(new, held)`` fills the next site folder; it is swapped in for ``site`` once complete,
    and on any failure ``site`` is left as it was (a full disk: one line saying so). With
    ``records`` (a folder), ``new`` may be the site before the published one, holding ``held``
    (outputs.Held; publish.begin_reusing), and what the result says ``new`` holds is recorded."""
    new, removing_previous = publish.next_site(site), None
    try:
        if records is None:
            (new, removing_previous), held = publish.begin(site), {}
        else:
            new, removing_previous, held = publish.begin_reusing(site, records)
        result = make(new, held)
        if removing_previous is not None:
            removing_previous.join()
        if records is not None and result.files is not None:
            publish.remember(records, new, result.files, site)
        publish.swap_in(new, site)
    except OSError as e:
        _discard_next(new, removing_previous)
        if e.errno == errno.ENOSPC:
            raise publish.no_space(e, new) from None
        raise
    except BaseException:
        _discard_next(new, removing_previous)
        raise
    result.site = site
    return result


def log_size(result: Result, limit: int, log) -> None:
    log(f"site: {result.site}: {_mb(result.size)}, {result.pages} HTML pages ({result.seconds['total']:.1f} s)")
    warning = size_warning(result.size, result.pages, limit)
    if warning:
        log(warning)


def _discard_next(new: Path, removing_previous) -> None:
    if removing_previous is not None:
        removing_previous.join()
    publish.discard(new)


@contextmanager
def _stopped_on_failure(indexer: Indexer | None):
    """On any failure, end the Pagefind runs under way (none writes on after the stage)."""
    try:
        yield
    except BaseException:
        if indexer:
            indexer.stop()
        raise


def _build_into(new: Path, held: outputs.Held, docs: Path, build_dir: Path, project: Project, *, dumps_root: Path,
                strict: bool, search: bool, verbose: bool, log, newest_month: str | None = None) -> Result:
    """Every step of the site stage, writing the site into the folder ``new``: empty, or an
    earlier site holding ``held`` (outputs.assemble)."""
    t0 = time.perf_counter()
    url = project.site_url
    counts = stage(docs, build_dir / "docs", dumps_root=dumps_root, site_url=url)
    t1 = time.perf_counter()
    log(f"site: staged {', '.join(f'{n} {lang}' for lang, n in counts.items())} articles "
        f"in {build_dir / 'docs'} ({t1 - t0:.1f} s)")
    parts, bundles = build_dir / "site-parts", build_dir / "search-bundles"
    pages = outputs.staged_pages(build_dir / "docs")
    # Pagefind starts on a language as soon as its MkDocs build ends, reading the built
    # pages in its part, so indexing fills the cores the slowest build leaves idle.
    indexer = Indexer(bundles, build_dir / "pagefind-src", newest_month=newest_month) if search else None

    def index_language(lang: str) -> None:
        indexer.add_staged(lang, pages[lang])
    with _stopped_on_failure(indexer):
        times = run_mkdocs(build_dir / "docs", parts, pages, strict=strict, site_url=url, verbose=verbose,
                           project=project,
                           on_built=index_language if indexer else None,
                           while_waiting=indexer.pump if indexer else None)
        dirty = times.pop("dirty")
        t2 = time.perf_counter()
        log(f"site: MkDocs built {len(LANGS)} languages in parallel in {t2 - t1:.1f} s "
            f"({', '.join(f'{lang} {s:.1f} s' for lang, s in times.items())}; "
            f"{'incremental: ' + ', '.join(dirty) if dirty else 'full builds'})")
        files = outputs.assemble(parts, new, pages, held)
        with recording() as written:
            write_discovery(new, url, pages, build_dir / "sitemaps")
            # what staging listed of each catalog: the feeds' newest articles, the 404 page's day lists
            listed = counts.listed
            feeds.write_feeds(docs, build_dir / "docs", new, url, {lang: x.newest for lang, x in listed.items()})
            notfound.write_article_lists(new, build_dir / "docs", titles={lang: x.titles for lang, x in listed.items()})
            # old URLs: the sample's before the paper was in the path, and what corrections took away
            moved = redirects.load(project.root / redirects.DEFAULT_PATH) | redirects.load(docs / redirects.MOVED_FILE)
            redirects.write_pages(new, url, pages, moved, PREFIX)
        files.update(outputs.written(new, written))
        t_assembled = time.perf_counter()
        result = Result(new, counts, seconds={"stage": t1 - t0, "mkdocs": t2 - t1, "assemble": t_assembled - t2,
                                             **times})
        result.incremental = dirty
        if indexer:
            done = indexer.finish()
            files.update(outputs.link_tree(bundles, new, held))
            result.indexed, result.shards, result.reindexed = done.counts, done.shards, done.reindexed
            t3 = time.perf_counter()
            result.seconds["pagefind"] = t3 - t_assembled
            log(f"site: Pagefind: {', '.join(f'{n} {lang}' for lang, n in result.indexed.items())} pages in "
                f"{', '.join(f'{len(result.shards[lang])} {lang}' for lang in result.shards)} shards; re-indexed "
                f"{', '.join(f'{lang} ' + ('+'.join(v) or '-') for lang, v in result.reindexed.items())} "
                f"in {t3 - t_assembled:.1f} s after the assembly (it starts with the first finished build)")
    outputs.remove_stale(new, held, files)
    result.seconds["total"] = time.perf_counter() - t0
    result.files = files
    result.size, result.pages = outputs.size_of(files)
    return result
