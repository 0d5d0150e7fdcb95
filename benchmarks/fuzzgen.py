"""Generators of hostile and half-real documents, shared by the fuzz campaign
(``benchmarks/fuzz.py``) and the property tests (``tests/test_properties.py``).

Every generator takes a ``random.Random`` (or anything with its methods:
the property tests pass Hypothesis's ``st.randoms()``, so a failing example
shrinks) and returns text; nothing here reads lintkit.  The text is invented
(no sample-article names or figures): news, magazine, journal, bilingual
layouts and unstructured soup, built from

* CJK words, person names with roles and verbs of saying, organisations;
* figures: digits (``1,200``, ``１２``), decimals, ``万``/``亿`` magnitudes,
  Chinese numerals (well formed and random runs of 一二三…万亿), percents,
  approximations (``余``, ``近``), dates, ordinals, English numbers;
* full- and half-width punctuation, quotation marks, brackets;
* reference markers ``[n]`` and ``^[n]``, a 参考文献 section with entries
  (well formed, malformed, unnumbered, repeated);
* "Reading Summary" / "Abstract" lines with English, contents lines;
* Markdown: headings (ATX and setext), lists, quotes, code, tables, links,
  suppression comments;
* emoji and other astral characters, combining marks, right-to-left text,
  control and zero-width characters, very long lines.

``mutate_real`` takes a real article and deletes, duplicates, shuffles and
cuts its lines; ``with_line_endings`` turns LF text into CRLF, CR or a mix.
Only ``LF`` text comes out of the other generators, so a caller can compare
one text under several line endings.
"""

from __future__ import annotations

import bisect
import random
import re
from pathlib import Path

__all__ = [
    "FRAGMENTS",
    "ALPHABET",
    "HOSTILE",
    "document",
    "real_texts",
    "mutate_real",
    "with_line_endings",
    "target_size",
    "chinese_numeral",
    "position_errors",
    "finding_errors",
    "finding_key",
]

ROOT = Path(__file__).resolve().parent.parent

# -- vocabulary -------------------------------------------------------------------

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段"
COMPOUND_SURNAMES = ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫"]
GIVEN = "建明华伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛超霞平刚桂志宏海峰晓雯嘉宁一鸣思远文博雨桐立群子轩浩然欣怡"
PINYIN = {
    "王": "Wang", "李": "Li", "张": "Zhang", "刘": "Liu", "陈": "Chen", "杨": "Yang", "赵": "Zhao", "黄": "Huang",
    "周": "Zhou", "吴": "Wu", "徐": "Xu", "孙": "Sun", "林": "Lin", "郭": "Guo", "建": "jian", "明": "ming",
    "华": "hua", "伟": "wei", "芳": "fang", "海": "hai", "峰": "feng", "晓": "xiao", "文": "wen", "博": "bo",
    "一": "yi", "鸣": "ming", "思": "si", "远": "yuan", "强": "qiang", "军": "jun", "志": "zhi", "宏": "hong",
}
ROLES = ["主任", "会长", "局长", "教授", "研究员", "记者", "院长", "总经理", "负责人", "董事长", "副市长", "村支书", "工程师", "发言人"]
VERBS = ["表示", "说", "介绍", "指出", "认为", "强调", "透露", "坦言", "告诉记者"]
ORGS = [
    ("国家统计局", "National Bureau of Statistics", "NBS"),
    ("中国科学院", "Chinese Academy of Sciences", "CAS"),
    ("中国社会科学院", "Chinese Academy of Social Sciences", "CASS"),
    ("教育部", "Ministry of Education", "MOE"),
    ("世界卫生组织", "World Health Organization", "WHO"),
    ("北京大学", "Peking University", "PKU"),
    ("清华大学", "Tsinghua University", "THU"),
    ("市统计局", "municipal statistics bureau", ""),
    ("国际货币基金组织", "International Monetary Fund", "IMF"),
]
TOPICS = ["示范区", "河道治理", "新能源汽车", "数字经济", "乡村振兴", "人工智能", "电池回收", "城市更新", "公共交通",
          "养老服务", "碳排放", "跨境电商", "芯片产业", "文化旅游", "生态修复", "社区治理"]
NOUNS = ["家企业", "名居民", "个社区", "万元", "亿元", "平方米", "公里", "吨", "人次", "个岗位", "所学校", "项专利",
         "辆汽车", "座创新中心", "个项目", "名学生", "户家庭", "亩耕地", "元", "倍", "个百分点", "%", "％"]
