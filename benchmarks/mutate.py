"""Plant realistic editorial defects into copies of real documents, reproducibly.

The development corpus (``corpus/``) is real text; its labelled defects are
few.  To measure recall on the defects lintkit exists for, this module plants
more of them the way they happen in a newsroom or a journal office — one
mention of a name mistyped, one English figure slipped, a marker dropped —
into *copies* of the corpus documents, and records for each one the line, the
kind and the rules that ought to report it.

Everything is seeded: the same corpus and seed give the same mutants, so a
change in the benchmark's figures is a change in lintkit, not in the dice.

The sites are found without lintkit's own analyses (jieba's ``nr`` tag, plain
patterns, pypinyin), so a rule is never measured only on the cases it already
finds.  Every mutation replaces text inside one line: line numbers do not
move, and a finding in a mutant can be compared with the findings on the
original at the same line.

Kinds (``KINDS``), each with the rules that may report it (the first is the
rule the defect is counted against):

* ``name-homophone``: one mention of a Chinese name with a given-name
  character replaced by a common homophone (林海涛 → 林海滔);
* ``name-lookalike``: … by a look-alike character (未/末, 王/玉);
* ``name-surname``: … with its surname replaced by a near variant (张/章);
* ``name-transliteration``: one mention of a transliterated foreign name
  with one character replaced by a homophone (豪威尔 → 豪韦尔);
* ``pinyin-syllable``: one syllable of a pinyin name in the English changed
  (Li Xiaohong → Li Xiaohang) where the Chinese gives the name;
* ``en-name-variant``: one mention of a repeated English personal name
  misspelt by one letter;
* ``en-figure``: an English figure that translates a Chinese one changed:
  a digit, a magnitude (thousand ↔ million, ×10), percent ↔ percentage
  points, a year, an ordinal, a unit or currency;
* ``zh-contradiction``: one of two mentions of the same Chinese count
  changed;
* ``marker-removed``: a citation marker removed from a sentence with a
  figure (a paper with a reference list);
* ``marker-past-list``: a citation marker pointing past the end of the list;
* ``ref-missing-year``: the year removed from a reference entry;
* ``ref-wrong-type``: a reference entry's type code changed ([J] → [M]);
* ``attribution-removed``: the named source of a statistic removed
  (据国家统计局统计，… → …), not one that points back to a source named
  before (根据这个调查).

``python benchmarks/mutate.py FILE [--seed N]`` prints the mutations planned
for one file, to read them.
"""

from __future__ import annotations

import argparse
import functools
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Mutation", "KINDS", "plan", "apply", "copies"]

