from __future__ import annotations

from collections import Counter, defaultdict

import regex

from lintkit import Fix, Option, Problem, Related, rule
from lintkit.analysis.names import edit_distance

from . import article_mentions
from ..evidence import NAME_OPTIONS, english_names, full_pinyin_match, _plausible_pinyin_name

_ACRONYM = regex.compile(r"(?<![\p{L}\d&.-])[A-Z]{3,10}(?![\p{L}\d&-])")
_EXPANSION = regex.compile(
    r"(?P<words>(?:[A-Z][\p{L}'’-]*\s+(?:(?:of|for|and|the|on|in|to|&)\s+)*){2,12})"
    r"\(\s*(?P<acr>[A-Z]{3,10})\s*\)"
)
_WORD = regex.compile(r"\S+")
_CAP_WORD = regex.compile(r"[A-Z][\p{L}'’-]*")
_CONNECTOR = {"of", "for", "and", "the", "on", "in", "to", "&"}
_PHRASE = regex.compile(
    r"(?<![\p{L}])[A-Z][\p{L}'’-]*(?:\s+(?:(?:of|for|and|the|on|in|to|&)\s+)*[A-Z][\p{L}'’-]*)+"
)


def _one_deletion(long: str, short: str) -> bool:
    return len(long) == len(short) + 1 and any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


@rule(
    "names.english-variant",
    severity="warning",
    options={
        "accepted-variants": Option(
            [], "English spellings an editor has checked as distinct, e.g. 'CAS CASS'", type=list
        ),
        **NAME_OPTIONS,
    },
)
def english_variant(doc, options):
    """One English name or acronym spelled two ways in the English parts of one file.

    What it catches:

    - an acronym that loses a letter: the file spells out an organisation
      and its acronym ("Beijing Association for Promotion of Science and
      Technology (BAPST)") and elsewhere writes the acronym with one letter
      missing ("BPST").
      The acronym must be defined by its spelled-out name in the file, or
      be five letters or more and used more often than the short form; the
      short form must not be defined as an acronym of its own.  Acronyms of
      three letters are never compared (CAS and CASS are two academies).
    - an organisation's spelled-out name that the file defines with its
      acronym ("Shanghai Industrial Technology Association (SITA)"),
      written elsewhere with one capitalised word after the first missing
      ("Shanghai Technology Association"), when the short form is rarer and not defined as an
      acronym of its own (the Chinese Academy of Sciences and the Chinese
      Academy of Social Sciences are both defined: no report).  A missing
      first word is not reported: the rest is the usual short form.
    - a person's English name whose given name changes within one article
      ("Wang Jianming" in the headline, "Wang Jianmin" in the summary):
      same surname, given names one letter apart (two for long ones).
      Not reported when each spelling is the exact pinyin of a different
      Chinese name of the article (two people), nor on a tie unless one
      spelling is the exact pinyin of the article's Chinese name.

    Why it matters: an index, a search or a reader abroad treats two
    spellings as two organisations or two people.

    Example that fires:

        The Beijing Association for Promotion of Science and Technology (BAPST) met.
        The BAPST and the BPST signed an agreement.

    Example that does not fire:

        The Chinese Academy of Sciences (CAS) and the Chinese Academy of
        Social Sciences (CASS) met.

    Options: ``accepted-variants`` (pairs of spellings an editor has
    checked as distinct, e.g. "CAS CASS"), ``user-dictionary``.
    """
    accepted = set()
    for v in options["accepted-variants"]:
        parts = str(v).replace("=", " ").replace(",", " ").split()
        if len(parts) >= 2:
            accepted.add(frozenset(p.lower() for p in parts))
    yield from _acronyms(doc, accepted)
    yield from _organisations(doc, accepted)
    yield from _person_names(doc, options, accepted)