CONNECT = ["据统计，", "数据显示，", "研究表明，", "截至目前，", "今年以来，", "据悉，", "据了解，", "据{org}统计，",
           "根据{org}发布的报告，", "有专家认为，", "调查显示，", "预计到{year}年，", "与此同时，", "此外，", ""]
CHANGES = ["同比增长", "环比下降", "增长了", "下降了", "达到", "超过", "约为", "累计", "新增", "减少", "提高了"]
ZH_FILLER = ["的", "了", "在", "和", "是", "我们", "一个", "发展", "建设", "工作", "问题", "进一步", "推进", "已经",
             "开始", "相关", "方面", "全面", "情况", "登陆", "登录", "帐号", "账号", "做为", "作为", "在线", "线上"]
EN_WORDS = ["the", "city", "added", "new", "jobs", "year", "on", "according", "to", "report", "said", "that",
            "project", "residents", "million", "billion", "percent", "percentage", "points", "growth", "about",
            "nearly", "more", "than", "the", "the", "had", "had", "email", "e-mail", "river", "battery", "and"]
EN_NUMBER_WORDS = ["one", "two", "three", "ten", "twelve", "twenty", "hundred", "thousand", "million", "billion",
                   "first", "second", "third", "half", "a quarter", "dozens of"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
ZH_PUNCT = "，。！？；：、“”‘’（）《》【】「」『』…—·～"
EN_PUNCT = ",.!?;:\"'()[]-/&*#%@$"
NUMERAL_CHARS = "一二三四五六七八九十百千万亿零两〇壹贰叁肆伍陆柒捌玖拾佰仟"
MARKERS = ["[{n}]", "^[{n}]", "[{n}-{m}]", "[{n},{m}]", "［{n}］", "[{n}–{m}]", "^[{n}, {m}]", "[{n}]^", "[{n}][{m}]",
           "【{n}】", "[0]", "[-1]", "^[]", "[", "]", "^["]
TYPE_CODES = ["J", "M", "D", "C", "N", "R", "EB/OL", "Z", "S", "P", "X", "J/OL", ""]

# Odd characters: (what, characters) — each a way text from the wild breaks naive code.
HOSTILE = {
    "emoji": ["😀", "👍🏽", "👨\u200d👩\u200d👧", "🇨🇳", "❤️", "🧪", "📈"],
    "astral": ["𠀀", "𪚥", "𝐀", "𝟙", "𠮷", "\U0010fffd", "𓀀"],
    "combining": ["e\u0301", "\u0301", "中\u0300", "a\u0308\u0323", "\u20dd", "\u3099", "\u0e31"],
    "rtl": ["مرحبا بالعالم", "שלום", "\u202e", "\u200f", "\u202b", "\u2067", "٣٤٥", "۱۲۳"],
    "control": ["\x00", "\x07", "\x08", "\x0b", "\x0c", "\x1b[31m", "\x7f", "\x85", "\u2028", "\u2029", "\x1c", "\x1f"],
    "invisible": ["\ufeff", "\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\u00a0", "\u3000", "\t", "\ufffd"],
    "width": ["ＡＢＣ", "１２３", "２０２３年", "１，２００", "３．５万", "％", "＃ ", "－", "．", "～"],
}
ALPHABET = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
    + NUMERAL_CHARS + "0123456789.,%-+/:" + ZH_PUNCT + EN_PUNCT + "abcxyzABCXYZ #>*`|=_~\n\n\n\t "
    + "".join(c for group in HOSTILE.values() for c in "".join(group))
)


# -- small pieces --------------------------------------------------------------------


def chinese_numeral(n: int) -> str:
    """``n`` (0 ≤ n < 10**16) written in Chinese numerals: 三千五百万, 一亿零二十."""
    digits = "零一二三四五六七八九"
    if n == 0:
        return "零"

    def below_10000(k: int) -> str:
        out, zero = "", False
        for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = k // value % 10
            if d:
                if zero and out:
                    out += "零"
                out += digits[d] + unit
                zero = False
            else:
                zero = True
        return out

    parts = []
    for unit_value, unit in ((10**12, "万亿"), (10**8, "亿"), (10**4, "万"), (1, "")):
        k = n // unit_value % 10**4 if unit else n % 10**4
        if unit_value == 10**12:
            k = n // unit_value
        if k:
            parts.append(below_10000(k) + unit)
        elif parts:
            parts.append("零")
    text = "".join(parts).rstrip("零")
    while "零零" in text:
        text = text.replace("零零", "零")
    if text.startswith("一十"):
        text = text[1:]
    return text


def _int(rng: random.Random) -> int:
    return rng.choice([rng.randint(0, 12), rng.randint(10, 99), rng.randint(100, 9999), rng.randint(10**4, 10**9),
                       rng.randint(1900, 2035)])


