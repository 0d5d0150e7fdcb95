from __future__ import annotations

from bisect import bisect_left
from collections import Counter

import regex

from lintkit import Fix, Option, Problem, Related, rule

from ..evidence import NAME_OPTIONS, accepted_pairs, clusters, doc_names, spellings_of


@rule(
    "names.spelling-variant",
    severity="warning",
    options={
        "min-occurrences": Option(2, "how often the dominant spelling must occur before another spelling is reported"),
        "accepted-variants": Option(
            [],
            "pairs of names an editor has checked as different people, e.g. '王明 王敏'",
            type=list,
        ),
        **NAME_OPTIONS,
    },
)
def spelling_variant(doc, options):
    """One person's Chinese name spelled two ways in one file.

    What it catches: a person name written with one character different —
    a homophone (王明/王铭), a look-alike or a swapped radical — in the same
    file, within an article or across its articles (a headline, a contents
    line, an interview answer).  Each minority spelling is reported where it
    stands, with related locations pointing to every other spelling and how
    often each occurs, and a fix to the dominant spelling that is only a
    suggestion (applicability ``display``): which spelling is right is the
    editor's call.

    Why it matters: a misspelt name is the error readers and the people
    named notice first, and no spell checker sees it.

    How one person is told from two (the decision, with its evidence):

    - Names come from ``lintkit.analysis.names`` (role, attribution verb,
      byline, photo credit, "X：" answer, ``、`` lists; jieba only on
      candidate blocks).
    - Two spellings are compared only when they have the same length and
      surname and differ in exactly one given-name character (王立新 and
      王国庆 differ in two: different people).
    - Then they must be linked by evidence: the differing characters share
      a pinyin reading (a homophone), or both spellings stand in the same
      role that singles one person out (会长, 主任, 书记, a photo credit,
      interview answers, bylines).  A role many people share (院士, 教授,
      专家) is not evidence.
    - Vetoes: both spellings in one sentence (two people listed side by
      side); both printed in the file's English with their own exact
      pinyin — two different romanizations, each the pinyin of one
      spelling and not of the other (two academicians whose names differ
      by one character; an English name that is the pinyin of both
      spellings, as for homophones, vetoes nothing); a pair listed in
      ``accepted-variants``.
    - A look-alike is linked when one spelling is in use (twice or more),
      or the English, a citation or a shared post confirms it.
    - A mistyped surname (赵立坚 / 肇立坚, 郑立新 / 曾立新) is one person
      when the surnames sound alike — or apart only by a fuzzy-pinyin
      confusion (zh/z, ch/c, sh/s, n/l, -ng/-n) — the given names agree,
      and, since 肖/萧 are both real surnames, one more thing ties them:
      one of the two is no common surname; both stand in the same
      singling-out role, or the same post of the same body (科协副会长);
      one spelling is used twice or more and the other once; the article's
      English spells the name (two Chinese spellings, one "Wang Xiaofeng":
      one person); one is named bare after the other was introduced with a
      post (负责人汪晓介绍 … 王晓说); an English reference entry romanizes
      the cited author once (周立等人 … 邹立等人 and "Zhou, L."; not when the
      list has a "Zhou, L." and a "Zou, L.": two people); or one cites a
      work (黎明华等[2]) whose reference entry is by the other (李明华).
    - The dominant spelling is the most frequent one; it must occur at
      least ``min-occurrences`` times and more often than the one reported.
      A tie (each spelling once, the usual case for someone named twice)
      is reported too, once the evidence links the two: with a fix when the
      file's English spells one of them and not the other, else as a
      question ("which is right?") on the later spelling.  A name cut by a
      page break is not read as a shorter name.
    - A transliterated foreign name (安娜·卡特琳) is compared by the
      characters around its dot: one of them replaced by a homophone, the
      name going on alike, is the same name respelt.
    - Names are found in every genre: by role, verb, byline, credit, answer,
      list and author cues (王明等人, 王明等[3], the authors of a Chinese
      reference entry), then by jieba's name tag for a surname-led word
      written twice at a name's edges, for a name the file's English spells
      (周明远 and "Zhou Mingyuan"), and for a one-off slip of a name found
      (王健明 beside 王建明) wherever punctuation, a role or jieba's reading
      of the sentence puts a name's edges.

    Example that fires (会长 三 times one way, once another way):

        协会会长王建明表示，要加强合作。
        王建明会长指出，创新是关键。
        会长王建明强调，要持续推进。
        会上，会长王健明作工作报告。

    Example that does not fire (two people sharing a surname; two academicians):

        王立新、王国庆等专家作了报告。院士李文涛和院士李文清出席。

    Options: ``min-occurrences`` (default 2), ``accepted-variants`` (pairs
    such as "王明 王敏" an editor has checked), ``user-dictionary`` (a jieba
    user dictionary; its ``nr`` entries are names).  Silence with
    ``ignore: [names.spelling-variant]``.
    """
    reported = []
    for p in _transliterations(doc):
        reported.append(p.start)
        yield p
    reported.sort()  # (bisected below: not every report looked at for each name)
    for p in _three_part_names(doc):
        k = bisect_left(reported, p.start - 5)
        if not (k < len(reported) and reported[k] <= p.end):  # one report per slip
            yield p
    found = doc_names(doc, options)
    accepted = accepted_pairs(str(v) for v in options["accepted-variants"] if v)
    spellings = spellings_of((doc, m) for m in found.mentions)
    minimum = options["min-occurrences"]
    for group, reasons in clusters(spellings, accepted, [doc]):
        english = _english_support(doc, group)
        group = _by_evidence(group, english)
        dominant = group[0]
        counts = Counter({s.name: s.count for s in group})
        for other in group[1:]:
            tie = other.count == dominant.count
            if tie:
                # a tie: which spelling is right only a third signal (the
                # English pinyin of one of them) can tell; without one the
                # later spelling is reported, with no fix
                picked = english.get(dominant.name, 0) > english.get(other.name, 0)
            elif dominant.count < minimum:
                continue
            else:
                picked = True
            why = reasons.get(frozenset((dominant.name, other.name))) or next(
                (r for k, r in reasons.items() if other.name in k), ""
            )
            related = tuple(
                Related(s.mentions[0][1].start, s.mentions[0][1].end, f"spelled {s.name} here ({s.count}×)")
                for s in group
                if s is not other
            )
            if tie and picked:
                what = (
                    f"name spelled {other.name} ({other.count}×) but {dominant.name} "
                    f"({dominant.count}×), which the English spells, elsewhere in this file ({why})"
                )
            elif tie:
                what = (
                    f"name spelled {other.name} here and {dominant.name} elsewhere in this file ({why}): "
                    f"which is right?"
                )
            else:
                what = (
                    f"name spelled {other.name} ({other.count}×) but {dominant.name} "
                    f"({dominant.count}×) elsewhere in this file ({why})"
                )
            for _, m in other.mentions:
                yield Problem(
                    m.start,
                    m.end,
                    what + "; spellings: " + ", ".join(f"{n} {c}×" for n, c in counts.most_common()),
                    related=related,
                    fix=Fix.replace(
                        m.start,
                        m.end,
                        dominant.name,
                        applicability="display",
                        description=f"write {dominant.name}",
                    )
                    if picked
                    else None,
                )


