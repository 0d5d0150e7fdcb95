"""The speed-ups of article alignment and the quantity readers must not change any result.

Each fast path is checked against the slow form it replaces (kept here):
the alignment DP with ``_length_cost`` called per cell, the generic anchor
bonus, the offset-by-offset test of ``_Found.free`` and ``str.translate``
of the whole document into simplified characters.
"""

from __future__ import annotations

import math
import pathlib
import random

import pytest

from lintkit.analysis import quantities as Q
from lintkit.analysis.quantities.model import _Found
from lintkit.model import alignment_translation as T
from lintkit.model.alignment import align
from lintkit.model.alignment_anchors import _BONUS_CAP, _anchored
from lintkit.model.document import Document
from lintkit.model.language import EN

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def _slow_fill(lo, hi, lengths, sets, anchored):
    """``_fill`` as it was: ``_length_cost`` and ``anchored.bonus`` called per cell and move."""
    cz, ce = lengths
    zs, es = sets
    inf = math.inf
    costs: list[list[float]] = []
    backs: list[bytearray] = []
    for j in range(len(lo)):
        l0, h0 = lo[j], hi[j]
        row = [inf] * (h0 - l0 + 1)
        back = bytearray(h0 - l0 + 1)
        costs.append(row)
        backs.append(back)
        moves = [
            (move, di, T._PRIOR_COST[move], costs[j - dj], lo[j - dj], hi[j - dj], ce[j] - ce[j - dj], es[dj][j])
            for move, (di, dj) in enumerate(T._MOVES)
            if j >= dj
        ]
        for i in range(l0, h0 + 1):
            best, best_move = (0.0, 0) if i == 0 == j else (inf, 0)
            for move, di, prior, before_row, before_lo, before_hi, len_en, en_set in moves:
                pi = i - di
                if pi < before_lo or pi > before_hi:
                    continue
                total = before_row[pi - before_lo] + prior
                if di and len_en:
                    total += T._length_cost(cz[i] - cz[pi], len_en)
                    if en_set and zs[di][i]:
                        shared = en_set & zs[di][i]
                        if shared:
                            total -= min(_BONUS_CAP, sum(anchored.weight[a] for a in shared))
                if total < best:
                    best, best_move = total, move
            row[i - l0], back[i - l0] = best, best_move
    return costs, backs


def _bilingual_units() -> list[tuple[list[str], list[str]]]:
    """The Chinese and English paragraphs of each bilingual corpus file (a few of them)."""
    out = []
    for path in sorted((CORPUS / "bilingual").glob("*.txt"))[:12]:
        doc = Document.from_path(path)
        zh = [b.text(doc.text) for b in doc.blocks if b.lang != EN]
        en = [b.text(doc.text) for b in doc.blocks if b.lang == EN]
        if zh and en:
            out.append((zh, en))
    return out


@pytest.mark.skipif(not (CORPUS / "bilingual").is_dir(), reason="no sample corpus")
def test_the_written_out_dp_gives_the_beads_and_costs_of_the_slow_one(monkeypatch):
    pairs = _bilingual_units()
    assert pairs
    fast = [align(zh, en) for zh, en in pairs]
    monkeypatch.setattr(T, "_fill", _slow_fill)
    slow = [align(zh, en) for zh, en in pairs]
    assert fast == slow  # Bead compares costs as floats: bit for bit


def test_the_written_out_length_cost_is_the_function():
    rng = random.Random(7)
    values = [0.0, 1.0, 3.0, 1e-9, 40.0, 400.0, 5000.0] + [rng.uniform(0, 3000) for _ in range(300)]
    zh = ["甲" * 5, "乙" * 9]
    en = ["a" * 7]
    anchored = _anchored(zh, en)
    for l_zh in values:
        for l_en in values[:40]:
            if not l_en:
                continue
            lengths = ([0.0, l_zh], [0.0, l_en])
            sets = T._trailing_sets([frozenset()]), T._trailing_sets([frozenset()])
            fast, _ = T._fill([0, 0], [1, 1], lengths, sets, anchored)
            slow, _ = _slow_fill([0, 0], [1, 1], lengths, sets, anchored)
            assert fast == slow


def test_the_bonus_of_one_anchor_is_the_generic_sum():
    anchored = _anchored(["2019年3.5万人，WHO，3月"] * 3 + ["12.5%"], ["In March 2019, 35,000 people, WHO", "12.5%"])
    for anchor in anchored.weight:
        shared = frozenset([anchor])
        assert anchored.bonus(shared) == min(_BONUS_CAP, sum(anchored.weight[a] for a in shared))


def test_free_is_the_offset_by_offset_test():
    rng = random.Random(3)
    found = _Found()
    for _ in range(40):
        s = rng.randrange(200)
        found._taken.update(range(s, s + rng.randrange(1, 6)))
    for s in range(210):
        for e in range(s, s + 8):
            assert found.free(s, e) == (not any(i in found._taken for i in range(s, e)))


def test_simplified_is_the_translation_of_every_character():
    traditional = "".join(map(chr, Q._TRADITIONAL))
    rng = random.Random(5)
    alphabet = traditional + "个国一二三abc 12，。\n𠀀"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        assert Q._simplified(text) == text.translate(Q._TRADITIONAL)
    for path in sorted(CORPUS.rglob("*.txt"))[:60]:
        text = path.read_text(encoding="utf-8")
        assert Q._simplified(text) == text.translate(Q._TRADITIONAL)