def zh_figure(rng: random.Random) -> str:
    n = _int(rng)
    kind = rng.randrange(14)
    if kind == 0:
        return f"{n:,}"
    if kind == 1:
        return f"{rng.randint(1, 999)}.{rng.randint(0, 99)}{rng.choice('万亿')}"
    if kind == 2:
        return chinese_numeral(n) + rng.choice(["", "万", "亿", "余", "多"])
    if kind == 3:
        return "".join(rng.choice(NUMERAL_CHARS) for _ in range(rng.randint(1, 12)))
    if kind == 4:
        return f"{rng.randint(0, 100)}{rng.choice(['%', '％', '个百分点', '成'])}"
    if kind == 5:
        return f"百分之{chinese_numeral(rng.randint(0, 100))}"
    if kind == 6:
        return f"{rng.choice(['约', '近', '超过', '逾', '不到', '将近'])}{n}{rng.choice(['', '余', '多'])}"
    if kind == 7:
        return f"{rng.randint(1990, 2030)}年{rng.randint(1, 12)}月{rng.randint(1, 31)}日"
    if kind == 8:
        return f"{rng.randint(1990, 2030)}—{rng.randint(1990, 2030)}年"
    if kind == 9:
        return f"第{chinese_numeral(rng.randint(1, 30))}"
    if kind == 10:
        return "".join(chr(0xFF10 + int(c)) for c in str(n))
    if kind == 11:
        return f"{rng.randint(1, 99)}.{rng.randint(0, 99)}{rng.choice(['余', '万余', '亿多', ''])}"
    if kind == 12:
        return f"{chinese_numeral(rng.randint(1, 9))}{rng.choice(['千', '百', '十'])}{rng.choice(['余', '多', ''])}"
    return str(n)


def en_figure(rng: random.Random) -> str:
    n = _int(rng)
    kind = rng.randrange(9)
    if kind == 0:
        return f"{n:,}"
    if kind == 1:
        return f"{rng.randint(1, 999)}.{rng.randint(0, 9)} {rng.choice(['million', 'billion', 'thousand', 'trillion'])}"
    if kind == 2:
        return f"{rng.randint(0, 100)}{rng.choice(['%', ' percent', ' percentage points', ' per cent'])}"
    if kind == 3:
        return rng.choice(EN_NUMBER_WORDS)
    if kind == 4:
        return f"{rng.choice(MONTHS)} {rng.randint(1, 31)}, {rng.randint(1990, 2030)}"
    if kind == 5:
        return f"{rng.randint(1, 40)}{rng.choice(['st', 'nd', 'rd', 'th'])}"
    if kind == 6:
        return f"{rng.choice(['$', '¥', 'RMB ', 'US$', '€'])}{rng.randint(1, 999)}{rng.choice(['', ' million', 'bn', 'm'])}"
    if kind == 7:
        return f"{rng.randint(1, 999)} {rng.choice(['square meters', 'km', 'tons', 'yuan', 'times', 'companies'])}"
    return str(n)


def name(rng: random.Random) -> str:
    surname = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.1 else rng.choice(SURNAMES)
    return surname + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def pinyin(zh_name: str, rng: random.Random) -> str:
    syllables = [PINYIN.get(c, rng.choice(["zhang", "li", "ming", "hao", "xin", "yu"])) for c in zh_name]
    family, given = syllables[0].capitalize(), "".join(syllables[1:]).capitalize()
    if rng.random() < 0.2:
        given = given[:-1] + rng.choice("aeiou") if given else given  # a misspelling
    return f"{given} {family}" if rng.random() < 0.2 else f"{family} {given}"


def marker(rng: random.Random) -> str:
    n = rng.choice([rng.randint(1, 9), rng.randint(1, 40), rng.randint(0, 200)])
    return rng.choice(MARKERS).format(n=n, m=n + rng.randint(-2, 5))


def hostile(rng: random.Random) -> str:
    return rng.choice(rng.choice(list(HOSTILE.values())))


# -- sentences and blocks ------------------------------------------------------------


