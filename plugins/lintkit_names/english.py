"""English names of organisations and their acronyms, as the names rules
read them: the acronyms a file uses, the ones it defines by a spelled-out
name in parentheses, and the editor's accepted pairs of spellings
(``accepted-variants``) that are never reported.

Shared by ``names.acronym-variant``, ``names.organisation-variant`` and
``names.english-variant`` (one check each, formerly one rule), so that no
rule imports another.
"""

from __future__ import annotations

from collections import defaultdict

import regex

from lintkit import Fix, Option, Problem, Related

__all__ = [
    "ACRONYM",
    "EXPANSION",
    "WORD",
    "CAP_WORD",
    "CONNECTOR",
    "PHRASE",
    "one_deletion",
    "is_word",
    "accepted_spellings",
    "acronym_slips",
    "organisation_slips",
]

ACRONYM = regex.compile(r"(?<![\p{L}\d&.-])[A-Z]{3,10}(?![\p{L}\d&-])")
EXPANSION = regex.compile(
    r"(?P<words>(?:[A-Z][\p{L}'’-]*\s+(?:(?:of|for|and|the|on|in|to|&)\s+)*){2,12})"
    r"\(\s*(?P<acr>[A-Z]{3,10})\s*\)"
)
WORD = regex.compile(r"\S+")
CAP_WORD = regex.compile(r"[A-Z][\p{L}'’-]*")
CONNECTOR = {"of", "for", "and", "the", "on", "in", "to", "&"}
PHRASE = regex.compile(r"(?<![\p{L}])[A-Z][\p{L}'’-]*(?:\s+(?:(?:of|for|and|the|on|in|to|&)\s+)*[A-Z][\p{L}'’-]*)+")


def one_deletion(long: str, short: str) -> bool:
    return len(long) == len(short) + 1 and any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def is_word(acronym: str) -> bool:
    # Capitalised words in all-caps headings (SCIENCE, CHINA) are not acronyms:
    # they are long and pronounceable; an acronym of 4+ letters rarely has
    # two vowels in a row with a consonant pattern like a word.  Keep it
    # simple: all-caps strings with at least 40% vowels read as words.
    vowels = sum(c in "AEIOU" for c in acronym)
    return vowels / len(acronym) >= 0.4


# The option of the rules split out of names.english-variant (whose
# accepted-variants still reaches them for a release).
ACCEPTED_VARIANTS = {
    "accepted-variants": Option([], "English spellings an editor has checked as distinct, e.g. 'CAS CASS'", type=list),
}


def accepted_spellings(values) -> set[frozenset[str]]:
    """``accepted-variants`` entries ("CAS CASS", "A=B", "A,B"): the pairs of
    English spellings (lower case) an editor has checked as distinct."""
    accepted = set()
    for v in values:
        parts = str(v).replace("=", " ").replace(",", " ").split()
        if len(parts) >= 2:
            accepted.add(frozenset(p.lower() for p in parts))
    return accepted


def acronym_slips(doc, accepted: set[frozenset[str]]):
    """Problems for acronyms written with a letter missing (see ``names.acronym-variant``)."""
    text = doc.text
    uses: dict[str, list[tuple[int, int]]] = defaultdict(list)
    defined: dict[str, tuple[int, int]] = {}
    for b in doc.blocks:
        for m in ACRONYM.finditer(text, b.start, b.end):
            uses[m.group()].append(m.span())
        for m in EXPANSION.finditer(text, b.start, b.end):
            acr = m.group("acr")
            caps = [w for w in CAP_WORD.findall(m.group("words"))]
            if len(caps) >= len(acr) and "".join(w[0] for w in caps[-len(acr) :]) == acr:
                defined.setdefault(acr, m.span("acr"))
    from lintkit.analysis.names import pinyin_syllables

    syllables = pinyin_syllables()
    # the acronyms one letter longer than a given one, by the string left
    # when a letter is deleted (in the order of ``uses``): not every pair of acronyms
    longer: dict[str, list[str]] = defaultdict(list)
    for long in uses:
        for d in dict.fromkeys(long[:i] + long[i + 1 :] for i in range(len(long))):
            longer[d].append(long)
    for short, spans in uses.items():
        if len(short) < 4 or short in defined or short.isalpha() and is_word(short):
            continue
        if short.lower() in syllables:
            continue  # ZHAN, ZHANG: pinyin surnames in capitals (ZHAN C S, in a reference list)
        for long in longer.get(short, ()):
            long_spans = uses[long]
            if not one_deletion(long, short) or frozenset((long.lower(), short.lower())) in accepted:
                continue
            if long not in defined and not (len(long) >= 5 and len(long_spans) > len(spans)):
                continue
            anchor = defined.get(long, long_spans[0])
            for s, e in spans:
                yield Problem(
                    s,
                    e,
                    f"acronym {short} ({len(spans)}×) looks like {long} ({len(long_spans)}×) "
                    f"with a letter missing" + (" — the file defines " + long if long in defined else ""),
                    related=(Related(anchor[0], anchor[1], f"{long} here ({len(long_spans)}×)"),),
                    fix=Fix.replace(s, e, long, applicability="display", description=f"write {long}"),
                )
            break


def organisation_slips(doc, accepted: set[frozenset[str]]):
    """A spelled-out name that the file defines with an acronym, written
    elsewhere with one capitalised word missing."""
    text = doc.text
    full: dict[tuple[str, ...], tuple[str, tuple[int, int]]] = {}
    for b in doc.blocks:
        for m in EXPANSION.finditer(text, b.start, b.end):
            acr = m.group("acr")
            words = m.group("words").split()
            caps = [i for i, w in enumerate(words) if w[:1].isupper()]
            if len(caps) < len(acr) or "".join(words[i][0] for i in caps[-len(acr) :]) != acr:
                continue
            name = words[caps[-len(acr)] :]
            if len(name) >= 4:
                full.setdefault(tuple(w.lower() for w in name), (" ".join(name), m.span("words")))
    if not full:
        return
    defined = set(full)
    counts: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for b in doc.blocks:
        for m in PHRASE.finditer(text, b.start, b.end):
            words = [(w.group(), w.start(), w.end()) for w in WORD.finditer(m.group())]
            for i, (w, _, _) in enumerate(words):
                if not w[:1].isupper():
                    continue
                key = tuple(x.lower() for x, _, _ in words[i:])
                if len(key) >= 3:
                    span = (m.start() + words[i][1], m.end())
                    counts.setdefault(key, []).append(span)
    for key, (name, anchor) in full.items():
        long_count = len(counts.get(key, ()))
        for k, word in enumerate(key):
            if word in CONNECTOR or k == 0:
                continue
            short = key[:k] + key[k + 1 :]
            if short in defined or short not in counts:
                continue
            spans = counts[short]
            if len(spans) >= long_count or frozenset((" ".join(short), " ".join(key))) in accepted:
                continue
            missing = name.split()[k]
            for s, e in spans:
                yield Problem(
                    s,
                    e,
                    f"organisation name lacks “{missing}”: the file defines {name} "
                    f"({long_count}×); this spelling occurs {len(spans)}×",
                    related=(Related(anchor[0], anchor[1], f"{name} here"),),
                    fix=Fix.replace(s, e, name, applicability="display", description=f"write {name}"),
                )