# A foreign name of three parts (安娜·卡特琳·施密特): the end of its first
# part, the whole middle part, the start of its last part.
_THREE_PART = regex.compile(r"\p{Han}{2}[·・•‧](\p{Han}{1,6})[·・•‧]\p{Han}{2}")
_DOTS = str.maketrans("・•‧", "···")


def _three_part_names(doc):
    """A three-part foreign name written with one character of its middle
    part changed (安娜·卡特琳·施密特 / 安娜·卡特森·施密特): first and last
    names agreeing, the middle names are one person's, whatever the
    characters sound like.  The minority spelling is reported (a tie: the
    later one, as a question)."""
    seen: dict[str, list[int]] = {}
    for b in doc.blocks:
        if b.lang == "en":
            continue
        for m in _THREE_PART.finditer(doc.text, b.start, b.end, overlapped=True):
            seen.setdefault(m.group().translate(_DOTS), []).append(m.start())
    by_shape: dict[tuple[int, str, str], list[str]] = {}
    for k in sorted(seen):
        for i in range(3, len(k) - 3):
            by_shape.setdefault((i, k[:i], k[i + 1 :]), []).append(k)
    for (i, _, _), group in by_shape.items():
        if len(group) != 2:
            continue
        a, b = sorted(group, key=lambda k: (-len(seen[k]), seen[k][0]))
        tie = len(seen[a]) == len(seen[b])
        if tie:
            a, b = sorted(group, key=lambda k: seen[k][0])
        for start in seen[b]:
            yield Problem(
                start + i,
                start + i + 1,
                (
                    f"foreign name spelled …{b}… here and …{a}… elsewhere in this file"
                    + (": which is right?" if tie else f" ({len(seen[a])}×)")
                    + f" ({b[i]} for {a[i]})"
                ),
                related=(Related(seen[a][0], seen[a][0] + len(a), f"spelled …{a}… here ({len(seen[a])}×)"),),
                fix=None
                if tie
                else Fix.replace(start + i, start + i + 1, a[i], applicability="display", description=f"write {a[i]}"),
            )