def zh_sentence(rng: random.Random) -> str:
    org, _, _ = rng.choice(ORGS)
    parts = [rng.choice(CONNECT).format(org=org, year=rng.randint(2020, 2035))]
    shape = rng.randrange(6)
    if shape == 0:
        parts.append(f"{rng.choice(ROLES)}{name(rng)}{rng.choice(VERBS)}，")
    elif shape == 1:
        parts.append(f"{name(rng)}{rng.choice(VERBS)}：“")
    elif shape == 2:
        parts.append(f"{org}{rng.choice(ROLES)}{name(rng)}")
    parts.append(rng.choice(TOPICS))
    for _ in range(rng.randint(1, 4)):
        parts.append(rng.choice([rng.choice(CHANGES), rng.choice(ZH_FILLER), ""]))
        if rng.random() < 0.7:
            parts.append(zh_figure(rng) + rng.choice(NOUNS))
        if rng.random() < 0.3:
            parts.append(rng.choice("，、；"))
    if rng.random() < 0.25:
        parts.append(marker(rng))
    end = rng.choice(["。", "。", "。", "！", "？", "；", "”。", "。”", ".", "", "……"])
    if shape == 1 and "”" not in end:
        end = rng.choice(["”", "。”", ""])
    return "".join(parts) + end


def en_sentence(rng: random.Random) -> str:
    org, en_org, acronym = rng.choice(ORGS)
    words = [rng.choice(EN_WORDS) for _ in range(rng.randint(2, 12))]
    for _ in range(rng.randint(0, 3)):
        words.insert(rng.randint(0, len(words)), en_figure(rng))
    if rng.random() < 0.5:
        words.insert(rng.randint(0, len(words)), pinyin(name(rng), rng))
    if rng.random() < 0.3:
        words.append(f"according to the {en_org}" + (f" ({acronym})" if acronym and rng.random() < 0.5 else ""))
    if rng.random() < 0.15:
        words.append(marker(rng))
    text = " ".join(words)
    return text[:1].upper() + text[1:] + rng.choice([".", ".", "!", "?", "", ";", ":"])


def zh_paragraph(rng: random.Random, sentences: int | None = None) -> str:
    return "".join(zh_sentence(rng) for _ in range(sentences or rng.randint(1, 5)))


def en_paragraph(rng: random.Random, sentences: int | None = None) -> str:
    return " ".join(en_sentence(rng) for _ in range(sentences or rng.randint(1, 5)))


def headline(rng: random.Random) -> str:
    return rng.choice([f"{rng.choice(TOPICS)}{rng.choice(['进展', '纪实', '观察', '调查', '新篇'])}",
                       f"{zh_figure(rng)}{rng.choice(NOUNS)}的{rng.choice(TOPICS)}",
                       f"{rng.choice(TOPICS)}：{rng.choice(ZH_FILLER)}{rng.choice(TOPICS)}"])


def en_headline(rng: random.Random) -> str:
    words = [rng.choice(EN_WORDS).capitalize() for _ in range(rng.randint(2, 7))]
    if rng.random() < 0.4:
        words.insert(rng.randint(0, len(words)), en_figure(rng))
    return " ".join(words)


def byline(rng: random.Random) -> str:
    names = "　".join(name(rng) for _ in range(rng.randint(1, 3)))
    return rng.choice([f"文 / {names}", f"作者：{names}", f"■ {names}", f"本报记者 {names}",
                       f"本报讯（记者 {names}）", f"新华社北京{rng.randint(1, 12)}月{rng.randint(1, 31)}日电（记者 {names}）",
                       f"By {pinyin(name(rng), rng)}", names])


def reference_entry(rng: random.Random, n: int | None) -> str:
    authors = ", ".join(name(rng) for _ in range(rng.randint(1, 4)))
    if rng.random() < 0.3:
        authors = ", ".join(f"{rng.choice(['Smith', 'Brown', 'Wang', 'Li'])} {rng.choice('ABCJK')}"
                            for _ in range(rng.randint(1, 3)))
        if rng.random() < 0.3:
            authors += ", et al"
    code = rng.choice(TYPE_CODES)
    title = rng.choice(TOPICS) + rng.choice(["研究", "综述", "分析", "的实证研究", ""])
    year = str(rng.randint(1950, 2030)) if rng.random() > 0.15 else ""
    tail = rng.choice([
        f"{rng.choice(['计算机学报', '中国社会科学', '文物', 'Nature', 'Journal of Things'])}, {year}, "
        f"{rng.randint(1, 80)}({rng.randint(1, 12)}): {rng.randint(1, 300)}-{rng.randint(1, 400)}.",
        f"{rng.choice(['北京', '上海', 'New York'])}: {rng.choice(['科学出版社', '商务印书馆', 'Springer'])}, {year}.",
        f"({year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}). https://example.org/{rng.randint(1, 999)}.",
        f"{year}. DOI: 10.{rng.randint(1000, 9999)}/{rng.randint(1, 99999)}.",
        f"{year}",
        "",
    ])
    label = "" if n is None else rng.choice([f"[{n}] ", f"［{n}］", f"{n}. ", f"[{n}]", f"^[{n}] "])
    return f"{label}{authors}. {title}[{code}]. {tail}".replace("[]", "" if rng.random() < 0.5 else "[]")


