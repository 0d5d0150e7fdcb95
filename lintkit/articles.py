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

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

from .blocks import HEADING, Block
from .language import EN, MIXED, ZH

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

__all__ = ["Article", "Counterpart", "split_articles"]

HEADLINE, SUMMARY, CONTENTS, BYLINE = "headline", "summary", "contents", "byline"

BYLINE_PATTERNS = [
    regex.compile(r"^文\s*[/／]\s*(?P<names>.+)$"),
    regex.compile(r"^(?:作者|撰文)\s*[:：/／]\s*(?P<names>.+)$"),
    regex.compile(r"^■\s*(?P<names>(?:(?!摄|供图|图片).)+)$"),
    regex.compile(r"^(?:本报讯|本刊讯|新华社[^（(]{0,8}电)\s*[（(]\s*(?:本报)?记者\s*(?P<names>[^）)]+)[）)]"),
    regex.compile(r"^(?:本报|本刊)?记者\s+(?P<names>[\p{Han} ]{2,20})$"),
    regex.compile(r"^By\s+(?P<names>[A-Z].{2,80})$"),
]
_ABSTRACT_ZH = regex.compile(r"^(?:摘\s*要|内容提要)\s*[:：]")
_SUMMARY_MARK = regex.compile(
    r"^(?:Reading\s+Summary|Summary|Abstract|English\s+Summary|Synopsis|Editor[’']s\s+Note)\s*[:：]?\s*",
    regex.I,
)
_AUTHOR_LINE = regex.compile(r"\p{Han}{2,4}(?:[ 　、，,]+\p{Han}{2,4}){0,5}")
_SOURCE_LINE = regex.compile(r"^《[^》]{2,20}》\s*\d{4}\s*年.{0,20}版\s*$")
_SUBTITLE = regex.compile(r"^[—－-]{1,2}\s*\S")
_ZH_SENTENCE_END = regex.compile(r"[。！？；]\s*[”’」』]?$")
_PAGE_NUMBER = regex.compile(r"^\s*(?:[-•]\s*)?\d{1,3}\s+")
_NORMALIZE = regex.compile(r"[\s\p{P}\p{S}]+")
_TERMINAL = regex.compile(r"[.!?:;\"”’)]\s*$")


@dataclass(frozen=True)
class Counterpart:
    """An English (or contents) piece that belongs to an article."""

    kind: str  # headline | summary | contents | byline
    start: int
    end: int
    block: int


@dataclass
class Article:
    """One article of a document, with its English counterparts.

    ``start``/``end`` cover the Chinese article from its headline to the
    block before the next article; counterparts may lie outside that range
    (a contents entry, a summary continued on a later page).
    """

    index: int
    document: "Document" = field(repr=False)
    first_block: int
    last_block: int
    headline: int | None = None  # block index
    subtitle: int | None = None
    bylines: list[tuple[int, int]] = field(default_factory=list)  # name spans
    english: list[Counterpart] = field(default_factory=list)
    contents: list[Counterpart] = field(default_factory=list)  # Chinese contents lines
    furniture: frozenset[int] = frozenset()  # contents lines inside the span: not body text

    @property
    def start(self) -> int:
        return self.document.blocks[self.first_block].start

    @property
    def end(self) -> int:
        return self.document.blocks[self.last_block].end

    @property
    def title(self) -> str:
        if self.headline is None:
            return ""
        return self.document.blocks[self.headline].text(self.document.text)

    def english_blocks(self) -> set[int]:
        return {c.block for c in self.english}

    def chinese_blocks(self) -> list[int]:
        """Indices of the Chinese (or mixed) blocks of the article body."""
        skip = self.english_blocks() | self.furniture
        return [
            i
            for i in range(self.first_block, self.last_block + 1)
            if i not in skip and self.document.blocks[i].lang in (ZH, MIXED)
        ]

    def counterparts(self, kind: str) -> list[Counterpart]:
        return [c for c in self.english if c.kind == kind]


def _norm(text: str) -> str:
    return _NORMALIZE.sub("", text).lower()


def _same_title(a: str, b: str) -> bool:
    """Normalized titles name the same article: one ends with the other (a
    column label or page number before it), or they differ in one character
    of the same length (a typo in the headline or the contents, which a rule
    should report rather than the pairing lose)."""
    if len(a) < 4 or len(b) < 4:
        return a == b
    if a.endswith(b) or b.endswith(a):
        return True
    return len(a) == len(b) >= 6 and sum(x != y for x, y in zip(a, b)) <= 1


