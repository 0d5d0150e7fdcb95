from __future__ import annotations

import operator
import re
from collections.abc import Iterator

import regex

from lintkit import Applicability, Fix, Option, Problem, rule

# Chinese: a phrase of 3+ Han characters said twice in a row (AA and ABAB
# reduplication — 常常, 看看, 研究研究, 谢谢谢谢 — is at most 2 characters
# per unit, so it never qualifies), or a phrase of 4+ characters repeated
# after a comma, or with 1–2 stray characters between ("协同创新发展协同创新").
_ZH_TWICE = regex.compile(r"(\p{Han}{3,16})\1")
_ZH_SEPARATED = regex.compile(r"(\p{Han}{4,16})\s*[,，、]\s*\1(?!\p{Han})")
_ZH_INTERRUPTED = regex.compile(r"(\p{Han}{4,12})(\p{Han}{1,2})\1")
# English: a word or phrase of up to four words said twice ("the the",
# "of the of the"), not continued by a hyphen ("in in-depth").
_EN_TWICE = regex.compile(r"(?i)\b([a-z]+(?:[ \t]+[a-z]+){0,3})\s+\1\b(?![-’'])")
_CONJUNCTIONS = set("和与及或跟同并且而到至比")  # 从首届X到本届X: a range, not a slip

# Cheap necessary conditions, so that the backreference patterns above (slow:
# they try every length at every position) run only on the few blocks where
# they can match.  _ZH_TWICE and _ZH_INTERRUPTED need, inside one run of Han
# characters, a three-character sequence seen again 3 to 16 characters later
# (the start of the phrase and of its copy).  _ZH_SEPARATED needs two runs of
# Han characters separated only by a comma (and spaces), the second of 4–16
# characters and ending the first.
_HAN_RUN = regex.compile(r"\p{Han}+")
_MATH = regex.compile(r"\$\$?[^$\n]{1,2000}?\$\$?")
_SEPARATOR = regex.compile(r"\s*[,，、]\s*")
_FOLDED_WORD = re.compile(r"[a-z]+")


def _may_repeat(runs: list[regex.Match]) -> bool:
    for run in runs:
        r = run.group()
        if len(r) < 6:
            continue
        grams = [r[i : i + 3] for i in range(len(r) - 2)]
        if len(set(grams)) == len(grams):
            continue  # no sequence of three seen twice (most runs)
        last: dict[str, int] = {}
        for i, g in enumerate(grams):
            j = last.get(g)
            if j is not None and i - j <= 16:
                return True  # (nearer than 3 too: 哈哈哈哈; the pattern decides)
            last[g] = i
    return False


def _may_repeat_separated(text: str, runs: list[regex.Match]) -> bool:
    for a, b in zip(runs, runs[1:]):
        second = b.group()
        if 4 <= len(second) <= 16 and a.group().endswith(second) and _SEPARATOR.fullmatch(text, a.end(), b.start()):
            return True
    return False


def _may_repeat_words(segment: str) -> bool:
    """A cheap necessary condition for _EN_TWICE: among the runs of letters
    (case folded), one to four in a row said again right after.  The words
    of a match are whole runs of letters separated by spaces, and the
    letters ``(?i)[a-z]`` matches all fold to one ASCII letter (İ, which
    folds to two characters, is read as i first)."""
    words = _FOLDED_WORD.findall(segment.replace("\u0130", "i").casefold())
    if any(map(operator.eq, words, words[1:])):
        return True
    for k in range(2, 5):
        if not any(map(operator.eq, words, words[k:])):
            continue  # no word said again k words on: no k words either
        groups = list(zip(*(words[j:] for j in range(k))))  # the k words from each one
        if any(map(operator.eq, groups, groups[k:])):
            return True
    return False


def _uniform(phrase: str) -> bool:
    return len(set(phrase)) == 1  # 哈哈哈 / 呵呵呵: onomatopoeia, not a slip


