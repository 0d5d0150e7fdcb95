from __future__ import annotations

from collections import Counter, defaultdict

from lintkit import ARTICLE, Option, Problem, Related, rule

from . import article_mentions
from ..evidence import (
    NAME_OPTIONS,
    _plausible_pinyin_name,
    name_pinyin,
    syllables,
    display_pinyin,
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
        **NAME_OPTIONS,
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

    A paper's authors are checked pair by pair: the article model pairs the
    Chinese author line (王晓红1，李明2*) with the English one ("Xiaohong
    Wang1, Ming Li2*") by position, once most surnames agree; an English
    author that reads as pinyin but is not the pinyin of its Chinese author
    is reported, one syllable off or another name altogether.  How a
    non-mainland name is told: its English does not read as pinyin (Cheung,
    Hsu, Tsai, Lee, Szu-yuan are not pinyin syllables), so it is never
    compared; a pinyin-looking name for a Hong Kong or Taiwan author is
    accepted with ``accepted-romanizations``.  The English of a translation
    kept in another file (``X.zh.txt`` + ``X.en.txt``) is checked too, and
    the finding points into the English file.

    Options: ``accepted-romanizations`` (English names to leave alone;
    "English=中文" accepts that pairing only), ``user-dictionary``.
    """
    doc = article.document
    accepted_any, accepted_pairs = set(), set()
    for entry in map(str, options["accepted-romanizations"]):
        if not entry:
            continue
        if "=" in entry:
            en, zh = (p.strip() for p in entry.split("=", 1))
            accepted_pairs.add((_key(en), zh))
        else:
            accepted_any.add(_key(entry))
    seen: set[tuple[int, int]] = set()
    yield from _author_pairs(article, accepted_any, accepted_pairs, seen)
    # Chinese names of this article: its span, its contents lines, its headline.
    by_article, file_counts = article_mentions(doc, options)
    chinese = by_article.get(article.index, [])
    if not chinese:
        return
    counts = Counter(m.text for m in chinese)
    # The Chinese names by the readings of their surname: an English name can
    # only spell (or misspell) a name whose surname it spells, so it is
    # compared with those alone — not with every name of the article, which
    # made a long article with many names quadratic.
    by_surname: dict[str, list[str]] = defaultdict(list)
    for n in counts:
        for reading in name_pinyin(n)[0]:
            by_surname[reading].append(n)
    for part in article.english:
        pdoc = article.document_of(part)
        for en in english_names(pdoc.text, part.start, part.end):
            key = (en.start, en.end) if part.document is None else (id(pdoc), en.start, en.end)
            if key in seen or _key(en.text) in accepted_any:
                continue
            orders = ((en.first, en.second), (en.second, en.first))
            candidates = [(n, s, g) for s, g in orders for n in by_surname.get(s.lower(), ())]
            if any(full_pinyin_match(n, s, g) for n, s, g in candidates):
                continue
            partial = sorted(
                {n for n, s, g in candidates if partial_match(n, s, g)}
                | _one_syllable_off(by_surname, orders, article),
                key=lambda n: (-file_counts[n], n),
            )
            partial = [n for n in partial if (_key(en.text), n) not in accepted_pairs]
            if not partial or not _one_person(partial):
                continue
            seen.add(key)
            expected = display_pinyin(partial[0])
            if len(partial) == 1:
                what = f"{partial[0]} (pinyin {expected})"
            else:
                what = (
                    "one person spelled " + "/".join(partial) + f" in this article (pinyin of {partial[0]}: {expected})"
                )
            other = part.document is not None  # the English file of a translation pair
            related = tuple(
                Related(m.start, m.end, f"Chinese name {m.text}", document=doc if other else None)
                for n in partial
                for m in [next(x for x in chinese if x.text == n)]
            )
            yield Problem(
                en.start,
                en.end,
                f"English name “{en.text}” does not match the Chinese name it stands for: {what}",
                related=related,
                document=pdoc if other else None,
            )


def _author_pairs(article, accepted_any, accepted_pairs, seen):
    """A paper's authors, Chinese and English paired by position (the article
    model pairs them only when most surnames agree): an English name that is
    plausible pinyin but not the pinyin of its Chinese author is reported,
    whether one syllable is off or it is another name altogether.  Names that
    are not pinyin (Hong Kong, Macau and Taiwan romanizations such as
    "Cheung Kin-chung" or "Tsai Ing-wen", foreign names) are left alone."""
    doc = article.document
    pairs = []
    for (zs, ze), (es, ee) in article.author_pairs:
        zh = "".join(doc.text[zs:ze].split())
        words = doc.text[es:ee].split()
        if len(words) < 2:
            continue
        orders = ((words[0], "".join(words[1:])), (words[-1], "".join(words[:-1])))
        ok = any(full_pinyin_match(zh, sur, giv) for sur, giv in orders)
        pairs.append((zh, (zs, ze), (es, ee), " ".join(words), orders, ok))
    right = sum(1 for p in pairs if p[-1])
    if not pairs or right * 2 < len(pairs):
        return  # most authors disagree: not a list this check can trust
    for n, (zh, (zs, ze), (es, ee), en, orders, ok) in enumerate(pairs, 1):
        if ok or _key(en) in accepted_any or (_key(en), zh) in accepted_pairs:
            continue
        if not any(_plausible_pinyin_name(sur.lower(), giv) for sur, giv in orders):
            continue
        one_off = any(partial_match(zh, sur, giv) for sur, giv in orders)
        seen.add((es, ee))
        yield Problem(
            es,
            ee,
            f"author {n}, “{en}”, is not the pinyin of {zh} (pinyin {display_pinyin(zh)})"
            + (": a syllable differs" if one_off else ": the English names another person"),
            related=(Related(zs, ze, f"Chinese author {n}: {zh}"),),
        )


def _one_syllable_off(by_surname, orders, article) -> set[str]:
    """A Chinese name with a one-character given name whose English misses
    it by a letter or two ("Wang Ye" for 王毅), when it is the only person of
    the article with that surname and a one-character given name, and no
    surname-plus-character in the article's Chinese reads as the English
    does (陈烨 for "Chen Ye", a person the names analysis did not catch): a
    one-syllable name has no second syllable to confirm whom the English
    means, so the article must leave no choice."""
    from lintkit.analysis.names import _near, pinyin_readings

    out = set()
    doc = article.document
    for s, g in orders:
        g = g.lower()
        if g not in syllables():
            continue
        same_surname = [n for n in by_surname.get(s.lower(), ()) if len(n) == 2]
        if len(same_surname) != 1:
            continue
        n = same_surname[0]
        readings = name_pinyin(n)[1][0]
        if g in readings or not any(_near(g, r) for r in readings):
            continue
        surname = n[0]
        spelled = False
        for b in article.chinese_blocks():
            t = doc.blocks[b].text(doc.text)
            i = t.find(surname)
            while i >= 0 and not spelled:
                spelled = i + 1 < len(t) and g in pinyin_readings(t[i + 1])
                i = t.find(surname, i + 1)
            if spelled:
                break
        if not spelled:
            out.add(n)
    return out


def _key(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalpha())


def _one_person(spellings: list[str]) -> bool:
    return all(a == b or one_char_apart(a, b) is not None for a in spellings for b in spellings)
