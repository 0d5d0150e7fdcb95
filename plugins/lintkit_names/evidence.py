"""Evidence shared by the ``names`` rules: when two spellings are one person,
and how an English name relates to the pinyin of a Chinese one.

Kept out of ``lintkit.analysis.names`` (which only *finds* names) because
these are the plugin's editorial decisions.
"""

from __future__ import annotations

import functools
import itertools
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

import regex

from lintkit.analysis.names import (
    NameMention,
    lookalikes,
    default_pinyin,
    Names,
    names_analysis,
    pinyin_readings,
    pinyin_syllables,
    split_surname,
    surname_readings,
    surnames_sound_alike,
)
from lintkit import Document, Option
from lintkit.analysis.name_finders import TWO_CAPITALISED, overlapped_at
from lintkit.analysis.name_vocabulary import vocabulary
from lintkit.model.language import EN

# Roles that single out one person where they stand: the head of a body, a
# photo credit, the speaker of interview answers, a byline.  Roles many
# people share (院士, 教授, 专家, 研究员 ...) are no evidence: two academicians
# may well differ by one character.
STRONG_ROLES = frozenset(
    "会长 名誉会长 常务副会长 理事长 秘书长 主席 院长 所长 校长 书记 党委书记 部长 局长 市长 省长 "
    "县长 区长 镇长 董事长 总经理 总裁 主任 主编 馆长 站长 摄 摄影 : byline".split()
)

_EN_NAME = regex.compile(
    r"(?<![\p{L}-])(?P<a>[A-Z][a-z]+|[A-Z]{2,})[ \u00a0](?P<b>[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?)(?![\p{L}-])"
)

# _EN_NAME.finditer(…, overlapped=True), tried only at two capitalised words
_find_english_names = overlapped_at(_EN_NAME, TWO_CAPITALISED)

_SENTENCE_END = regex.compile(r"[。！？!?；;]")
_PAIR_SPLIT = regex.compile(r"[\s=,，、/|]+")


# The options every rule that reads names has, meant to be given to the whole
# plugin in rules.yaml (``options: {names: {roles: [村支书]}}``): the
# vocabularies extend lintkit/data/names-*.txt, the dictionary jieba's.
NAME_OPTIONS = {
    "roles": Option(
        [],
        "titles and roles that stand right before or after a name (村支书 王明), added to the built-in list",
        type=list,
    ),
    "surnames": Option([], "surnames of one or two characters added to the built-in list", type=list),
    "verbs": Option([], "verbs of saying that follow a name (王明直言), added to the built-in list", type=list),
    "user-dictionary": Option(
        "",
        "a jieba user dictionary (one 'word [freq] [nr]' per line) for names jieba splits; its nr entries are names",
        type=str,
    ),
}


def doc_names(doc, options) -> Names:
    """The names of ``doc`` found with the vocabulary and dictionary the rule
    is configured with (computed once per document and configuration)."""
    vocab = vocabulary(
        tuple(map(str, options.get("roles") or ())),
        tuple(map(str, options.get("surnames") or ())),
        tuple(map(str, options.get("verbs") or ())),
    )
    return doc.analysis(names_analysis(options.get("user-dictionary", "") or "", vocab))


@dataclass(frozen=True)
class NameSummary:
    """What a corpus rule needs of one file's names: the mentions, and the
    analyses the evidence reads (the English names, the article of each
    block, the reference lists), computed where the file was linted."""

    document: Document
    mentions: tuple[NameMention, ...]
    analyses: dict


def name_summary(doc, options) -> NameSummary:
    from lintkit.analysis.citations import reference_lists

    mentions = tuple(doc_names(doc, options).mentions)
    # the English names of every file are read (two people told apart in
    # English); the rest only of files with names
    needed = (_english_pinyin_cache, _article_table, reference_lists) if mentions else (_english_pinyin_cache,)
    return NameSummary(doc, mentions, {f: doc.analysis(f) for f in needed})


# -- Chinese spellings -------------------------------------------------------


def one_char_apart(a: str, b: str) -> int | None:
    """Index of the one given-name character in which ``a`` and ``b`` differ
    (same length, same surname), else ``None``."""
    if a == b or len(a) != len(b):
        return None
    sa, _ = split_surname(a)
    if split_surname(b)[0] != sa:
        return None
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    if len(diff) != 1 or diff[0] < len(sa):
        return None
    return diff[0]


def homophones(x: str, y: str) -> bool:
    return bool(pinyin_readings(x) & pinyin_readings(y))


