"""Translation mode of ``lintkit.model.alignment``: Gale & Church's length-based
dynamic programme over 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2 beads, with shared
anchors as a bonus, run in a band around a guide line drawn through strong
anchors (so the cost stays linear), and the length ratio re-estimated from
the 1-1 beads.

The module docstring of ``lintkit.model.alignment`` describes the method; this
module holds it, apart from the summary mode and the public entry points
there (``align`` calls ``_translation``).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate

from .alignment_anchors import Bead, _Anchored

# --------------------------------------------------------------------------
# Translation mode
# --------------------------------------------------------------------------

# Bead priors, cost = -log(prior); the order of _MOVES breaks ties.  Gale &
# Church's (0.89, 0.0099 for 1-0 and 0-1 together, 0.089 for 2-1 and 1-2,
# 0.011) with 1-0 and 0-1 three times likelier: editors drop and add whole
# paragraphs (background for foreign readers) more often than the
# parliamentary translators Gale & Church measured.
_MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2))  # (zh units, en units)
_PRIOR_COST = tuple(-math.log(p) for p in (0.85, 0.015, 0.015, 0.045, 0.045, 0.01))
# Variance of the English length per character, after scaling the Chinese
# length by the text's ratio.  Gale & Church found 6.8 for German/French
# against English; Chinese/English translation is looser, so lengths are
# trusted somewhat less.
_VARIANCE = 10.0
_BAND = 12  # units either side of the guide line; constant, so the DP is linear
_RECENTRE = 2  # re-runs around a path that hit the band's edge (at twice the width), at most
_RATIO_PAIRS = 2  # fewer known pairs than this say nothing about the ratio
_RATIO_TOLERANCE = 0.03  # a second pass when the 1-1 beads' ratio differs from the first by more


_SQRT_PI = math.sqrt(math.pi)


def _length(text: str) -> int:
    """Characters without whitespace runs: what Gale–Church lengths count."""
    return len(" ".join(text.split()))


def _length_cost(l_zh: float, l_en: float) -> float:
    """-log P(a length difference at least this large), a two-sided normal tail.

    Lengths are in English characters (Chinese already scaled); the
    variance grows with the mean length of the two sides.
    """
    total = l_zh + l_en
    if total <= 0:
        return 0.0
    x = abs(l_en - l_zh) / math.sqrt(_VARIANCE * total)  # = |δ| / √2 with var = s²·total/2
    p = math.erfc(x)
    if p > 1e-300:
        return -math.log(p)
    return x * x + math.log(x * _SQRT_PI)  # asymptotic tail, where erfc underflows


def _translation(zh: Sequence[str], en: Sequence[str], anchored: _Anchored) -> list[Bead]:
    """Gale–Church with the anchor bonus, inside a band around the guide line.

    The length ratio cannot simply be taken from the two totals: a text
    that leaves out a fifth of the Chinese would have a ratio a fifth too
    low, which makes 2-1 beads look right everywhere.  Units that unique
    anchors pair give it best; failing two of them, both the ratio of
    the totals (right when the English merges or splits paragraphs) and
    that of the mean unit lengths (right when it drops or adds some) are
    tried, and the cheaper alignment wins.  Then the ratio is measured
    again on that alignment's 1-1 beads and, if it moved, the DP runs once
    more around the path found: a few passes, each linear.
    """
    n, m = len(zh), len(en)
    lz = [_length(t) for t in zh]
    le = [_length(t) for t in en]
    sets = (_trailing_sets(anchored.zh), _trailing_sets(anchored.en))
    guide = _guide(anchored, n, m)
    rows = _guide_rows(guide, m)
    anchored_pairs = [(int(i), int(j)) for j, i in guide[1:-1]]
    if len(anchored_pairs) >= _RATIO_PAIRS:
        ratios = [_ratio(lz, le, anchored_pairs)]
    else:
        ratios = _distinct([_ratio(lz, le, None), _ratio(lz, le, None) * n / m])
    path, lo, costs = min(
        (_best_path(lz, le, ratio, sets, rows, anchored) for ratio in ratios),
        key=lambda found: found[2][-1][-1],  # the cost of the whole path, at cell (n, m)
    )
    ratio, refined = ratios[0], _ratio(lz, le, _one_to_one(path))
    if _distinct([ratio, refined]) != [ratio]:
        path, lo, costs = _best_path(lz, le, refined, sets, _path_rows(path, m), anchored)

    zs, es = sets
    beads = []
    for (pi, pj), (i, j) in zip(path, path[1:]):
        shared = zs[i - pi][i] & es[j - pj][j]
        step = costs[j][i - lo[j]] - costs[pj][pi - lo[pj]]
        beads.append(Bead(tuple(range(pi, i)), tuple(range(pj, j)), step, len(shared)))
    return beads


def _ratio(lz: list[int], le: list[int], pairs: list[tuple[int, int]] | None) -> float:
    """English characters per Chinese character: over the units ``pairs`` pairs, or all of them.

    Too few pairs (fewer than ``_RATIO_PAIRS``) say too little: then all units count.
    """
    if pairs is None or len(pairs) < _RATIO_PAIRS:
        total_zh, total_en = sum(lz), sum(le)
    else:
        total_zh, total_en = sum(lz[i] for i, _ in pairs), sum(le[j] for _, j in pairs)
    return total_en / total_zh if total_zh and total_en else 1.0


def _distinct(ratios: list[float]) -> list[float]:
    """The ratios that differ from every earlier one by more than ``_RATIO_TOLERANCE``."""
    kept: list[float] = []
    for ratio in ratios:
        if all(abs(ratio - other) > _RATIO_TOLERANCE * other for other in kept):
            kept.append(ratio)
    return kept


def _one_to_one(path: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The (zh, en) index pairs of a path's 1-1 beads."""
    return [(pi, pj) for (pi, pj), (i, j) in zip(path, path[1:]) if i - pi == j - pj == 1]


