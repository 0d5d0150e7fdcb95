from __future__ import annotations

from collections import Counter

from lintkit import ARTICLE, Option, Problem, Related, rule

from ..evidence import (
    articles_of,
    display_pinyin,
    doc_names,
    english_names,
    full_pinyin_match,
    one_char_apart,
    partial_match,
)


@rule(
    "names.romanization-mismatch",
    scope=ARTICLE,
    severity="warning",
    options={
        "accepted-romanizations": Option(
            [],
            "English spellings an editor has checked, e.g. 'Cheung Kin-chung' or 'Wang Jianning=王建明'",
            type=list,
        ),
        "user-dictionary": Option("", "a jieba user dictionary for names jieba splits", type=str),
    },
)
def romanization_mismatch(article, options):
    """An English name that misspells the pinyin of the Chinese name it stands for.

    What it catches: in an article's English counterparts — English
    headline, summary or abstract, contents line, English byline — a name
    such as "Wang Jianning" where the Chinese article names 王建明: the
    surname agrees, the given name has as many pinyin syllables as the
    Chinese given name and at least one of them agrees, but not all.  The
    message names the Chinese name(s) and the expected pinyin.

    Why it matters: the English summary is what foreign readers and
    indexes see; a name romanized wrongly there cannot be found again.

    What is accepted: surname-first and given-name-first order, hyphens,
    spaces and capitals ("WANG Jian-ming", "Jianming Wang"); every reading
    of a character, including surname readings (单 Shan, 曾 Zeng, 解 Xie,
    朴 Piao, 区 Ou, 仇 Qiu); romanizations that are not pinyin on purpose
    (Hong Kong, Macau and Taiwan names such as "Cheung Kin-chung", foreign
    names, established English names): they do not read as pinyin or do
    not share the surname, so they never map to a Chinese name.  An English
    name is reported only when it maps to one person of the article (its
    partial matches are spellings of one name, one character apart) and no
    Chinese name of the article matches it exactly.

    Example that fires:

        会长王建明表示，要加强合作。
        Summary: President Wang Jianning said cooperation matters.

    Example that does not fire:

        会长王建明表示，要加强合作。记者曾小华、单立新报道。
        Summary: President Wang Jianming, reporters Zeng Xiaohua and Shan Lixin.

    Options: ``accepted-romanizations`` (English names to leave alone;
    "English=中文" accepts that pairing only), ``user-dictionary``.
    """
    doc = article.document
    found = doc_names(doc, options)
    accepted_any, accepted_pairs = set(), set()
    for entry in map(str, options["accepted-romanizations"]):
        if not entry:
            continue
        if "=" in entry:
            en, zh = (p.strip() for p in entry.split("=", 1))
            accepted_pairs.add((_key(en), zh))
        else:
            accepted_any.add(_key(entry))
    # Chinese names of this article: its span, its contents lines, its headline.
    chinese = [m for m in found.mentions if article.index in articles_of(doc, m.block)]
    if not chinese:
        return
    counts = Counter(m.text for m in chinese)
    file_counts = Counter(m.text for m in found.mentions)
    seen: set[tuple[int, int]] = set()
    for part in article.english:
        for en in english_names(doc.text, part.start, part.end):
            if (en.start, en.end) in seen or _key(en.text) in accepted_any:
                continue
            orders = ((en.first, en.second), (en.second, en.first))
            if any(full_pinyin_match(n, s, g) for n in counts for s, g in orders):
                continue
            partial = sorted(
                {n for n in counts for s, g in orders if partial_match(n, s, g)},
                key=lambda n: (-file_counts[n], n),
            )
            partial = [n for n in partial if (_key(en.text), n) not in accepted_pairs]
            if not partial or not _one_person(partial):
                continue
            seen.add((en.start, en.end))
            expected = display_pinyin(partial[0])
            if len(partial) == 1:
                what = f"{partial[0]} (pinyin {expected})"
            else:
                what = (
                    "one person spelled " + "/".join(partial)
                    + f" in this article (pinyin of {partial[0]}: {expected})"
                )
            related = tuple(
                Related(m.start, m.end, f"Chinese name {m.text}")
                for n in partial
                for m in [next(x for x in chinese if x.text == n)]
            )
            yield Problem(
                en.start,
                en.end,
                f"English name “{en.text}” does not match the Chinese name it stands for: "
                f"{what}",
                related=related,
            )


def _key(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalpha())


def _one_person(spellings: list[str]) -> bool:
    return all(
        a == b or one_char_apart(a, b) is not None for a in spellings for b in spellings
    )