def name_pinyin(name: str) -> tuple[frozenset[str], list[frozenset[str]]]:
    sur, given = split_surname(name)
    return surname_readings(sur), [pinyin_readings(c) for c in given]


def display_pinyin(name: str) -> str:
    """The likeliest romanization, surname first: 王建明 -> "Wang Jianming".

    pypinyin's default reading of each character (or of the given name as a
    phrase), read from a cached table: importing pypinyin costs ~0.35 s."""
    sur, given = split_surname(name)
    readings = surname_readings(sur)
    s = sorted(readings)[0] if len(readings) == 1 else "".join(default_pinyin(sur))
    g = "".join(default_pinyin(given))
    return f"{s.capitalize()} {g.capitalize()}"


def full_pinyin_match(name: str, surname: str, given: str) -> bool:
    """Does the English (surname, given) spell ``name`` in pinyin?"""
    sur_r, given_r = name_pinyin(name)
    if surname.lower() not in sur_r:
        return False
    g = given.lower().replace("-", "").replace("'", "").replace("’", "")
    return any("".join(p) == g for p in itertools.product(*given_r))


def syllables() -> frozenset[str]:
    """Every toneless pinyin syllable (pypinyin's, from a cached table)."""
    return pinyin_syllables()


def segment(word: str) -> list[list[str]]:
    """Every split of ``word`` into 1–3 pinyin syllables."""
    word = word.lower().replace("-", "").replace("'", "").replace("’", "")
    syl = syllables()
    out: list[list[str]] = []

    def walk(i: int, acc: list[str]) -> None:
        if len(acc) > 3:
            return
        if i == len(word):
            out.append(list(acc))
            return
        for j in range(i + 1, min(len(word), i + 6) + 1):
            if word[i:j] in syl:
                acc.append(word[i:j])
                walk(j, acc)
                acc.pop()

    walk(0, [])
    return out


def partial_match(name: str, surname: str, given: str) -> bool:
    """Surname matches and the given name, read as pinyin, has as many
    syllables as the Chinese given name with at least one in place, but not
    all: the English stands for this name and misspells it."""
    sur_r, given_r = name_pinyin(name)
    if surname.lower() not in sur_r:
        return False
    for seg in segment(given):
        if len(seg) != len(given_r):
            continue
        hits = sum(1 for s, r in zip(seg, given_r) if s in r)
        if 1 <= hits < len(given_r):
            return True
    return False


@dataclass(frozen=True)
class EnglishName:
    start: int
    end: int
    first: str
    second: str

    @property
    def text(self) -> str:
        return f"{self.first} {self.second}"


def english_names(text: str, start: int, end: int) -> list[EnglishName]:
    return [EnglishName(m.start(), m.end(), m.group("a"), m.group("b")) for m in _find_english_names(text, start, end)]


def _english_pinyin_cache(doc):
    out = []
    for b in doc.blocks:
        if b.lang != EN:
            continue
        for n in english_names(doc.text, b.start, b.end):
            if _plausible_pinyin_name(n.first, n.second):
                out.append(n)
    return out


@functools.cache
def _surname_syllables() -> frozenset[str]:
    from lintkit.analysis.names import COMPOUND_SURNAMES, SURNAMES

    out: set[str] = set()
    for s in list(SURNAMES) + list(COMPOUND_SURNAMES):
        out |= surname_readings(s)
    return frozenset(out)


def _plausible_pinyin_name(surname: str, given: str) -> bool:
    return surname.lower() in _surname_syllables() and any(1 <= len(s) <= 2 for s in segment(given))


def distinct_in_english(doc_list, a: str, b: str) -> bool:
    """Both spellings are printed in English, each with its own exact pinyin:
    the file knows them as two people (two academicians whose names differ
    in one character).  It takes two different romanizations, one the pinyin
    of ``a`` and not of ``b``, the other of ``b`` and not of ``a``: an
    English name that spells both (周明辉 and 周明晖 are both "Zhou Minghui")
    tells the two apart no more than the Chinese does."""
    only_a = only_b = False
    for doc in doc_list:
        for n in doc.analysis(_english_pinyin_cache):
            match_a = full_pinyin_match(a, n.first, n.second)
            match_b = full_pinyin_match(b, n.first, n.second)
            only_a = only_a or (match_a and not match_b)
            only_b = only_b or (match_b and not match_a)
            if only_a and only_b:
                return True
    return False


# -- clustering --------------------------------------------------------------


