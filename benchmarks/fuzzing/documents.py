"""Whole invented documents: the genres (news, magazine, journal, bilingual,
unstructured soup), the sprinkling of Markdown, hostile characters, blank
runs and markers over their lines, the choice of a size and ``document``.

It stands alone because it only assembles ``pieces`` into documents; how a
line or a figure looks is decided there, not here.
"""

from __future__ import annotations

import random

from fuzzing.pieces import (
    byline,
    chinese_numeral,
    en_figure,
    en_headline,
    en_paragraph,
    en_sentence,
    headline,
    hostile,
    long_line,
    markdown_bits,
    marker,
    name,
    pinyin,
    reference_entry,
    references,
    summary,
    zh_figure,
    zh_paragraph,
    zh_sentence,
)
from fuzzing.vocabulary import EN_PUNCT, EN_WORDS, FRAGMENTS, ORGS, TOPICS, ZH_PUNCT

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
    lines = [
        headline(rng),
        en_headline(rng).upper(),
        f"{rng.randint(2000, 2030)}年第{rng.randint(1, 12)}期",
        "目录",
        "CONTENTS",
    ]
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
    lines = [
        headline(rng),
        "　".join(name(rng) for _ in range(rng.randint(1, 4))),
        f"（{rng.choice(ORGS)[0]}，北京 100{rng.randint(100, 999)}）",
        "摘要：" + zh_paragraph(rng),
        "关键词：" + "；".join(rng.choice(TOPICS) for _ in range(3)),
        en_headline(rng),
        ", ".join(pinyin(name(rng), rng) for _ in range(rng.randint(1, 3))),
        "Abstract: " + en_paragraph(rng),
        "Key words: " + "; ".join(rng.choice(EN_WORDS) for _ in range(3)),
    ]
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
    pieces = [
        zh_sentence,
        en_sentence,
        zh_figure,
        en_figure,
        marker,
        hostile,
        name,
        headline,
        byline,
        lambda r: r.choice(ZH_PUNCT + EN_PUNCT),
        lambda r: "\n",
        lambda r: "\n\n",
        lambda r: " ",
        lambda r: r.choice(FRAGMENTS),
        lambda r: "\n".join(summary(r)),
        lambda r: "\n".join(markdown_bits(r)),
        lambda r: reference_entry(r, r.randint(0, 30)),
    ]
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