def references(rng: random.Random, count: int) -> list[str]:
    lines = [rng.choice(["参考文献", "参考文献：", "## 参考文献", "References", "参 考 文 献", "【参考文献】", "# References"])]
    numbers = list(range(1, count + 1))
    if rng.random() < 0.2:
        rng.shuffle(numbers)
    if rng.random() < 0.2 and numbers:
        numbers[rng.randrange(len(numbers))] = rng.choice(numbers)  # a repeated number
    for n in numbers:
        lines.append(reference_entry(rng, None if rng.random() < 0.05 else n))
    return lines


def summary(rng: random.Random) -> list[str]:
    label = rng.choice(["Reading Summary", "Reading Summary:", "Summary", "Abstract:", "English Summary", "Synopsis",
                        "Editor's Note", "Reading  Summary："])
    text = en_paragraph(rng)
    if rng.random() < 0.4:
        return [f"{label} {text}"]
    return [label, "", text] if rng.random() < 0.5 else [label, text]


def markdown_bits(rng: random.Random) -> list[str]:
    kind = rng.randrange(11)
    if kind == 0:
        return [f"{'#' * rng.randint(1, 7)} {headline(rng)}"]
    if kind == 1:
        return [f"{rng.choice(['-', '*', '+', '1.', '2)', '•', '一、', '（一）'])} {zh_sentence(rng)}" for _ in range(rng.randint(1, 4))]
    if kind == 2:
        return [f"> {zh_sentence(rng)}", f"> > {en_sentence(rng)}"]
    if kind == 3:
        return ["```" + rng.choice(["", "python", "text"]), zh_sentence(rng), en_sentence(rng)] + (["```"] if rng.random() < 0.8 else [])
    if kind == 4:
        return [f"这里是`{zh_sentence(rng)}`和 `the the` 以及 ``{zh_figure(rng)}``"]
    if kind == 5:
        return [f"| {headline(rng)} | {en_figure(rng)} |", "|---|---|", f"| {zh_figure(rng)} | {en_sentence(rng)} |"]
    if kind == 6:
        return [f"[{headline(rng)}](https://example.org/{rng.randint(1, 99)}) ![图{rng.randint(1, 9)}](a.png) **{zh_figure(rng)}** _{en_figure(rng)}_"]
    if kind == 7:
        return [headline(rng), rng.choice(["===", "---", "***", "- - -"])]
    if kind == 8:
        rule = rng.choice(["", " names", " numbers.odd-count", " style, citations", " nonsense.rule"])
        return [rng.choice([f"<!-- lintkit-disable{rule} -->", f"<!-- lintkit-enable{rule} -->",
                            f"{zh_sentence(rng)}<!-- lintkit-disable-line{rule} -->",
                            f"<!-- lintkit-disable-next-line{rule} -->", "<!-- lintkit-disable", "<!---->"])]
    if kind == 9:
        return ["---", f"title: {headline(rng)}", f"date: {rng.randint(2000, 2030)}-01-01", "---"]
    return [f"<div>{zh_sentence(rng)}</div>", "<br>", "&nbsp;&#x4e2d;&amp;"]


def long_line(rng: random.Random, length: int) -> str:
    unit = rng.choice([
        lambda: zh_sentence(rng), lambda: en_sentence(rng), lambda: zh_figure(rng), lambda: marker(rng),
        lambda: rng.choice(NUMERAL_CHARS), lambda: rng.choice("的万亿1[]，。 "), lambda: hostile(rng),
        lambda: f"{name(rng)}{rng.choice(VERBS)}", lambda: f"“{zh_sentence(rng)}”",
    ])
    repeat = rng.random() < 0.5
    piece = unit()
    out, size = [], 0
    while size < length:
        piece = piece if repeat else unit()
        out.append(piece)
        size += len(piece) or 1
    return "".join(out)[:length]


# -- documents -------------------------------------------------------------------------


def _news(rng: random.Random, size: int) -> list[str]:
    lines = [headline(rng)]
    if rng.random() < 0.5:
        lines.append("——" + headline(rng))
    if rng.random() < 0.5:
        lines.append(en_headline(rng))
    lines.append(byline(rng))
    while sum(len(x) for x in lines) < size:
        lines.append(zh_paragraph(rng))
        if rng.random() < 0.1:
            lines.extend(summary(rng))
    return lines


