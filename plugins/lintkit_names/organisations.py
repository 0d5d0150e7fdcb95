"""Organisation names in Chinese and English: a small glossary of generic
morphemes, Chinese names found by it, and the places where a file pairs a
Chinese organisation name with an English name or an acronym.

Used by ``names.organisation-mismatch``.  The glossary holds only generic
words of organisation names (国际, 协会, 大学 ...) and the provinces and
large cities of China; it never names an organisation.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import regex

__all__ = [
    "Morpheme",
    "Pairing",
    "segment_name",
    "chinese_name_before",
    "english_words",
    "missing_morphemes",
    "extra_words",
    "acronym_letter_missing",
    "initials",
    "pairings",
    "chinese_names_in",
    "HEAD_STEMS",
]

# -- the glossary ---------------------------------------------------------------
#
# Key morphemes: a Chinese morpheme and the groups of English stems that
# must each appear in an English rendering of a name containing it.  An
# English word matches a stem when it starts with it (case-insensitive).

_SCIENCE = ("scien", "sci-")
_TECH = ("techn", "tech")
_ACADEMY = ("academ",)

KEY: dict[str, tuple[tuple[str, ...], ...]] = {
    "国际": (("internation",),),
    "中国": (("china", "chinese", "sino"),),
    "中华": (("china", "chinese", "sino"),),
    "国家": (("national", "state"),),
    "世界": (("world", "global"),),
    "全球": (("global", "world"),),
    "亚洲": (("asia",),),
    "欧洲": (("europ",),),
    "科学技术": (_SCIENCE, _TECH),
    "科学": (_SCIENCE,),
    "技术": (_TECH,),
    "科技": (_SCIENCE + _TECH,),
    "工程": (("engineer",),),
    "促进": (("promot", "advanc"),),
    "社会科学院": (_ACADEMY, ("social",), _SCIENCE),
    "科学院": (_ACADEMY, _SCIENCE),
    "工程院": (_ACADEMY, ("engineer",)),
}

# Head morphemes (what kind of body): the English head words they stand
# for.  Official English names translate heads freely (a 学会 may be a
# Federation, a 协会 an Institute), so a head is only reported missing when
# the English name has no head word at all.
HEADS: dict[str, tuple[str, ...]] = {
    "促进会": ("association", "society", "council", "alliance"),
    "协会": ("association", "society"),
    "学会": ("society", "association", "institut"),
    "研究院": ("institut", "academ"),
    "研究所": ("institut",),
    "研究中心": ("cent",),
    "大学": ("universit",),
    "学院": ("college", "institut", "academ", "school", "universit"),
    "委员会": ("committee", "commission", "council", "board"),
    "中心": ("cent",),
    "联合会": ("federation", "union", "confederation", "association", "league"),
    "基金会": ("foundation", "fund"),
    "组织": ("organi",),
    "联盟": ("alliance", "union", "league", "coalition", "consortium"),
}
HEAD_STEMS = frozenset(s for stems in HEADS.values() for s in stems) | {
    "federation",
    "institut",
    "academ",
    "council",
    "agency",
    "bureau",
    "administration",
    "ministry",
}
# 促进会 also says "promotion": checked as the key morpheme 促进.
_HEAD_KEYS = {"促进会": "促进"}

# Filler morphemes: generic words of organisation names that only help find
# where a name begins; their English words vary too much to be checked.
FILLER = frozenset(
    """标准化 标准 电工 电气 电子 电信 工程师 人工智能 智能 安全 创新 研究 发展 经济 合作 与 和 及
    医学 医药 农业 教育 文化 信息 通信 能源 环境 环保 产业 工业 企业 贸易 新闻 出版 自然 社会 全国
    美国 英国 法国 德国 日本 俄罗斯 欧盟 市 省 管理 专家 学术 交流 开发 高新 计算机 软件 网络 数字
    卫生 健康 国防 航空 航天 空间 物理 化学 生物 材料 数学 天文 地理 测绘 遥感 机械 汽车 电力 石油
    化工 金融 银行 投资 青年 妇女 人民 民主 和平 友好 对外 成果 转化 推广 应用 联合 基础 综合
    质量 检测 认证 计量 知识产权 专利 城市 海洋 气象 地质 水利 交通 建筑 标准与 师 者 基金""".split()
)

# Provinces, autonomous regions and large cities of China, with the
# established English spellings that are not their pinyin.
PLACES = frozenset(
    """北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南
    广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 石家庄 太原
    沈阳 长春 哈尔滨 南京 杭州 合肥 福州 南昌 济南 郑州 武汉 长沙 广州 海口 成都 贵阳 昆明 西安
    兰州 西宁 呼和浩特 南宁 拉萨 银川 乌鲁木齐 深圳 大连 青岛 宁波 厦门 苏州 无锡 天津""".split()
)
EXONYMS: dict[str, tuple[str, ...]] = {
    "北京": ("peking",),
    "香港": ("hongkong",),
    "澳门": ("macau", "macao"),
    "西藏": ("tibet",),
    "内蒙古": ("innermongolia",),
    "陕西": ("shaanxi",),
    "广州": ("canton",),
    "厦门": ("amoy",),
    "南京": ("nanking",),
    "天津": ("tientsin",),
    "重庆": ("chungking",),
    "苏州": ("soochow",),
    "哈尔滨": ("harbin",),
    "乌鲁木齐": ("urumqi",),
    "呼和浩特": ("hohhot",),
    "拉萨": ("lhasa",),
    "台北": ("taipei",),
}

_ALL = set(KEY) | set(HEADS) | FILLER | PLACES
_MAXLEN = max(map(len, _ALL))
# Single characters that may stand before a name in running text
# (如国际…组织, 由…协会 …): the name starts after them.
_LEAD = set("如由在对是为与和及将把被向从经等即据的了")

FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "in", "on", "&", "to", "at", "de"})


@dataclass(frozen=True)
class Morpheme:
    text: str
    start: int  # offset in the name
    kind: str  # key | head | filler | place


def _kind(m: str) -> str:
    if m in HEADS:
        return "head"
    if m in KEY:
        return "key"
    if m in PLACES:
        return "place"
    return "filler"


def segment_name(text: str) -> tuple[list[Morpheme], bool]:
    """Segment the Han text ``text`` from its end with the glossary (longest
    match first).  Returns the morphemes of the longest glossary-covered
    suffix and whether that suffix reaches the start of ``text`` (after
    leading particles such as 如 or 由): ``False`` means the name may go on
    to the left with words the glossary does not know."""
    out: list[Morpheme] = []
    end = len(text)
    while end > 0:
        for n in range(min(_MAXLEN, end), 0, -1):
            piece = text[end - n : end]
            if piece in _ALL:
                out.append(Morpheme(piece, end - n, _kind(piece)))
                end -= n
                break
        else:
            break
    out.reverse()
    complete = end == 0 or all(c in _LEAD for c in text[:end]) or end <= len(text) and text[end - 1] in _LEAD
    return out, complete


_CONJ = ("与", "和", "及")
_HAN_RUN = regex.compile(r"\p{Han}+")
_HAN_CHAR = regex.compile(r"\p{Han}")


def name_from_run(run: str) -> tuple[str, list[Morpheme], bool] | None:
    """The organisation name at the end of a Han run, if the run ends with
    a head morpheme and the name has at least one other morpheme."""
    morphs, complete = segment_name(run)
    # 甲协会与乙协会: two names; the one at the end starts after the conjunction.
    for k in range(len(morphs) - 1, 0, -1):
        if morphs[k].text in _CONJ and morphs[k - 1].kind == "head":
            morphs, complete = morphs[k + 1 :], True
            break
    while morphs and morphs[0].text in _CONJ:
        morphs = morphs[1:]
        complete = False
    if len(morphs) < 2 or morphs[-1].kind != "head":
        return None
    if not any(m.kind in ("key", "place") for m in morphs):
        return None
    name = run[morphs[0].start :]
    base = morphs[0].start
    morphs = [Morpheme(m.text, m.start - base, m.kind) for m in morphs]
    return name, morphs, complete


def chinese_name_before(text: str, end: int) -> tuple[int, str, list[Morpheme], bool] | None:
    """The organisation name ending at offset ``end`` (right before a
    parenthesis), with its start offset."""
    start = end
    while start > 0 and _HAN_CHAR.match(text[start - 1]) and end - start < 40:
        start -= 1
    found = name_from_run(text[start:end])
    if not found:
        return None
    name, morphs, complete = found
    return end - len(name), name, morphs, complete


@functools.cache
def _head_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(h) for h in HEADS}))


@functools.cache
def _head_end() -> regex.Pattern | None:
    """A character a head morpheme can end with (None: no such filter)."""
    if "" in HEADS:
        return None
    return regex.compile("[" + "".join(regex.escape(c) for c in sorted({h[-1] for h in HEADS})) + "]")


def chinese_names_in(text: str, start: int, end: int) -> list[tuple[int, str, list[Morpheme], bool]]:
    """Every organisation name (ending with a head morpheme) in a span,
    names inside longer ones included (中国科学院 in 中国科学院大学)."""
    out = []
    lengths = _head_lengths()
    head_end = _head_end()
    ends: range | list[int]
    for m in _HAN_RUN.finditer(text, start, end):
        run = m.group()
        # a head morpheme must end at i: only where the character at i - 1
        # ends some head, and then look up the few suffix lengths a head can
        # have rather than test every head (hot on a long issue)
        if head_end is None:
            ends = range(len(run), 1, -1)
        else:
            ends = [e for e in reversed([c.end() for c in head_end.finditer(run)]) if e > 1]
        for i in ends:
            if not any(run[i - k : i] in HEADS for k in lengths if k <= i):
                continue
            found = name_from_run(run[:i])
            if found:
                name, morphs, complete = found
                out.append((m.start() + i - len(name), name, morphs, complete))
    return out


# -- English ---------------------------------------------------------------------

_EN_TOKEN = regex.compile(r"[\p{Latin}][\p{Latin}'’-]*|&")


def english_words(name: str) -> list[str]:
    return _EN_TOKEN.findall(name)


_CAMEL = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})")


def _stem_in(words: list[str], stems) -> bool:
    # ShanghaiTech, SciTech: the parts of a camel-case word count too.
    low = [part.lower() for w in words for part in [w, *_CAMEL.split(w)[1:]]]
    return any(w.startswith(s) for w in low for s in stems)


@functools.lru_cache(maxsize=256)
def _place_pinyin(place: str) -> tuple[str, ...]:
    # lintkit's cached table of pypinyin's readings: importing pypinyin
    # itself costs ~0.3 s, for a handful of place names.
    from lintkit.analysis.names import plain_pinyin

    return (plain_pinyin(place).replace("ü", "v"),) + EXONYMS.get(place, ())


def _joined(words: list[str]) -> str:
    return "".join(words).lower().replace("-", "").replace("'", "").replace("’", "")


def checked_count(morphs: list[Morpheme]) -> int:
    """How many English words the Chinese name asks for (key groups, heads, places)."""
    n = 0
    for m in morphs:
        if m.kind == "key":
            n += len(KEY[m.text])
        elif m.kind in ("head", "place"):
            n += 1
    return n


def missing_morphemes(morphs: list[Morpheme], en: list[str]) -> list[tuple[str, str]]:
    """Key morphemes and places of the Chinese name with no English word in
    ``en``: (morpheme, the English word expected)."""
    out = []
    joined = _joined(en)
    present = {m.text for m in morphs}
    for m in morphs:
        if m.kind == "key":
            for group in KEY[m.text]:
                if not _stem_in(en, group):
                    out.append((m.text, _display(group)))
        elif m.kind == "head":
            if not _stem_in(en, HEAD_STEMS):
                out.append((m.text, _display(HEADS[m.text])))
            key = _HEAD_KEYS.get(m.text)
            if key and key not in present:
                for group in KEY[key]:
                    if not _stem_in(en, group):
                        out.append((key, _display(group)))
        elif m.kind == "place":
            if not any(p in joined for p in _place_pinyin(m.text)):
                out.append((m.text, _place_pinyin(m.text)[0].capitalize()))
    return out


_DISPLAY = {
    "internation": "International",
    "china": "China",
    "national": "National",
    "world": "World",
    "global": "Global",
    "asia": "Asia",
    "europ": "Europe",
    "scien": "Science",
    "techn": "Technology",
    "engineer": "Engineering",
    "promot": "Promotion",
    "academ": "Academy",
    "social": "Social",
    "association": "Association",
    "institut": "Institute",
    "cent": "Center",
    "universit": "University",
    "college": "College",
    "committee": "Committee",
    "federation": "Federation",
    "foundation": "Foundation",
    "organi": "Organization",
    "alliance": "Alliance",
    "society": "Society",
}


def _display(stems) -> str:
    return "/".join(dict.fromkeys(_DISPLAY.get(s, s.capitalize()) for s in stems if not s.endswith("-")))


# English words that always stand for a Chinese morpheme: when the Chinese
# name lacks every morpheme (or abbreviation character) that could give it,
# the English name adds something.
_EXTRA = {
    "internation": ("International", ("国际", "际")),
    # 国家…委员会 is "… of China" in English: any 国 is evidence enough.
    "china": ("China", ("中", "华", "国")),
    "chinese": ("Chinese", ("中", "华", "国")),
    "sino": ("Sino", ("中", "华", "国")),
}


def extra_words(name: str, en: list[str]) -> list[str]:
    """Words of the English name that the (complete) Chinese name has no
    morpheme for: International, China/Chinese, and places."""
    out = []
    for w in en:
        low = w.lower()
        for stem, (_shown, evidence) in _EXTRA.items():
            if low.startswith(stem) and not any(e in name for e in evidence):
                out.append(w)
    joined = _joined(en)
    words_low = {w.lower().replace("-", "") for w in en}
    for place in PLACES:
        if place in name:
            continue
        for p in _place_pinyin(place):
            # a whole word (or two words for a two-word exonym)
            if p in words_low or len(p) > 6 and p in joined and p not in name:
                if any(_place_pinyin(q)[0] == p for q in PLACES if q in name):
                    continue
                out.append(p.capitalize())
    return list(dict.fromkeys(out))


def initials(words: list[str]) -> list[tuple[str, int]]:
    """Letters of the acronym of ``words``: function words left out, an
    all-capitals word gives all its letters; (letter, word index)."""
    out: list[tuple[str, int]] = []
    for i, w in enumerate(words):
        if w.lower() in FUNCTION_WORDS:
            continue
        if len(w) > 1 and w.isupper() and w.isalpha():
            out.extend((c, i) for c in w)
        else:
            out.append((w[0].upper(), i))
    return out


def acronym_letter_missing(acronym: str, words: list[str], morphs: list[Morpheme]) -> tuple[str, str, str] | None:
    """If ``acronym`` is the initials of ``words`` with one letter left out,
    and the word that letter stands for renders a key morpheme or place of
    the Chinese name, return (word, morpheme, the full initials)."""
    letters = initials(words)
    full = "".join(c for c, _ in letters)
    if full == acronym.upper() or len(full) != len(acronym) + 1:
        return None
    for k, (_, wi) in enumerate(letters):
        if full[:k] + full[k + 1 :] != acronym.upper():
            continue
        if k + 1 < len(full) and full[k + 1] == full[k] or k and full[k - 1] == full[k]:
            # A doubled letter written once (National Natural … as NSFC) is a
            # common, often official, short form.
            return None
        word = words[wi]
        for m in morphs:
            if m.kind == "key" and any(_stem_in([word], g) for g in KEY[m.text]):
                return word, m.text, full
            if m.kind == "place" and _joined([word]) in _place_pinyin(m.text):
                return word, m.text, full
    return None


# -- pairings in a document ----------------------------------------------------------


@dataclass
class Pairing:
    """A Chinese name with the English name and/or acronym paired with it."""

    cn: str
    cn_start: int
    morphs: list[Morpheme]
    complete: bool
    en: str | None = None
    en_span: tuple[int, int] | None = None
    acr: str | None = None
    acr_span: tuple[int, int] | None = None
    how: str = ""  # parenthesis | label | acronym | article
    related: list = field(default_factory=list)


_CAP = r"[A-Z][\p{Latin}'’-]*"
_EN_NAME = rf"{_CAP}(?:\s+(?:(?:of|for|and|the|in|on|&|de)\s+)*{_CAP})+"
_ACR = r"[A-Z][A-Za-z&]{1,9}(?![\p{L}\d&-])"
_PAREN = regex.compile(rf"[（(]\s*(?:(?P<en>{_EN_NAME})\s*(?:[,，;；]\s*|[（(]\s*)?)?(?P<acr>{_ACR})?\s*[）)]?")
_LABEL = regex.compile(
    rf"英文(?:名称|全称|名|译名)\s*[:：为是]?\s*[“\"]?(?P<en>{_EN_NAME})[”\"]?"
    rf"(?:\s*[（(]\s*(?P<acr>{_ACR})\s*[）)])?"
    rf"(?:[^。！？\n]{{0,20}}?英文(?:简称|缩写)\s*[:：为是]?\s*[“\"]?(?P<acr2>{_ACR}))?"
    rf"|英文(?:简称|缩写)\s*[:：为是]?\s*[“\"]?(?P<acr3>{_ACR})"
)
_EN_DEF = regex.compile(rf"(?P<en>{_EN_NAME})\s*\(\s*(?P<acr>{_ACR})\s*\)")
_SENT_START = regex.compile(r"[。！？!?\n]")


def _is_acronym(s: str | None) -> bool:
    if not s:
        return False
    return sum(c.isupper() for c in s) >= 2


def _trim_en(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "The"/"the" from an English name span."""
    m = regex.match(r"(?:[Tt]he)\s+", text[start:end])
    return (start + m.end(), end) if m else (start, end)


