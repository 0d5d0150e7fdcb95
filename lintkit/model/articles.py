"""Split a file into articles and pair each with its English counterparts.

One file is often a whole magazine issue: cover, contents, then articles,
each with a Chinese headline, perhaps a "——" subtitle and a deck, a byline
(``文 / X``, ``■ X``, ``本报讯（记者 X）``), a Chinese body, and English
counterparts that may sit anywhere: an English headline beside the Chinese
one, a "Reading Summary" / "Abstract" / "Summary" in the middle of the body
(after a page break, its last sentence continued further down), the
English line of its contents entry.

How articles are found, in order of evidence:

1. *Anchors*: a byline block, an academic ``摘要：`` block, or a block whose
   text ends with the Chinese title of a contents entry.
2. For each anchor the headline is found by walking back over English
   title lines, decks (long sentences), a ``——`` subtitle and an author
   line, to the nearest short Chinese line.  An article runs from its
   headline to the block before the next article's headline.
3. A file with no anchor is one article, headlined by its first heading.

English counterparts are then attached: summaries by their marker, English
headlines by adjacency, contents entries (and in-body copies of their
English titles, with the English paragraphs that follow) by title match.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from .article_counterparts import (
    _align_summary,
    _attach_adjacent_headline,
    _attach_bylines,
    _attach_contents,
    _attach_summaries,
    _is_abstract_zh,
)
from .article_genres import _attach_alternating, _attach_translation, _genre
from .article_journal import _attach_journal_front, _en_author_lines, _is_paper, _paper

# The records and vocabulary of lintkit.model.articles (counterpart kinds, genres, thresholds)
# are re-exported: rules and tests import them from here.
from .article_model import (  # noqa: F401
    _ABSTRACT_ZH,
    _AUTHOR_LINE,
    _PAGE_NUMBER,
    _SOURCE_LINE,
    _SUBTITLE,
    _ZH_SENTENCE_END,
    ABSTRACT_SPAN,
    ABSTRACT_WITHIN,
    ANCHOR_TITLE_MAX,
    BILINGUAL,
    BYLINE,
    BYLINE_PATTERNS,
    CONTENTS,
    FRONT_MATTER_SPAN,
    GENRES,
    HEADLINE,
    JOURNAL,
    MAGAZINE,
    NEWS,
    PARALLEL,
    SUMMARY,
    SUMMARY_CONTINUATION,
    TITLE_MAX,
    TRANSLATION,
    Article,
    Counterpart,
    _byline,
    _ContentsEntry,
    _is_english_title,
    _is_short_title,
    _norm,
)
from .blocks import HEADING
from .language import EN, MIXED, ZH

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

__all__ = ["Article", "Counterpart", "split_articles", "GENRES", "TRANSLATION"]


def _contents_entries(doc: "Document") -> list[_ContentsEntry]:
    """Pairs "Chinese title line [—— subtitle] English title line".

    They occur in the contents and on the cover; an entry without an English
    line still names an article (and counts as its contents line) when it
    carries a page number.
    """
    blocks, text = doc.blocks, doc.text
    entries = []
    for i, b in enumerate(blocks):
        t = b.text(text)
        if b.lang not in (ZH, MIXED) or _SUBTITLE.match(t) or _byline(t):
            continue
        paged = bool(_PAGE_NUMBER.match(t))
        title = _PAGE_NUMBER.sub("", t)
        if not _is_short_title(title, b.lang):
            continue
        j = i + 1
        if j < len(blocks) and _SUBTITLE.match(blocks[j].text(text)):
            j += 1
        en = None
        if j < len(blocks) and _is_english_title(blocks[j].text(text), blocks[j].lang):
            # "科技前沿 Science and Technology Frontier" section labels are mixed blocks
            # and never reach here; a bilingual title pair is zh line then en line.
            en = j
        if en is not None or paged:
            entries.append(_ContentsEntry(i, _norm(title), en))
    # A contents list or a cover lists several titles together; a lone
    # bilingual pair is a headline or a publisher's name, not a contents entry.
    # (Entries are in block order, one per block: a neighbour within four
    # blocks is the entry before or after, if any.)
    return [
        e
        for k, e in enumerate(entries)
        if (k > 0 and e.zh_block - entries[k - 1].zh_block <= 4)
        or (k + 1 < len(entries) and entries[k + 1].zh_block - e.zh_block <= 4)
    ]


def _find_headline(doc: "Document", anchor: int, floor: int) -> tuple[int, int | None, int | None]:
    """Walk back from an anchor block: (first block, headline, subtitle)."""
    blocks, text = doc.blocks, doc.text
    subtitle = None
    first = anchor
    i = anchor - 1
    skipped = 0
    short = None
    while i > floor and skipped < 4:
        b = blocks[i]
        t = b.text(text)
        if _SOURCE_LINE.match(t):
            first = i  # "《X报》2026年3月28日第10版": where a reprint starts
        elif _SUBTITLE.match(t):
            subtitle = i
        elif b.lang == EN and _is_english_title(t, b.lang):
            pass  # the English headline sits beside the Chinese one
        elif i == anchor - 1 and _ABSTRACT_ZH.match(blocks[anchor].text(text)) and _AUTHOR_LINE.fullmatch(t):
            pass  # an academic article's author line ("周某 宋某") above its abstract
        elif _byline(t):
            pass  # another byline of the same article ("文 / X" above "By X")
        elif b.kind == HEADING or (_is_short_title(t, b.lang) and len(t) > 5):
            return i, i, subtitle
        elif subtitle is not None and _is_short_title(t, b.lang):
            return i, i, subtitle
        elif short is None and _is_short_title(t, b.lang) and not _byline(t):
            short = i  # a headline of five characters or fewer, if nothing better is found
        i -= 1
        skipped += 1
    if subtitle is not None and subtitle - 1 > floor:
        return subtitle - 1, subtitle - 1, subtitle
    if short is not None:
        return min(first, short), short, None
    return first, None, subtitle


def split_articles(doc: "Document") -> list[Article]:
    blocks, text = doc.blocks, doc.text
    if not blocks:
        return []
    if getattr(doc, "translation", None) is None and _is_paper(doc):
        return [_paper(doc)]
    entries = _contents_entries(doc)
    entry_blocks = {e.zh_block for e in entries} | {e.en_block for e in entries if e.en_block}
    titles = {e.zh_title for e in entries if len(e.zh_title) >= 4}

    anchors: list[tuple[int, bool]] = []  # (block, is the headline itself)
    for i, b in enumerate(blocks):
        if i in entry_blocks:
            continue
        t = b.text(text)
        if _byline(t) or _is_abstract_zh(t):
            anchors.append((i, False))
        elif titles and b.lang in (ZH, MIXED) and len(t) <= ANCHOR_TITLE_MAX and not _ZH_SENTENCE_END.search(t):
            key = _norm(t)
            # does the key end with a contents title (four characters or more)?
            if any(key[k:] in titles for k in range(len(key) - 3)):
                anchors.append((i, True))

    # A contents title found in the body is a headline; when a byline follows
    # within a few blocks, the byline's walk back finds the same headline.
    # (Only when no other headline lies between them: a headline followed by
    # a short, byline-less piece and then the next article's headline must
    # not be swallowed by that next article.)
    # (Anchors are in block order: only the few anchors right after a
    # headline can be its byline, and the first headline after it ends the search.)
    def _byline_follows(p: int) -> bool:
        if p + 1 >= len(anchors):
            return False
        j, h2 = anchors[p + 1]
        return not h2 and j <= anchors[p][0] + 6

    anchors = [(i, h) for p, (i, h) in enumerate(anchors) if not h or not _byline_follows(p)]
    starts: list[tuple[int, int | None, int | None]] = []  # (first, headline, subtitle)
    floor = -1
    for anchor, is_headline in anchors:
        found = _find_headline(doc, anchor, floor) if not is_headline else (anchor, anchor, None)
        if starts and found[0] <= starts[-1][0]:
            continue  # a second byline of the same article (e.g. "By ..." under "文 / ...")
        if (
            starts
            and _byline(blocks[anchor].text(text))
            and anchor - starts[-1][0] <= 6
            and any(
                _byline(blocks[k].text(text)) or _ABSTRACT_ZH.match(blocks[k].text(text))
                for k in range(starts[-1][0], anchor)
            )
            and not any(  # ... unless body text ends the previous article first
                _ZH_SENTENCE_END.search(blocks[k].text(text)) for k in range(floor + 1, found[0])
            )
        ):
            continue
        starts.append(found)
        floor = anchor

    if not starts:
        first_heading = next((i for i, b in enumerate(blocks) if b.kind == HEADING and b.lang != EN), None)
        if first_heading is None:
            first_heading = next((i for i, b in enumerate(blocks) if _is_short_title(b.text(text), b.lang)), None)
        starts = [(0, first_heading, None)]

    articles: list[Article] = []
    sorted_entry_blocks = sorted(entry_blocks)
    for n, (begin, head, sub) in enumerate(starts):
        last = starts[n + 1][0] - 1 if n + 1 < len(starts) else len(blocks) - 1
        inside = sorted_entry_blocks[bisect_left(sorted_entry_blocks, begin) : bisect_right(sorted_entry_blocks, last)]
        furniture = frozenset(b for b in inside if b != head)
        articles.append(Article(n + 1, doc, begin, last, head, sub, furniture=furniture))

    for art in articles:
        _attach_bylines(doc, art)
        _attach_summaries(doc, art)
        _attach_adjacent_headline(doc, art)
    _attach_contents(doc, articles, entries)
    genre = _genre(doc, articles, entries)
    for art in articles:
        art.genre = genre
    if genre == JOURNAL:
        en_lines = _en_author_lines(doc)
        for art in articles:
            _attach_journal_front(doc, art, en_lines)
    elif genre == BILINGUAL:
        _attach_alternating(doc, articles)
    elif genre == PARALLEL and doc.translation is not None:  # parallel means a translation file
        _attach_translation(doc, articles, doc.translation)
    if genre in (MAGAZINE, NEWS):
        for art in articles:
            _align_summary(doc, art, art.chinese_blocks(), "summary")
    for art in articles:
        art.english.sort(key=lambda c: (c.document is not None, c.start))
    return articles
