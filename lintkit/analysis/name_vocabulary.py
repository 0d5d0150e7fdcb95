"""The words around a person's name: surnames, roles, verbs of saying — and
where, given them, a name begins and ends.

The vocabularies are data (``lintkit/data/names-*.txt``, and the surnames
the document model reads too, ``lintkit/model/data/names-*surnames.txt``)
a newsroom reads and extends; a configuration adds to them without a release::

    options:
      names:
        roles: [村支书, 首席记者]
        surnames: [习, 隗]
        verbs: [直言]

A ``Vocabulary`` is an immutable value: the default one is built once from
the data files, an extended one once per distinct configuration (cached),
and the names analysis of a document is computed with the vocabulary its
rules were configured with — no process-wide state changes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import regex

from ..model.surnames import COMPOUND_SURNAMES, SURNAMES, read_words

__all__ = ["Vocabulary", "DEFAULT", "vocabulary"]

_HAN = regex.compile(r"\p{Han}")
_HAN_ONLY = regex.compile(r"\p{Han}+")
# Characters that may end a name's right context without being part of it.
_WEAK_AFTER = "在的和与及等也则就还作对向为是率到从带致讲主发以将曾已被"
# Characters before a name that end the word before it (由王明主持, 对王明说).
_LEFT_PARTICLES = "由和与及对向请据听被让为同跟给在是了"
# "X等人" / "X等[3]": the authors of a cited work
_AUTHORS_CUE = r"等人|等(?=\\?[\[［])"
_AFTER_LIST = ("出席", "参加", "分别", "先后", "共同", "一起", "一行", "等人")
_CREDITS = ("摄", "摄影")


def _data(name: str) -> list[str]:
    """A vocabulary file of ``lintkit/data``."""
    from importlib.resources import files

    return read_words(files("lintkit").joinpath(f"data/{name}").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Vocabulary:
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    roles: tuple[str, ...]  # longest first, so that 副会长 wins over 会长
    verbs: tuple[str, ...]

    def extended(self, *, roles=(), surnames=(), verbs=()) -> "Vocabulary":
        single = {s for s in surnames if len(s) == 1}
        return Vocabulary(
            self.surnames | single,
            self.compound_surnames | (set(surnames) - single),
            tuple(sorted(set(self.roles) | set(roles), key=len, reverse=True)),
            tuple(dict.fromkeys((*self.verbs, *verbs))),
        )

    # -- patterns, compiled once per vocabulary --------------------------------

    @functools.cached_property
    def roles_after(self) -> tuple[str, ...]:
        """Roles that follow a name ("X 会长"); a photo credit is handled apart."""
        return tuple(r for r in self.roles if r not in _CREDITS)

    @functools.cached_property
    def surname_re(self) -> str:
        return "(?:" + "|".join(sorted(self.compound_surnames)) + "|[" + "".join(sorted(self.surnames)) + "])"

    @functools.cached_property
    def after_role(self) -> regex.Pattern:
        """role + name: the name's left edge is fixed."""
        roles = "|".join(map(regex.escape, self.roles))
        return regex.compile(rf"(?:{roles})(?={self.surname_re}\p{{Han}})")

    @functools.cached_property
    def before_cue(self) -> regex.Pattern:
        """name + role / verb / 等人: the right edge is fixed."""
        roles = "|".join(map(regex.escape, self.roles_after))
        verbs = "|".join(map(regex.escape, self.verbs))
        return regex.compile(rf"(?<=\p{{Han}})(?:{roles}|{verbs}|{_AUTHORS_CUE})")

    @functools.cached_property
    def after_role_matches(self) -> Callable[[str, int, int], Iterator[regex.Match]]:
        """``after_role.finditer``, tried only where a role starts."""
        return _tried_where(self.after_role, self.roles)

    @functools.cached_property
    def before_cue_matches(self) -> Callable[[str, int, int], Iterator[regex.Match]]:
        """``before_cue.finditer``, tried only where a role, a verb or 等 starts."""
        return _tried_where(self.before_cue, (*self.roles_after, *self.verbs, "等"))

    @functools.cached_property
    def surname_window(self) -> regex.Pattern:
        return regex.compile(rf"(?:{self.surname_re})\p{{Han}}{{1,2}}")

    @functools.cached_property
    def surname_windows(self) -> Callable[[str, int, int], Iterator[tuple[int, str]]]:
        """``(start, window)`` of ``surname_window.finditer(text, start, end,
        overlapped=True)``, the same windows in the same order.  The regex
        tries its alternation of surnames at every character of the text;
        here the standard ``re`` finds the characters a surname starts with
        (a character class: several times faster), and the window is read
        off there, as the regex would: the first compound surname followed
        by a Han character, else a single surname; then one or two Han
        characters."""
        by_first: dict[str, list[str]] = {}
        for c in sorted(self.compound_surnames):
            by_first.setdefault(c[0], []).append(c)
        singles = self.surnames
        firsts = "".join(sorted(singles | set(by_first)))
        if not firsts:
            return lambda text, start, end: iter(())
        where = re.compile("[" + re.escape(firsts) + "]")

        def windows(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
            for m in where.finditer(text, start, end):
                s = m.start()
                sur = 0
                for c in by_first.get(text[s], ()):
                    n = len(c)
                    if text.startswith(c, s) and s + n < end and _is_han(text[s + n]):
                        sur = n
                        break
                if not sur:
                    if text[s] not in singles or s + 1 >= end or not _is_han(text[s + 1]):
                        continue
                    sur = 1
                e = s + sur + 1
                if e < end and _is_han(text[e]):
                    e += 1
                yield s, text[s:e]

        return windows

    # -- shapes and edges ------------------------------------------------------

    def split(self, name: str) -> tuple[str, str]:
        """(surname, given name); the surname is a compound one when listed."""
        if name[:2] in self.compound_surnames and len(name) >= 3:
            return name[:2], name[2:]
        return name[:1], name[1:]

    def is_name_shape(self, s: str) -> bool:
        """A surname and one or two more Han characters."""
        if not 2 <= len(s) <= 4 or not _HAN_ONLY.fullmatch(s):
            return False
        sur, given = self.split(s)
        if len(sur) == 1 and sur not in self.surnames:
            return False
        return 1 <= len(given) <= 2

    def strong_edge(self, text: str, i: int, end: int) -> bool:
        """Is ``i`` a clear right edge of a name in ``text[:end]``?"""
        if i >= end:
            return True
        c = text[i]
        if not _HAN.match(c):
            return True
        rest = text[i : i + 7]
        for rank in ("常务副", "副"):  # 副司长, 常务副会长: a rank before the role
            if rest.startswith(rank):
                rest = rest[len(rank) :]
                break
        if c == "等" and (rest[1:2] == "人" or not _HAN.match(rest[1:2] or " ")):
            return True  # 王明等人, 王明等[3]: the authors of a cited work
        return rest.startswith(self.roles) or rest.startswith(self.verbs)

    def weak_edge(self, text: str, i: int, end: int) -> bool:
        return self.strong_edge(text, i, end) or text[i] in _WEAK_AFTER

    def left_edge(self, text: str, i: int, start: int) -> bool:
        if i <= start:
            return True
        c = text[i - 1]
        if not _HAN.match(c):
            return True
        return text[max(start, i - 6) : i].endswith(self.roles) or c in _LEFT_PARTICLES

    def left_edge_strict(self, text: str, i: int, start: int) -> bool:
        if i <= start or not _HAN.match(text[i - 1]):
            return True
        return text[max(start, i - 6) : i].endswith(self.roles)

    def role_near(self, text: str, s: int, e: int, bs: int, be: int) -> str:
        before = text[max(bs, s - 6) : s]
        for r in self.roles:
            if before.endswith(r):
                return r
        after = text[e : min(be, e + 5)]
        for r in self.roles_after:
            if after.startswith(r):
                return r
        return ""

    def strip_role_prefix(self, item: str) -> str:
        """``院士王明`` -> ``王明``: the role ends where the name starts."""
        for k in range(len(item) - 1):
            if self.is_name_shape(item[k:]) and (k == 0 or item[:k].endswith(self.roles)):
                return item[k:]
        return item

    def leading_name(self, text: str, start: int, end: int) -> str | None:
        for n in (3, 2):
            cand = text[start : start + n]
            if (
                len(cand) == n
                and self.is_name_shape(cand)
                and (self.weak_edge(text, start + n, end) or text[start + n : start + n + 2] in _AFTER_LIST)
            ):
                return cand
        return None


@functools.lru_cache(maxsize=8192)
def _is_han(c: str) -> bool:
    """Is the character ``c`` Han (``\\p{Han}``)?  A pure test of one character."""
    return _HAN.match(c) is not None


def _tried_where(pattern: regex.Pattern, starts: Iterable[str]) -> Callable[[str, int, int], Iterator[regex.Match]]:
    """``pattern.finditer(text, start, end)`` for a pattern each of whose
    matches begins with one of the words ``starts``: the same matches, but
    the pattern is tried only where one of them is written.  A regex
    alternation of a hundred roles is tried at every character of a long
    text; the standard ``re`` finds where one of the words starts several
    times faster, and most characters start none.  (At each such place the
    pattern is tried as ``finditer`` would: the first match from the left,
    then on from its end.)"""
    words = sorted(set(starts), key=len, reverse=True)
    if not words or "" in words:
        return pattern.finditer
    where = re.compile("|".join(map(re.escape, words)))

    def finditer(text: str, start: int, end: int) -> Iterator[regex.Match]:
        search, match = where.search, pattern.match
        pos = start
        while (found := search(text, pos, end)) is not None:
            m = match(text, found.start(), end)
            if m is not None and m.end() > m.start():
                yield m
                pos = m.end()
            else:
                pos = found.start() + 1

    return finditer


DEFAULT = Vocabulary(
    SURNAMES,
    COMPOUND_SURNAMES,
    tuple(sorted(set(_data("names-roles.txt")), key=len, reverse=True)),
    tuple(_data("names-verbs.txt")),
)


@functools.cache
def vocabulary(roles: tuple[str, ...] = (), surnames: tuple[str, ...] = (), verbs: tuple[str, ...] = ()) -> Vocabulary:
    """The default vocabulary with a configuration's additions (one object per
    distinct configuration, so its patterns compile once)."""
    if not (roles or surnames or verbs):
        return DEFAULT
    return DEFAULT.extended(roles=roles, surnames=surnames, verbs=verbs)
