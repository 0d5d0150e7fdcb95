"""``extends: occurrence`` — too many or too few of something in a scope unit."""

from __future__ import annotations

import regex

from ..findings import Problem
from ..model.language import EN
from .base import Matcher, RuleType, Spec, clip, units

__all__ = ["OCCURRENCE"]

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’-]*")
_CHAR = regex.compile(r"[^\s\p{P}\p{S}]")  # letters, digits, Han: not spaces or punctuation
_TOO_FEW = "{count} {unit}, fewer than {min}: “{match}”"
COUNTS = ("auto", "characters", "words", "matches")


def build(spec: Spec):
    """Report a scope unit holding more than ``max`` (or fewer than ``min``) of something.

    Keys: ``max`` and/or ``min`` (integers); ``count``: ``auto`` (default:
    characters for Chinese and mixed text, words for English), ``characters``
    (letters, digits and Han characters; spaces and punctuation are not
    counted), ``words``, or ``matches`` of ``patterns``.  The default scope
    is ``sentence``.  Message fields: ``{count}``, ``{max}``, ``{min}``,
    ``{unit}`` (characters / words / matches), ``{match}`` (the start of the
    unit), ``{link}``.

    Example (long sentences, counted per language)::

        - id: house.long-sentence
          extends: occurrence
          scope: sentence
          max: 120
    """
    most = spec.get("max", None, int, "an integer")
    least = spec.get("min", None, int, "an integer")
    if most is None and least is None:
        raise spec.error(None, "type occurrence needs 'max' or 'min'")
    for key, value in (("max", most), ("min", least)):
        if value is not None and value < 0:
            raise spec.error(key, f"{key!r} must not be negative")
    count = spec.get("count", "auto", str, " | ".join(COUNTS))
    if count not in COUNTS:
        raise spec.error("count", f"'count' must be one of {', '.join(COUNTS)}, not {count!r}")
    patterns = spec.patterns("patterns", required=count == "matches")
    if patterns and count != "matches":
        raise spec.error("patterns", "'patterns' is used only with count: matches")
    matcher = Matcher(spec, patterns)
    unit, langs = spec.scope()
    fields = {"count", "max", "min", "unit", "match", "link"}
    message = spec.template("message", OCCURRENCE.default_message, fields)
    few_message = spec.template("message", _TOO_FEW, fields)
    link = spec.get("link", "", str)

    def measure(text: str, u) -> tuple[int, str]:
        how = count
        if how == "auto":
            how = "words" if u.lang == EN else "characters"
        if how == "matches":
            return len(matcher.find(text, u.start, u.end)), "matches"
        pattern = _WORD if how == "words" else _CHAR
        return sum(1 for _ in pattern.finditer(text, u.start, u.end)), how

    def check(doc, options):
        text = doc.text
        for u in units(doc, unit, langs):
            if any(matcher_unless_hits(matcher, text, u)):
                continue
            n, what = measure(text, u)
            too_many = most is not None and n > most
            too_few = least is not None and n < least
            if too_many or too_few:
                template = message if too_many else few_message
                yield Problem(
                    u.start,
                    u.end,
                    template.format(
                        count=n, max=most, min=least, unit=what, match=clip(text[u.start : u.end]), link=link
                    ),
                )

    return check


def matcher_unless_hits(matcher: Matcher, text: str, u):
    from .base import search

    for p in matcher.unless:
        yield bool(search(p, text, u.start, u.end, matcher.timeout, matcher.rule_id, matcher.required(p)))


OCCURRENCE = RuleType(
    name="occurrence",
    build=build,
    keys={
        "max": "report a unit with more than this many",
        "min": "report a unit with fewer than this many",
        "count": "auto (default) | characters | words | matches",
        "patterns": "what to count with count: matches",
    },
    doc=build.__doc__ or "",  # (None under python -OO)
    default_unit="sentence",
    default_message="{count} {unit}, more than {max}: “{match}”",
)
