from __future__ import annotations

from bisect import bisect_right
from collections import Counter

import regex

from lintkit import ARTICLE, Fix, Problem, Related, rule

_KEEP = regex.compile(r"[\p{Han}\p{L}\p{N}]")
_PAGE_NUMBER = regex.compile(r"^\s*(?:[-•]\s*)?\d{1,3}\s+")


def _letters(text: str, start: int) -> tuple[str, list[int]]:
    """The letters of a title (spaces, punctuation and a page number
    dropped) and the offset of each in the document."""
    skip = _PAGE_NUMBER.match(text)
    chars, offsets = [], []
    for i, ch in enumerate(text):
        if skip and i < skip.end():
            continue
        if _KEEP.match(ch):
            chars.append(ch)
            offsets.append(start + i)
    return "".join(chars), offsets


@rule("style.contents-mismatch", scope=ARTICLE, severity="warning")
def contents_mismatch(article, options):
    """A headline and its contents line that differ by one character.

    What it catches: the Chinese headline of an article and the line that
    lists it in the issue's contents (or on the cover) are the same title
    but for one character — a typo on one side, e.g. a headline 骏马奔腾
    listed as 骏马奔滕.  The finding stands on the spelling that fewer
    places use (the headline when two contents lines agree against it; the
    contents line on a tie), with the other places as related locations and
    a fix to the other spelling that an editor applies by hand (display).

    How it decides: titles are compared letter by letter with page numbers,
    spaces and punctuation removed, and only titles of the same length that
    differ in exactly one letter are reported — a contents line that
    shortens or rewords a headline is an editorial choice, not a slip.  A
    difference inside a person's name is left to ``names.spelling-variant``,
    which reports it with the name's other spellings.

    Why it matters: the contents page and the headline are the first two
    things a reader sees; a title that changes between them looks careless
    and sends searches astray.

    Example that fires:

        目录
        - 012 骏马奔腾迎新春
        - 018 湖畔人家
        骏马奔滕迎新春
        文 / 记者甲
        正文第一段。

    Example that does not fire:

        目录
        - 012 骏马奔腾迎新春
        - 018 湖畔人家
        骏马奔腾迎新春
        文 / 记者甲
        正文第一段。

    Options: none.  Silence it with ``ignore: [style.contents-mismatch]``.
    """
    doc = article.document
    if article.headline is None or not article.contents:
        return
    block = doc.blocks[article.headline]
    places = [(block.start, block.end, "headline")] + [(c.start, c.end, "contents line") for c in article.contents]
    spelled = [(_letters(doc.text[s:e], s), s, e, what) for s, e, what in places]
    head_letters = spelled[0][0][0]
    counts = Counter(letters for (letters, _), *_ in spelled)
    if any(len(letters) != len(head_letters) for letters in counts):
        return  # a contents line that shortens or rewords the headline
    variants = [v for v in counts if v != head_letters]
    if len(variants) != 1:
        return
    other = variants[0]
    diffs = [i for i, (a, b) in enumerate(zip(head_letters, other)) if a != b]
    if len(diffs) != 1:
        return
    i = diffs[0]
    # The minority spelling is reported; on a tie, the contents line (the
    # headline is the article's own, set with more care).
    wrong = other if counts[other] <= counts[head_letters] else head_letters
    right = head_letters if wrong == other else other
    for (letters, offsets), s, e, what in spelled:
        if letters != wrong:
            continue
        at = offsets[i]
        if _in_name(doc, at):
            return  # a person's name: names.spelling-variant reports it
        related = tuple(
            Related(rs, re_, f"{rwhat}: “{doc.text[rs:re_].strip()}”")
            for (rl, _), rs, re_, rwhat in spelled
            if rl == right
        )
        yield Problem(
            at,
            at + 1,
            f"{what} has “{wrong[i]}” where the "
            + ("headline" if what != "headline" else "contents")
            + f" has “{right[i]}”: “{doc.text[s:e].strip()}”",
            related=related,
            fix=Fix.replace(
                at, at + 1, right[i], applicability="display", description=f"write “{right[i]}” as in the other title"
            ),
        )


def _name_spans(doc) -> tuple[list[tuple[int, int]], list[int], int]:
    """The person-name spans of ``doc`` sorted, their starts, the longest span."""
    from lintkit.analysis.names import names

    spans = sorted((m.start, m.end) for m in doc.analysis(names).mentions)
    return spans, [s for s, _ in spans], max((e - s for s, e in spans), default=0)


def _in_name(doc, at: int) -> bool:
    """Does a person's name cover offset ``at``?  (Bisected: not every name
    of the file for each article.)"""
    spans, starts, longest = doc.analysis(_name_spans)
    k = bisect_right(starts, at) - 1
    while k >= 0 and starts[k] > at - longest:
        if spans[k][1] > at:
            return True
        k -= 1
    return False