def _magazine(rng: random.Random, size: int) -> list[str]:
    titles = [(headline(rng), en_headline(rng)) for _ in range(rng.randint(1, 4))]
    lines = [headline(rng), en_headline(rng).upper(), f"{rng.randint(2000, 2030)}年第{rng.randint(1, 12)}期", "目录", "CONTENTS"]
    for zh, en in titles:
        lines += [zh, en] if rng.random() < 0.8 else [zh]
    per = max(size // len(titles), 50)
    for zh, en in titles:
        lines += ["", zh, en if rng.random() < 0.7 else en_headline(rng), byline(rng)]
        body = 0
        while body < per:
            p = zh_paragraph(rng)
            lines.append(p)
            body += len(p)
        lines.extend(summary(rng))
    return lines


def _journal(rng: random.Random, size: int) -> list[str]:
    count = rng.randint(1, 12)
    lines = [headline(rng), "　".join(name(rng) for _ in range(rng.randint(1, 4))),
             f"（{rng.choice(ORGS)[0]}，北京 100{rng.randint(100, 999)}）",
             "摘要：" + zh_paragraph(rng), "关键词：" + "；".join(rng.choice(TOPICS) for _ in range(3)),
             en_headline(rng), ", ".join(pinyin(name(rng), rng) for _ in range(rng.randint(1, 3))),
             "Abstract: " + en_paragraph(rng), "Key words: " + "; ".join(rng.choice(EN_WORDS) for _ in range(3))]
    section = 0
    while sum(len(x) for x in lines) < size:
        if rng.random() < 0.3:
            section += 1
            lines.append(f"{rng.choice(['', '## ', '# '])}{chinese_numeral(section)}、{headline(rng)}")
        sentence = zh_paragraph(rng)
        lines.append(sentence.replace("。", f"[{rng.randint(1, count + 2)}]。", 1) if rng.random() < 0.6 else sentence)
    lines += references(rng, count)
    return lines


def _bilingual(rng: random.Random, size: int) -> list[str]:
    lines = [headline(rng), en_headline(rng)]
    while sum(len(x) for x in lines) < size:
        lines += [zh_paragraph(rng, rng.randint(1, 3)), en_paragraph(rng, rng.randint(1, 3))]
        if rng.random() < 0.1:
            lines.append(f"{rng.choice(['问：', '答：', 'Q:', 'A:'])}{zh_sentence(rng)}")
    return lines


def _soup(rng: random.Random, size: int) -> list[str]:
    pieces = [zh_sentence, en_sentence, zh_figure, en_figure, marker, hostile, name, headline, byline,
              lambda r: r.choice(ZH_PUNCT + EN_PUNCT), lambda r: "\n", lambda r: "\n\n", lambda r: " ",
              lambda r: r.choice(FRAGMENTS), lambda r: "\n".join(summary(r)), lambda r: "\n".join(markdown_bits(r)),
              lambda r: reference_entry(r, r.randint(0, 30))]
    out, total = [], 0
    while total < size:
        piece = rng.choice(pieces)(rng)
        out.append(piece)
        total += len(piece) or 1
    return "".join(out).split("\n")


GENRES = {"news": _news, "magazine": _magazine, "journal": _journal, "bilingual": _bilingual, "soup": _soup}


def _sprinkle(rng: random.Random, lines: list[str]) -> list[str]:
    """Insert markdown, hostile characters, long lines, blank runs and markers
    here and there (never everywhere: most text stays readable)."""
    out = []
    rate = rng.choice([0.0, 0.02, 0.1, 0.3])
    for line in lines:
        if rng.random() < rate:
            what = rng.randrange(6)
            if what == 0 and line:
                i = rng.randint(0, len(line))
                line = line[:i] + hostile(rng) + line[i:]
            elif what == 1:
                out.extend(markdown_bits(rng))
            elif what == 2:
                out.extend([""] * rng.randint(1, 4))
            elif what == 3 and line:
                i = rng.randint(0, len(line))
                line = line[:i] + marker(rng) + line[i:]
            elif what == 4:
                line = rng.choice(["　　", "  ", "\t", " ", ""]) + line + rng.choice(["  ", "\t", "　", ""])
            else:
                out.append(rng.choice(FRAGMENTS))
        out.append(line)
    return out


def target_size(rng: random.Random, large: float = 0.02, max_size: int = 200_000) -> int:
    """A document size in characters: mostly 0.1–20 KB (in UTF-8 a Chinese
    character is 3 bytes), a share ``large`` of them up to ``max_size``."""
    if rng.random() < large:
        return rng.randint(20_000, max_size // 2)  # ~2.5 bytes a character
    return int(min(20_000 / 2.5, 40 * 1.9 ** rng.uniform(0, 8)))


def document(rng: random.Random, size: int | None = None) -> tuple[str, str]:
    """``(text, suffix)``: an invented document of about ``size`` characters
    (``target_size`` by default), LF line endings, ``.txt`` or ``.md``."""
    if size is None:
        size = target_size(rng)
    genre = rng.choice(list(GENRES))
    lines = GENRES[genre](rng, size)
    if genre != "soup" or rng.random() < 0.5:
        lines = _sprinkle(rng, lines)
    if rng.random() < 0.05:
        lines.insert(rng.randint(0, len(lines)), long_line(rng, rng.randint(500, max(600, min(size, 20_000)))))
    sep = "\n\n" if rng.random() < 0.5 else "\n"
    text = sep.join(lines)
    if rng.random() < 0.8:
        text += "\n"
    return text, rng.choice([".txt", ".txt", ".md"])


# -- real articles, mutated ------------------------------------------------------------


def real_texts(root: Path = ROOT) -> list[tuple[str, str]]:
    """``(name, text)`` of every example and corpus article (``examples/*.txt|md``,
    ``corpus/**/*.txt|md``), line endings as LF."""
    paths = sorted(p for pattern in ("examples/*.txt", "examples/*.md", "corpus/**/*.txt", "corpus/**/*.md")
                   for p in root.glob(pattern) if p.name != "README.md")
    out = []
    for p in paths:
        text = p.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
        out.append((str(p.relative_to(root)), text))
    return out


def mutate_real(rng: random.Random, text: str, size: int | None = None) -> str:
    """A real article damaged as copy-and-paste damages text: a window of about
    ``size`` characters, then lines deleted, duplicated, shuffled, cut
    mid-line, joined; sometimes a hostile character or a stray marker."""
    lines = text.split("\n")
    if size is not None and len(text) > size:
        # a window of whole lines of about ``size`` characters
        start = rng.randrange(len(lines))
        end, total = start, 0
        while end < len(lines) and total < size:
            total += len(lines[end]) + 1
            end += 1
        lines = lines[start:end]
    for _ in range(rng.randint(1, 8)):
        if not lines:
            break
        op = rng.randrange(9)
        i = rng.randrange(len(lines))
        j = min(len(lines), i + rng.randint(1, 6))
        if op == 0:
            del lines[i:j]
        elif op == 1:
            lines[i:i] = lines[i:j]
        elif op == 2:
            chunk = lines[i:j]
            rng.shuffle(chunk)
            lines[i:j] = chunk
        elif op == 3 and lines[i]:
            lines[i] = lines[i][: rng.randrange(len(lines[i]))]
        elif op == 4 and lines[i]:  # cut mid-line and carry the rest onto a new line
            k = rng.randrange(len(lines[i]))
            lines[i:i + 1] = [lines[i][:k], lines[i][k:]]
        elif op == 5 and i + 1 < len(lines):
            lines[i:i + 2] = [lines[i] + rng.choice(["", " "]) + lines[i + 1]]
        elif op == 6:
            k = rng.randint(0, len(lines[i]))
            lines[i] = lines[i][:k] + rng.choice([hostile(rng), marker(rng), zh_figure(rng)]) + lines[i][k:]
        elif op == 7:
            lines.insert(i, rng.choice(FRAGMENTS))
        else:
            k = rng.randrange(len(lines))
            lines[i], lines[k] = lines[k], lines[i]
    out = "\n".join(lines)
    if rng.random() < 0.2 and out:  # cut the whole text mid-line
        out = out[: rng.randrange(len(out))]
    return out


def with_line_endings(text: str, rng: random.Random | None = None, ending: str | None = None) -> str:
    """``text`` (LF) with CRLF, CR or (no ``ending``) a random mix of endings."""
    if ending is not None:
        return text.replace("\n", ending)
    lines = text.split("\n")
    return "".join(line + rng.choice(["\n", "\r\n", "\r"]) for line in lines[:-1]) + lines[-1]


# Ready-made pieces: what the structured generators emit, as literals, for
# strategies that join fragments (and so shrink to a few of them).
FRAGMENTS = [
    "参考文献", "## 参考文献", "References", "[1] 王明. 城市研究[J]. 学报, 2019, 4(2): 1-9.", "[2] 李华. 书名[M]. 北京: 出版社, 2018.",
    "[3] Smith J. A title[J]. Nature, 2020.", "[1]", "^[2]", "[1-3]", "［4］", "[12]", "^[", "[0]",
    "Reading Summary", "Reading Summary: The city added 35,000 jobs, up 12% on the year.", "Abstract:", "摘要：", "关键词：",
    "目录", "CONTENTS", "本报记者 周明", "文 / 林海", "By Zhou Ming", "——副标题",
    "# 标题", "## 二、研究设计", "- 列表项", "1. 第一项", "> 引用", "```", "`code`", "---", "===", "| a | b |",
    "<!-- lintkit-disable -->", "<!-- lintkit-enable -->", "<!-- lintkit-disable-next-line numbers -->",
    "主任王建国表示，", "张伟说：“", "”", "据国家统计局统计，", "数据显示，", "研究表明，", "据悉，", "登陆", "帐号",
    "3.5万", "1,200", "12%", "１２％", "三千五百万", "一亿零二十", "两千余", "近三成", "百分之十二", "3300.67余", "万", "亿", "万亿",
    "2023年3月15日", "2023—2025年", "第三", "35,000", "3.5 million", "12 percent", "percentage points", "thirty",
    "Wang Jianguo", "Zhang Wei", "National Bureau of Statistics", "NBS", "the the", "的的",
    "。", "，", "、", "；", "：", "！", "？", "“", "‘", "’", "（", "）", "《", "》", "【", "】", "…", "——",
    ".", ",", "!", "?", ";", ":", "\"", "'", "(", ")", " ", "　", "\t", "\n", "\n\n",
] + [c for group in HOSTILE.values() for c in group]


# -- what every finding must satisfy -----------------------------------------------------

_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # lintkit's line breaks (not \v, \x85, \u2028: editors differ)


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _LINE_BREAK.finditer(text)]


def position_errors(text: str, pos, what: str = "start") -> list[str]:
    """Why ``pos`` (``.line``, ``.column``, ``.offset``) is not a place in
    ``text``: offset outside it, inside a CRLF, or a line and column that do
    not name the character at the offset."""
    if not 0 <= pos.offset <= len(text):
        return [f"{what} offset {pos.offset} outside the text (length {len(text)})"]
    starts = _line_starts(text)
    line = bisect.bisect_right(starts, pos.offset)
    column = pos.offset - starts[line - 1] + 1
    errors = []
    if (pos.line, pos.column) != (line, column):
        errors.append(f"{what} {pos.line}:{pos.column} is not offset {pos.offset} (that is {line}:{column})")
    end = starts[line] if line < len(starts) else len(text)
    line_text = text[starts[line - 1]:end].rstrip("\r\n")
    if column - 1 > len(line_text):
        errors.append(f"{what} {line}:{column} is inside a line break")
    elif column - 1 < len(line_text) and line_text[column - 1] != text[pos.offset]:
        errors.append(f"{what} {line}:{column} is {line_text[column - 1]!r}, offset {pos.offset} is {text[pos.offset]!r}")
    return errors


def finding_errors(finding, texts: dict[str, str]) -> list[str]:
    """Every way ``finding`` (a ``lintkit.Finding``) misplaces itself in
    ``texts`` (path → the text of each document of the run)."""
    if finding.path not in texts:
        return [f"{finding.rule}: path {finding.path!r} is no document of the run"]
    text = texts[finding.path]
    errors = position_errors(text, finding.start, "start") + position_errors(text, finding.end, "end")
    if finding.end.offset < finding.start.offset or (finding.end.line, finding.end.column) < (finding.start.line, finding.start.column):
        errors.append(f"end {finding.end.line}:{finding.end.column} before start {finding.start.line}:{finding.start.column}")
    for r in finding.related:
        if r.path not in texts:
            errors.append(f"related path {r.path!r} is no document of the run")
            continue
        errors += position_errors(texts[r.path], r.start, "related start") + position_errors(texts[r.path], r.end, "related end")
        if r.end.offset < r.start.offset:
            errors.append(f"related end {r.end.offset} before its start {r.start.offset}")
    if finding.fix is not None:
        for e in finding.fix.edits:
            if not 0 <= e.start <= e.end <= len(text):
                errors.append(f"fix edit {e.start}..{e.end} outside the text")
    return [f"{finding.rule} at {finding.path}:{finding.start.line}:{finding.start.column}: {e}" for e in errors]


def finding_key(finding) -> tuple:
    """What must not change with line endings or encoding: rule, severity,
    lines and columns (of the finding and its related places), message."""
    return (finding.path, finding.rule, str(finding.severity), finding.start.line, finding.start.column,
            finding.end.line, finding.end.column, finding.message,
            tuple((r.path, r.start.line, r.start.column, r.end.line, r.end.column, r.message) for r in finding.related))