def _best_path(
    lz: list[int], le: list[int], ratio: float, sets: tuple, rows: list[tuple[int, int]], anchored: _Anchored
) -> tuple[list[tuple[int, int]], list[int], list[list[float]]]:
    """The best path in a band around ``rows``, with the band's lower edges and the cost table.

    When the path runs along the edge of the band, the truth may lie
    beyond it (an omission longer than the band that no anchor revealed):
    the band is then centred on that path and the DP run again, at most
    ``_RECENTRE`` times, so the cost stays linear.
    """
    n, m = len(lz), len(le)
    # Prefix sums, so that a bead's length is one subtraction.
    lengths = (list(accumulate((length * ratio for length in lz), initial=0.0)), list(accumulate(le, initial=0.0)))
    width = _BAND
    for _attempt in range(_RECENTRE + 1):
        lo, hi = _band(n, rows, width)
        costs, backs = _fill(lo, hi, lengths, sets, anchored)
        path = _path(lo, backs, n, m)
        if not any((0 < i == lo[j]) or (n > i == hi[j]) for i, j in path):
            break
        # The edge held the path back: look again around it, and twice as far
        # (once), since the truth may lie further than one more band away.
        rows = _path_rows(path, m)
        width = 2 * _BAND
    return path, lo, costs


def _fill(
    lo: list[int], hi: list[int], lengths: tuple, sets: tuple, anchored: _Anchored
) -> tuple[list[list[float]], list[bytearray]]:
    """The DP table inside the band: best cost to each cell and the move that reached it.

    Cell (i, j) of row j is ``costs[j][i - lo[j]]``: i Chinese and j
    English units aligned.  Written for speed (this loop is the whole
    cost of a long text): each row lists its possible moves once, and
    ``_length_cost`` is written out in the loop (the same arithmetic in the
    same order, so the same floats, without a call per cell and move;
    tests/test_fast_paths_alignment.py compares the two).
    """
    cz, ce = lengths
    zs, es = sets
    inf = math.inf
    sqrt, erfc, log = math.sqrt, math.erfc, math.log
    bonus = anchored.bonus
    costs: list[list[float]] = []
    backs: list[bytearray] = []
    for j in range(len(lo)):
        l0, h0 = lo[j], hi[j]
        row = [inf] * (h0 - l0 + 1)
        back = bytearray(h0 - l0 + 1)
        costs.append(row)
        backs.append(back)
        # The moves that can end in this row, with what they need of the row they start from.
        moves = [
            (move, di, _PRIOR_COST[move], costs[j - dj], lo[j - dj], hi[j - dj], ce[j] - ce[j - dj], es[dj][j], zs[di])
            for move, (di, dj) in enumerate(_MOVES)
            if j >= dj
        ]
        for i in range(l0, h0 + 1):
            best, best_move = (0.0, 0) if i == 0 == j else (inf, 0)
            for move, di, prior, before_row, before_lo, before_hi, len_en, en_set, zh_sets in moves:
                pi = i - di
                if pi < before_lo or pi > before_hi:
                    continue
                total = before_row[pi - before_lo] + prior
                if di and len_en:
                    # _length_cost(l_zh, len_en), written out
                    l_zh = cz[i] - cz[pi]
                    both = l_zh + len_en
                    if both > 0:
                        x = abs(len_en - l_zh) / sqrt(_VARIANCE * both)
                        p = erfc(x)
                        total += -log(p) if p > 1e-300 else x * x + log(x * _SQRT_PI)
                    if en_set:
                        zh_set = zh_sets[i]
                        if zh_set:
                            shared = en_set & zh_set
                            if shared:
                                total -= bonus(shared)
                if total < best:
                    best, best_move = total, move
            row[i - l0], back[i - l0] = best, best_move
    return costs, backs


