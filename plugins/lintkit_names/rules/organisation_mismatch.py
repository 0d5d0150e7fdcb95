from __future__ import annotations

import functools
from bisect import bisect_left, insort

import regex

from lintkit import Fix, Option, Problem, Related, rule

from ..organisations import (
    FUNCTION_WORDS,
    HEAD_STEMS,
    KEY,
    _place_pinyin,
    acronym_letter_missing,
    checked_count,
    chinese_names_in,
    english_words,
    extra_words,
    missing_morphemes,
    pairings,
)
from ..english import acronym_slips, organisation_slips
from ..japanese import readings
from ..japanese_names import japanese_slips

_CAP = r"[A-Z][\p{Latin}'’-]*"
_PHRASE = regex.compile(rf"{_CAP}(?:\s+(?:(?:of|for|and|the|in|on|&)\s+)*{_CAP})+")
_WORD = regex.compile(r"[\p{Latin}][\p{Latin}'’-]*|&")


@rule(
    "names.organisation-mismatch",
    severity="warning",
    options={
        "accepted-names": Option(
            [],
            "English names or acronyms an editor has checked against their Chinese names, "
            "e.g. 'Peking Union Medical College' or 'NSFC'",
            type=list,
        ),
    },
)
def organisation_mismatch(doc, options):
    """An organisation's English name or acronym that disagrees with its Chinese name.

    What it catches: where a file pairs a Chinese organisation name with
    an English name or an acronym, the English must say what the Chinese
    says.

    - An English name that leaves out a key word of the Chinese name:
      国际 International, 中国/中华 China, 国家 National, 科学 Science,
      技术 Technology, 科技 Science or Technology, 工程 Engineering, 促进
      Promotion, 科学院 Academy of Sciences, a province or large city
      (北京 Beijing, read with pypinyin; exonyms such as Peking, Macau,
      Tibet accepted) — or that adds International, China or such a place
      that the Chinese name lacks.
    - An acronym that is the initials of its English name with one letter
      left out, where that letter's word renders a key word of the Chinese
      name (an "International" with no I).  The display fix is the full
      initials.
    - A Japanese place or body written in characters after 日本
      (日本松本市立医院) whose English romanization, before words that
      render its head (City, Hospital), begins with a reading of its first
      character but reads none of the rest ("Matsuyama" for 松本: matsu,
      then not moto).  Readings are Unihan's
      (``lintkit/data/japanese-readings.txt``), with the sound changes of
      romanized names (Tokyo, Miyazaki, Nippon); a romanization that reads
      some other run of characters in the article's Chinese names that
      place instead and is not reported.  The display fix is a romanization
      of the same name the article writes elsewhere.  The generic words
      that end such a name are data (``lintkit/data/names-japanese.yaml``).

    Only certain pairings are compared:

    - ``中文名（English Name, ACR）``, ``中文名（English Name）``;
    - ``中文名……英文名称 English Name (ACR)`` or ``英文简称 ACR`` in one
      sentence (the name described is the one set off by a comma or
      parenthesis before the label, else the sentence's first);
    - ``English Name (ACR)`` in English text, when the file pairs that
      acronym or that English name with a Chinese name elsewhere;
    - an organisation name in an article's English headline, summary or
      contents line whose every word renders a morpheme of exactly one
      organisation named in the article's Chinese text, with exactly one
      key word of it missing — not the first one ("the Association for
      Science and Technology" is the usual short form of a 北京…协会).

    Decisions, for precision: the glossary is generic (organisation
    morphemes, the provinces and large cities of China) and names no
    organisation.  Heads (协会, 学会, 委员会 …) are translated freely by
    official names (a 学会 may be a Federation), so a head is reported only
    when the English has no head word at all.  An English name that renders
    fewer than two of the Chinese name's words, or fewer than it leaves
    out, is not taken as its rendering.  Words are only reported as added
    when the Chinese name is complete (the glossary reaches its start), and
    China is never "added" to a name containing 国 (国家…委员会 is "… of
    China").  Acronyms that do not lose exactly one letter (ISO, PKU) and
    doubled letters written once (NSFC) are not reported.  A span
    ``names.english-variant`` already reports (an English spelling that
    differs from another in the file) is not reported again.

    Why it matters: the English name is how readers abroad, indexes and
    search engines identify the organisation; a dropped "International" or
    a wrong acronym names another body.

    Example that fires:

        中国国际材料学会（China Society of Materials）成立于1990年。

    Example that does not fire:

        中国国际材料学会（China International Society of Materials）成立于1990年。

    Options: ``accepted-names`` — English names or acronyms an editor has
    checked (compared case-insensitively with the reported span); silence
    the rule for a file with ``ignore: [names.organisation-mismatch]``.
    """
    text = doc.text
    variant_spans = doc.analysis(_english_variant_spans)
    reported: set[tuple[int, int]] = set()
    taken = _Spans(variant_spans)  # spans reported already, by english-variant or here

    accepted = {" ".join(str(v).split()).lower() for v in options.get("accepted-names", ())}

    def emit(start, end, message, related, fix=None):
        if " ".join(text[start:end].split()).lower() in accepted:
            return None
        if taken.overlaps(start, end):
            return None
        if (start, end) not in reported:
            taken.add(start, end)
        reported.add((start, end))
        return Problem(start, end, message, related=tuple(related), fix=fix)

    for pr in pairings(doc):
        cn_rel = Related(pr.cn_start, pr.cn_start + len(pr.cn), f"Chinese name {pr.cn}")
        if pr.en and pr.en_span:
            en = english_words(pr.en)
            missing = missing_morphemes(pr.morphs, en)
            rendered = checked_count(pr.morphs) - len(missing)
            # An English name that renders too little of the Chinese name may be
            # a description or another body: no report.
            sure = rendered >= 2 and len(missing) <= rendered
            extra = extra_words(pr.cn, en) if pr.complete else []
            if sure and (missing or extra):
                parts = []
                if missing:
                    parts.append("lacks " + ", ".join(f"{w} ({m})" for m, w in missing))
                if extra:
                    parts.append("adds " + ", ".join(extra))
                p = emit(
                    *pr.en_span,
                    f"English name “{pr.en}” {' and '.join(parts)} relative to the Chinese name {pr.cn}",
                    [cn_rel],
                )
                if p:
                    yield p
        if pr.acr and pr.acr_span and pr.en:
            hit = acronym_letter_missing(pr.acr, english_words(pr.en), pr.morphs)
            if hit:
                word, morph, _ = hit
                p = emit(
                    *pr.acr_span,
                    f"acronym {pr.acr} has no letter for “{word}” ({morph} in the Chinese name {pr.cn}) "
                    f"of its English name “{pr.en}”",
                    [cn_rel, Related(pr.en_span[0], pr.en_span[1], "English name here")],
                    Fix.replace(*pr.acr_span, hit[2], applicability="display", description=f"write {hit[2]}"),
                )
                if p:
                    yield p
    yield from _article_names(doc, emit)
    for start, end, name, fix in japanese_slips(doc):
        shown = ", ".join(f"{c} {'/'.join(readings()[c][:3])}" for c in name.name)
        elsewhere = f"; the English writes “{fix}” elsewhere" if fix else ""
        p = emit(
            start,
            end,
            f"“{text[start:end]}” is no Japanese reading of {name.name} ({shown}) in the Chinese name "
            f"日本{name.phrase}{elsewhere}",
            [Related(name.start, name.start + len(name.phrase), f"Chinese name {name.phrase}")],
            Fix.replace(start, end, fix, applicability="display", description=f"write {fix}") if fix else None,
        )
        if p:
            yield p