@rule(
    "style.repeated-phrase",
    severity="warning",
    options={
        "allow": Option(
            ["had", "that", "is", "do", "very", "so", "no", "bye", "ha", "tut", "knock", "chop", "pooh"],
            "English words whose doubling is grammatical or idiomatic; "
            "compared case-insensitively. Add your own, e.g. a place name like 'Bora'.",
            type=list,
        ),
    },
)
def repeated_phrase(doc, options) -> Iterator[Problem]:
    """A phrase immediately repeated by mistake.

    What it catches: the same phrase twice in a row — "以学促干,以学促干",
    "协同创新发展协同创新", "the the", "of the of the" — the typical slip of an
    edit that pasted a phrase twice.  The fix removes the second copy; it is
    marked safe for an exact repetition and unsafe when something stood
    between the copies (an editor should read the sentence).

    Why it matters: a doubled phrase in print is the first thing a reader
    notices, and spell checkers do not see it in Chinese.

    How legitimate repetition is told apart: Chinese reduplication (AA 常常 看看
    谢谢, ABAB 研究研究 讨论讨论, AABB 高高兴兴) repeats units of at most two
    characters, so only units of three or more characters are reported when
    doubled, and four or more when a comma or one or two characters stand
    between (so "发展,发展壮大" — one clause ending and the next starting on
    the same word — is not).  Units made of one repeated character (哈哈哈)
    are onomatopoeia.  In English, doubled words that are grammatical
    ("had had", "that that", "is is") or idiomatic ("very very", "bye bye")
    are allowed by the ``allow`` option, and a word repeated as part of a
    hyphenated compound ("in in-depth") is not a repetition; nor is a single
    letter ("XU Z Z", initials) or anything inside ``$…$`` math, and
    "从首届X到本届X" (a range) is not a slip.

    Example that fires:

        以学为本,以学促干,以学促干。

    Example that does not fire:

        我们要研究研究这个问题，常常看看，谢谢。He had had enough.

    Options: ``allow`` (list of English words whose doubling is fine).
    Silence it for a file with ``ignore: [style.repeated-phrase]`` in
    rules.yaml, or on the command line with ``--ignore style.repeated-phrase``.
    """
    allow = {w.lower() for w in options["allow"]}
    text = doc.text
    for block in doc.blocks:
        reported: list[tuple[int, int]] = []  # spans already reported in this block
        runs = list(_HAN_RUN.finditer(text, block.start, block.end))
        twice = _may_repeat(runs)
        separated = _may_repeat_separated(text, runs)
        for pattern, safe in ((_ZH_TWICE, True), (_ZH_SEPARATED, True), (_ZH_INTERRUPTED, False)):
            if not (separated if pattern is _ZH_SEPARATED else twice):
                continue
            for m in pattern.finditer(text, block.start, block.end):
                phrase = m.group(1)
                if _uniform(phrase) or any(s < m.end() and m.start() < e for s, e in reported):
                    continue
                if pattern is _ZH_INTERRUPTED and (m.group(2) in _CONJUNCTIONS or m.group(2)[0] in _CONJUNCTIONS):
                    continue  # "A和A" compares or joins, it does not repeat by accident
                reported.append(m.span())
                second = m.end() - len(phrase)
                fix_start = m.start(1) + len(phrase)
                yield Problem(
                    second,
                    m.end(),
                    f"“{phrase}” is repeated",
                    fix=Fix.replace(
                        fix_start if safe else second,
                        m.end(),
                        "",
                        applicability=Applicability.SAFE if safe else Applicability.UNSAFE,
                        description=f"remove the repeated “{phrase}”",
                    ),
                )
        if not _may_repeat_words(text[block.start : block.end]):
            continue  # (the English pattern, slow, finds nothing there)
        math = (
            [mm.span() for mm in _MATH.finditer(text, block.start, block.end)]
            if "$" in text[block.start : block.end]
            else []
        )
        for m in _EN_TWICE.finditer(text, block.start, block.end):
            phrase = m.group(1)
            if len(phrase.split()) == 1 and phrase.lower() in allow:
                continue
            if len(phrase) == 1:
                continue  # "Z Z" (initials), "m m" (a unit spelt out by a converter): no word
            if any(s <= m.start() < e for s, e in math):
                continue  # $\mathrm { m m }$: LaTeX from a PDF converter is not prose
            second = m.end() - len(phrase)
            yield Problem(
                second,
                m.end(),
                f'"{phrase}" is repeated',
                fix=Fix.replace(
                    m.start(1) + len(phrase),
                    m.end(),
                    "",
                    description=f'remove the repeated "{phrase}"',
                ),
            )