def _path(lo: list[int], backs: list[bytearray], n: int, m: int) -> list[tuple[int, int]]:
    """The cells (i, j) of the best path, from (0, 0) to (n, m)."""
    path = [(n, m)]
    i, j = n, m
    while i or j:
        di, dj = _MOVES[backs[j][i - lo[j]]]
        i, j = i - di, j - dj
        path.append((i, j))
    path.reverse()
    return path


def _trailing_sets(sets: list[frozenset[str]]) -> tuple[list[frozenset[str]], ...]:
    """``out[d][k]``: the anchors of units k-d .. k-1 (d = 0, 1, 2; empty where k < d)."""
    empty: frozenset[str] = frozenset()
    one = [empty] + sets
    two = [empty, empty] + [a | b if a or b else empty for a, b in zip(sets, sets[1:])]
    return [empty] * (len(sets) + 1), one, two


def _guide(anchored: _Anchored, n: int, m: int) -> list[tuple[float, float]]:
    """Points (en position, zh position) the band's centre line passes through.

    The diagonal's ends, plus the longest in-order chain of unique strong
    anchors, less the points no neighbour agrees with (a year that happens
    to occur once in two unrelated paragraphs).
    """
    where_zh: dict[str, int] = {}
    for i, s in enumerate(anchored.zh):
        for a in s:
            where_zh[a] = i
    pairs = sorted(
        {
            (j + 0.5, where_zh[a] + 0.5)
            for j, s in enumerate(anchored.en)
            for a in s
            if anchored.df_zh[a] == 1 and anchored.df_en[a] == 1 and _strong(a)
        },
        key=lambda p: (p[0], -p[1]),  # one en unit may not take two zh points of the chain
    )
    chain = [(0.0, 0.0)] + _increasing(pairs) + [(float(m), float(n))]
    slope = n / m

    def offset(p: tuple[float, float]) -> float:
        return p[1] - p[0] * slope

    kept = [chain[0]]
    for before, point, after in zip(chain, chain[1:], chain[2:]):
        if min(abs(offset(point) - offset(before)), abs(offset(point) - offset(after))) <= _BAND / 2:
            kept.append(point)
    kept.append(chain[-1])
    return kept