# kind -> rules that may report it; the first is the one it is counted against.
KINDS: dict[str, tuple[str, ...]] = {
    "name-homophone": ("names.spelling-variant", "names.romanization-mismatch", "names.cross-file-variant"),
    "name-lookalike": ("names.spelling-variant", "names.romanization-mismatch", "names.cross-file-variant"),
    "name-surname": ("names.spelling-variant", "names.romanization-mismatch", "names.cross-file-variant"),
    "name-transliteration": ("names.spelling-variant", "names.cross-file-variant"),
    "pinyin-syllable": ("names.romanization-mismatch", "names.english-variant"),
    "en-name-variant": ("names.english-variant", "names.romanization-mismatch"),
    "en-figure": ("numbers.zh-en-mismatch", "numbers.heading-contradiction", "numbers.odd-count",
                  "numbers.serial-number"),
    "zh-contradiction": ("numbers.odd-count", "numbers.restated-count", "numbers.heading-contradiction",
                         "numbers.serial-number", "numbers.zh-en-mismatch"),
    "marker-removed": ("citations.unsourced-claim", "citations.reference-list"),
    "marker-past-list": ("citations.reference-list",),
    "ref-missing-year": ("citations.reference-list",),
    "ref-wrong-type": ("citations.reference-list",),
    "attribution-removed": ("citations.unsourced-claim",),
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


# -- small tables: generic Chinese and English facts, no text of any document --

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
    "莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪"
    "梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简"
    "车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄"
    "丛仲虞敖巩明佘池查麻苑迟邝"
)
SURNAME_VARIANTS = {
    "张": "章", "章": "张", "王": "汪", "汪": "王", "李": "黎", "黎": "李", "陈": "程", "程": "陈",
    "刘": "柳", "柳": "刘", "杨": "阳", "吴": "伍", "伍": "吴", "徐": "许", "许": "徐", "周": "邹",
    "邹": "周", "林": "凌", "凌": "林", "何": "贺", "贺": "何", "冯": "封", "于": "余", "余": "于",
    "俞": "余", "江": "姜", "姜": "江", "肖": "萧", "萧": "肖", "赵": "肇", "孙": "荀", "韩": "寒",
    "郑": "曾", "曾": "郑", "谢": "解", "罗": "骆", "骆": "罗", "钟": "仲", "仲": "钟", "戴": "代",
    "黄": "王", "傅": "付", "付": "傅", "邓": "滕", "石": "史", "史": "石", "鲁": "卢", "卢": "鲁",
}
# Pairs an eye slips between (both directions are used).
LOOKALIKES = [
    "未末", "己已", "王玉", "日曰", "人入", "土士", "天夭", "大太", "免兔", "戊戌", "鸟乌", "历厉",
    "候侯", "治冶", "持特", "沐沫", "辨辩", "析折", "明朋", "季李", "陈阵", "林材", "海梅", "涛涝",
    "华毕", "军车", "兵乒", "建健", "国围", "平乎", "玲铃", "洪烘", "波坡", "峰锋", "晴睛", "清请",
    "红虹", "东冻", "宏弘", "伟韦", "俊浚", "斌彬", "辉晖", "莉利", "娟绢", "婷亭",
    "刚钢", "勇甬", "涵函", "瑞端", "鹏朋", "霞暇", "燕艳", "静靖", "丽俪", "芳方", "颖颍",
    "磊垒", "欣新", "晨辰",
]
_LOOKALIKE = {}
for _pair in LOOKALIKES:
    a, b = _pair[0], _pair[1]
    if a != b:
        _LOOKALIKE.setdefault(a, b)
        _LOOKALIKE.setdefault(b, a)

_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def is_english_line(line: str) -> bool:
    """Mostly English: at least four Latin words and few Chinese characters."""
    han = len(_HAN.findall(line))
    words = len(_LATIN_WORD.findall(line))
    return words >= 4 and han <= max(2, words // 10)


def is_chinese_line(line: str) -> bool:
    return len(_HAN.findall(line)) >= 6


@functools.lru_cache(maxsize=1)
def _chars_by_sound() -> tuple[dict[str, list[str]], frozenset[str]]:
    """Common characters by toneless pinyin (jieba's dictionary frequencies), and
    every syllable of every character in that dictionary."""
    import jieba
    from pypinyin import Style, lazy_pinyin

    path = Path(jieba.__file__).with_name("dict.txt")
    by_sound: dict[str, list[str]] = {}
    syllables: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) >= 2 and len(parts[0]) == 1 and _HAN.match(parts[0]):
            (sound,) = lazy_pinyin(parts[0], style=Style.NORMAL, errors="ignore") or [""]
            if sound:
                syllables.add(sound)
                if int(parts[1]) >= 2000:
                    by_sound.setdefault(sound, []).append(parts[0])
    for chars in by_sound.values():
        chars.sort()
    return by_sound, frozenset(syllables)


def _common_chars() -> dict[str, list[str]]:
    return _chars_by_sound()[0]


def _syllables() -> frozenset[str]:
    return _chars_by_sound()[1]


def _sound(ch: str) -> str:
    from pypinyin import Style, lazy_pinyin

    out = lazy_pinyin(ch, style=Style.NORMAL, errors="ignore")
    return out[0] if out else ""


