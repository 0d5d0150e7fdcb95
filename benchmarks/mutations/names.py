"""Name mutations: one mention of a repeated name respelt.

Chinese person names (a homophone or a look-alike given-name character, a
near-variant surname), transliterated foreign names (X·Y), pinyin names in
the English whose Chinese name stands in the text, and repeated English
personal names.  The names are found without lintkit (jieba's ``nr`` tag,
plain patterns, pypinyin); each finder returns every candidate, and
``mutate.plan`` chooses among them.
"""

from __future__ import annotations

import random
import re

from mutations.chinese import (
    _LOOKALIKE,
    SURNAME_VARIANTS,
    SURNAMES,
    _common_chars,
    _sound,
    _split_syllables,
    _surname_sounds,
    _syllables,
)
from mutations.common import _HAN, Mutation, _mut, _Text, is_chinese_line, is_english_line

_ROLES = (
    "教授|院士|博士|研究员|工程师|主任|书记|局长|部长|院长|校长|所长|董事长|总经理|经理|主席|总裁|"
    "会长|秘书长|负责人|先生|女士|同志|代表|委员|记者|编辑|作者|发言人|市长|省长|县长|区长|村长|厅长|"
    "处长|科长|队长|老师|医生|导演|演员|选手|教练|总统|总理|大使|首相|议员"
)
_CUE_AFTER = re.compile(rf"^(?:{_ROLES}|说|表示|指出|认为|介绍|强调|称|告诉|透露|坦言|回忆|建议|提出|等人?|摄|报道)")
_CUE_BEFORE = re.compile(rf"(?:{_ROLES}|通讯员|文/|文／)$")


def _looks_like_person(text: str, name: str, offsets: list[int]) -> bool:
    """jieba tags many words ``nr``; ask for a role or a speech verb next to one mention."""
    for o in offsets:
        if _CUE_AFTER.match(text[o + len(name) : o + len(name) + 4]) or _CUE_BEFORE.search(text[max(0, o - 4) : o]):
            return True
    return False


def _chinese_names(doc: _Text) -> dict[str, list[int]]:
    """Person names (jieba ``nr``, a known surname, 2-3 characters, a cue) -> offsets."""
    import jieba.posseg

    tags = jieba.posseg.dt.word_tag_tab
    found: dict[str, list[int]] = {}
    for _, start, line in doc.line_spans():
        if not is_chinese_line(line):
            continue
        pos = 0
        tokens = [(w.word, w.flag) for w in jieba.posseg.cut(line)]
        for i, (word, flag) in enumerate(tokens):
            at = pos
            pos += len(word)
            if flag != "nr":
                continue
            if len(word) in (1, 2) and i and len(tokens[i - 1][0]) == 1 and tokens[i - 1][0] in SURNAMES:
                word, at = tokens[i - 1][0] + word, at - 1  # 林 + 海涛: jieba cuts the surname off
            if "·" in line[max(0, at - 1) : at] + line[at + len(word) : at + len(word) + 1]:
                continue  # part of a transliterated foreign name: the transliteration kind's
            if 2 <= len(word) <= 3 and word[0] in SURNAMES and all(_HAN.match(c) for c in word):
                found.setdefault(word, []).append(start + at)
    freq = jieba.dt.FREQ
    names = {
        n: offs
        for n, offs in found.items()
        if tags.get(n, "nr") == "nr" and freq.get(n, 0) < 50 and _looks_like_person(doc.text, n, offs)
    }
    # 李德 cut out of 李德仁: a shorter name that begins a longer one is not a name
    return {n: offs for n, offs in names.items() if not any(o != n and o.startswith(n) for o in names)}


def _name_mutations(doc: _Text, rng: random.Random) -> list[Mutation]:
    names = _chinese_names(doc)
    sounds = _common_chars()
    out: list[Mutation] = []
    for name in sorted(names):
        offsets = names[name]
        # The name must be written the same way at least twice: a variant then
        # stands against the spelling the file otherwise uses.
        if len(offsets) < 2 or doc.text.count(name) < 2:
            continue
        at = rng.choice(offsets)
        given = name[1:]
        # homophone of one given-name character
        i = rng.randrange(len(given))
        c = given[i]
        homs = [h for h in sounds.get(_sound(c), []) if h != c]
        if homs:
            h = rng.choice(homs)
            new = name[0] + given[:i] + h + given[i + 1 :]
            if new not in doc.text:
                out.append(
                    _mut(
                        doc,
                        "name-homophone",
                        at,
                        name,
                        new,
                        f"{name} written {new} once (homophone {c}→{h})",
                        ("name", name),
                    )
                )
        look = [(j, _LOOKALIKE[ch]) for j, ch in enumerate(given) if ch in _LOOKALIKE]
        if look:
            j, alike = rng.choice(look)
            new = name[0] + given[:j] + alike + given[j + 1 :]
            at2 = rng.choice(offsets)
            if new not in doc.text:
                out.append(
                    _mut(
                        doc,
                        "name-lookalike",
                        at2,
                        name,
                        new,
                        f"{name} written {new} once (look-alike {given[j]}→{alike})",
                        ("name", name),
                    )
                )
        if name[0] in SURNAME_VARIANTS:
            new = SURNAME_VARIANTS[name[0]] + given
            at3 = rng.choice(offsets)
            if new not in doc.text:
                out.append(
                    _mut(
                        doc,
                        "name-surname",
                        at3,
                        name,
                        new,
                        f"{name} written {new} once (surname {name[0]}→{new[0]})",
                        ("name", name),
                    )
                )
    return out


