"""The quantity model: what a figure read from the text is, and how it is shown.

Holds the :class:`Quantity` dataclass every reader produces, the kinds
(``KINDS``) and approximation markers (``OVER``, ``ABOUT``, ``NEARLY``,
``UNDER``, ``VAGUE``) it is labelled with, :func:`format_value` (with its helpers) that
writes a quantity back in a readable scale for messages, and ``_Found``, the
bookkeeping both readers (Chinese and English) use so that a later, weaker
reading never claims characters an earlier one took.  It depends on nothing
else in the package, so every other module can import it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

KINDS = ("date", "year", "count", "ordinal", "percent", "money", "measure", "duration", "time")

OVER, ABOUT, NEARLY, UNDER = "over", "about", "nearly", "under"
# an interval, not a figure: 数千 (2,000–9,000), "thousands of"; compared by overlap
VAGUE = "vague"


@dataclass(frozen=True)
class Quantity:
    """One figure in the text.

    ``value`` is in the base unit of ``unit`` (W for power, m for length,
    percent for percentages, the currency for money, seconds for durations);
    for dates it is ``None`` and ``year``/``month``/``day`` are set (any may
    be ``None``).  ``high`` is the upper end of a range (``day_high`` for a
    day range).  ``digits`` is the number of significant digits written, to
    judge rounding.
    """

    start: int
    end: int
    text: str
    lang: str  # "zh" | "en"
    kind: str
    value: float | None = None
    unit: str = ""
    approx: str = ""
    high: float | None = None
    noun: str = ""  # what is counted or measured: the words that follow
    digits: int = 0
    year: int | None = None
    month: int | None = None
    day: int | None = None
    day_high: int | None = None
    year_source: str = ""  # "explicit", how it was inferred, or "" (unknown)
    block: int = -1

    def describe(self) -> str:
        """The figure as written, with its reading when that differs."""
        if self.kind == "date":
            parts = []
            if self.year is not None:
                parts.append(f"{self.year:04d}")
            if self.month is not None:
                parts.append(f"{self.month:02d}")
            if self.day is not None:
                parts.append(f"{self.day:02d}")
            reading = "-".join(parts)
            if self.year is not None and self.year_source not in ("explicit", ""):
                reading += f", year inferred from {self.year_source}"
            elif self.year is None and self.lang == "zh":
                reading += ", year unknown"
            return f"“{self.text}” ({reading})"
        return f"“{self.text}” ({format_value(self)})"


def _clock(q: Quantity) -> str:
    """A time of day as 21:00, or 9:00 (a.m. or p.m.) when the half of the day is unknown."""
    minutes = int(q.value or 0)
    h, mm = divmod(minutes, 60)
    if q.unit == "clock12":
        return f"{h % 12 or 12}:{mm:02d} (a.m. or p.m.)"
    return f"{h:02d}:{mm:02d}"


_PREFIXES = ((1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"), (1, ""), (1e-3, "m"), (1e-6, "µ"), (1e-9, "n"))
_DURATIONS = (
    (365.25 * 86400, "years"),
    (30.44 * 86400, "months"),
    (86400, "days"),
    (3600, "hours"),
    (60, "minutes"),
    (1, "seconds"),
)


def _scaled(q: Quantity) -> tuple[float, float | None, str]:
    """Value, high and unit in a readable scale (15 MW, not 15,000,000 W)."""
    v, h, u = q.value, q.high, q.unit
    if v is None:  # format_value writes a quantity without a value as its text
        raise ValueError("a quantity without a value has no scale")
    if u == "s":
        for f, name in _DURATIONS:
            if abs(v) >= f * 0.999 or f == 1:
                return v / f, (h / f if h is not None else None), name
    if u in ("W", "Wh", "m", "g", "Hz") and v:
        if u == "g" and abs(v) >= 1e6:
            return v / 1e6, (h / 1e6 if h is not None else None), "t"
        for f, p in _PREFIXES:
            if abs(v) >= f * 0.999:
                return v / f, (h / f if h is not None else None), p + u
    return v, h, u


def format_value(q: Quantity) -> str:
    if q.value is None:
        return q.text
    if q.kind == "time":
        prefix = {OVER: "after ", ABOUT: "about ", NEARLY: "nearly ", UNDER: "before "}.get(q.approx, "")
        return prefix + _clock(q)
    value, high, unit = _scaled(q)
    v = _fmt(round(value, 9))
    if high is not None:
        v += "–" + _fmt(round(high, 9))
    unit = {"%": "%", "pp": " percentage points"}.get(unit, (" " + unit) if unit else "")
    prefix = {OVER: "over ", ABOUT: "about ", NEARLY: "nearly ", UNDER: "under "}.get(q.approx, "")
    return prefix + v + unit


def _fmt(v: float) -> str:
    if not math.isfinite(v):
        return "an overflowing number"  # 309 digits and more: a float cannot hold it
    if v == int(v) and abs(v) < 1e15:
        return f"{int(v):,}"
    return f"{v:,.6g}" if abs(v) >= 1 else f"{v:.6g}"


class _Found:
    """Quantities found so far in a stretch of text; a later, weaker reading
    may not claim characters an earlier one took."""

    def __init__(self) -> None:
        self.out: list[Quantity] = []
        # the offsets taken, one by one: a figure is a few characters long, so
        # a lookup costs its length — not the number of figures found before
        # (a line of 20,000 figures once took minutes)
        self._taken: set[int] = set()

    def free(self, s: int, e: int) -> bool:
        # (isdisjoint walks the range in C: the same answer as testing each offset)
        return self._taken.isdisjoint(range(s, e))

    def add(self, q: Quantity) -> None:
        self.out.append(q)
        self._taken.update(range(q.start, q.end))