def _surname_sounds() -> dict[str, list[str]]:
    sounds: dict[str, list[str]] = {}
    for s in SURNAMES:
        sounds.setdefault(_sound(s).capitalize(), []).append(s)
    return sounds


def _split_syllables(word: str) -> list[str] | None:
    """'xiaohong' -> ['xiao', 'hong'] (longest match first), or None."""
    syl = _syllables()
    word = word.lower().replace("-", "").replace("'", "")
    out, i = [], 0
    while i < len(word):
        for n in (6, 5, 4, 3, 2, 1):
            if word[i:i + n] in syl:
                out.append(word[i:i + n])
                i += n
                break
        else:
            return None
    return out


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
    assert doc.text[start:start + len(old)] == old and "\n" not in old + new
    return Mutation(kind, start, old, new, doc.line_of(start), reason, frozenset(keys), tuple(also))


# -- names -------------------------------------------------------------------------


_ROLES = ("教授|院士|博士|研究员|工程师|主任|书记|局长|部长|院长|校长|所长|董事长|总经理|经理|主席|总裁|"
          "会长|秘书长|负责人|先生|女士|同志|代表|委员|记者|编辑|作者|发言人|市长|省长|县长|区长|村长|厅长|"
          "处长|科长|队长|老师|医生|导演|演员|选手|教练|总统|总理|大使|首相|议员")
_CUE_AFTER = re.compile(rf"^(?:{_ROLES}|说|表示|指出|认为|介绍|强调|称|告诉|透露|坦言|回忆|建议|提出|等人?|摄|报道)")
_CUE_BEFORE = re.compile(rf"(?:{_ROLES}|通讯员|文/|文／)$")


def _looks_like_person(text: str, name: str, offsets: list[int]) -> bool:
    """jieba tags many words ``nr``; ask for a role or a speech verb next to one mention."""
    for o in offsets:
        if _CUE_AFTER.match(text[o + len(name): o + len(name) + 4]) or _CUE_BEFORE.search(text[max(0, o - 4): o]):
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
            if "·" in line[max(0, at - 1):at] + line[at + len(word):at + len(word) + 1]:
                continue  # part of a transliterated foreign name: the transliteration kind's
            if 2 <= len(word) <= 3 and word[0] in SURNAMES and all(_HAN.match(c) for c in word):
                found.setdefault(word, []).append(start + at)
    freq = jieba.dt.FREQ
    names = {n: offs for n, offs in found.items()
             if tags.get(n, "nr") == "nr" and freq.get(n, 0) < 50 and _looks_like_person(doc.text, n, offs)}
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
            new = name[0] + given[:i] + h + given[i + 1:]
            if new not in doc.text:
                out.append(_mut(doc, "name-homophone", at, name, new,
                                f"{name} written {new} once (homophone {c}→{h})", ("name", name)))
        look = [(j, _LOOKALIKE[ch]) for j, ch in enumerate(given) if ch in _LOOKALIKE]
        if look:
            j, alike = rng.choice(look)
            new = name[0] + given[:j] + alike + given[j + 1:]
            at2 = rng.choice(offsets)
            if new not in doc.text:
                out.append(_mut(doc, "name-lookalike", at2, name, new,
                                f"{name} written {new} once (look-alike {given[j]}→{alike})", ("name", name)))
        if name[0] in SURNAME_VARIANTS:
            new = SURNAME_VARIANTS[name[0]] + given
            at3 = rng.choice(offsets)
            if new not in doc.text:
                out.append(_mut(doc, "name-surname", at3, name, new,
                                f"{name} written {new} once (surname {name[0]}→{new[0]})", ("name", name)))
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
        new = name[:i] + h + name[i + 1:]
        if new in doc.text:
            continue
        out.append(_mut(doc, "name-transliteration", rng.choice(offs), name, new,
                        f"{name} written {new} once (homophone {name[i]}→{h})", ("name", name)))
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
                new_syl = syl[:k] + [repl] + syl[k + 1:]
                new_giv = "".join(new_syl)
                new_giv = new_giv[0].upper() + new_giv[1:]
                if "-" in giv:
                    new_giv = new_syl[0].capitalize() + "-" + "-".join(new_syl[1:])
                out.append(_mut(doc, "pinyin-syllable", start + gstart, giv, new_giv,
                                f"{chinese} romanized {sur} {new_giv} (one syllable off)", ("name", chinese)))
                break
    return out