# The characters on either side of the dot of a transliterated name (唐纳德·特朗普 →
# 纳德·特朗): where the name begins and ends is unknown, the dot's neighbours are the name.
_TRANSLITERATED = re.compile(r"[\u3400-\u9fff]{2}·[\u3400-\u9fff]{2}")


def _transliteration_mutations(doc: _Text, rng: random.Random) -> list[Mutation]:
    """Foreign names written in characters (X·Y), repeated: one mention respelt."""
    sounds = _common_chars()
    seen: dict[str, list[int]] = {}
    for _, start, line in doc.line_spans():
        for m in _TRANSLITERATED.finditer(line):
            seen.setdefault(m.group(0), []).append(start + m.start())
    out = []
    for name in sorted(seen):
        offs = seen[name]
        if len(offs) < 2:
            continue
        positions = [i for i, c in enumerate(name) if c != "·" and len(sounds.get(_sound(c), [])) > 1]
        if not positions:
            continue
        i = rng.choice(positions)
        h = rng.choice([c for c in sounds[_sound(name[i])] if c != name[i]])
        new = name[:i] + h + name[i + 1 :]
        if new in doc.text:
            continue
        out.append(
            _mut(
                doc,
                "name-transliteration",
                rng.choice(offs),
                name,
                new,
                f"{name} written {new} once (homophone {name[i]}→{h})",
                ("name", name),
            )
        )
    return out


_EN_NAME = re.compile(r"\b([A-Z][a-z]{1,6})[ ]([A-Z][a-z]{1,12}(?:-[a-z]{1,6})?)\b")


def _pinyin_mutations(doc: _Text, rng: random.Random) -> list[Mutation]:
    """A pinyin name in the English whose Chinese name stands in the text."""
    out: list[Mutation] = []
    han = doc.text
    surname_sounds = _surname_sounds()
    seen: set[str] = set()
    for _, start, line in doc.line_spans():
        if not is_english_line(line):
            continue
        for m in _EN_NAME.finditer(line):
            for sur, giv, gstart in ((m[1], m[2], m.start(2)), (m[2], m[1], m.start(1))):
                if sur not in surname_sounds:
                    continue
                syl = _split_syllables(giv)
                if not syl or len(syl) > 2:
                    continue
                chinese = _find_chinese(han, surname_sounds[sur], syl)
                if not chinese:
                    continue
                key = f"{sur} {giv}"
                if key in seen:
                    continue
                seen.add(key)
                k = rng.randrange(len(syl))
                repl = _near_syllable(syl[k], rng)
                if not repl:
                    continue
                new_syl = syl[:k] + [repl] + syl[k + 1 :]
                new_giv = "".join(new_syl)
                new_giv = new_giv[0].upper() + new_giv[1:]
                if "-" in giv:
                    new_giv = new_syl[0].capitalize() + "-" + "-".join(new_syl[1:])
                out.append(
                    _mut(
                        doc,
                        "pinyin-syllable",
                        start + gstart,
                        giv,
                        new_giv,
                        f"{chinese} romanized {sur} {new_giv} (one syllable off)",
                        ("name", chinese),
                    )
                )
                break
    return out


def _find_chinese(text: str, surname_chars: list[str], syl: list[str]) -> str:
    """A Chinese name in ``text`` whose pinyin is surname + ``syl``."""
    n = len(syl)
    for s in surname_chars:
        pos = text.find(s)
        tries = 0
        while pos >= 0 and tries < 400:
            cand = text[pos : pos + 1 + n]
            if len(cand) == 1 + n and all(_HAN.match(c) for c in cand[1:]):
                if [_sound(c) for c in cand[1:]] == syl:
                    return cand
            pos = text.find(s, pos + 1)
            tries += 1
    return ""


