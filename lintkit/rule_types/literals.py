"""The text every match of a rule's pattern must contain, read from the
pattern's source: ``required_literal``.

A house rule runs each of its patterns on every unit of its scope (each
sentence or paragraph of a long file: tens of thousands of regex calls),
and most units contain nothing a pattern could match.  When every match
must contain a known stretch of text — ``帐号``, ``登陆(?=账号|…)``,
``(?<![A-Za-z0-9-])email(?![A-Za-z0-9])`` — a unit without that stretch
(``str.find``, several times cheaper than the regex call) has no match,
and the pattern need not run there.  The findings are the same: only calls
that would have found nothing are skipped.

The reading is deliberately narrow: ``None`` (no filter) for anything it
does not fully understand — an alternative without a literal, inline flags,
verbose or ASCII patterns, version 1 set operations, escapes it does not
know, a class holding ``[``.  What it returns is a run of literal
characters at the top level of the pattern, none of them quantified: every
match consumes exactly that text (of a pattern of alternatives ``a|b``,
one such run per alternative: every match holds one of them).  Under ``ignore-case`` the text must be
Han (no case: the text matches it as written) or ASCII (looked for with
the stdlib ``re``, ignoring case: ``Required.missing``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import regex

__all__ = ["Required", "required_literal"]

# flags a compiled pattern may carry for the reading to hold (regex.U is
# always set on str patterns, regex.V0 is the default version)
_ALLOWED_FLAGS = regex.U | regex.V0 | regex.I
_META = set("\\.^$*+?{}[]|()")
_QUANTIFIER = set("*+?{")
# escapes of one letter that match a class, an anchor or a control character:
# none is a literal, none takes an argument
_SIMPLE_ESCAPES = set("dDwWsSbBAZzGhHmMntrfva")
# escapes followed by an argument in braces
_BRACED_ESCAPES = set("pPN")
_HAN_ONLY = regex.compile(r"\p{Han}+")
_COUNTED = regex.compile(r"\{\d*(?:,\d*)?\}")
# groups whose contents are read like the rest (capturing, lookaround, atomic)
_GROUPS = ("(?:", "(?=", "(?!", "(?<=", "(?<!", "(?>", "(?P<")
_GROUP_NAME = regex.compile(r"\(\?<[A-Za-z_]")


@dataclass(frozen=True)
class Required:
    """What every match of a pattern contains: one of ``texts`` (one per
    alternative of the pattern).  ``caseless``: an ignore-case pattern's
    texts, looked for ignoring case with the stdlib ``re``, which matches
    every character that ``regex`` matches with an ASCII one under
    ignore-case, and more (ı with i): a test over all of Unicode checks it
    (tests/test_required_literal.py)."""

    texts: tuple[str, ...]
    caseless: bool = False
    _search: Callable[[str, int, int], object] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        search = None
        if self.caseless or len(self.texts) > 1:
            source = "|".join(map(re.escape, self.texts))
            search = re.compile(source, re.IGNORECASE if self.caseless else 0).search
        object.__setattr__(self, "_search", search)

    def missing(self, text: str, start: int, end: int) -> bool:
        """Does ``text[start:end]`` lack all of them (so that the pattern finds nothing there)?"""
        search = self._search
        if search is None:
            return text.find(self.texts[0], start, end) < 0
        return search(text, start, end) is None


def required_literal(pattern: regex.Pattern) -> Required | None:
    """The longest stretch of text that every match of ``pattern`` contains
    (consumes, not merely looks at) — for a pattern of alternatives, one
    per alternative, of which every match contains one — or ``None`` when
    the source does not show them plainly."""
    if not isinstance(pattern.pattern, str) or pattern.flags & ~_ALLOWED_FLAGS:
        return None
    branches = _top_level_runs(pattern.pattern)
    if not branches or not all(branches):
        return None  # (an alternative without a literal run)
    best = tuple(dict.fromkeys(max(runs, key=len) for runs in branches))
    if not pattern.flags & regex.I or all(_HAN_ONLY.fullmatch(t) for t in best):
        return Required(best)  # (Han characters have no case)
    if all(t.isascii() or _HAN_ONLY.fullmatch(t) for t in best):
        return Required(best, caseless=True)
    return None  # other cased letters: not read here


def _top_level_runs(source: str) -> list[list[str]] | None:
    """For each alternative of ``source`` (split at its top level), the runs
    of literal characters outside any group or class, each without a
    quantified last character; ``None`` when the source holds something
    outside the narrow reading (see the module)."""
    branches: list[list[str]] = []
    runs: list[str] = []
    run: list[str] = []
    depth = 0
    i, n = 0, len(source)

    def close() -> None:
        if run:
            runs.append("".join(run))
            run.clear()

    while i < n:
        c = source[i]
        if c == "\\":
            if i + 1 >= n:
                return None
            e = source[i + 1]
            if e.isalnum() or e == "_":
                if e in _SIMPLE_ESCAPES:
                    i += 2
                elif e in _BRACED_ESCAPES and source[i + 2 : i + 3] == "{":
                    j = source.find("}", i + 3)
                    if j < 0:
                        return None
                    i = j + 1
                else:
                    return None  # \1, \x41, \g<name>, \L<list>, …: not read here
                if depth == 0:
                    close()
                continue
            # an escaped punctuation character is that character
            if depth == 0:
                if i + 2 < n and source[i + 2] in _QUANTIFIER:
                    close()
                else:
                    run.append(e)
            i += 2
            continue
        if c == "[":
            after = _class_end(source, i)
            if after is None:
                return None
            i = after
            if depth == 0:
                close()
            continue
        if c == "(":
            if source.startswith("(?", i) and not (source.startswith(_GROUPS, i) or _GROUP_NAME.match(source, i)):
                return None  # inline flags, comments, conditionals, back references, …
            depth += 1
            i += 1
            close()
            continue
        if c == ")":
            depth -= 1
            if depth < 0:
                return None
            i += 1
            continue
        if c == "|":
            if depth == 0:  # the next alternative
                close()
                branches.append(runs)
                runs = []
            i += 1
            continue
        if c == "{":
            j = source.find("}", i)
            if j < 0 or not _COUNTED.fullmatch(source, i, j + 1):
                return None  # a brace that is no {m,n} (fuzzy matching, a literal brace)
            i = j + 1
            if depth == 0:
                close()
            continue
        if c in _META:  # . ^ $ and quantifiers (on a group or a class: the run is closed already)
            if depth == 0:
                close()
            i += 1
            continue
        if depth == 0:
            if i + 1 < n and source[i + 1] in _QUANTIFIER:
                close()  # a quantified character may be absent or repeated
            else:
                run.append(c)
        i += 1
    if depth != 0:
        return None
    close()
    branches.append(runs)
    return branches


def _class_end(source: str, i: int) -> int | None:
    """The index after the ``]`` closing the class opened at ``i``; ``None``
    for a class holding ``[`` (a POSIX class or a nested set)."""
    j = i + 1
    if source[j : j + 1] == "^":
        j += 1
    if source[j : j + 1] == "]":
        j += 1  # a ] first in the class is a literal
    while j < len(source):
        c = source[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            return None
        if c == "]":
            return j + 1
        j += 1
    return None