@dataclass
class Spelling:
    name: str
    mentions: list[tuple[Document, NameMention]]  # (document, mention)

    @property
    def count(self) -> int:
        return len(self.mentions)

    def roles(self) -> set[tuple[str, str]]:
        return {(m.role, m.org) for _, m in self.mentions if m.role}


def same_person(a: Spelling, b: Spelling, accepted: set[frozenset[str]], docs) -> str | None:
    """Why ``a`` and ``b`` are one person's spellings, or ``None``.

    Both have one surname and differ in exactly one given-name character, and
    either that character sounds the same (a homophone) or both spellings
    stand in the same singling-out role (会长, 主任, a photo credit, the
    speaker of interview answers, a byline).  Vetoed when an editor accepted
    the pair, when the two appear in one sentence (two people listed), or
    when both are printed in English with their own exact pinyin.
    """
    if frozenset((a.name, b.name)) in accepted:
        return None
    pos = one_char_apart(a.name, b.name)
    if pos is None:
        return _surname_variant(a, b, docs)
    if len(a.name) == 2 and not (_share_article(a, b) or _same_post(a, b)):
        # A one-character given name that differs is a different name, not a
        # slip, unless both stand for the same person in one article (its
        # headline against its contents line) or hold the same post in the
        # same body.
        return None
    x, y = a.name[pos], b.name[pos]
    reason = None
    if homophones(x, y):
        reason = f"{x} and {y} sound alike"
    elif lookalikes(x, y) and (
        max(a.count, b.count) >= 2
        or _english_picks_one(docs, a.name, b.name)
        or _cited_as(a, b)
        or _same_post(a, b)
        or _unintroduced(a, b)
    ):
        # a look-alike pair is a slip only against a spelling in use, or one
        # the English, a citation or a post confirms: 王刚 and 王钢 once each
        # may be two people
        reason = f"{x} and {y} look alike"
    else:
        shared = sorted(
            ra
            for ra, oa in a.roles()
            for rb, ob in b.roles()
            if ra == rb and ra in STRONG_ROLES and (oa == ob or not oa or not ob)
        )
        if shared:
            role = shared[0]
            label = {
                ":": "“name：” answers or titles",
                "byline": "bylines",
                "摄": "photo credits",
                "摄影": "photo credits",
            }
            reason = f"both in {label.get(role, role)}"
    if reason is None:
        return None
    if _share_sentence(a, b) or distinct_in_english(docs, a.name, b.name):
        return None
    return reason


def _surname_variant(a: Spelling, b: Spelling, docs) -> str | None:
    """Why ``a`` and ``b`` are one person whose surname was mistyped (赵立坚 /
    肇立坚, 郑明远 / 曾明远), or ``None``.

    The given names agree and the surnames sound alike (or apart by a
    fuzzy-pinyin confusion: zh/z, n/l, -ng/-n).  Since both may be real
    surnames (肖/萧, 付/傅), more is asked, any of: both in the same
    singling-out role; one spelling used at least twice and the other
    once; one of the two no common surname at all (肇 for 赵); the file's
    English of the article spells the name, as the pinyin of one spelling
    or of both (two Chinese spellings, one English name: one person); both
    hold the same post in the same body; one is named bare after the other
    was introduced in the article; an English reference entry of the file
    romanizes the name once ("Xu, L."); one cites a work whose reference
    entry is by the other.  A one-character given name is compared only within
    one article or post, and never side by side."""
    if len(a.name) != len(b.name) or a.name[1:] != b.name[1:]:
        return None
    sa, sb = a.name[0], b.name[0]
    if sa == sb or not surnames_sound_alike(sa, sb):
        return None
    from lintkit.analysis.names import SURNAMES

    same_article = _share_article(a, b)
    same_post = _same_post(a, b)
    if len(a.name) == 2 and not (same_article or same_post):
        return None  # 王毅 and 汪毅 far apart may be two people
    shared_role = any(ra == rb and ra in STRONG_ROLES for ra, _ in a.roles() for rb, _ in b.roles())
    lopsided = min(a.count, b.count) == 1 and max(a.count, b.count) >= 2
    off_list = (sa in SURNAMES) != (sb in SURNAMES)

    def more() -> bool:  # the costlier evidence, asked only when the cheap one fails
        return (
            same_article
            and (_english_spells(docs, a.name, b.name) or _unintroduced(a, b) or _listed_author(docs, a.name, b.name))
            or _cited_as(a, b)
        )

    if (
        not (shared_role or lopsided or off_list or same_post or more())
        or _share_sentence(a, b)
        or distinct_in_english(docs, a.name, b.name)
    ):
        return None
    if surname_readings(sa) & surname_readings(sb) or pinyin_readings(sa) & pinyin_readings(sb):
        return f"surnames {sa} and {sb} sound alike"
    return (
        f"surnames {sa} and {sb} ({min(surname_readings(sa))}/{min(surname_readings(sb))}) "
        "are told apart by few speakers"
    )


