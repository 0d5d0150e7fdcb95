"""The small generated pieces of a document: Chinese numerals and figures,
English figures, names and their pinyin, markers and hostile characters,
then sentences, paragraphs, headlines, bylines, reference lists, summaries,
Markdown blocks and very long lines.

It stands alone because these are the building blocks, each a function of
a ``random.Random``; ``documents`` assembles them and ``fuzzgen.mutate_real``
borrows a few.
"""

from __future__ import annotations

import random

from fuzzing.vocabulary import (
    CHANGES,
    COMPOUND_SURNAMES,
    CONNECT,
    EN_NUMBER_WORDS,
    EN_WORDS,
    GIVEN,
    HOSTILE,
    MARKERS,
    MONTHS,
    NOUNS,
    NUMERAL_CHARS,
    ORGS,
    PINYIN,
    ROLES,
    SURNAMES,
    TOPICS,
    TYPE_CODES,
    VERBS,
    ZH_FILLER,
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
    return rng.choice(
        [
            rng.randint(0, 12),
            rng.randint(10, 99),
            rng.randint(100, 9999),
            rng.randint(10**4, 10**9),
            rng.randint(1900, 2035),
        ]
    )


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
    return rng.choice(
        [
            f"{rng.choice(TOPICS)}{rng.choice(['进展', '纪实', '观察', '调查', '新篇'])}",
            f"{zh_figure(rng)}{rng.choice(NOUNS)}的{rng.choice(TOPICS)}",
            f"{rng.choice(TOPICS)}：{rng.choice(ZH_FILLER)}{rng.choice(TOPICS)}",
        ]
    )


def en_headline(rng: random.Random) -> str:
    words = [rng.choice(EN_WORDS).capitalize() for _ in range(rng.randint(2, 7))]
    if rng.random() < 0.4:
        words.insert(rng.randint(0, len(words)), en_figure(rng))
    return " ".join(words)


def byline(rng: random.Random) -> str:
    names = "　".join(name(rng) for _ in range(rng.randint(1, 3)))
    return rng.choice(
        [
            f"文 / {names}",
            f"作者：{names}",
            f"■ {names}",
            f"本报记者 {names}",
            f"本报讯（记者 {names}）",
            f"新华社北京{rng.randint(1, 12)}月{rng.randint(1, 31)}日电（记者 {names}）",
            f"By {pinyin(name(rng), rng)}",
            names,
        ]
    )


def reference_entry(rng: random.Random, n: int | None) -> str:
    authors = ", ".join(name(rng) for _ in range(rng.randint(1, 4)))
    if rng.random() < 0.3:
        authors = ", ".join(
            f"{rng.choice(['Smith', 'Brown', 'Wang', 'Li'])} {rng.choice('ABCJK')}" for _ in range(rng.randint(1, 3))
        )
        if rng.random() < 0.3:
            authors += ", et al"
    code = rng.choice(TYPE_CODES)
    title = rng.choice(TOPICS) + rng.choice(["研究", "综述", "分析", "的实证研究", ""])
    year = str(rng.randint(1950, 2030)) if rng.random() > 0.15 else ""
    tail = rng.choice(
        [
            f"{rng.choice(['计算机学报', '中国社会科学', '文物', 'Nature', 'Journal of Things'])}, {year}, "
            f"{rng.randint(1, 80)}({rng.randint(1, 12)}): {rng.randint(1, 300)}-{rng.randint(1, 400)}.",
            f"{rng.choice(['北京', '上海', 'New York'])}: {rng.choice(['科学出版社', '商务印书馆', 'Springer'])}, {year}.",
            f"({year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}). https://example.org/{rng.randint(1, 999)}.",
            f"{year}. DOI: 10.{rng.randint(1000, 9999)}/{rng.randint(1, 99999)}.",
            f"{year}",
            "",
        ]
    )
    label = "" if n is None else rng.choice([f"[{n}] ", f"［{n}］", f"{n}. ", f"[{n}]", f"^[{n}] "])
    return f"{label}{authors}. {title}[{code}]. {tail}".replace("[]", "" if rng.random() < 0.5 else "[]")


def references(rng: random.Random, count: int) -> list[str]:
    lines = [
        rng.choice(
            ["参考文献", "参考文献：", "## 参考文献", "References", "参 考 文 献", "【参考文献】", "# References"]
        )
    ]
    numbers = list(range(1, count + 1))
    if rng.random() < 0.2:
        rng.shuffle(numbers)
    if rng.random() < 0.2 and numbers:
        numbers[rng.randrange(len(numbers))] = rng.choice(numbers)  # a repeated number
    for n in numbers:
        lines.append(reference_entry(rng, None if rng.random() < 0.05 else n))
    return lines


def summary(rng: random.Random) -> list[str]:
    label = rng.choice(
        [
            "Reading Summary",
            "Reading Summary:",
            "Summary",
            "Abstract:",
            "English Summary",
            "Synopsis",
            "Editor's Note",
            "Reading  Summary：",
        ]
    )
    text = en_paragraph(rng)
    if rng.random() < 0.4:
        return [f"{label} {text}"]
    return [label, "", text] if rng.random() < 0.5 else [label, text]


def markdown_bits(rng: random.Random) -> list[str]:
    kind = rng.randrange(11)
    if kind == 0:
        return [f"{'#' * rng.randint(1, 7)} {headline(rng)}"]
    if kind == 1:
        return [
            f"{rng.choice(['-', '*', '+', '1.', '2)', '•', '一、', '（一）'])} {zh_sentence(rng)}"
            for _ in range(rng.randint(1, 4))
        ]
    if kind == 2:
        return [f"> {zh_sentence(rng)}", f"> > {en_sentence(rng)}"]
    if kind == 3:
        return ["```" + rng.choice(["", "python", "text"]), zh_sentence(rng), en_sentence(rng)] + (
            ["```"] if rng.random() < 0.8 else []
        )
    if kind == 4:
        return [f"这里是`{zh_sentence(rng)}`和 `the the` 以及 ``{zh_figure(rng)}``"]
    if kind == 5:
        return [f"| {headline(rng)} | {en_figure(rng)} |", "|---|---|", f"| {zh_figure(rng)} | {en_sentence(rng)} |"]
    if kind == 6:
        return [
            f"[{headline(rng)}](https://example.org/{rng.randint(1, 99)}) ![图{rng.randint(1, 9)}](a.png) **{zh_figure(rng)}** _{en_figure(rng)}_"
        ]
    if kind == 7:
        return [headline(rng), rng.choice(["===", "---", "***", "- - -"])]
    if kind == 8:
        rule = rng.choice(["", " names", " numbers.odd-count", " style, citations", " nonsense.rule"])
        return [
            rng.choice(
                [
                    f"<!-- lintkit-disable{rule} -->",
                    f"<!-- lintkit-enable{rule} -->",
                    f"{zh_sentence(rng)}<!-- lintkit-disable-line{rule} -->",
                    f"<!-- lintkit-disable-next-line{rule} -->",
                    "<!-- lintkit-disable",
                    "<!---->",
                ]
            )
        ]
    if kind == 9:
        return ["---", f"title: {headline(rng)}", f"date: {rng.randint(2000, 2030)}-01-01", "---"]
    return [f"<div>{zh_sentence(rng)}</div>", "<br>", "&nbsp;&#x4e2d;&amp;"]


def long_line(rng: random.Random, length: int) -> str:
    unit = rng.choice(
        [
            lambda: zh_sentence(rng),
            lambda: en_sentence(rng),
            lambda: zh_figure(rng),
            lambda: marker(rng),
            lambda: rng.choice(NUMERAL_CHARS),
            lambda: rng.choice("的万亿1[]，。 "),
            lambda: hostile(rng),
            lambda: f"{name(rng)}{rng.choice(VERBS)}",
            lambda: f"“{zh_sentence(rng)}”",
        ]
    )
    repeat = rng.random() < 0.5
    piece = unit()
    out, size = [], 0
    while size < length:
        piece = piece if repeat else unit()
        out.append(piece)
        size += len(piece) or 1
    return "".join(out)[:length]
