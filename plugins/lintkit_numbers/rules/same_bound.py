from __future__ import annotations

import functools
from importlib.resources import files

import regex

from lintkit import DOCUMENT, Option, Problem, Related, rule

# The bound that defines a category, in brackets: 短时间内（小于 2小时）,
# 高值区(>30%), 长期（5年以上）; the category is the Chinese right before the
# bracket (_CATEGORY), whose last few characters name its side (短, 长 …).
# Searched from the brackets: a pattern that began with the category would
# be tried at every Chinese character of the text.
_BOUNDED = regex.compile(
    r"[（(]\s*(?P<op>小于|大于|低于|高于|不足|不到|少于|多于|超过|短于|长于|[<>≤≥＜＞])?"
    r"\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>[\p{Han}%％‰℃°A-Za-z]{0,3}?)\s*(?P<post>以下|以上|以内)?\s*[）)]"
)
_CATEGORY = regex.compile(r"\p{Han}{1,6}(?=\s*$)")
_BELOW = frozenset(("小于", "低于", "不足", "不到", "少于", "短于", "<", "≤", "＜", "以下", "以内"))
_ABOVE = frozenset(("大于", "高于", "多于", "超过", "长于", ">", "≥", "＞", "以上"))


@rule(
    "numbers.same-bound",
    scope=DOCUMENT,
    severity="warning",
    options={
        "contrasts": Option(
            [],
            "more pairs of opposite sides, two characters each, e.g. '冷 热' (added to lintkit/data/numbers-contrasts.txt)",
            type=list,
        )
    },
)
def same_bound(doc, options):
    """Two opposite categories defined by the same bound on the same side (短时间（小于2小时）… 长时间（小于2小时）).

    What it catches: in one paragraph, two categories that name opposite
    sides — 短/长, 低/高, 小/大 and the other pairs of
    ``lintkit/data/numbers-contrasts.txt`` — each defined in brackets by a
    bound, where both bounds are the same figure and unit in the same
    direction (both "less than 2 hours").  The two categories would then be
    one: the second comparison is reversed (小于 for 大于, 以下 for 以上).

    Why it matters: a method section's thresholds are what a reader
    reproduces; a reversed comparison makes the method impossible to follow.

    Example that fires::

        短时间（小于2小时）缺失的数据采用线性内插；长时间（小于2小时）缺失的数据采用平均日变化法。

    Example that does not fire::

        短时间（小于2小时）缺失的数据采用线性内插；长时间（大于2小时）缺失的数据采用平均日变化法。

    Options: ``contrasts`` (more pairs of opposite sides, "冷 热").
    Silence with ``ignore: [numbers.same-bound]``.
    """
    side_of = _sides(tuple(str(v) for v in options["contrasts"] if v))
    text = doc.text
    for block in doc.blocks:
        if block.lang == "en":
            continue
        seen: list[tuple[int, int, tuple, str, int, regex.Match]] = []  # pair, side, bound, category, where
        for m in _BOUNDED.finditer(text, block.start, block.end):
            direction = _direction(m)
            c = _CATEGORY.search(text, max(block.start, m.start() - 8), m.start()) if direction else None
            if c is None:
                continue
            cat = c.group()
            at = next((i for i in range(len(cat) - 1, max(-1, len(cat) - 5), -1) if cat[i] in side_of), None)
            if at is None:
                continue
            side, name = side_of[cat[at]], cat[at:]
            bound = (float(m["num"]), m["unit"].replace("％", "%"), direction)
            earlier = next((x for x in seen if x[0] == side[0] and x[1] != side[1] and x[2] == bound), None)
            if earlier is not None:
                other, other_start, e = earlier[3], earlier[4], earlier[5]
                yield Problem(
                    m.start("op") if m["op"] else m.start("num"),
                    m.end("post") if m["post"] else m.end("unit"),
                    f"{name} is bounded “{_bound_text(m)}” here and its opposite {other} “{_bound_text(e)}” too: "
                    "one of the two comparisons reversed?",
                    related=(Related(other_start, e.end(), f"{other} defined here"),),
                )
            seen.append((side[0], side[1], bound, name, c.start() + at, m))


def _direction(m: regex.Match) -> str | None:
    words = {m["op"], m["post"]} - {None}
    if len(words) != 1:
        return None  # no comparison, or two (小于2小时以上): not read
    (word,) = words
    return "below" if word in _BELOW else "above" if word in _ABOVE else None


def _bound_text(m: regex.Match) -> str:
    return "".join(x for x in (m["op"], m["num"], m["unit"], m["post"]) if x)


@functools.cache
def _sides(extra: tuple[str, ...]) -> dict[str, tuple[int, int]]:
    """Each contrast character → (its pair's number, which side of it);
    read once per configuration, not once per document."""
    lines = files("lintkit").joinpath("data/numbers-contrasts.txt").read_text(encoding="utf-8").splitlines()
    out: dict[str, tuple[int, int]] = {}
    for i, line in enumerate(line for line in list(lines) + list(extra) if line.strip() and not line.startswith("#")):
        a, b = line.split()[:2]
        out.setdefault(a, (i, 0))
        out.setdefault(b, (i, 1))
    return out