def _is_short_title(text: str, lang: str) -> bool:
    if lang not in (ZH, MIXED):
        return False
    return 2 <= len(text) <= 40 and not _ZH_SENTENCE_END.search(text)


def _is_english_title(text: str, lang: str) -> bool:
    # All-capital lines are mastheads and section labels, not titles.
    return (
        lang == EN
        and len(text) <= 300
        and text[:1].isupper()
        and not text.endswith(".")
        and not text.isupper()
    )


def _byline(text: str) -> regex.Match | None:
    for pattern in BYLINE_PATTERNS:
        if m := pattern.match(text):
            return m
    return None


@dataclass(frozen=True)
class _ContentsEntry:
    zh_block: int
    zh_title: str  # normalized, page number removed
    en_block: int | None


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
    return [
        e
        for e in entries
        if sum(1 for o in entries if 0 < abs(o.zh_block - e.zh_block) <= 4) >= 1
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
        elif (
            i == anchor - 1
            and _ABSTRACT_ZH.match(blocks[anchor].text(text))
            and _AUTHOR_LINE.fullmatch(t)
        ):
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
    entries = _contents_entries(doc)
    entry_blocks = {e.zh_block for e in entries} | {e.en_block for e in entries if e.en_block}
    titles = [e.zh_title for e in entries if len(e.zh_title) >= 4]

    anchors: list[tuple[int, bool]] = []  # (block, is the headline itself)
    for i, b in enumerate(blocks):
        if i in entry_blocks:
            continue
        t = b.text(text)
        if _byline(t) or _ABSTRACT_ZH.match(t):
            anchors.append((i, False))
        elif b.lang in (ZH, MIXED) and len(t) <= 60 and not _ZH_SENTENCE_END.search(t):
            key = _norm(t)
            if any(key.endswith(title) for title in titles):
                anchors.append((i, True))

    # A contents title found in the body is a headline; when a byline follows
    # within a few blocks, the byline's walk back finds the same headline.
    # (Only when no other headline lies between them: a headline followed by
    # a short, byline-less piece and then the next article's headline must
    # not be swallowed by that next article.)
    anchors = [
        (i, h)
        for i, h in anchors
        if not h
        or not any(
            not h2 and i < j <= i + 6 and not any(h3 and i < k < j for k, h3 in anchors)
            for j, h2 in anchors
        )
    ]
    starts: list[tuple[int, int | None, int | None]] = []  # (first, headline, subtitle)
    floor = -1
    for anchor, is_headline in anchors:
        head = _find_headline(doc, anchor, floor) if not is_headline else (anchor, anchor, None)
        if starts and head[0] <= starts[-1][0]:
            continue  # a second byline of the same article (e.g. "By ..." under "文 / ...")
        if starts and _byline(blocks[anchor].text(text)) and anchor - starts[-1][0] <= 6 and any(
            _byline(blocks[k].text(text)) or _ABSTRACT_ZH.match(blocks[k].text(text))
            for k in range(starts[-1][0], anchor)
        ) and not any(  # ... unless body text ends the previous article first
            _ZH_SENTENCE_END.search(blocks[k].text(text)) for k in range(floor + 1, head[0])
        ):
            continue
        starts.append(head)
        floor = anchor

    if not starts:
        first_heading = next(
            (i for i, b in enumerate(blocks) if b.kind == HEADING and b.lang != EN), None
        )
        if first_heading is None:
            first_heading = next(
                (i for i, b in enumerate(blocks) if _is_short_title(b.text(text), b.lang)), None
            )
        starts = [(0, first_heading, None)]

    articles: list[Article] = []
    for n, (begin, head, sub) in enumerate(starts):
        last = starts[n + 1][0] - 1 if n + 1 < len(starts) else len(blocks) - 1
        furniture = frozenset(b for b in entry_blocks if begin <= b <= last and b != head)
        articles.append(Article(n + 1, doc, begin, last, head, sub, furniture=furniture))

    for art in articles:
        _attach_bylines(doc, art)
        _attach_summaries(doc, art)
        _attach_adjacent_headline(doc, art)
    _attach_contents(doc, articles, entries)
    for art in articles:
        art.english.sort(key=lambda c: c.start)
    return articles


def _attach_bylines(doc: "Document", art: Article) -> None:
    blocks, text = doc.blocks, doc.text
    for i in range(art.first_block, min(art.last_block, art.first_block + 8) + 1):
        b = blocks[i]
        if _ABSTRACT_ZH.match(b.text(text)) and i - 1 > art.first_block:
            # An academic article's author line stands alone above its abstract.
            prev = blocks[i - 1]
            if _AUTHOR_LINE.fullmatch(prev.text(text)):
                art.bylines.append((prev.start, prev.end))
        m = _byline(b.text(text))
        if m:
            s, e = m.span("names")
            art.bylines.append((b.start + s, b.start + e))
            if b.lang == EN:
                art.english.append(Counterpart(BYLINE, b.start, b.end, i))


def _attach_summaries(doc: "Document", art: Article) -> None:
    blocks, text = doc.blocks, doc.text
    taken = art.english_blocks()
    i = art.first_block
    while i <= art.last_block:
        b = blocks[i]
        t = b.text(text)
        m = _SUMMARY_MARK.match(t)
        if not m or b.lang not in (EN, ""):
            i += 1
            continue
        j = i if m.end() < len(t) else i + 1  # "Abstract: text" or a marker line
        last_text = ""
        while j < len(blocks) and blocks[j].lang == EN:
            bj = blocks[j]
            s = bj.start + (m.end() if j == i else 0)
            art.english.append(Counterpart(SUMMARY, s, bj.end, j))
            taken.add(j)
            last_text = bj.text(text)
            j += 1
        # A summary cut by a page break continues in the next English block
        # that starts in lower case, wherever the layout put it.
        k = j
        while last_text and not _TERMINAL.search(last_text) and k < min(len(blocks), j + 15):
            bk = blocks[k]
            tk = bk.text(text)
            if bk.lang == EN and tk[:1].islower() and k not in taken:
                art.english.append(Counterpart(SUMMARY, bk.start, bk.end, k))
                taken.add(k)
                last_text = tk
                k += 1
                while k < len(blocks) and blocks[k].lang == EN and not _SUMMARY_MARK.match(
                    blocks[k].text(text)
                ):
                    art.english.append(Counterpart(SUMMARY, blocks[k].start, blocks[k].end, k))
                    last_text = blocks[k].text(text)
                    k += 1
                continue
            k += 1
        i = j


def _attach_adjacent_headline(doc: "Document", art: Article) -> None:
    """An English title line right after the Chinese headline (or subtitle)."""
    if art.headline is None:
        return
    blocks, text = doc.blocks, doc.text
    j = (art.subtitle if art.subtitle is not None else art.headline) + 1
    if j <= art.last_block and _is_english_title(blocks[j].text(text), blocks[j].lang):
        if not _SUMMARY_MARK.fullmatch(blocks[j].text(text)) and not _byline(blocks[j].text(text)):
            art.english.append(Counterpart(HEADLINE, blocks[j].start, blocks[j].end, j))


def _attach_contents(doc: "Document", articles: list[Article], entries: list[_ContentsEntry]) -> None:
    """Give each article its contents lines and the copies of its English title."""
    if not entries or not articles:
        return
    blocks, text = doc.blocks, doc.text
    claimed = {c.block for a in articles for c in a.english}
    by_title: dict[str, Article] = {}
    for art in articles:
        if art.headline is not None:
            key = _norm(_PAGE_NUMBER.sub("", art.title))
            if len(key) >= 4:
                by_title[key] = art
    english_titles: dict[str, Article] = {}
    for e in entries:
        art = next((a for k, a in by_title.items() if _same_title(e.zh_title, k)), None)
        if art is None or art.first_block <= e.zh_block <= art.last_block and e.zh_block == art.headline:
            continue
        art.contents.append(Counterpart(CONTENTS, blocks[e.zh_block].start, blocks[e.zh_block].end, e.zh_block))
        if e.en_block is not None and e.en_block not in claimed:
            art.english.append(Counterpart(CONTENTS, blocks[e.en_block].start, blocks[e.en_block].end, e.en_block))
            claimed.add(e.en_block)
            english_titles.setdefault(_norm(blocks[e.en_block].text(text)), art)
    # In-body copies of an English title (a bilingual profile page) head the
    # English paragraphs that follow them.
    for i, b in enumerate(blocks):
        if i in claimed or b.lang != EN:
            continue
        art = english_titles.get(_norm(b.text(text)))
        if art is None:
            continue
        art.english.append(Counterpart(HEADLINE, b.start, b.end, i))
        claimed.add(i)
        j = i + 1
        while j < len(blocks) and blocks[j].lang == EN and j not in claimed and not _is_english_title(
            blocks[j].text(text), EN
        ):
            art.english.append(Counterpart(SUMMARY, blocks[j].start, blocks[j].end, j))
            claimed.add(j)
            j += 1