def _strong(anchor: str) -> bool:
    """Whether one occurrence on each side is enough to pin the band there."""
    kind, value = anchor.split(":", 1)
    if kind in ("n", "p"):
        return len(value) >= 3  # 2019, 35000, 12.5 — not 12
    return kind in ("w", "name") and len(value) >= 3


def _increasing(pairs: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The longest chain strictly increasing in the second coordinate (patience sorting)."""
    tails: list[float] = []
    tail_index: list[int] = []
    parent: list[int] = []
    for k, (_, y) in enumerate(pairs):
        pos = bisect_left(tails, y)
        if pos == len(tails):
            tails.append(y)
            tail_index.append(k)
        else:
            tails[pos] = y
            tail_index[pos] = k
        parent.append(tail_index[pos - 1] if pos else -1)
    chain = []
    k = tail_index[-1] if tail_index else -1
    while k >= 0:
        chain.append(pairs[k])
        k = parent[k]
    chain.reverse()
    return chain


def _guide_rows(guide: list[tuple[float, float]], m: int) -> list[tuple[int, int]]:
    """For each English count j, the Chinese counts the guide line crosses near it.

    Row j lies between English units j - 1 and j, so it spans the guide
    from x = j - 0.5 to x = j + 0.5: on a steep stretch (Chinese left out)
    that is many Chinese units, all of which the path must be able to
    skip within the row.
    """
    ys = _interpolate(guide, [min(max(j - 0.5, 0.0), float(m)) for j in range(m + 2)])
    return [(math.floor(ys[j]), math.ceil(ys[j + 1])) for j in range(m + 1)]


def _interpolate(points: list[tuple[float, float]], xs: list[float]) -> list[float]:
    """The polyline through ``points`` (x increasing) at each of ``xs`` (increasing)."""
    ys = []
    seg = 0
    for x in xs:
        while points[seg + 1][0] < x:
            seg += 1
        (x0, y0), (x1, y1) = points[seg], points[seg + 1]
        ys.append(y0 + (x - x0) * (y1 - y0) / (x1 - x0) if x1 > x0 else y1)
    return ys


def _path_rows(path: list[tuple[int, int]], m: int) -> list[tuple[int, int]]:
    """For each English count j, the Chinese counts a path visits there.

    A row that a 1-2 or 2-2 bead jumps over gets the counts on either side.
    """
    rows: list[tuple[int, int] | None] = [None] * (m + 1)
    for (pi, pj), (i, j) in zip(path, path[1:]):
        if j == pj + 2:
            rows[pj + 1] = (pi, i)
    for i, j in path:
        low, high = rows[j] or (i, i)
        rows[j] = (min(low, i), max(high, i))
    return rows  # type: ignore[return-value]  # every row is set: the path reaches each j or jumps it


def _band(n: int, rows: list[tuple[int, int]], width: int) -> tuple[list[int], list[int]]:
    """For each English count j, the range of Chinese counts the DP may visit.

    Row j spans its centre range and the start of the next row's, widened
    by ``width`` on both sides; so consecutive rows overlap (a path always
    exists) and the cells number about n + m × (2 × width + 1).
    """
    m = len(rows) - 1
    lo = [max(0, min(n, low - width)) for low, _ in rows]
    hi = [min(n, max(high, next_low) + width) for (_, high), (next_low, _) in zip(rows, rows[1:])] + [n]
    for j in range(1, m + 1):  # keep both edges monotone, whatever rounding did
        lo[j] = max(lo[j], lo[j - 1])
    for j in range(m - 1, -1, -1):
        hi[j] = min(hi[j], hi[j + 1])
    lo[0] = 0
    return lo, hi
