"""What both alignment modes work with: the ``Bead`` record they return, the
anchors of a unit (figures, months, Latin words, person names read as
pinyin: ``anchors``) and the anchors two units share, weighted
(``_Anchored``).

Pure text analysis with no dynamic programming in it, so it stands apart
from the two aligners (``alignment_translation`` and the summary mode in
``lintkit.model.alignment``), which both read it; ``lintkit.model.alignment``
re-exports ``Bead`` and ``anchors``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

import regex


@dataclass(frozen=True)
class Bead:
    """Chinese units and the English units that render them.

    ``zh`` and ``en`` are indices into the lists given to :func:`align`; one
    of them may be empty (English with no Chinese, or Chinese left out).
    In summary mode several English units that render the same Chinese
    window share one bead.
    ``cost`` is lower for a likelier bead (comparable within one mode);
    ``anchors`` counts the shared anchors that supported it, 0 when the
    bead rests on lengths or position only.
    """

    zh: tuple[int, ...]
    en: tuple[int, ...]
    cost: float
    anchors: int


# --------------------------------------------------------------------------
# Anchors
# --------------------------------------------------------------------------

_FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")

# A figure, with what scales it.  The lookbehind keeps the tail of a longer
# number or of a decimal from counting on its own; codes such as COVID-19 or
# A4 are rejected in _figures() (they are Latin anchors instead).
_FIGURE = regex.compile(
    r"(?<![\d.])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<zh>万亿|亿|万|千)"
    r"|\s*(?P<en>thousand|million|billion|trillion|bn|mn)\b"
    r"|\s*(?P<pct>%|percentage\s+points?\b|percent\b|per\s+cent\b|个百分点))?",
    regex.IGNORECASE,
)
_MAGNITUDE = MappingProxyType(
    {
        "千": 10**3,
        "万": 10**4,
        "亿": 10**8,
        "万亿": 10**12,
        "thousand": 10**3,
        "million": 10**6,
        "billion": 10**9,
        "trillion": 10**12,
        "bn": 10**9,
        "mn": 10**6,
    }
)
# Currency codes written against the figure ("RMB120 million") are the one
# case where a letter right before a number does not make it part of a code.
_CURRENCY_BEFORE = regex.compile(r"(?:\b[A-Z]{3}|\$)$")

_URL = regex.compile(r"(?:https?://|www\.)[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+", regex.IGNORECASE)
_LATIN = regex.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]+(?:[-.&][A-Za-z0-9]+)*\+{0,2}")
_HAS_LETTER = regex.compile(r"[A-Za-z]")
# Function words would tie a Chinese unit quoting an English title to every
# English unit; they are never what makes two units each other's rendering.
_STOPWORDS = frozenset(
    "a an the of to in on at by for from with without as and or but nor not no is are was were be been "
    "being am it its this that these those he she they we you i his her their our your my me him them us "
    "has have had do does did will would shall should can could may might must than then there here so "
    "if into onto over under about after before also which who whom whose what when where why how all "
    "any each more most such only own same very just "
    # the words of figures, which are anchors as figures already
    "percent per cent percentage point points thousand million billion trillion".split()
) - {"who"}  # "WHO" the organisation matters more than "who" the pronoun

_ZH_MONTH = regex.compile(r"(?<![\d一二三四五六七八九十两几数])(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月")
_CN_MONTH = MappingProxyType({c: i for i, c in enumerate("一二三四五六七八九十", 1)} | {"十一": 11, "十二": 12})
_EN_MONTH = regex.compile(
    r"\b(?:(?P<m>January|February|April|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
    # May and March are also a verb and a noun: only next to a date or after "in".
    r"|(?P<m>May|March)(?=\s+\d)|(?<=\d\s|\b[Ii]n\s)(?P<m>May|March)\b)"
)
_EN_MONTH_NUMBER = MappingProxyType(
    {
        name: i
        for i, names in enumerate(
            (
                ("January", "Jan"),
                ("February", "Feb"),
                ("March", "Mar"),
                ("April", "Apr"),
                ("May",),
                ("June", "Jun"),
                ("July", "Jul"),
                ("August", "Aug"),
                ("September", "Sep", "Sept"),
                ("October", "Oct"),
                ("November", "Nov"),
                ("December", "Dec"),
            ),
            1,
        )
        for name in names
    }
)

# Common surnames with their reading *as a surname* (曾 zeng, 单 shan, 解 xie),
# which a general pinyin lookup gets wrong.
_SURNAMES = MappingProxyType(
    dict(
        pair.split(":")
        for pair in (
            "王:wang 李:li 张:zhang 刘:liu 陈:chen 杨:yang 黄:huang 赵:zhao 吴:wu 周:zhou 徐:xu 孙:sun "
            "马:ma 朱:zhu 胡:hu 郭:guo 何:he 林:lin 罗:luo 高:gao 郑:zheng 梁:liang 谢:xie 宋:song 唐:tang "
            "许:xu 韩:han 冯:feng 邓:deng 曹:cao 彭:peng 曾:zeng 肖:xiao 萧:xiao 田:tian 董:dong 袁:yuan "
            "潘:pan 蒋:jiang 蔡:cai 余:yu 杜:du 叶:ye 程:cheng 苏:su 魏:wei 吕:lv 丁:ding 沈:shen 姚:yao "
            "卢:lu 姜:jiang 崔:cui 钟:zhong 谭:tan 陆:lu 汪:wang 范:fan 金:jin 廖:liao 贾:jia 夏:xia 韦:wei "
            "付:fu 傅:fu 邹:zou 孟:meng 熊:xiong 秦:qin 邱:qiu 江:jiang 尹:yin 薛:xue 闫:yan 阎:yan 段:duan "
            "雷:lei 侯:hou 龙:long 史:shi 陶:tao 黎:li 贺:he 顾:gu 毛:mao 郝:hao 龚:gong 邵:shao 钱:qian "
            "严:yan 覃:qin 戴:dai 莫:mo 孔:kong 汤:tang 常:chang 温:wen 康:kang 施:shi 牛:niu 洪:hong "
            "单:shan 解:xie 仇:qiu 查:zha 区:ou 朴:piao 乐:yue 欧阳:ouyang 司马:sima 诸葛:zhuge 上官:shangguan "
            "司徒:situ 东方:dongfang 夏侯:xiahou 皇甫:huangfu 慕容:murong 令狐:linghu 公孙:gongsun"
        ).split()
    )
)
# 吕 is written Lü, Lyu or Lu in English; one spelling for both sides.
_SURNAME_SPELLING = MappingProxyType({"lyu": "lv", "lue": "lv"})
_SURNAME_PINYIN = frozenset(_SURNAMES.values()) | frozenset(_SURNAME_SPELLING)
_ZH_NAME = regex.compile("(?P<s>" + "|".join(sorted(_SURNAMES, key=len, reverse=True)) + r")(?P<g>\p{Han}{1,2})")
_CAPITALISED = regex.compile(r"\b[A-Z][A-Za-z]*(?:-[A-Za-z]+)?\b")
# One or two pinyin syllables (a given name); loose, since a false candidate
# only matters if the Chinese side yields the same string.
_SYLLABLE = (
    r"(?:(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uai|iao|ian|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|ve|a|o|e|i|u|v)"
    r"|er)"
)
_GIVEN_NAME = regex.compile(rf"(?:{_SYLLABLE}){{1,2}}")


def anchors(text: str) -> frozenset[str]:
    """The normalised anchors of one unit (figures as canonical strings like 'n:35000', Latin tokens as 'w:who').

    Both languages go through the same extraction, so that whatever the
    Chinese and the English of a bead share is found by intersecting
    their sets; see the module docstring for the kinds.
    """
    return _anchors(text, names=True, pinyin={})


def _anchors(text: str, *, names: bool, pinyin: dict[str, str]) -> frozenset[str]:
    """:func:`anchors`, with name lookup optional and a per-call pinyin cache."""
    text = text.translate(_FULLWIDTH)
    found: set[str] = set()
    found.update(_figures(text))
    found.update(_months(text))
    found.update(_latin(text))
    if names:
        found.update(_en_names(text))
        found.update(_zh_names(text, pinyin))
    return frozenset(found)


def _figures(text: str) -> list[str]:
    """Figures as ``n:VALUE`` / ``p:VALUE``, VALUE with magnitude applied."""
    out = []
    for m in _FIGURE.finditer(text):
        start = m.start()
        if start and text[start - 1].isascii() and text[start - 1].isalpha():
            if not _CURRENCY_BEFORE.search(text, 0, start):
                continue  # part of a code or a model name: A4, MP3, H5N1
        elif start > 1 and text[start - 1] == "-" and text[start - 2].isascii() and text[start - 2].isalpha():
            continue  # COVID-19, GPT-4
        digits = m["num"].replace(",", "")
        value = Decimal(digits)
        scale = m["zh"] or m["en"]
        if scale:
            value *= _MAGNITUDE[scale.lower()]
        elif not m["pct"] and len(digits.replace(".", "")) == 1:
            continue  # a lone digit: too common to anchor anything
        out.append(("p:" if m["pct"] else "n:") + _canonical(value))
    return out


def _canonical(value: Decimal) -> str:
    """35000, 3.5 — no exponent, no trailing zeros, so equal values are equal strings."""
    return format(value.normalize(), "f")


def _months(text: str) -> list[str]:
    """Months as ``month:N`` from 3月 / 三月 and March / Mar."""
    out = []
    for m in _ZH_MONTH.finditer(text):
        token = m[1]
        number = int(token) if token.isdigit() else _CN_MONTH[token]
        out.append(f"month:{number}")
    for m in _EN_MONTH.finditer(text):
        out.append(f"month:{_EN_MONTH_NUMBER[m['m']]}")
    return out


def _latin(text: str) -> list[str]:
    """URLs and Latin tokens (with a letter, two characters or more) as ``w:token``."""
    out = []
    for m in _URL.finditer(text):
        url = m[0].lower().split("://", 1)[-1].removeprefix("www.").rstrip(".,;:!?'/")
        if url:
            out.append("w:" + url)
    if out:
        text = _URL.sub(" ", text)
    for token in {t.lower() for t in _LATIN.findall(text)}:
        if len(token) >= 2 and token not in _STOPWORDS and _HAS_LETTER.search(token):
            out.append("w:" + token)
    return out


def _en_names(text: str) -> list[str]:
    """Pinyin names, surname first or last, as ``name:surnamegiven``."""
    out = []
    words = list(_CAPITALISED.finditer(text))
    for first, second in zip(words, words[1:]):
        if text[first.end() : second.start()] not in (" ", "\u00a0"):
            continue
        a, b = first[0].lower().replace("-", ""), second[0].lower().replace("-", "")
        if a in _SURNAME_PINYIN and _GIVEN_NAME.fullmatch(b):
            out.append(f"name:{_SURNAME_SPELLING.get(a, a)}{b}")
        if b in _SURNAME_PINYIN and _GIVEN_NAME.fullmatch(a):
            out.append(f"name:{_SURNAME_SPELLING.get(b, b)}{a}")
    return out


def _zh_names(text: str, pinyin: dict[str, str]) -> list[str]:
    """Every surname + one or two characters, in pinyin, as ``name:...``.

    Most candidates are not names (王 in 国王); they cost a lookup and
    match nothing, since only what the English also names can count.
    """
    out = []
    for m in _ZH_NAME.finditer(text, overlapped=True):
        surname = _SURNAMES[m["s"]]
        given = ""
        for char in m["g"]:  # 王晓 and 王晓红: the given name has one or two characters
            given += _pinyin_of(char, pinyin)
            out.append(f"name:{surname}{given}")
            if surname == "lv":  # 吕 as most English texts spell it
                out.append(f"name:lu{given}")
    return out


def _pinyin_of(char: str, cache: dict[str, str]) -> str:
    """Toneless pinyin of one character, cached for one call of :func:`align`."""
    if char not in cache:
        # lintkit's cached pinyin table: importing pypinyin itself costs 0.35 s
        from .pinyin import default_pinyin

        cache[char] = "".join(default_pinyin(char)).replace("ü", "v")
    return cache[char]


# --------------------------------------------------------------------------
# Shared anchors of a bead
# --------------------------------------------------------------------------

# Weight of one shared anchor, in the unit of the bead costs (nats).  A
# figure found once on each side (2.5) outweighs a length mismatch of about
# 1.8 standard deviations: enough to choose between two paragraphs of
# similar length, not enough on its own to pay for a 1-0 bead (4.2) or to
# glue two paragraphs of very different lengths.  Latin words are a little
# weaker (an English term quoted in Chinese may recur nearby); months much
# weaker (twelve values, many dates).
_KIND_WEIGHT = MappingProxyType({"n": 2.5, "p": 2.5, "name": 2.5, "w": 2.0, "month": 1.0})
_BONUS_CAP = 7.5  # three strong anchors settle a bead; more should not drown the lengths


@dataclass(frozen=True)
class _Anchored:
    """Each unit's anchors that the other side also has, and their weights."""

    zh: list[frozenset[str]]
    en: list[frozenset[str]]
    weight: dict[str, float]
    df_zh: Counter[str]  # in how many Chinese units each anchor occurs
    df_en: Counter[str]

    def bonus(self, shared: frozenset[str] | set[str]) -> float:
        """The cost a bead saves for the anchors its sides share."""
        if len(shared) == 1:  # most beads share one anchor: its weight, without a generator
            (anchor,) = shared
            return min(_BONUS_CAP, self.weight[anchor])
        return min(_BONUS_CAP, sum(self.weight[a] for a in shared))