def _find_chinese(text: str, surname_chars: list[str], syl: list[str]) -> str:
    """A Chinese name in ``text`` whose pinyin is surname + ``syl``."""
    n = len(syl)
    for s in surname_chars:
        pos = text.find(s)
        tries = 0
        while pos >= 0 and tries < 400:
            cand = text[pos:pos + 1 + n]
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
            if any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer))):
                near.append(cand)
    near.sort()
    return rng.choice(near) if near else ""


_EN_PERSON = re.compile(r"(?<![A-Za-z.] )\b([A-Z][a-z]+) ([A-Z][a-z]{3,})\b")
_NOT_NAMES = {"The", "This", "That", "These", "In", "On", "At", "For", "And", "But", "With", "From", "By",
              "China", "Chinese", "National", "State", "People", "Republic", "University", "Institute",
              "Academy", "Science", "Sciences", "Technology", "Council", "Ministry", "Committee",
              "Party", "Central", "New", "Development", "International", "Beijing", "Shanghai"}


_EN_CUE_BEFORE = re.compile(
    r"\b(?:Mr|Ms|Mrs|Dr|Prof|Professor|President|Minister|Chairman|Chairwoman|Director|Secretary|"
    r"Ambassador|Premier|Governor|Mayor|spokesperson|spokesman|spokeswoman|Senator|CEO|founder|by)\.? $")
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
        if len(offs) < 2 or not any(_EN_CUE_BEFORE.search(doc.text[max(0, o - 14):o])
                                    or _EN_CUE_AFTER.match(doc.text[o + len(name):o + len(name) + 12])
                                    for o in offs):
            continue
        at = rng.choice(offs)
        first, last = name.split(" ")
        i = rng.randrange(1, len(last) - 1)
        new_last = last[:i] + last[i] + last[i:] if rng.random() < 0.5 else last[:i] + last[i + 1:]
        new = f"{first} {new_last}"
        if new in doc.text:
            continue
        out.append(_mut(doc, "en-name-variant", at, name, new, f"{name} spelt {new} once", ("en-name", name)))
    return out


# -- numbers -------------------------------------------------------------------------

_ZH_FIGURE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(万亿|亿|万)?")
_EN_FIGURE = re.compile(
    r"(?<![\w.,$])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d,]*\.\d)(?:(st|nd|rd|th)\b)?"
    r"(\s?%|\s+percent(?:age points?)?|\s+per cent)?"
    r"(?:\s+(thousand|million|billion|trillion)\b)?"
    r"(?:\s+(square kilometers|square kilometres|kilometers|kilometres|kilograms|tons|tonnes|hectares|"
    r"yuan|dollars|meters|metres|years|people|students|households|companies|enterprises)\b)?"
)
_MAG = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_ZH_MAG = {"万": 1e4, "亿": 1e8, "万亿": 1e12}
_UNIT_SLIP = {
    "kilometers": "miles", "kilometres": "miles", "square kilometers": "square miles",
    "square kilometres": "square miles", "kilograms": "pounds", "tons": "kilograms", "tonnes": "kilograms",
    "hectares": "acres", "yuan": "dollars", "dollars": "yuan", "meters": "feet", "metres": "feet",
    "people": "households", "students": "teachers", "households": "people", "companies": "projects",
    "enterprises": "projects", "years": "months",
}


