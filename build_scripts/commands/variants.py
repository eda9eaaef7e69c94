"""Make the Traditional Chinese (zh-Hant) and English (en) sibling of every zh-Hans article.

zh-Hant: OpenCC (default config s2tw) with the project phrase list
translations/opencc_phrases.txt.

en: paragraph by paragraph from the translation memory
translations/memory/en.jsonl; segments the memory lacks go to the machine
translation engine and are added to the memory (commit it). Reviewed entries
(an editor's translation) always win and are never overwritten.

If the engine cannot be reached the run uses the memory alone: missing
segments stay in Chinese, marked, and are listed at the end. --strict makes
that an error (exit 2). --offline never calls a service.

Human translation: --export-missing FILE (or --export-unreviewed FILE) writes
the segments as JSONL for a translator, who fills in "text" and "reviewer";
--import-reviewed FILE stores them as reviewed entries.

A rebuild redoes only what changed: the state in build/cache/ (beside the
docs folder) says which sources were converted and which English pages were
made from which memory answers. Delete build/cache/zh-Hant-state.json and
build/cache/en-state/ to make everything again. Large runs use all cores.

Engine keys come from the environment: LIBRE_API_KEY, MICROSOFT_API_KEY and
MICROSOFT_REGION, DEEPL_AUTH_KEY.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import UserError
from ..variants import convert, engines, glossary, make_variants, memory
from ..variants.exchange import export_segments, import_reviewed
from ..variants.translate import Translator, stderr_progress
from ..variants.write import read_sources, record_segments

HELP = "make the Traditional Chinese and English siblings of every article"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="docs folder (default: docs)")
    parser.add_argument("--opencc-config", choices=convert.CONFIGS, default=convert.DEFAULT_CONFIG,
                        help="OpenCC configuration for zh-Hant (default: s2tw)")
    parser.add_argument("--phrases", type=Path, default=convert.DEFAULT_PHRASES,
                        help=f"OpenCC phrase list (default: {convert.DEFAULT_PHRASES})")
    parser.add_argument("--glossary", type=Path, default=glossary.DEFAULT_PATH,
                        help=f"fixed English names (default: {glossary.DEFAULT_PATH})")
    parser.add_argument("--memory", type=Path, default=memory.DEFAULT_PATH,
                        help=f"translation memory (default: {memory.DEFAULT_PATH})")
    parser.add_argument("--engine", choices=engines.ENGINES, default=engines.DEFAULT_ENGINE,
                        help="machine translation engine (default: google)")
    parser.add_argument("--engine-url", help="server URL for libretranslate or deepl")
    parser.add_argument("--offline", action="store_true", help="never call a translation service")
    parser.add_argument("--strict", action="store_true",
                        help="fail (exit 2) if any segment has no English translation")
    parser.add_argument("--jobs", type=int, default=4, help="requests in flight at once (default: 4)")
    parser.add_argument("--timeout", type=float, default=10.0,
                        help="seconds to wait for the service per request (default: 10)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--export-missing", type=Path, metavar="FILE",
                       help="write segments with no translation as JSONL for a translator, and stop")
    group.add_argument("--export-unreviewed", type=Path, metavar="FILE",
                       help="write segments not yet reviewed (with the machine draft), and stop")
    group.add_argument("--import-reviewed", type=Path, metavar="FILE",
                       help="store a translator's filled-in JSONL as reviewed entries, and stop")
    group.add_argument("--merge-memory", type=Path, metavar="FILE",
                       help="add the entries of another copy of the memory (a CI build's) that "
                            "--memory lacks (its own reviewed translations stay), and stop")
    parser.add_argument("--reviewer", help="reviewer name for --import-reviewed lines that have none")


def _exchange(args) -> int:
    mem = memory.Memory.load(args.memory)
    if args.merge_memory:
        if not args.merge_memory.is_file():
            raise UserError(f"{args.merge_memory}: no such memory file")
        taken = mem.merge_from(memory.Memory.load(args.merge_memory))
        mem.save()
        stderr_progress(f"merged {taken} entr{'y' if taken == 1 else 'ies'} of {args.merge_memory} into {args.memory}")
        return 0
    if args.import_reviewed:
        imported, skipped = import_reviewed(args.import_reviewed, mem, reviewer=args.reviewer)
        mem.save()
        stderr_progress(f"imported {imported} reviewed translation(s) into {args.memory}; "
                        f"{skipped} line(s) without a translation skipped")
        return 0
    gloss = glossary.Glossary.load(args.glossary)
    recorder = record_segments(read_sources(args.docs), gloss)
    translator = Translator(mem, gloss, None, args.engine)
    out = args.export_missing or args.export_unreviewed
    n = export_segments(out, recorder, translator, only_missing=bool(args.export_missing))
    stderr_progress(f"wrote {n} segment(s) to {out}")
    return 0


def writes(args) -> bool:
    """An export only reads the project; a run or an import writes the memory and docs."""
    return not (args.export_missing or args.export_unreviewed)


def run(args) -> int:
    if args.export_missing or args.export_unreviewed or args.import_reviewed or args.merge_memory:
        return _exchange(args)
    make_variants(args.docs, opencc_config=args.opencc_config, phrases=args.phrases,
                  glossary=args.glossary, memory=args.memory, engine=args.engine,
                  engine_url=args.engine_url, offline=args.offline, strict=args.strict,
                  jobs=args.jobs, timeout=args.timeout)
    return 0
