"""Pagefind's word index cut again into small chunks (build_scripts/site/pagefind_chunks.py)."""
from __future__ import annotations

import pytest

from build_scripts.site import pagefind_chunks as pc
from build_scripts.site.pagefind_files import cbor, read_cbor


def word(text: str, pages: int, positions: int = 3, big: bool = False) -> list:
    """A word as Pagefind 1.5 stores it: [word, [[page, [positions], [meta positions]], …], []]."""
    start = 70000 if big else 1
    return [text, [[p, [-26, start + p] + list(range(positions)), [-2, 0] if p % 2 else []]
                   for p in range(pages)], []]


def chunk_bytes(words: list) -> bytes:
    return cbor([words])


def test_words_are_found_at_their_byte_boundaries():
    words = [word("alpha", 3), word("beta", 30, 40), word("gamma", 2, big=True), word("通辽", 5)]
    found = pc.words(chunk_bytes(words))
    assert [w for w, _ in found] == ["alpha", "beta", "gamma", "通辽"]
    assert [read_cbor(b)[0] for _, b in found] == words


def test_a_chunk_that_is_not_a_word_index_is_refused():
    with pytest.raises(ValueError):
        pc.words(cbor([[["alpha", [[0, [1], []]], []]], "trailing"]))
    with pytest.raises(ValueError):
        pc.words(cbor({"alpha": 1}))


def test_rechunk_keeps_every_word_in_order_and_cuts_by_size():
    words = [word(f"w{i:03d}", 20, 10) for i in range(60)]
    old = [chunk_bytes(words[:35]), chunk_bytes(words[35:])]
    new = pc.rechunk(old, target=2000)
    assert len(new) > 2
    assert [w for _, _, raw in new for w in read_cbor(raw)[0][0]] == words
    assert all(len(raw) <= 2000 for _, _, raw in new)


def test_one_large_word_gets_a_chunk_of_its_own():
    words = [word("a", 2), word("the", 400, 30), word("z", 2)]
    new = pc.rechunk([chunk_bytes(words)], target=500)
    assert [[w[0] for w in read_cbor(raw)[0][0]] for _, _, raw in new] == [["a"], ["the"], ["z"]]


def test_words_of_one_leading_han_character_stay_together():
    words = [word("业", 30, 20), word("业务", 30, 20), word("业绩", 30, 20), word("东", 30, 20)]
    chunks = pc.cut(pc.words(chunk_bytes(words)), target=10)
    assert [[w for w, _ in c] for c in chunks] == [["业", "业务", "业绩"], ["东"]]
    assert not pc.may_cut("业务", "业绩") and pc.may_cut("业绩", "东") and pc.may_cut("ab", "ac")


def test_ranges_meet_so_that_every_term_falls_in_one():
    bounds = pc.boundaries([["apple", "shape"], ["share", "soul"], ["south", "zebra"]])
    assert bounds == [("apple", "shar"), ("shar", "sout"), ("sout", "zebra")]
    for term in ("shaping", "shape", "shark", "soup", "south", "sz"):
        holding = [b for b in bounds if b[0] <= term <= b[1]]
        assert holding, term
    # the last word of a chunk is inside its own range (Pagefind's prefix end is not)
    assert all(first <= chunk[-1] <= last for (first, last), chunk in
               zip(bounds, [["apple", "shape"], ["share", "soul"], ["south", "zebra"]]))


def test_a_word_that_extends_the_last_word_of_the_chunk_before():
    assert pc.boundaries([["in"], ["integr", "intellig"]]) == [("in", "int"), ("int", "intellig")]


def test_english_bundles_are_cut_into_smaller_chunks_than_chinese_ones(tmp_path):
    """make_canonical cuts each bundle's word index at its language's size (pagefind_chunks.TARGETS)."""
    import gzip

    from build_scripts.site.pagefind_files import SIGNATURE, _payload, _rechunk
    assert pc.target_of("en") < pc.target_of("und") == pc.TARGET
    words = [word(f"w{i:03d}", 20, 10) for i in range(120)]
    counts = {}
    for lang in ("en", "und"):
        bundle = tmp_path / lang
        (bundle / "index").mkdir(parents=True)
        (bundle / "index" / f"{lang}_0000001.pf_index").write_bytes(gzip.compress(SIGNATURE + chunk_bytes(words)))
        listed = _rechunk(bundle, lang, [["w000", "w119", f"{lang}_0000001"]])
        sizes = [len(_payload(bundle / "index" / f"{name}.pf_index")) - len(SIGNATURE) for *_, name in listed]
        assert max(sizes) <= pc.target_of(lang) < 2 * min(sizes[:-1])
        counts[lang] = len(listed)
    assert counts["en"] > counts["und"]