def _num(s: str) -> float:
    return float(s.replace(",", ""))


def _zh_values(text: str) -> set[float]:
    vals = set()
    for m in _ZH_FIGURE.finditer(text):
        try:
            v = float(m[1]) * _ZH_MAG.get(m[2] or "", 1)
        except ValueError:
            continue
        vals.add(round(v, 6))
    return vals


def _fmt_like(template: str, value: float) -> str:
    """Write ``value`` the way ``template`` is written (commas, decimals)."""
    decimals = len(template.split(".")[1]) if "." in template else 0
    s = f"{value:,.{decimals}f}" if "," in template else f"{value:.{decimals}f}"
    return s


def _change_digit(raw: str, rng: random.Random) -> str:
    digits = [i for i, c in enumerate(raw) if c.isdigit()]
    if len(digits) == 1:
        d = int(raw[digits[0]])
        choices = [x for x in range(1, 10) if x != d]
        return raw[:digits[0]] + str(rng.choice(choices)) + raw[digits[0] + 1:]
    i = rng.choice(digits[1:])
    d = int(raw[i])
    return raw[:i] + str(rng.choice([x for x in range(10) if x != d])) + raw[i + 1:]


_ORD = {1: "st", 2: "nd", 3: "rd"}


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else _ORD.get(n % 10, 'th')}"


WINDOW = 120  # lines: how far a figure's Chinese original may stand from its English


def _en_figure_mutations(doc: _Text, zh_text: str | None, rng: random.Random) -> list[Mutation]:
    """English figures that translate a figure of the Chinese, changed one way or another.

    The Chinese is ``zh_text`` (the other file of a translation pair) or, in
    one bilingual file, the Chinese lines within ``WINDOW`` lines of the
    English: an English figure whose value the Chinese does not give is not
    a translation and is left alone.
    """
    if zh_text is not None:
        whole = _zh_values(zh_text)
    else:
        per_line = [_zh_values(line) if is_chinese_line(line) else set() for line in doc.lines]
    out = []
    for no, start, line in doc.line_spans():
        if not is_english_line(line):
            continue
        if zh_text is None:
            zh_vals = set().union(*per_line[max(0, no - 1 - WINDOW): no - 1 + WINDOW])
        else:
            zh_vals = whole
        for m in _EN_FIGURE.finditer(line):
            raw, ordsfx, pct, mag, unit = m[1], m[2], m[3], m[4], m[5]
            v = _num(raw)
            full = v * _MAG.get(mag or "", 1)
            if round(full, 6) not in zh_vals or (v < 10 and not (pct or mag or unit or ordsfx)):
                continue  # not a figure of the Chinese, or a small bare number
            is_year = not (pct or mag or unit or ordsfx) and 1900 <= v <= 2100 and "." not in raw and "," not in raw
            options = ["digit"]
            if is_year:
                options = ["year"]
            elif ordsfx:
                options = ["ordinal"]
            else:
                if mag:
                    options.append("magnitude")
                elif v >= 1000:
                    options.append("scale")
                if pct and "point" not in pct:
                    options.append("points")
                if unit:
                    options.append("unit")
            how = rng.choice(options)
            s = start + m.start()
            old = m.group(0).rstrip()
            if how == "digit":
                new_raw = _change_digit(raw, rng)
                new = new_raw + old[len(raw):]
                why = f"{raw} changed to {new_raw}"
            elif how == "year":
                new = str(int(v) + rng.choice((-1, 1)))
                why = f"year {raw} changed to {new}"
            elif how == "ordinal":
                new = _ordinal(int(v) + 1) + old[len(raw) + len(ordsfx):]
                why = f"ordinal {raw}{ordsfx} changed"
            elif how == "magnitude":
                swap = {"thousand": "million", "million": rng.choice(("thousand", "billion")),
                        "billion": "million", "trillion": "billion"}[mag]
                new = old.replace(mag, swap, 1)
                why = f"{mag} written {swap}"
            elif how == "scale":
                factor = rng.choice((10, 0.1))
                new_raw = _fmt_like(raw, v * factor)
                new = new_raw + old[len(raw):]
                why = f"{raw} written {new_raw} (×{factor:g})"
            elif how == "points":
                new = raw + " percentage points" + old[len(raw) + len(pct):]
                why = "percent written as percentage points"
            else:  # unit
                new = old[: len(old) - len(unit)] + _UNIT_SLIP[unit]
                why = f"{unit} written {_UNIT_SLIP[unit]}"
            if new == old:
                continue
            out.append(_mut(doc, "en-figure", s, old, new, f"English figure: {why}", ("fig", round(full, 6))))
    return out


