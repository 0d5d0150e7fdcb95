"""Finding many names at once in a long text: ``slip_finder`` (every
spelling one character off a known name) and ``name_finder`` (every known
name), each a lookup by the characters at a position instead of a regex
alternation of all the names — whose cost grows with the number of names at
every character, which a long file with many people cannot afford.  Used by
the names extractor (``name_extractor``) once per document.
"""

from __future__ import annotations

import re

import regex

_HAN = regex.compile(r"\p{Han}")


def slip_finder(targets: list[str]):
    """``find(text, start, end)``: the spans that the alternation, in the
    order of ``targets``, of ``(?<=\\p{Han})`` + n[1:] and, for each k ≥ 1,
    n[:k] + ``\\p{Han}`` + n[k+1:] finds in ``text[start:end]``
    (``finditer``, overlapped: at each position the first alternative
    that matches).  Looked up by the text at each position rather than
    tried alternative by alternative: a regex alternation costs time in
    proportion to the number of names at every character, and a long
    file has many names.  Every target has two characters or more."""
    by_rest: dict[str, int] = {}  # n[1:] -> the first target with it
    by_slot: dict[tuple[int, str, str], int] = {}  # (k, n[:k], n[k+1:]) -> the first target
    for t, n in enumerate(targets):
        by_rest.setdefault(n[1:], t)
        for k in range(1, len(n)):
            by_slot.setdefault((k, n[:k], n[k + 1 :]), t)
    lengths = sorted({len(n) for n in targets})
    # every alternative starts with n[0] or n[1]: only there can one match
    # (a class of literal characters: the standard ``re`` compiles and
    # scans it alike, several times faster than ``regex``, once per document)
    starter = re.compile(
        "[" + "".join(re.escape(c) for c in sorted({n[0] for n in targets} | {n[1] for n in targets})) + "]"
    )

    # cheap necessary conditions: an n[1:] starts with some n[1]; an
    # n[:k] + any + … starts with a k-character prefix of some name (and
    # if text[p:p+k] starts no name, no longer stretch there does)
    rest_first = {n[1] for n in targets}
    prefixes = {(k, n[:k]) for n in targets for k in range(1, len(n))}

    def find(text: str, start: int, end: int):
        for m in starter.finditer(text, start, end):
            p = m.start()
            best = None  # ((target, k), match end): the first alternative
            after_han = None
            try_rest = text[p] in rest_first
            for size in lengths:
                if try_rest and p + size - 1 <= end:
                    t = by_rest.get(text[p : p + size - 1])
                    if t is not None and (best is None or (t, 0) < best[0]):
                        if after_han is None:  # the look-behind sees text before start too
                            after_han = p > 0 and _HAN.match(text[p - 1]) is not None
                        if after_han:
                            best = ((t, 0), p + size - 1)
                if p + size <= end:
                    for k in range(1, size):
                        if (k, text[p : p + k]) not in prefixes:
                            break
                        t = by_slot.get((k, text[p : p + k], text[p + k + 1 : p + size]))
                        if t is not None and (best is None or (t, k) < best[0]) and _HAN.match(text[p + k]):
                            best = ((t, k), p + size)
            if best is not None:
                yield p, best[1]

    return find


def name_finder(names: set[str]):
    """``find(text, start, end)``: (name, start, end) of what the
    alternation of ``names``, longest first, finds in ``text[start:end]``
    (``finditer``, not overlapped): at each position the longest name
    written there.  Looked up, not tried name by name (see ``slip_finder``)."""
    if "" in names:  # (an empty name matches everywhere: the regex says how)
        pattern = regex.compile("|".join(map(regex.escape, sorted(names, key=len, reverse=True))))
        return lambda text, start, end: (
            (m.group(), m.start(), m.end()) for m in pattern.finditer(text, start, end, overlapped=False)
        )
    lengths = sorted({len(n) for n in names}, reverse=True)
    starter = re.compile("[" + "".join(re.escape(c) for c in sorted({n[0] for n in names})) + "]")  # (see slip_finder)

    def find(text: str, start: int, end: int):
        pos = start
        while True:
            m = starter.search(text, pos, end)
            if m is None:
                return
            i = m.start()
            for size in lengths:
                if i + size <= end and text[i : i + size] in names:
                    yield text[i : i + size], i, i + size
                    pos = i + size
                    break
            else:
                pos = i + 1

    return find


# Where an English "Firstname Lastname" pattern (_EN_PINYIN_NAME, the names
# plugin's _EN_NAME) can match: a capital, letters, a space, a capital.
TWO_CAPITALISED = re.compile(r"[A-Z][A-Za-z]*[ \u00a0][A-Z]")


def overlapped_at(pattern: regex.Pattern, where: re.Pattern):
    """``find(text, start, end)``: the matches of
    ``pattern.finditer(text, start, end, overlapped=True)`` — one at each
    position where the pattern matches — with the pattern tried only at the
    positions where ``where`` (a stdlib pattern, fast to scan) matches,
    which must hold wherever ``pattern`` does.  Two capitalised words are
    rare in running text; the names patterns tried at every character of
    the English cost several times the scan."""

    def find(text: str, start: int, end: int):
        search, match = where.search, pattern.match
        pos = start
        while (found := search(text, pos, end)) is not None:
            p = found.start()
            m = match(text, p, end)
            if m is not None:
                yield m
            pos = p + 1

    return find