def _same_post(a: Spelling, b: Spelling) -> bool:
    """Both spellings hold the same post in the same named body (科协副会长
    周立 / 科协副会长邹立): a role several people share (副会长) is no
    evidence alone, but with the body and a name that sounds the same it is."""
    # the org is the up to three characters before the role (由科协, 与科协):
    # the body is told by its last two
    posts = {(m.role, m.org[-2:]) for _, m in a.mentions if m.role and len(m.org) >= 2}
    return any((m.role, m.org[-2:]) in posts for _, m in b.mentions if m.role and len(m.org) >= 2)


_INTRODUCING = frozenset(("byline", "credit", "answer", "reference", "list"))


def _unintroduced(a: Spelling, b: Spelling) -> bool:
    """One spelling, written once and bare (no role, no byline, no answer),
    comes after the other's first mention in the same article: a person is
    introduced with a post and named bare afterwards, so the bare mention
    refers back to the one introduced (负责人汪晓介绍 … 王晓说; 陈亮研究员
    … 程亮说)."""
    for x, y in ((a, b), (b, a)):
        if y.count != 1:
            continue
        dy, my = y.mentions[0]
        if my.role or my.cue in _INTRODUCING:
            continue
        arts = articles_of(dy, my.block)
        if any(
            dx is dy
            and mx.start < my.start
            and arts & articles_of(dx, mx.block)
            and (mx.role or mx.cue in _INTRODUCING)
            for dx, mx in x.mentions
        ):
            return True
    return False


_CITED = regex.compile(r"\s*(?:等人?|et\s+al\.?)?\s*(?=\\?[\[［])")


def _cited_as(a: Spelling, b: Spelling) -> bool:
    """One spelling cites a work (``黎明华等[2]``) whose reference entry is by
    the other (``[2] 李明华, 钱洁. …``): the text and its list name one
    author two ways."""
    from lintkit.analysis.citations import markers, reference_lists

    for x, y in ((a, b), (b, a)):
        for dx, mx in x.mentions:
            m = _CITED.match(dx.text, mx.end)
            if not m:
                continue
            cited = markers(dx, m.end(), min(len(dx.text), m.end() + 20))
            if not cited or cited[0].start != m.end():
                continue
            numbers = set(cited[0].numbers)
            for refs in dx.analysis(reference_lists).values():
                for entry in refs.entries:
                    if entry.number in numbers and any(
                        dy is dx and entry.start <= my.start < entry.end for dy, my in y.mentions
                    ):
                        return True
    return False


# An author of an English reference entry as "Surname, I." or "Surname, I.J."
# (APA, Hans, Elsevier styles): the initials of a Chinese given name.
_INITIALLED = regex.compile(r"\b(\p{Lu}\p{Ll}{1,5}),?\s+((?:\p{Lu}\.?-?){1,2})(?=[\s,.;]|$)")
_ENTRY_YEAR = regex.compile(r"\(?(?:19|20)\d\d")


def _listed_author(docs, a: str, b: str) -> bool:
    """An English reference entry of the file lists an author whose surname
    and initials are the pinyin of ``a`` or of ``b`` (徐立 / 许立 and "Xu, L."):
    the two Chinese spellings of a cited author, romanized once in the list.
    Not when the list romanizes each spelling apart ("Zhou, L." and "Zou, L."):
    then it cites two people."""
    found = set()
    for doc in docs:
        for surname, initials in doc.analysis(_initialled_authors):
            ma, mb = (_initials_match(n, surname, initials) for n in (a, b))
            if ma or mb:
                found.add((ma, mb))
    return bool(found) and not {(True, False), (False, True)} <= found


def _initialled_authors(doc) -> list[tuple[str, str]]:
    """(surname, lower-case initials) of every "Surname, I.J." author of the
    document's English reference entries — read once per document, not for
    each pair of spellings compared.  Only the authors before an entry's
    year are read."""
    from lintkit.analysis.citations import reference_lists

    out = []
    for refs in doc.analysis(reference_lists).values():
        for entry in refs.entries:
            head = doc.text[entry.start : entry.end]
            year = _ENTRY_YEAR.search(head)
            for m in _INITIALLED.finditer(head, 0, year.start() if year else len(head)):
                out.append((m.group(1), m.group(2).replace(".", "").replace("-", "").lower()))
    return out


