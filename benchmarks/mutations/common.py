"""What every family of mutation shares: the ``Mutation`` record, the ``KINDS``
table (kind -> rules that may report it), the document as lines and offsets
(``_Text``), the one constructor that checks a mutation (``_mut``), and the
tests for a Chinese or an English line.

It stands alone because the name, number and citation finders all build on
it and on nothing of each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# kind -> rules that may report it; the first is the one it is counted against.
KINDS: dict[str, tuple[str, ...]] = {
    "name-homophone": ("names.spelling-variant", "names.romanization-mismatch", "names.cross-file-variant"),
    "name-lookalike": ("names.spelling-variant", "names.romanization-mismatch", "names.cross-file-variant"),
    "name-surname": ("names.spelling-variant", "names.romanization-mismatch", "names.cross-file-variant"),
    "name-transliteration": ("names.spelling-variant", "names.cross-file-variant"),
    "pinyin-syllable": ("names.romanization-mismatch", "names.english-variant"),
    "en-name-variant": ("names.english-variant", "names.romanization-mismatch"),
    "en-figure": (
        "numbers.zh-en-mismatch",
        "numbers.heading-contradiction",
        "numbers.odd-count",
        "numbers.serial-number",
    ),
    "zh-contradiction": (
        "numbers.odd-count",
        "numbers.restated-count",
        "numbers.heading-contradiction",
        "numbers.serial-number",
        "numbers.zh-en-mismatch",
    ),
    "marker-removed": ("citations.unsourced-claim", "citations.reference-list"),
    "marker-past-list": ("citations.reference-list",),
    "ref-missing-year": ("citations.reference-list",),
    "ref-wrong-type": ("citations.reference-list",),
    "attribution-removed": ("citations.unsourced-claim",),
    # added later: planted after the others, from a generator of their own (mutate.plan)
    "foreign-name": ("names.foreign-name-mismatch",),
}


@dataclass(frozen=True)
class Mutation:
    """One planted defect: replace ``old`` at ``start`` (an offset) with ``new``."""

    kind: str
    start: int
    old: str
    new: str
    line: int  # 1-based, in the original and the mutant alike
    reason: str
    keys: frozenset = field(default=frozenset(), compare=False)  # entities it touches
    also: tuple[int, ...] = ()  # other lines a finding about it may point at (the entry of a marker)

    @property
    def rules(self) -> tuple[str, ...]:
        return KINDS[self.kind]


_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def is_english_line(line: str) -> bool:
    """Mostly English: at least four Latin words and few Chinese characters."""
    han = len(_HAN.findall(line))
    words = len(_LATIN_WORD.findall(line))
    return words >= 4 and han <= max(2, words // 10)


def is_chinese_line(line: str) -> bool:
    return len(_HAN.findall(line)) >= 6


# -- the document ----------------------------------------------------------------


class _Text:
    """The text with its line starts, to turn offsets into line numbers."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.lines = text.split("\n")

    def line_of(self, offset: int) -> int:
        import bisect

        return bisect.bisect_right(self.starts, offset)

    def line_spans(self):
        for i, line in enumerate(self.lines):
            yield i + 1, self.starts[i], line


def _mut(doc: _Text, kind: str, start: int, old: str, new: str, reason: str, *keys, also=()) -> Mutation:
    assert doc.text[start : start + len(old)] == old and "\n" not in old + new
    return Mutation(kind, start, old, new, doc.line_of(start), reason, frozenset(keys), tuple(also))