def _anchored(
    zh: Sequence[str], en: Sequence[str], anchor_sets: dict[str, list[frozenset[str]]] | None = None
) -> _Anchored:
    """Extract both sides' anchors and keep those found on both sides.
    ``anchor_sets``, when given, receives each side's ``anchors()`` before
    that: ``"en"`` always, ``"zh"`` when the English names people (else the
    Chinese sets lack names, and are not ``anchors()``)."""
    pinyin: dict[str, str] = {}
    en_sets = [_anchors(t, names=True, pinyin=pinyin) for t in en]
    en_names = any(a.startswith("name:") for s in en_sets for a in s)
    zh_sets = [_anchors(t, names=en_names, pinyin=pinyin) for t in zh]
    if anchor_sets is not None:
        anchor_sets["en"] = en_sets
        if en_names:
            anchor_sets["zh"] = zh_sets
    common = frozenset().union(*zh_sets) & frozenset().union(*en_sets)
    zh_sets = [s & common for s in zh_sets]
    en_sets = [s & common for s in en_sets]
    df_zh = Counter(a for s in zh_sets for a in s)
    df_en = Counter(a for s in en_sets for a in s)
    weight = {a: _KIND_WEIGHT[a.split(":", 1)[0]] / max(df_zh[a], df_en[a]) for a in common}
    return _Anchored(zh_sets, en_sets, weight, df_zh, df_en)