def _near_syllable(s: str, rng: random.Random) -> str:
    """Another syllable one letter away that keeps the initial (hong → hang)."""
    syl = _syllables()
    near = []
    for cand in syl:
        if cand == s or cand[0] != s[0]:
            continue
        if len(cand) == len(s) and sum(a != b for a, b in zip(cand, s)) == 1:
            near.append(cand)
        elif abs(len(cand) - len(s)) == 1:
            longer, shorter = (cand, s) if len(cand) > len(s) else (s, cand)
            if any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer))):
                near.append(cand)
    near.sort()
    return rng.choice(near) if near else ""


_EN_PERSON = re.compile(r"(?<![A-Za-z.] )\b([A-Z][a-z]+) ([A-Z][a-z]{3,})\b")
_NOT_NAMES = {
    "The",
    "This",
    "That",
    "These",
    "In",
    "On",
    "At",
    "For",
    "And",
    "But",
    "With",
    "From",
    "By",
    "China",
    "Chinese",
    "National",
    "State",
    "People",
    "Republic",
    "University",
    "Institute",
    "Academy",
    "Science",
    "Sciences",
    "Technology",
    "Council",
    "Ministry",
    "Committee",
    "Party",
    "Central",
    "New",
    "Development",
    "International",
    "Beijing",
    "Shanghai",
}


_EN_CUE_BEFORE = re.compile(
    r"\b(?:Mr|Ms|Mrs|Dr|Prof|Professor|President|Minister|Chairman|Chairwoman|Director|Secretary|"
    r"Ambassador|Premier|Governor|Mayor|spokesperson|spokesman|spokeswoman|Senator|CEO|founder|by)\.? $"
)
_EN_CUE_AFTER = re.compile(r"^(?:,? (?:said|says|told|noted|added|explained|who)\b|, (?:a|an|the) [a-z])")


def _title_case(line: str) -> bool:
    """A heading or a title: most of its words capitalised."""
    words = re.findall(r"[A-Za-z]+", line)
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _en_name_mutations(doc: _Text, rng: random.Random) -> list[Mutation]:
    counts: dict[str, list[int]] = {}
    surnames = _surname_sounds()
    for _, start, line in doc.line_spans():
        if not is_english_line(line) or _title_case(line):
            continue
        for m in _EN_PERSON.finditer(line):
            if m[1] in _NOT_NAMES or m[2] in _NOT_NAMES or m[1] in surnames or m[2] in surnames:
                continue  # pinyin names are the pinyin kind's
            if _split_syllables(m[1]) and _split_syllables(m[2]):
                continue
            counts.setdefault(m.group(0), []).append(start + m.start())
    out = []
    for name in sorted(counts):
        offs = counts[name]
        if len(offs) < 2 or not any(
            _EN_CUE_BEFORE.search(doc.text[max(0, o - 14) : o])
            or _EN_CUE_AFTER.match(doc.text[o + len(name) : o + len(name) + 12])
            for o in offs
        ):
            continue
        at = rng.choice(offs)
        first, last = name.split(" ")
        i = rng.randrange(1, len(last) - 1)
        new_last = last[:i] + last[i] + last[i:] if rng.random() < 0.5 else last[:i] + last[i + 1 :]
        new = f"{first} {new_last}"
        if new in doc.text:
            continue
        out.append(_mut(doc, "en-name-variant", at, name, new, f"{name} spelt {new} once", ("en-name", name)))
    return out


# A foreign person named by title in English ("Foreign Minister Dmytro Kuleba"):
# the surname replaced by another person's, as when a predecessor's name is left in.
_EN_TITLED = re.compile(
    r"\b(?:President|Prime Minister|Foreign Minister|Foreign Secretary|Secretary of State|Secretary-General|"
    r"Secretary General|King)\s+(?:[A-Z][a-zà-ÿ'-]+\s+){0,2}(?P<last>[A-Z][a-zà-ÿ'-]{2,})\b"
)
# surnames of no one in the corpus, each starting with another consonant class
_OTHER_SURNAMES = ("Okonkwo", "Lindqvist", "Haddad", "Tremblay", "Vasquez", "Mbeki", "Sorensen", "Dubois")


def _foreign_name_mutations(doc: _Text, rng: random.Random) -> list[Mutation]:
    """The surname of a titled foreign person replaced by an unrelated one."""
    out = []
    for _, start, line in doc.line_spans():
        if not is_english_line(line):
            continue
        for m in _EN_TITLED.finditer(line):
            last = m["last"]
            if _split_syllables(last.lower()):
                continue  # a pinyin name (Foreign Minister Wang Yi) is the pinyin kind's
            choices = [s for s in _OTHER_SURNAMES if s[0] != last[0] and s not in doc.text]
            new = rng.choice(choices)
            at = start + m.start("last")
            out.append(_mut(doc, "foreign-name", at, last, new, f"{last} replaced by {new}", ("foreign", last)))
    return out