# The characters on either side of the dot of a transliterated foreign name
# (唐纳德·特朗普 → 纳德·特朗): where such a name starts and ends is unclear
# in running text, the dot's neighbours are the name for certain.
_DOT_NAME = regex.compile(r"\p{Han}{2}[·・•‧]\p{Han}{2}")


def _transliterations(doc):
    """A transliterated foreign name written once with one character
    changed into a homophone (卡特琳 → 卡特林) against a spelling used more
    often (or as often: then a question, no fix)."""
    from ..evidence import homophones

    seen: dict[str, list[int]] = {}
    for b in doc.blocks:
        if b.lang == "en":
            continue
        for m in _DOT_NAME.finditer(doc.text, b.start, b.end, overlapped=True):
            seen.setdefault(m.group().replace("・", "·").replace("•", "·").replace("‧", "·"), []).append(m.start())
    keys = sorted(seen)
    by_shape: dict[tuple[int, str, str], list[str]] = {}
    for k in keys:
        for i in (0, 1, 3, 4):
            by_shape.setdefault((i, k[:i], k[i + 1 :]), []).append(k)
    reported = set()
    for (i, _, _), group in by_shape.items():
        if len(group) != 2:
            continue
        a, b = sorted(group, key=lambda k: (-len(seen[k]), seen[k][0]))
        if not homophones(a[i], b[i]) or b in reported:
            continue
        # the names go on alike after the window (史密斯 / 斯密特 do not)
        tail = doc.text[seen[a][0] + 5 : seen[a][0] + 6]
        if any(doc.text[p + 5 : p + 6] != tail for p in seen[b]):
            continue
        reported.add(b)
        tie = len(seen[a]) == len(seen[b])
        for start in seen[b]:
            yield Problem(
                start,
                start + len(b),
                (
                    f"foreign name spelled …{b}… here and …{a}… elsewhere in this file "
                    f"({a[i]} and {b[i]} sound alike)" + (": which is right?" if tie else "")
                ),
                related=(Related(seen[a][0], seen[a][0] + len(a), f"spelled …{a}… here ({len(seen[a])}×)"),),
                fix=None
                if tie
                else Fix.replace(start + i, start + i + 1, a[i], applicability="display", description=f"write {a[i]}"),
            )


def _english_support(doc, group) -> dict[str, int]:
    """How many English names in the file spell each Chinese spelling exactly
    and no other spelling of the group: a third signal that picks one."""
    from ..evidence import _english_pinyin_cache, full_pinyin_match

    out: dict[str, int] = {}
    for n in doc.analysis(_english_pinyin_cache):
        hits = [
            s.name
            for s in group
            if full_pinyin_match(s.name, n.first, n.second) or full_pinyin_match(s.name, n.second, n.first)
        ]
        if len(hits) == 1:
            out[hits[0]] = out.get(hits[0], 0) + 1
    return out


def _by_evidence(group, english: dict[str, int]):
    """The spellings most frequent first; among equals, the one the English
    spells (``english``: see ``_english_support``), then the one written
    first (a later spelling is the slip)."""
    return sorted(group, key=lambda s: (-s.count, -english.get(s.name, 0), s.mentions[0][1].start))