_ZH_COUNT = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?)(万|亿)?(名|人|个|家|项|件|所|座|台|辆|份|篇|次|吨|公里|千米|亿元|万元|元|户|位|处|条|种|倍|岁)"
    r"([\u3400-\u9fff]{2})")


def _zh_contradiction_mutations(doc: _Text, rng: random.Random) -> list[Mutation]:
    seen: dict[str, list[tuple[int, str]]] = {}
    for _, start, line in doc.line_spans():
        if not is_chinese_line(line):
            continue
        for m in _ZH_COUNT.finditer(line):
            if len(m[1].replace(".", "")) < 2 and not m[2]:
                continue  # 3个, 5人: too common to be the same count twice
            seen.setdefault(m.group(0), []).append(start + m.start())
    out = []
    for fig in sorted(seen):
        offs = seen[fig]
        lines = sorted({doc.line_of(o) for o in offs})
        if len(lines) < 2 or lines[-1] - lines[0] > WINDOW:
            continue  # the same count of the same thing, in one article
        at = rng.choice(offs)
        raw = _ZH_COUNT.match(fig)[1]
        new_raw = _change_digit(raw, rng)
        new = new_raw + fig[len(raw):]
        v = _num(raw) * _ZH_MAG.get(_ZH_COUNT.match(fig)[2] or "", 1)
        out.append(_mut(doc, "zh-contradiction", at, fig, new,
                        f"{fig} (stated {len(offs)}×) written {new} once", ("fig", round(v, 6))))
    return out


# -- citations -------------------------------------------------------------------------

_REF_HEADING = re.compile(r"^\s*(?:#+\s*)?(?:\*\*)?\s*(参考文献|References|REFERENCES|Bibliography)\s*[:：]?\s*(?:\*\*)?\s*$")
_REF_ENTRY = re.compile(r"^\s*(?:[-*]\s*)?\\?\[(\d{1,3})\\?\]|^\s*(\d{1,3})[.．、]\s")
_MARKER = re.compile(r"(\^?\{?\^?\\?\[(\d{1,3})(?:\s*[-–~,，]\s*(\d{1,3}))*\\?\]\}?)")
_STAT = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|万|亿|倍|个百分点)|百分之")
_YEAR_IN_ENTRY = re.compile(r"([,，.]\s*)((?:19|20)\d\d)([a-z]?)(?=\s*[,，.(（:：;；])")
_TYPE = re.compile(r"\[(J|M|C|D|R|S|P|N|Z|EB/OL|J/OL|M/OL|N/OL|C/OL|DB/OL)\]")
_TYPE_SLIP = {"J": "M", "M": "J", "C": "J", "D": "M", "R": "J", "S": "J", "P": "J", "N": "J", "Z": "J",
              "EB/OL": "J", "J/OL": "M", "M/OL": "J", "N/OL": "J", "C/OL": "J", "DB/OL": "J"}