def _acronyms(doc, accepted):
    text = doc.text
    uses: dict[str, list[tuple[int, int]]] = defaultdict(list)
    defined: dict[str, tuple[int, int]] = {}
    for b in doc.blocks:
        for m in _ACRONYM.finditer(text, b.start, b.end):
            uses[m.group()].append(m.span())
        for m in _EXPANSION.finditer(text, b.start, b.end):
            acr = m.group("acr")
            caps = [w for w in _CAP_WORD.findall(m.group("words"))]
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
        if len(short) < 4 or short in defined or short.isalpha() and _is_word(short):
            continue
        if short.lower() in syllables:
            continue  # ZHAN, ZHANG: pinyin surnames in capitals (ZHAN C S, in a reference list)
        for long in longer.get(short, ()):
            long_spans = uses[long]
            if not _one_deletion(long, short) or frozenset((long.lower(), short.lower())) in accepted:
                continue
            if long not in defined and not (len(long) >= 5 and len(long_spans) > len(spans)):
                continue
            anchor = defined.get(long, long_spans[0])
            for s, e in spans:
                yield Problem(
                    s,
                    e,
                    f"acronym {short} ({len(spans)}×) looks like {long} ({len(long_spans)}×) "
                    f"with a letter missing"
                    + (" — the file defines " + long if long in defined else ""),
                    related=(Related(anchor[0], anchor[1], f"{long} here ({len(long_spans)}×)"),),
                    fix=Fix.replace(s, e, long, applicability="display", description=f"write {long}"),
                )
            break


def _organisations(doc, accepted):
    """A spelled-out name that the file defines with an acronym, written
    elsewhere with one capitalised word missing."""
    text = doc.text
    full: dict[tuple[str, ...], tuple[str, tuple[int, int]]] = {}
    for b in doc.blocks:
        for m in _EXPANSION.finditer(text, b.start, b.end):
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
        for m in _PHRASE.finditer(text, b.start, b.end):
            words = [(w.group(), w.start(), w.end()) for w in _WORD.finditer(m.group())]
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
            if word in _CONNECTOR or k == 0:
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


def _is_word(acronym: str) -> bool:
    # Capitalised words in all-caps headings (SCIENCE, CHINA) are not acronyms:
    # they are long and pronounceable; an acronym of 4+ letters rarely has
    # two vowels in a row with a consonant pattern like a word.  Keep it
    # simple: all-caps strings with at least 40% vowels read as words.
    vowels = sum(c in "AEIOU" for c in acronym)
    return vowels / len(acronym) >= 0.4


def _person_names(doc, options, accepted):
    text = doc.text
    file_counts: Counter = Counter()
    per_article: dict[int, list] = defaultdict(list)
    seen = set()
    for art in doc.articles:
        for part in art.english:
            if part.document is not None:
                continue  # the English file of a pair is checked as a file of its own
            for en in english_names(text, part.start, part.end):
                if not _plausible_pinyin_name(en.first, en.second):
                    continue
                per_article[art.index].append(en)
                if (en.start, en.end) not in seen:
                    seen.add((en.start, en.end))
                    file_counts[en.text] += 1
    reported = set()
    by_article, _ = article_mentions(doc, options)
    for art in doc.articles:
        chinese = {m.text for m in by_article.get(art.index, ())}
        spellings: dict[str, list] = defaultdict(list)
        for en in per_article.get(art.index, []):
            spellings[en.text].append(en)
        for a in spellings:
            for b in spellings:
                if a >= b:
                    continue
                ea, eb = spellings[a][0], spellings[b][0]
                if ea.first.lower() != eb.first.lower():
                    continue
                ga, gb = ea.second.lower(), eb.second.lower()
                limit = 2 if min(len(ga), len(gb)) >= 6 else 1
                if edit_distance(ga, gb) > limit or frozenset((a.lower(), b.lower())) in accepted:
                    continue
                match_a = {n for n in chinese if full_pinyin_match(n, ea.first, ea.second)}
                match_b = {n for n in chinese if full_pinyin_match(n, eb.first, eb.second)}
                if match_a and match_b and match_a != match_b:
                    continue  # two people of the article
                ca, cb = file_counts[a], file_counts[b]
                if ca == cb:
                    if match_a and not match_b:
                        cb = -1
                    elif match_b and not match_a:
                        ca = -1
                    else:
                        continue
                good, bad = (a, b) if ca > cb else (b, a)
                for en in spellings[bad]:
                    if (en.start, en.end) in reported:
                        continue
                    reported.add((en.start, en.end))
                    g = spellings[good][0]
                    yield Problem(
                        en.start,
                        en.end,
                        f"English name {bad} ({file_counts[bad]}×) is spelled {good} "
                        f"({file_counts[good]}×) elsewhere in this article",
                        related=(Related(g.start, g.end, f"{good} here"),),
                        fix=Fix.replace(
                            en.start, en.end, good, applicability="display", description=f"write {good}"
                        ),
                    )