class _Spans:
    """Spans, kept sorted: does any overlap ``[start, end)``?  Bisected, not
    every span looked at for each finding."""

    def __init__(self, spans=()):
        self.spans = sorted(spans)
        self.longest = max((e - s for s, e in self.spans), default=0)

    def add(self, start: int, end: int) -> None:
        insort(self.spans, (start, end))
        self.longest = max(self.longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        spans = self.spans
        k = bisect_left(spans, (end,)) - 1  # the last span that starts before ``end``
        while k >= 0 and spans[k][0] > start - self.longest:  # (an earlier one ends by ``start``)
            if spans[k][1] > start:
                return True
            k -= 1
        return False


def _english_variant_spans(doc) -> list[tuple[int, int]]:
    """Spans ``names.english-variant`` reports for organisations and acronyms."""
    spans = [(p.start, p.end) for p in acronym_slips(doc, set())]
    spans += [(p.start, p.end) for p in organisation_slips(doc, set())]
    return spans


@functools.cache
def _key_stems(key: str) -> tuple[str, ...]:
    return tuple(s for g in KEY[key] for s in g)


@functools.cache
def _head_stems() -> tuple[str, ...]:
    return tuple(HEAD_STEMS)


def _explains(word: str, morphs) -> bool:
    low = word.lower()
    for m in morphs:
        # str.startswith(tuple): any of the stems, without a Python loop (hot)
        if m.kind == "key" and low.startswith(_key_stems(m.text)):
            return True
        if m.kind == "head":
            if low.startswith(_head_stems()):
                return True
            if m.text == "促进会" and low.startswith(("promot", "advanc")):
                return True
        if m.kind == "place" and low.replace("-", "") in _place_pinyin(m.text):
            return True
    return False


def _article_names(doc, emit):
    """English organisation names in an article's English counterparts that
    render one Chinese name of the article with one key word missing."""
    text = doc.text
    for art in doc.articles:
        if not art.english:
            continue
        names = {}
        for bi in art.chinese_blocks():
            b = doc.blocks[bi] if isinstance(bi, int) else bi
            for start, cn, morphs, _complete in chinese_names_in(text, b.start, b.end):
                names.setdefault(cn, (start, morphs))
        if not names:
            continue
        for part in art.english:
            if part.document is not None:
                continue
            for m in _PHRASE.finditer(text, part.start, part.end):
                words = [(w.group(), w.start(), w.end()) for w in _WORD.finditer(m.group())]
                for cn, (cn_start, morphs) in names.items():
                    window = _window(words, morphs)
                    if window is None:
                        continue
                    ws = words[window[0] : window[1]]
                    en = [w for w, _, _ in ws]
                    others = [c for c, (_, ms) in names.items() if c != cn and _window(words, ms) == window]
                    if others:
                        continue
                    missing = missing_morphemes(morphs, en)
                    if (
                        len(missing) != 1
                        or missing[0][0] not in KEY
                        and not any(mm.text == missing[0][0] and mm.kind == "place" for mm in morphs)
                    ):
                        continue
                    morph, word = missing[0]
                    if morphs[0].text == morph:
                        # "the Association for ..." for 北京市…协会: leaving out the
                        # leading place or country is the usual short form.
                        continue
                    s, e = m.start() + ws[0][1], m.start() + ws[-1][2]
                    p = emit(
                        s,
                        e,
                        f"English name “{text[s:e]}” lacks {word} ({morph}) relative to the Chinese "
                        f"name {cn} of this article",
                        [Related(cn_start, cn_start + len(cn), f"Chinese name {cn}")],
                    )
                    if p:
                        yield p


def _window(words, morphs):
    """The run of words that ends the phrase, all rendering morphemes of the
    Chinese name (function words inside), with a head word and at least
    three content words; ``None`` if there is none."""
    i = 0
    n = len(words)
    while i < n:
        if words[i][0].lower() in FUNCTION_WORDS or not _explains(words[i][0], morphs):
            i += 1
            continue
        j = i
        last = i
        while j < n and (words[j][0].lower() in FUNCTION_WORDS or _explains(words[j][0], morphs)):
            if words[j][0].lower() not in FUNCTION_WORDS:
                last = j
            j += 1
        content = [w for w, _, _ in words[i : last + 1] if w.lower() not in FUNCTION_WORDS]
        has_head = any(w.lower().startswith(_head_stems()) for w in content)
        if has_head and len(content) >= 3 and last == n - 1:
            # The name must end the capitalised phrase: "Shanghai Association"
            # followed by "of Marine Science" is only part of a name.
            return (i, last + 1)
        i = j
    return None