def _reference_section(doc: _Text) -> tuple[int, dict[int, int]] | None:
    """(line index of the heading, entry number -> line index) of the last reference list."""
    heads = [i for i, line in enumerate(doc.lines) if _REF_HEADING.match(line)]
    if not heads:
        return None
    h = heads[-1]
    entries: dict[int, int] = {}
    for i in range(h + 1, len(doc.lines)):
        m = _REF_ENTRY.match(doc.lines[i])
        if m:
            entries.setdefault(int(m[1] or m[2]), i)
    return (h, entries) if len(entries) >= 3 else None


_CITATION_KINDS = {"marker-removed", "marker-past-list", "ref-missing-year", "ref-wrong-type"}


def _citation_mutations(doc: _Text, rng: random.Random) -> list[Mutation]:
    sec = _reference_section(doc)
    if not sec:
        return []
    head, entries = sec
    top = max(entries)
    out = []
    markers = []
    for i in range(head):
        line = doc.lines[i]
        for m in _MARKER.finditer(line):
            n = int(m[2])
            if n in entries and not _REF_ENTRY.match(line):
                markers.append((i, m))
    rng.shuffle(markers)
    removed = past = 0
    for i, m in markers:
        start = doc.starts[i] + m.start(1)
        # the sentence around the marker
        line = doc.lines[i]
        left = max(line.rfind("。", 0, m.start()), line.rfind("；", 0, m.start()))
        right = line.find("。", m.end())
        sentence = line[left + 1: right if right >= 0 else len(line)]
        if removed < 3 and _STAT.search(sentence):
            out.append(_mut(doc, "marker-removed", start, m[1], "",
                            f"marker {m[1]} removed from a sentence with a figure", ("marker", i),
                            also=(entries[int(m[2])] + 1,)))
            removed += 1
        elif past < 2 and m[1].count("[") == 1 and not m[3]:
            new = m[1].replace(m[2], str(top + rng.randrange(1, 6)), 1)
            out.append(_mut(doc, "marker-past-list", start, m[1], new,
                            f"marker {m[1]} changed to {new}: the list ends at [{top}]", ("marker", i),
                            also=(entries[int(m[2])] + 1,)))
            past += 1
    nums = sorted(entries)
    rng.shuffle(nums)
    years = types = 0
    for n in nums:
        i = entries[n]
        line = doc.lines[i]
        ym = _YEAR_IN_ENTRY.search(line)
        tm = _TYPE.search(line)
        if years < 2 and ym:
            start = doc.starts[i] + ym.start(1)
            old = ym.group(1) + ym.group(2) + ym.group(3)
            out.append(_mut(doc, "ref-missing-year", start, old, "",
                            f"reference [{n}] loses its year {ym.group(2)}", ("entry", n)))
            years += 1
        elif types < 2 and tm:
            new = f"[{_TYPE_SLIP[tm[1]]}]"
            out.append(_mut(doc, "ref-wrong-type", doc.starts[i] + tm.start(), tm.group(0), new,
                            f"reference [{n}] typed {new} instead of {tm.group(0)}", ("entry", n)))
            types += 1
    return out


_ATTRIBUTION = re.compile(
    r"(?:据|根据|依据)(?P<src>[^，。；！？\n]{2,24}?)(?:统计|数据|显示|调查|报告|测算|监测|发布|公布|报道|消息)(?:显示|表明|称)?[，,]"
    r"|(?P<src2>[\u3400-\u9fffA-Za-z]{2,16}?)(?:发布的|公布的)?(?:数据|统计|报告|调查|调查结果|监测数据)(?:显示|表明)[，,：:]?"
)
_VAGUE = ("数据", "统计", "有关", "相关", "报告", "调查", "研究", "资料")
# a source that points back to one named before (根据这个调查, 据该报告): removing
# it leaves the figure sourced by the earlier sentence, so it is no defect
_ANAPHORIC = ("这个", "这项", "这份", "这一", "该", "此", "上述", "以上", "前述")


