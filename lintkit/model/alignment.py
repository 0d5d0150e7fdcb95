"""Align English units with the Chinese units they render.

Why
---
A rule that checks an English figure or name against "the Chinese" should
compare it with the Chinese paragraph or sentence that the English renders,
not with the whole article: 2019 in the English lead is right if the
Chinese lead says 2019年, whatever the fifth paragraph says.  :func:`align`
groups the units (paragraphs or sentences, as the caller splits them) into
*beads* so that a rule can look only at the Chinese of an English unit's
bead (:func:`en_to_zh`).

Two modes
---------
``mode="translation"`` (a full translation, or the two halves of an
alternating bilingual text)
    Gale–Church dynamic programming (Gale & Church 1993) over unit lengths,
    beads 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2.  A bead costs -log of its prior
    plus -log of the probability of its length difference.  Lengths are
    characters; the Chinese ones are scaled by the English/Chinese ratio
    *of this text*, since how many English characters a Chinese character
    becomes depends on the text.  The ratio is measured on units known to
    pair (unique anchors, then the 1-1 beads of a first pass), not on the
    two totals alone, which a long omission would bias.
``mode="summary"`` (an English summary or abstract of a longer Chinese
article)
    Lengths say nothing here: one English sentence may stand for three
    Chinese paragraphs, and most of the article is left out.  Each English
    unit gets a window of 1–3 *contiguous* Chinese units that shares an
    anchor with it (consecutive English units may share one window, and
    then form one bead), English order follows Chinese order, and Chinese
    units are skipped almost for free: the score is the anchors, plus a
    slight pull towards the proportional position to break ties.  An
    English unit the DP leaves without Chinese (no anchor, or anchors out
    of order) is then placed by position, in the middle of the Chinese
    left between its neighbours' beads, with a high cost and
    ``anchors == 0``: a low-confidence guess the caller may discount.

The anchor bonus
----------------
Lengths are easily misled (two paragraphs of similar length, a paragraph
left out), so a bead whose two sides share *anchors* costs less.
:func:`anchors` gives one unit's anchors as canonical strings:

* ``n:35000`` — Arabic figures with their magnitude: 3.5万 = 35,000 =
  35000, 1.2亿 = 120 million, 2019年 = 2019; a one-digit number alone is
  ignored (too common to tell anything);
* ``p:12.5`` — percentages and percentage points (12.5%, 12.5 percent,
  12.5 per cent, 12.5个百分点);
* ``w:who`` — Latin strings of two characters or more (WHO, 5G, GPT-4o,
  URLs), case-folded; an English unit yields all its words but function
  words, and only those some Chinese unit also has ever count;
* ``month:3`` — 3月 / 三月 and March;
* ``name:wangxiaohong`` — a Chinese name (common surname + one or two
  characters) and its pinyin, either order (Wang Xiaohong, Xiaohong Wang,
  WANG Xiao-hong); :func:`align` reads the pinyin of Chinese only when the
  English has such a name at all.

An anchor counts only when it occurs on both sides.  Its weight is that of
its kind (``_KIND_WEIGHT``) divided by the number of units it occurs in on
the busier side: a figure found once on each side is strong evidence,
"WHO" in every paragraph almost none.  A bead's bonus is the sum of the
weights of the anchors its sides share, capped, and is subtracted from its
cost, which may therefore be negative.

The band
--------
Translation mode fills only the DP cells within ``_BAND`` units (a
constant) of a guide line, so its work is O((n_zh + n_en) × _BAND), not
O(n_zh × n_en).  The guide is the diagonal, bent through the longest
in-order chain of *unique* anchors (a strong anchor found in exactly one
unit on each side), less the chain points no neighbour agrees with (a
coincidence).  So an omission that anchors reveal stays inside the band,
however long.  When the best path runs along the band's edge (an omission
longer than the band that no anchor revealed), the DP runs again in a band
twice as wide centred on that path, at most twice.  Summary mode fills
the whole table: O(n_zh × n_en × 3) states, each reached from a handful of
others — fine for the tens of sentences of a summary against hundreds of
Chinese paragraphs, not meant for two long texts (use translation mode).

Example
-------
>>> zh = ["世卫组织（WHO）称，今年共有3.5万人参加。", "会议将于明年举行。"]
>>> en = ["The WHO said 35,000 people took part this year.", "The meeting will be held next year."]
>>> [(b.zh, b.en, b.anchors) for b in align(zh, en)]
[((0,), (0,), 2), ((1,), (1,), 0)]
>>> sorted(anchors("今年共有3.5万人参加WHO会议"))
['n:35000', 'w:who']

Everything is deterministic: ties go to the first move in a fixed order.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .alignment_anchors import Bead, _Anchored, _anchored, anchors
from .alignment_translation import _translation

__all__ = ["Bead", "align", "anchors", "en_to_zh"]


# --------------------------------------------------------------------------
# Summary mode
# --------------------------------------------------------------------------

_SKIP = 0.05  # a Chinese unit the summary leaves out: the normal case
_NONE = 1.0  # an English unit with no Chinese in the DP (placed by position afterwards)
_MATCH = 1.0  # an English unit given Chinese that shares an anchor, before the bonus
_EXTRA = 0.3  # per Chinese unit beyond the first: more than two skips, so only anchors pay for it
_ORDER = 0.3  # times the distance from the proportional position (a fraction of the text): ties only
_POSITIONED = 4.0  # an English unit placed by position only: low confidence
_WINDOW = 3  # at most this many contiguous Chinese units per bead

_Unit = tuple[tuple[int, ...], float, frozenset[str]]  # an English unit's window, cost, shared anchors


def _summary(n: int, m: int, anchored: _Anchored) -> list[Bead]:
    """Monotone DP: each English unit takes a window of 1-3 contiguous Chinese units, or none.

    Consecutive English units may share one window (an abstract of seven
    sentences against the one paragraph of the Chinese abstract); they
    then form one bead.  A window must share at least one anchor with the
    English unit.  State (j, i, k): j English and i Chinese units placed,
    the last English unit in a bead whose window is the last k Chinese
    units (k = 0: none open).  O(n × m × _WINDOW) states, each reached
    from O(_WINDOW) others.
    """
    za, ea = anchored.zh, anchored.en
    inf = math.inf
    width = _WINDOW + 1
    cost = [[[inf] * width for _ in range(n + 1)] for _ in range(m + 1)]
    # How each state was reached: (move, k of the state it came from); moves below.
    back: list[list[list[tuple[str, int]]]] = [[[("", 0)] * width for _ in range(n + 1)] for _ in range(m + 1)]
    cost[0][0][0] = 0.0
    for j in range(m + 1):
        en_set = ea[j - 1] if j else frozenset()
        for i in range(n + 1):
            cell, came = cost[j][i], back[j][i]
            if i:  # leave Chinese unit i - 1 out; no bead is open after it
                k = _argmin(cost[j][i - 1])
                if cost[j][i - 1][k] + _SKIP < cell[0]:
                    cell[0], came[0] = cost[j][i - 1][k] + _SKIP, ("skip", k)
            if not j:
                continue
            k = _argmin(cost[j - 1][i])
            if cost[j - 1][i][k] + _NONE < cell[0]:  # English unit j - 1 without Chinese
                cell[0], came[0] = cost[j - 1][i][k] + _NONE, ("none", k)
            if not en_set:
                continue
            shared: frozenset[str] = frozenset()
            for size in range(1, min(_WINDOW, i) + 1):
                shared = shared | (za[i - size] & en_set)
                if not shared:
                    continue
                drift = abs((i - size / 2) / n - (j - 0.5) / m)
                value = _MATCH - anchored.bonus(shared) + _ORDER * drift
                before = cost[j - 1][i - size]
                k = _argmin(before)
                if before[k] + value + _EXTRA * (size - 1) < cell[size]:  # a window of its own
                    cell[size], came[size] = before[k] + value + _EXTRA * (size - 1), ("new", k)
                if cost[j - 1][i][size] + value < cell[size]:  # the previous English unit's window
                    cell[size], came[size] = cost[j - 1][i][size] + value, ("join", size)

    units: dict[int, _Unit] = {}
    i, j, k = n, m, _argmin(cost[m][n])
    while i or j:
        move, came_from = back[j][i][k]
        if move == "skip":
            i -= 1
        elif move == "none":
            j -= 1
            units[j] = ((), _NONE, frozenset())
        else:
            j -= 1
            window = tuple(range(i - k, i))
            drift = abs((i - k / 2) / n - (j + 0.5) / m)
            shared = frozenset().union(*(za[z] for z in window)) & ea[j]
            extra = _EXTRA * (k - 1) if move == "new" else 0.0
            units[j] = (window, _MATCH - anchored.bonus(shared) + _ORDER * drift + extra, shared)
            if move == "new":
                i -= k
        k = came_from
    _place_by_position(units, n, m)
    return _summary_beads(units, n, m)


def _argmin(values: list[float]) -> int:
    """Index of the smallest value, the first on ties (determinism)."""
    return min(range(len(values)), key=values.__getitem__)


def _place_by_position(units: dict[int, _Unit], n: int, m: int) -> None:
    """Give each run of English units left without Chinese the middle of its gap.

    The gap is the Chinese strictly between the neighbours' windows; k
    floating units share it out evenly, one Chinese unit each, in order.
    A unit whose share is empty keeps no Chinese.
    """
    j = 0
    while j < m:
        if units[j][0]:
            j += 1
            continue
        run_end = j
        while run_end < m and not units[run_end][0]:
            run_end += 1
        start = units[j - 1][0][-1] + 1 if j else 0
        stop = units[run_end][0][0] if run_end < m else n
        gap, count = stop - start, run_end - j
        used = start - 1
        for t in range(count):
            pick = start + ((2 * t + 1) * gap) // (2 * count)
            if gap > 0 and pick > used:
                units[j + t] = ((pick,), _POSITIONED, frozenset())
                used = pick
        j = run_end


def _summary_beads(units: dict[int, _Unit], n: int, m: int) -> list[Bead]:
    """Beads in order: English units sharing a window as one, left-out Chinese between."""
    beads: list[Bead] = []
    next_zh = 0
    j = 0
    while j < m:
        window = units[j][0]
        last = j
        while window and last + 1 < m and units[last + 1][0] == window:
            last += 1
        beads.extend(Bead((i,), (), _SKIP, 0) for i in range(next_zh, window[0] if window else next_zh))
        group = [units[t] for t in range(j, last + 1)]
        shared = frozenset().union(*(u[2] for u in group))
        beads.append(Bead(window, tuple(range(j, last + 1)), sum(u[1] for u in group), len(shared)))
        if window:
            next_zh = window[-1] + 1
        j = last + 1
    beads.extend(Bead((i,), (), _SKIP, 0) for i in range(next_zh, n))
    return beads


# --------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------

_MODES = ("translation", "summary")


def align(
    zh: Sequence[str],
    en: Sequence[str],
    *,
    mode: str = "translation",
    anchor_sets: dict[str, list[frozenset[str]]] | None = None,
) -> list[Bead]:
    """Beads in order, covering every index of zh and en exactly once.

    ``mode`` is ``"translation"`` (the English renders all of the Chinese,
    give or take a paragraph) or ``"summary"`` (the English sums up a
    longer Chinese text); the module docstring explains both.  A caller
    that needs the ``anchors()`` of the units too passes a dict as
    ``anchor_sets`` (see ``_anchored``) instead of extracting them again.
    """
    if mode not in _MODES:
        raise ValueError(f"unknown alignment mode {mode!r}: expected one of {', '.join(_MODES)}")
    n, m = len(zh), len(en)
    if not n or not m:  # nothing to pair: every unit on its own
        return [Bead((i,), (), 0.0, 0) for i in range(n)] + [Bead((), (j,), 0.0, 0) for j in range(m)]
    anchored = _anchored(zh, en, anchor_sets)
    if mode == "summary":
        return _summary(n, m, anchored)
    return _translation(zh, en, anchored)


def en_to_zh(beads: list[Bead]) -> dict[int, tuple[int, ...]]:
    """For each English index, the Chinese indices of its bead (empty tuple if none)."""
    return {j: bead.zh for bead in beads for j in bead.en}
