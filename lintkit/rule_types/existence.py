"""``extends: existence`` — flag words or patterns that should not appear."""

from __future__ import annotations

from ..findings import Problem
from .base import Matcher, RuleType, Spec, units

__all__ = ["EXISTENCE"]


def build(spec: Spec):
    """Flag every occurrence of a word or pattern.

    Keys: ``words`` (literal strings; a Latin word is matched whole, so
    "email" is not found in "emails") and/or ``patterns`` (regular
    expressions, ``regex`` module syntax).  Message fields: ``{match}``,
    ``{link}``.

    Example (a source the reader cannot check)::

        - id: house.vague-source
          extends: existence
          words: [据悉]
          scope: [sentence, zh-only]
          unless: ['据[^，。；]{1,20}?(?:介绍|表示|透露|报道|消息)']
          message: "“{match}”: name the source"
    """
    words = spec.patterns("words", literal=True)
    patterns = spec.patterns("patterns")
    if not words and not patterns:
        raise spec.error(None, "type existence needs 'words' or 'patterns'")
    matcher = Matcher(spec, words + patterns)
    unit, langs = spec.scope()
    message = spec.template("message", EXISTENCE.default_message, {"match", "link"})
    link = spec.get("link", "", str)

    def check(doc, options):
        text = doc.text
        for u in units(doc, unit, langs):
            for m in matcher.find_distinct(text, u.start, u.end):
                yield Problem(m.start(), m.end(), message.format(match=m.group(), link=link))

    return check


EXISTENCE = RuleType(
    name="existence",
    build=build,
    keys={"words": "literal words or phrases to flag", "patterns": "regular expressions to flag"},
    doc=build.__doc__ or "",  # (None under python -OO)
    default_message="“{match}”",
)