def _attribution_mutations(doc: _Text, rng: random.Random) -> list[Mutation]:
    out = []
    for no, start, line in doc.line_spans():
        if not is_chinese_line(line):
            continue
        for m in _ATTRIBUTION.finditer(line):
            src = (m["src"] or m["src2"] or "").strip()
            if not src or src.startswith(_VAGUE + _ANAPHORIC) or src.endswith(("的",)) or len(src) < 2:
                continue
            end = line.find("。", m.end())
            rest = line[m.end(): end if end >= 0 else len(line)]
            if not _STAT.search(rest):
                continue
            out.append(_mut(doc, "attribution-removed", start + m.start(), m.group(0), "",
                            f"source «{m.group(0)}» removed from a statistic", ("attr", no)))
    return out


# -- planning ----------------------------------------------------------------------------


def sites_per_kind(text: str) -> int:
    """How many defects of one kind a document gets: three, and one more per 40 KB."""
    return 3 + len(text.encode("utf-8")) // 40_000


def plan(text: str, rng: random.Random, *, zh_text: str | None = None, per_kind: int | None = None) -> list[Mutation]:
    """Every mutation worth planting in ``text``, at most ``per_kind`` of each kind
    (by default ``sites_per_kind(text)``).

    ``zh_text`` is the Chinese an English figure must translate (the Chinese
    file of a translation pair); by default ``text`` itself.
    """
    doc = _Text(text)
    per_kind = per_kind or sites_per_kind(text)
    found: list[Mutation] = []
    found += _name_mutations(doc, rng)
    found += _transliteration_mutations(doc, rng)
    found += _pinyin_mutations(doc, rng)
    found += _en_name_mutations(doc, rng)
    found += _en_figure_mutations(doc, zh_text, rng)
    found += _zh_contradiction_mutations(doc, rng)
    found += _citation_mutations(doc, rng)
    found += _attribution_mutations(doc, rng)
    sec = _reference_section(doc)
    if sec:  # a reference list is not prose: only the citation kinds plant there
        last_prose_line = sec[0]  # 0-based heading index = 1-based line before it
        found = [mu for mu in found if mu.kind in _CITATION_KINDS or mu.line <= last_prose_line]
    by_kind: dict[str, list[Mutation]] = {}
    for mu in found:
        by_kind.setdefault(mu.kind, []).append(mu)
    chosen = []
    for kind in KINDS:
        items = by_kind.get(kind, [])
        rng.shuffle(items)
        chosen += items[:per_kind]
    return chosen


def copies(mutations: list[Mutation], max_copies: int = 4, min_gap: int = 2) -> list[list[Mutation]]:
    """Group mutations into copies that do not disturb each other: no two in one
    copy touch the same entity or lie within ``min_gap`` lines of each other."""
    groups: list[list[Mutation]] = []
    for mu in mutations:
        for g in groups:
            if all(abs(mu.line - o.line) >= min_gap and not (mu.keys & o.keys) and mu.kind != o.kind for o in g):
                g.append(mu)
                break
        else:
            if len(groups) < max_copies:
                groups.append([mu])
    return groups


def apply(text: str, mutations: list[Mutation]) -> str:
    """The text with every mutation applied (they must not overlap)."""
    out, pos = [], 0
    for mu in sorted(mutations, key=lambda m: m.start):
        if mu.start < pos:
            raise ValueError(f"overlapping mutations at offset {mu.start}")
        out.append(text[pos:mu.start])
        out.append(mu.new)
        pos = mu.start + len(mu.old)
    out.append(text[pos:])
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Show the defects planted into one file.")
    ap.add_argument("file")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    text = Path(args.file).read_text(encoding="utf-8")
    muts = plan(text, random.Random(f"{args.seed}:{Path(args.file).name}"))
    for n, group in enumerate(copies(muts, max_copies=sites_per_kind(text)), 1):
        for mu in group:
            print(f"copy {n}  line {mu.line:5}  {mu.kind:20} {mu.old!r} -> {mu.new!r}  {mu.reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
