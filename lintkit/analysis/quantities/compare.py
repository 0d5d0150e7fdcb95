"""Comparing quantities: whether two figures can be the same one written two ways.

``same_value`` allows for units normalised, rounding to the precision written
(``_close``), approximation slack and ranges; clock times are compared by
``same_time`` (in times.py).  Used by the rules that set an English summary
against its Chinese article, or a headline against its body.
"""

from __future__ import annotations

import math

from .model import OVER, UNDER, VAGUE, Quantity
from .times import same_time

# --------------------------------------------------------------------------
# comparing values


# How far apart two values may be when one side is approximate ("over 40" for
# 45, 约50 for 48): a fifth of the larger.  Closer approximations in the same
# direction are compared by their anchors, not by this slack.
APPROXIMATION_SLACK = 0.2


def same_value(a: Quantity, b: Quantity) -> bool:
    """Whether ``a`` and ``b`` can be the same figure written two ways.

    Equal after normalisation; or equal once the more precise one is rounded
    to the precision the other was written with (36,123 vs 3.6万); or, when
    either is approximate (over/about/nearly/under), within the slack the
    approximation allows.  Ranges match when their ends do.
    """
    if a.value is None or b.value is None:
        return False
    if a.kind == "time" or b.kind == "time":
        return a.kind == b.kind and same_time(a, b)
    if a.approx == VAGUE or b.approx == VAGUE:
        exact = b if a.approx == VAGUE else a
        if exact.lang == "en" and not exact.approx and exact.high is None and exact.digits >= 2:
            return False  # "1,369" is not 上千: a translation is never more precise than its source
        return _overlap(_interval(a), _interval(b))
    if _close(a.value, b.value, a, b) and (
        a.high is None and b.high is None or a.high is not None and b.high is not None and _close(a.high, b.high, a, b)
    ):
        return True
    lo_a, hi_a = a.value, a.high if a.high is not None else a.value
    lo_b, hi_b = b.value, b.high if b.high is not None else b.value
    if (a.high is None) != (b.high is None):
        single, rng = (a, b) if a.high is None else (b, a)
        # both values are known (checked above), and rng is the side with a high end
        if (
            single.value is not None
            and rng.value is not None
            and rng.high is not None
            and (_close(single.value, rng.value, a, b) or _close(single.value, rng.high, a, b))
        ):
            return True
    approx = a.approx or b.approx
    if approx:
        for x, y in ((lo_a, lo_b), (hi_a, hi_b)):
            if x and y and abs(x - y) / max(abs(x), abs(y)) <= APPROXIMATION_SLACK:
                return True
    return False


def _interval(q: Quantity) -> tuple[float, float]:
    """The values ``q`` allows: a vague magnitude's or a range's ends, a
    figure itself, widened by the slack of its approximation ("over 1,000"
    up to the next power of ten, "about 50" a fifth either way)."""
    lo = q.value or 0.0
    hi = q.high if q.high is not None else lo
    if q.approx == OVER:
        return lo, hi * 9.999  # "over 1,000" stays below ten thousand (上万 is "over 10,000")
    if q.approx == UNDER:
        return 0.0, hi
    if q.approx and q.approx != VAGUE:
        return lo * (1 - APPROXIMATION_SLACK), hi * (1 + APPROXIMATION_SLACK)
    return lo, hi


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _close(x: float, y: float, a: Quantity, b: Quantity) -> bool:
    if x == y or math.isclose(x, y, rel_tol=1e-9):
        return True
    if not x or not y:
        return False
    # rounding: the value written with fewer significant digits is the other, rounded
    for v, w, q in ((x, y, a), (y, x, b)):
        if q.digits:
            mag = math.floor(math.log10(abs(v)))
            step = 10 ** (mag - q.digits + 1)
            if abs(round(w / step) * step - v) <= step * 1e-6:
                return True
    return False
