"""Benchmark the variants stage: zh-Hant conversion throughput and translation-memory look-ups.

    .venv/bin/python benchmarks/bench_variants.py                 # 1M-segment memory (a year of pages)
    .venv/bin/python benchmarks/bench_variants.py --segments 100000

The memory is synthetic (generated here, written to a temporary folder, never
committed): paragraphs of random common characters, ~80 characters each,
like the memory a year of a daily paper fills (~300 articles × 10 segments a
week is ~150k; 1M is ample headroom).
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_scripts.variants.convert import DEFAULT_PHRASES, Converter  # noqa: E402
from build_scripts.variants.memory import Memory  # noqa: E402


def sample_paragraphs() -> list[str]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "dumps").glob("*.txt")))
    return [line.strip() for line in text.splitlines() if len(line.strip()) > 10]


def bench_conversion(min_chars: int) -> None:
    paragraphs = sample_paragraphs()
    batch, n = [], 0
    while n < min_chars:
        for p in paragraphs:
            batch.append(p)
            n += len(p)
    started = time.perf_counter()
    cc = Converter.from_files("s2tw", ROOT / DEFAULT_PHRASES)
    load = time.perf_counter() - started
    started = time.perf_counter()
    for p in batch:
        cc.convert(p)
    took = time.perf_counter() - started
    print(f"zh-Hant conversion (s2tw + phrase list): converter ready in {load:.2f} s; "
          f"{n:,} chars in {len(batch):,} paragraphs in {took:.2f} s = {n / took:,.0f} chars/s")


COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研"


def synthetic_memory(path: Path, segments: int) -> tuple[Memory, list[str]]:
    rng = random.Random(42)
    memory = Memory(path)
    sources = []
    for i in range(segments):
        source = "".join(rng.choices(COMMON, k=rng.randint(40, 120))) + "。"
        sources.append(source)
        memory.add_machine(source, f"Synthetic English paragraph number {i}.", "google", "bench", "2025-12-20")
    return memory, sources


def bench_memory(segments: int, lookups: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "en.jsonl"
        started = time.perf_counter()
        memory, sources = synthetic_memory(path, segments)
        build = time.perf_counter() - started
        started = time.perf_counter()
        memory.save()
        save = time.perf_counter() - started
        size = path.stat().st_size
        del memory
        started = time.perf_counter()
        memory = Memory.load(path)
        load = time.perf_counter() - started
        print(f"memory: {segments:,} segments, file {size / 1e6:,.0f} MB; built in {build:.1f} s, "
              f"saved in {save:.1f} s, loaded in {load:.1f} s")
        rng = random.Random(7)
        hits = rng.sample(sources, min(lookups, len(sources)))
        started = time.perf_counter()
        found = sum(memory.lookup(s, "google", "bench") is not None for s in hits)
        took = time.perf_counter() - started
        assert found == len(hits), (found, len(hits))
        print(f"memory look-ups (hits): {len(hits):,} in {took:.2f} s = {len(hits) / took:,.0f} lookups/s")
        misses = [s + "新" for s in hits]
        started = time.perf_counter()
        found = sum(memory.lookup(s, "google", "bench") is not None for s in misses)
        took = time.perf_counter() - started
        assert found == 0
        print(f"memory look-ups (misses): {len(misses):,} in {took:.2f} s = {len(misses) / took:,.0f} lookups/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--segments", type=int, default=1_000_000, help="memory size (default 1,000,000)")
    parser.add_argument("--lookups", type=int, default=200_000, help="look-ups to time (default 200,000)")
    parser.add_argument("--chars", type=int, default=2_000_000, help="characters to convert (default 2,000,000)")
    args = parser.parse_args()
    bench_conversion(args.chars)
    bench_memory(args.segments, args.lookups)


if __name__ == "__main__":
    main()