def _acronym_suffix(text: str, start: int, end: int, acr: str) -> tuple[int, int] | None:
    """The part of a run of capitalised words that the acronym after it
    abbreviates: the longest suffix whose initials are the acronym, or the
    acronym with one letter more or less (an acronym that lost a letter,
    a name that lost a word)."""
    words = [(w.group(), w.start()) for w in _EN_TOKEN.finditer(text, start, end)]
    one_more = None
    for i, (w, s) in enumerate(words):
        if not w[:1].isupper() or w.lower() in FUNCTION_WORDS:
            continue
        full = "".join(c for c, _ in initials([x for x, _ in words[i:]]))
        if full == acr.upper():
            return (s, end)
        if one_more is None and _one_apart(full, acr.upper()):
            one_more = (s, end)
    return one_more


def _one_apart(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one letter added or left out."""
    if len(a) < len(b):
        a, b = b, a
    return len(a) == len(b) + 1 and any(a[:k] + a[k + 1 :] == b for k in range(len(a)))


def pairings(doc) -> list[Pairing]:
    """Every explicit pairing of a Chinese organisation name with an English
    name or acronym in ``doc`` (cached through ``doc.analysis``)."""
    return doc.analysis(_pairings)


_OPEN_PAREN = regex.compile(r"[（(]")


def _pairings(doc) -> list[Pairing]:
    text = doc.text
    out: list[Pairing] = []
    for b in doc.blocks:
        if b.lang not in ("zh", "mixed"):
            continue
        # 中文名（English Name, ACR） / 中文名（ACR）
        for m in _OPEN_PAREN.finditer(text, b.start, b.end):
            p = m.start()
            found = chinese_name_before(text, p)
            if not found:
                continue
            pm = _PAREN.match(text, p, b.end)
            if not pm or not (pm.group("en") or _is_acronym(pm.group("acr"))):
                continue
            start, name, morphs, complete = found
            pr = Pairing(name, start, morphs, complete, how="parenthesis")
            if pm.group("en") and len(english_words(pm.group("en"))) >= 2:
                pr.en, pr.en_span = pm.group("en"), _trim_en(text, *pm.span("en"))
                pr.en = text[pr.en_span[0] : pr.en_span[1]]
            if _is_acronym(pm.group("acr")):
                pr.acr, pr.acr_span = pm.group("acr"), pm.span("acr")
            if pr.en or pr.acr:
                out.append(pr)
        # 中文名，……英文名称 English Name (ACR)
        for m in _LABEL.finditer(text, b.start, b.end):
            sent = b.start
            for s in _SENT_START.finditer(text, b.start, m.start()):
                sent = s.end()
            names = chinese_names_in(text, sent, m.start())
            if not names:
                continue
            # The subject the label describes: the last name set off by a
            # comma or parenthesis (经…委员会批准，甲协会，英文名称 …), else the first.
            marked = [x for x in names if regex.match(r"\s*[，,（(、]|\s*英文", text[x[0] + len(x[1]) : m.start()])]
            start, name, morphs, complete = marked[-1] if marked else names[0]
            pr = Pairing(name, start, morphs, complete, how="label")
            if m.group("en"):
                pr.en_span = _trim_en(text, *m.span("en"))
                pr.en = text[pr.en_span[0] : pr.en_span[1]]
            for g in ("acr", "acr2", "acr3"):
                if _is_acronym(m.group(g)):
                    pr.acr, pr.acr_span = m.group(g), m.span(g)
                    break
            out.append(pr)
    # English Name (ACR) in the English text, where the acronym or the name
    # is paired with a Chinese name elsewhere in the file.
    by_acr: dict[str, Pairing] = {}
    by_en: dict[str, Pairing] = {}
    for pr in out:
        if pr.acr:
            by_acr.setdefault(pr.acr, pr)
        if pr.en:
            by_en.setdefault(pr.en.lower(), pr)
    seen = {pr.en_span for pr in out if pr.en_span}
    for b in doc.blocks:
        if b.lang not in ("en", "mixed"):
            continue
        for m in _EN_DEF.finditer(text, b.start, b.end):
            acr = m.group("acr")
            if not _is_acronym(acr):
                continue
            en_span = _acronym_suffix(text, m.start("en"), m.end("en"), acr)
            if en_span is None or en_span in seen:
                continue
            en = text[en_span[0] : en_span[1]]
            src = by_acr.get(acr) or by_en.get(en.lower())
            if src is None:
                continue
            out.append(
                Pairing(src.cn, src.cn_start, src.morphs, src.complete, en, en_span, acr, m.span("acr"), how="acronym")
            )
    return out