def _initials_match(name: str, surname: str, initials: str) -> bool:
    sur_r, given_r = name_pinyin(name)
    if surname.lower() not in sur_r or len(initials) != len(given_r):
        return False
    return all(any(r.startswith(c) for r in rs) for c, rs in zip(initials, given_r))


def _english_spellings(docs, a: str, b: str) -> set[tuple[bool, bool]]:
    """For each pinyin name of the file's English (in either order), whether it
    spells ``a`` and whether it spells ``b`` — the pairs that spell either."""
    out = set()
    for doc in docs:
        for n in doc.analysis(_english_pinyin_cache):
            for s, g in ((n.first, n.second), (n.second, n.first)):
                ma, mb = full_pinyin_match(a, s, g), full_pinyin_match(b, s, g)
                if ma or mb:
                    out.add((ma, mb))
    return out


def _english_spells(docs, a: str, b: str) -> bool:
    """The file's English gives a pinyin name that spells ``a`` or ``b``."""
    return bool(_english_spellings(docs, a, b))


def _english_picks_one(docs, a: str, b: str) -> bool:
    """The file's English spells exactly one of the two Chinese spellings."""
    found = _english_spellings(docs, a, b)
    return ((True, False) in found) != ((False, True) in found)


def articles_of(doc, block: int) -> frozenset[int]:
    """Articles a block belongs to: by span, or as a contents line or English counterpart."""
    table = doc.analysis(_article_table)
    return table.get(block, frozenset())


def _article_table(doc) -> dict[int, frozenset[int]]:
    out: dict[int, set[int]] = defaultdict(set)
    for art in doc.articles:
        for b in range(art.first_block, art.last_block + 1):
            out[b].add(art.index)
        for c in list(art.contents) + list(art.english):
            if c.document is None:  # a translation in another file has blocks of its own
                out[c.block].add(art.index)
    return {k: frozenset(v) for k, v in out.items()}


def _share_article(a: Spelling, b: Spelling) -> bool:
    for d, m in a.mentions:
        arts = articles_of(d, m.block)
        for d2, m2 in b.mentions:
            if d2 is d and arts & articles_of(d2, m2.block):
                return True
    return False


def _share_sentence(a: Spelling, b: Spelling) -> bool:
    blocks_a = {(id(d), m.block) for d, m in a.mentions}
    for d, m in b.mentions:
        if (id(d), m.block) in blocks_a:
            for d2, m2 in a.mentions:
                if d2 is d and m2.block == m.block and _same_sentence(d, m.start, m2.start):
                    return True
    return False


def _same_sentence(doc, x: int, y: int) -> bool:
    lo, hi = min(x, y), max(x, y)
    return not _SENTENCE_END.search(doc.text, lo, hi)


def clusters(spellings: dict[str, Spelling], accepted, docs) -> list[tuple[list[Spelling], dict]]:
    """Groups of spellings linked by ``same_person`` (union-find), with the
    reasons of each linked pair."""
    parent = {n: n for n in spellings}

    def find(n):
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    reasons: dict[frozenset[str], str] = {}
    by_key: dict[tuple, list[str]] = defaultdict(list)
    for n in spellings:
        by_key[(len(n), split_surname(n)[0])].append(n)
        by_key[(len(n), "given", n[1:])].append(n)  # surname slips: 赵立坚 / 肇立坚
    for group in by_key.values():
        for a, b in itertools.combinations(sorted(group), 2):
            why = same_person(spellings[a], spellings[b], accepted, docs)
            if why:
                reasons[frozenset((a, b))] = why
                parent[find(a)] = find(b)
    out: dict[str, list[Spelling]] = defaultdict(list)
    for n in spellings:
        out[find(n)].append(spellings[n])
    return [(sorted(v, key=lambda s: (-s.count, s.name)), reasons) for v in out.values() if len(v) > 1]


def accepted_pairs(values: Iterable[str]) -> set[frozenset[str]]:
    """``accepted-variants`` entries: "A B" or "A=B" or "A,B,C" (all pairwise)."""
    out = set()
    for v in values:
        parts = [p for p in _PAIR_SPLIT.split(v) if p]
        for a, b in itertools.combinations(parts, 2):
            out.add(frozenset((a, b)))
    return out


def spellings_of(pairs: Iterable[tuple[Document, NameMention]]) -> dict[str, Spelling]:
    out: dict[str, Spelling] = {}
    for d, m in pairs:
        out.setdefault(m.text, Spelling(m.text, [])).mentions.append((d, m))
    return out
