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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

from .blocks import HEADING, Block
from .language import EN, MIXED, ZH

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

__all__ = ["Article", "Counterpart", "split_articles", "GENRES", "TRANSLATION"]

HEADLINE, SUMMARY, CONTENTS, BYLINE = "headline", "summary", "contents", "byline"
# An English paragraph that renders one Chinese paragraph: in alternating
# bilingual text, or in a translation kept in a file of its own.
TRANSLATION = "translation"

# What kind of text a document is; it decides which counterparts to look for.
MAGAZINE, JOURNAL, BILINGUAL, PARALLEL, NEWS = "magazine", "journal", "bilingual", "parallel", "news"
GENRES = (MAGAZINE, JOURNAL, BILINGUAL, PARALLEL, NEWS)

BYLINE_PATTERNS = [
    regex.compile(r"^文\s*[/／]\s*(?P<names>.+)$"),
    regex.compile(r"^(?:作者|撰文)\s*[:：/／]\s*(?P<names>.+)$"),
    regex.compile(r"^■\s*(?P<names>(?:(?!摄|供图|图片).)+)$"),
    regex.compile(r"^(?:本报讯|本刊讯|新华社[^（(]{0,8}电)\s*[（(]\s*(?:本报)?记者\s*(?P<names>[^）)]+)[）)]"),
    regex.compile(r"^(?:本报|本刊)?记者\s+(?P<names>[\p{Han} ]{2,20})$"),
    regex.compile(r"^By\s+(?P<names>[A-Z].{2,80})$"),
]
# How far, in blocks, the page-layout heuristics look (blocks are paragraphs or
# lines of a converted page):
# a paper's abstract runs at most this far before its keywords or a heading;
ABSTRACT_SPAN = 30
# a paper's 摘要 stands within this many blocks of its start (further down, the
# file is a magazine that carries a paper among its articles);
ABSTRACT_WITHIN = 80
# the title, authors and affiliations stand at most this far above the abstract;
FRONT_MATTER_SPAN = 25
# an English summary cut by a page break goes on within this many blocks.
SUMMARY_CONTINUATION = 15
# A title is a short unpunctuated line: at most this many characters (a
# headline anchor, which may carry a deck, a little more).
TITLE_MAX = 40
ANCHOR_TITLE_MAX = 60

_ABSTRACT_ZH = regex.compile(r"^(?:摘\s*要|内容提要)\s*[:：]")
_STRIPPED = regex.compile(r"[\s#*]")


def _stripped_is(t: str, words: tuple[str, ...]) -> bool:
    r"""``regex.sub(r"[\s#*]", "", t) in words`` — a heading alone on its
    line (``摘 要``, ``## 关键词``) — without the substitution for the many
    blocks that hold no first character of any of ``words``, which it
    could never turn into one."""
    if not any(w[0] in t for w in words):
        return False
    return _STRIPPED.sub("", t) in words
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
    """An English (or contents) piece that belongs to an article.

    ``document`` is set when the piece lies in another file than the
    article (the English file of a translation pair); offsets and ``block``
    are then that file's.  ``aligned`` names the Chinese blocks of the
    article's document that the piece renders, when the layout says so
    (the paragraph an alternating English paragraph follows, the line of a
    translation it aligns with); rules compare with those first.
    """

    kind: str  # headline | summary | contents | byline | translation
    start: int
    end: int
    block: int
    document: "Document | None" = field(default=None, compare=False, repr=False)
    aligned: tuple[int, ...] = ()


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
    genre: str = NEWS
    # A paper's Chinese author names paired by position with their English
    # (pinyin) spellings: ((zh start, zh end), (en start, en end)); the
    # English offsets are in ``author_document`` (this document unless set).
    author_pairs: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)

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
        """Blocks of this document that are English counterparts."""
        return {c.block for c in self.english if c.document is None}

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

    def document_of(self, c: Counterpart) -> "Document":
        """The document a counterpart lies in (a translation may be another file)."""
        return c.document or self.document

    def text_of(self, c: Counterpart) -> str:
        return self.document_of(c).text[c.start:c.end]


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
    return 2 <= len(text) <= TITLE_MAX and not _ZH_SENTENCE_END.search(text)


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
        elif b.lang in (ZH, MIXED) and len(t) <= ANCHOR_TITLE_MAX and not _ZH_SENTENCE_END.search(t):
            key = _norm(t)
            # does the key end with a contents title (four characters or more)?
            if titles and any(key[k:] in titles for k in range(len(key) - 3)):
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
    sorted_entry_blocks = sorted(entry_blocks)
    for n, (begin, head, sub) in enumerate(starts):
        last = starts[n + 1][0] - 1 if n + 1 < len(starts) else len(blocks) - 1
        inside = sorted_entry_blocks[bisect_left(sorted_entry_blocks, begin):bisect_right(sorted_entry_blocks, last)]
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
    elif genre == PARALLEL:
        _attach_translation(doc, articles, doc.translation)
    if genre in (MAGAZINE, NEWS):
        for art in articles:
            _align_summary(doc, art, art.chinese_blocks(), "summary")
    for art in articles:
        art.english.sort(key=lambda c: (c.document is not None, c.start))
    return articles


def _align_summary(doc: "Document", art: Article, zh_blocks: list[int], mode: str) -> None:
    """Split an article's English summary into sentences and align each with
    the Chinese it sums up (``lintkit.alignment``): a magazine summary against
    the article's paragraphs (summary mode: most of the article is left out),
    a paper's abstract against the sentences of its 摘要 (translation mode).
    The summary's counterparts become one per sentence, each with the Chinese
    blocks it was aligned with."""
    from .alignment import align
    from .analysis.sentences import split_sentences

    summaries = [c for c in art.english if c.kind == SUMMARY and c.document is None]
    if not summaries or not zh_blocks:
        return
    text = doc.text
    en_units = [(s, e, c.block) for c in summaries for s, e in split_sentences(text, c.start, c.end, EN)]
    if mode == "summary":
        zh_units = [(doc.blocks[i].start, doc.blocks[i].end, i) for i in zh_blocks]
    else:
        zh_units = [(s, e, i) for i in zh_blocks
                    for s, e in split_sentences(text, doc.blocks[i].start, doc.blocks[i].end, ZH)]
    if not en_units or not zh_units:
        return
    beads = align([text[s:e] for s, e, _ in zh_units], [text[s:e] for s, e, _ in en_units], mode=mode)
    aligned: dict[int, tuple[int, ...]] = {}
    for bead in beads:
        blocks = tuple(sorted({zh_units[k][2] for k in bead.zh}))
        for k in bead.en:
            aligned[k] = blocks
    art.english = [c for c in art.english if not (c.kind == SUMMARY and c.document is None)] + [
        Counterpart(SUMMARY, s, e, b, aligned=aligned.get(k, ())) for k, (s, e, b) in enumerate(en_units)]


def _abstract_blocks(doc: "Document") -> list[int]:
    """The blocks of a paper's Chinese abstract: from 摘要 to 关键词 or a heading."""
    blocks, text = doc.blocks, doc.text
    start = next((i for i, b in enumerate(blocks) if _is_abstract_zh(b.text(text))), None)
    if start is None:
        return []
    out = []
    for i in range(start, min(len(blocks), start + ABSTRACT_SPAN)):
        t = blocks[i].text(text)
        if i > start and (_KEYWORDS.match(t) or _stripped_is(t, ("关键词", "Keywords"))
                          or blocks[i].kind == HEADING):
            break
        if blocks[i].lang in (ZH, MIXED):
            out.append(i)
    return out


# -- genres ------------------------------------------------------------------------

_REFERENCES_HEADING = regex.compile(r"^\W*(?:参考文献|References|Bibliography)\W*$", regex.I)
_KEYWORDS = regex.compile(r"^\W*(?:关\s*键\s*词|Key\s*words?)\W", regex.I)


def _genre(doc: "Document", articles: list[Article], entries: list[_ContentsEntry]) -> str:
    """magazine | journal | bilingual | parallel | news, from the layout.

    A file with a translation in another file (``doc.translation``, set when
    the run pairs files) is ``parallel``.  Chinese and English paragraphs
    that mostly alternate make ``bilingual`` text.  A 摘要 with keywords or a
    reference list makes a ``journal`` paper.  A contents list, or English
    summaries and headlines beside Chinese articles, make a ``magazine``
    (newspaper pages included).  Anything else is ``news``.
    """
    if getattr(doc, "translation", None) is not None:
        return PARALLEL
    blocks, text = doc.blocks, doc.text
    if any(a.counterparts(SUMMARY) for a in articles):
        return MAGAZINE
    n_zh = sum(1 for b in blocks if b.lang in (ZH, MIXED))
    n_en = sum(1 for b in blocks if b.lang == EN)
    if min(n_zh, n_en) >= 2 and 0.4 * n_zh <= n_en <= 2.5 * n_zh:
        return BILINGUAL  # as much English as Chinese, and no summary: a translation in the same file
    if entries or any(a.english for a in articles):
        return MAGAZINE
    abstract = keywords = references = False
    for b in blocks:
        t = b.text(text)
        if _ABSTRACT_ZH.match(t):
            abstract = True
        elif _KEYWORDS.match(t) or t.strip() in ("关键词", "关 键 词", "Keywords", "Key words"):
            keywords = True
        elif _REFERENCES_HEADING.match(t):
            references = True
    if abstract and (keywords or references):
        return JOURNAL
    return NEWS


def _attach_alternating(doc: "Document", articles: list[Article]) -> None:
    """Each English paragraph of bilingual text renders a Chinese paragraph.

    Which one: the Chinese and English paragraphs are aligned in order
    (``lintkit.alignment``, translation mode: lengths and shared figures,
    names and Latin words), which copes with a run of Chinese paragraphs
    followed by their English, an English paragraph before its Chinese, a
    Chinese line left untranslated.  Where the layout says otherwise — the
    Chinese paragraph right before or after shares more anchors with the
    English than the aligned one — the neighbour wins.  Paragraphs already
    taken as headlines or summaries stay so.
    """
    from .alignment import align, anchors

    blocks, text = doc.blocks, doc.text
    taken = {c.block for a in articles for c in a.english if c.document is None}
    # Chinese already rendered by an English headline is not on offer again
    rendered = {b for a in articles for c in a.english if c.document is None for b in c.aligned}
    zh = [i for i, b in enumerate(blocks) if b.lang in (ZH, MIXED) and i not in rendered]
    en = [i for i, b in enumerate(blocks) if b.lang == EN and i not in taken]
    if not zh or not en:
        return
    sets: dict[str, list[frozenset[str]]] = {}
    beads = align([blocks[i].text(text) for i in zh], [blocks[j].text(text) for j in en], mode="translation",
                  anchor_sets=sets)
    aligned: dict[int, tuple[int, ...]] = {}
    for bead in beads:
        for k in bead.en:
            aligned[en[k]] = tuple(zh[m] for m in bead.zh)
    # the anchors the alignment extracted already, not extracted again
    cache: dict[int, frozenset[str]] = dict(zip(en, sets.get("en", ())))
    cache.update(zip(zh, sets.get("zh", ())))

    def anchors_of(i: int) -> frozenset[str]:
        if i not in cache:
            cache[i] = anchors(blocks[i].text(text))
        return cache[i]

    def shared(i: int, others) -> int:
        return len(anchors_of(i) & frozenset().union(*(anchors_of(o) for o in others))) if others else 0

    is_zh = set(zh)
    # The layout's side: does an English paragraph follow its Chinese or
    # precede it?  Shared anchors decide; the count of neighbours breaks ties.
    after = sum(shared(i, (i - 1,)) for i in en if i - 1 in is_zh)
    before = sum(shared(i, (i + 1,)) for i in en if i + 1 in is_zh)
    if after == before:
        after = sum(1 for i in en if i - 1 in is_zh)
        before = sum(1 for i in en if i + 1 in is_zh)
    sides = (-1, 1) if after >= before else (1, -1)
    firsts = [a.first_block for a in articles]
    for i in en:
        neighbour = next(((i + d,) for d in sides if i + d in is_zh), ())
        chosen = neighbour or aligned.get(i, ())
        if aligned.get(i) and shared(i, aligned[i]) > shared(i, chosen):
            chosen = aligned[i]  # the order says otherwise, and the figures agree
        art = _article_at(articles, firsts, i)
        if art is not None:
            art.english.append(Counterpart(TRANSLATION, blocks[i].start, blocks[i].end, i, aligned=chosen))


def _article_at(articles: list[Article], firsts: list[int], block: int) -> Article | None:
    """The article whose span holds ``block`` (articles are in block order and
    do not overlap; ``firsts`` are their first blocks)."""
    k = bisect_right(firsts, block) - 1
    if k >= 0 and articles[k].first_block <= block <= articles[k].last_block:
        return articles[k]
    return None


def _attach_translation(doc: "Document", articles: list[Article], en_doc: "Document") -> None:
    """The English file of a translation pair, paragraph by paragraph.

    Its blocks are aligned with the Chinese blocks (``lintkit.alignment``,
    translation mode) and each goes to the article that holds the Chinese it
    renders; English blocks that render nothing go to the first article.
    """
    from .alignment import align

    zh_blocks = [i for i, b in enumerate(doc.blocks) if b.lang in (ZH, MIXED)]
    en_blocks = [i for i, b in enumerate(en_doc.blocks) if b.lang in (EN, MIXED, "")]
    beads = align([doc.blocks[i].text(doc.text) for i in zh_blocks],
                  [en_doc.blocks[j].text(en_doc.text) for j in en_blocks], mode="translation")
    firsts = [a.first_block for a in articles]
    for bead in beads:
        zh = tuple(zh_blocks[k] for k in bead.zh)
        for k in bead.en:
            j = en_blocks[k]
            home = (_article_at(articles, firsts, zh[0]) if zh else None) or articles[0]
            b = en_doc.blocks[j]
            home.english.append(Counterpart(TRANSLATION, b.start, b.end, j, document=en_doc, aligned=zh))


# -- journal papers: the front matter ------------------------------------------------

# A Chinese author: two to four characters (PDF text often spaces them:
# "刘  振"), then affiliation marks: digits, superscripts, *, †.
_ZH_AUTHOR = regex.compile(r"\p{Han}(?:[ \u3000]{0,2}\p{Han}){1,3}")
_ZH_AUTHOR_GAP = regex.compile(r"^[\s\d,，、;；*\\†‡§¹²³⁴⁵⁶⁷⁸⁹⁰#]*$")
_EN_AUTHOR = regex.compile(r"[A-Z][A-Za-z'’]*(?:-[A-Za-z]+)?(?:[ \u00a0]+[A-Z][A-Za-z'’]*(?:-[A-Za-z]+)?){1,2}")
_EN_AUTHOR_GAP = regex.compile(r"^(?:[\s\d,*\\†‡§¹²³⁴⁵⁶⁷⁸⁹⁰#]|\band\b|&)*$")


_LIST_SEPARATOR = regex.compile(r"[,，、;；&]|\band\b")


def _name_list(text: str, name: regex.Pattern, gap: regex.Pattern) -> list[tuple[int, int]] | None:
    """Spans of the names of a line that is a list of names and nothing else:
    two or more names with a separator (，、, and) between each two, and
    nothing but affiliation marks around them."""
    spans, pos = [], 0
    for m in name.finditer(text):
        between = text[pos:m.start()]
        if not gap.match(between) or (spans and not _LIST_SEPARATOR.search(between)):
            return None
        spans.append(m.span())
        pos = m.end()
    if len(spans) < 2 or not gap.match(text[pos:]):
        return None
    return spans


def _zh_author_lines(doc: "Document", art: Article) -> list[tuple[int, list[tuple[int, int]]]]:
    """Chinese author lines in a paper's front matter (before its 摘要)."""
    from .analysis.names import COMPOUND_SURNAMES, SURNAMES

    blocks, text = doc.blocks, doc.text
    abstract = next((i for i in range(art.first_block, min(art.last_block, art.first_block + ABSTRACT_WITHIN) + 1)
                     if _is_abstract_zh(blocks[i].text(text))), None)
    if abstract is None:
        return []
    out = []
    for i in range(max(art.first_block, abstract - FRONT_MATTER_SPAN), abstract):
        b = blocks[i]
        t = b.text(text)
        if len(t) > 150 or b.lang not in (ZH, MIXED):
            continue
        spans = _name_list(t, _ZH_AUTHOR, _ZH_AUTHOR_GAP)
        if not spans:
            continue
        names = [regex.sub(r"\s", "", t[s:e]) for s, e in spans]
        if all(n[0] in SURNAMES or n[:2] in COMPOUND_SURNAMES for n in names) and all(len(n) <= 4 for n in names):
            found = [(b.start + s, b.start + e) for s, e in spans]
            # a list broken over two lines ends with its separator: "…，丁智 1，" / "马明国"
            nxt = blocks[i + 1] if i + 1 < abstract else None
            if nxt is not None and _LIST_SEPARATOR.search(t.rstrip()[-1:]):
                more = _ZH_AUTHOR.fullmatch(regex.sub(r"[\d*\\†‡§¹²³⁴⁵⁶⁷⁸⁹⁰,，\s]+$", "", nxt.text(text)))
                if more and (more.group()[0] in SURNAMES or more.group()[:2] in COMPOUND_SURNAMES):
                    found.append((nxt.start + more.start(), nxt.start + more.end()))
            out.append((i, found))
    return out


def _en_author_lines(doc: "Document") -> list[tuple[int, list[tuple[int, int]]]]:
    """English lines that are a list of names and nothing else (block, spans)."""
    out = []
    for j, b in enumerate(doc.blocks):
        if b.lang == EN and len(b.text(doc.text)) <= 400:
            spans = _name_list(b.text(doc.text), _EN_AUTHOR, _EN_AUTHOR_GAP)
            if spans:
                out.append((j, spans))
    return out


def _is_abstract_zh(t: str) -> bool:
    return bool(_ABSTRACT_ZH.match(t)) or _stripped_is(t, ("摘要", "内容提要"))


def _is_paper(doc: "Document") -> bool:
    """One journal paper: a single Chinese abstract near the top (within its
    first 80 blocks) and a keywords line or a reference list.  A magazine
    that carries a paper among its articles has its 摘要 further down."""
    blocks, text = doc.blocks, doc.text
    abstracts = [i for i, b in enumerate(blocks) if _is_abstract_zh(b.text(text))]
    if len(abstracts) != 1 or abstracts[0] >= ABSTRACT_WITHIN:
        return False
    if any(_byline(blocks[i].text(text)) for i in range(abstracts[0])):
        return False  # another article's byline before the abstract: an issue, not a paper
    return any(_KEYWORDS.match(t) or _stripped_is(t, ("关键词", "Keywords", "Keywords:"))
               or _REFERENCES_HEADING.match(t) for t in (b.text(text) for b in blocks))


def _paper(doc: "Document") -> Article:
    """A journal paper is one article: its title, authors, abstracts, body and
    references, whatever running heads and page furniture a PDF left in it
    (which would otherwise read as many short articles)."""
    blocks, text = doc.blocks, doc.text
    abstract = next(i for i, b in enumerate(blocks) if _is_abstract_zh(b.text(text)))
    headline = next((i for i in range(abstract) if blocks[i].lang in (ZH, MIXED)
                     and (blocks[i].kind == HEADING or _is_short_title(blocks[i].text(text), blocks[i].lang))
                     and not _name_list(blocks[i].text(text), _ZH_AUTHOR, _ZH_AUTHOR_GAP)
                     and not _ZH_META.match(blocks[i].text(text))), None)
    art = Article(1, doc, 0, len(blocks) - 1, headline, genre=JOURNAL)
    _attach_summaries(doc, art)
    # some journals print the English title under the "Abstract" label: a
    # title-like first block of the abstract is the title, not a summary
    summaries = art.counterparts(SUMMARY)
    if summaries and _is_english_title(blocks[summaries[0].block].text(text), EN) and not _TERMINAL.search(
            blocks[summaries[0].block].text(text)) and len(summaries) > 1:
        first = summaries[0]
        art.english.remove(first)
        art.english.append(Counterpart(HEADLINE, first.start, first.end, first.block,
                                       aligned=(headline,) if headline is not None else ()))
    _attach_journal_front(doc, art, _en_author_lines(doc))
    _align_summary(doc, art, _abstract_blocks(doc), "translation")
    art.english.sort(key=lambda c: c.start)
    return art


# Front-matter lines that are not a title: journal and dates lines, DOIs.
_ZH_META = regex.compile(r"^\W*(?:收稿日期|文章引用|DOI|ISSN|CN\s|中图分类号|文献标[识志]码|基金项目|作者简介)", regex.I)


def _attach_journal_front(doc: "Document", art: Article, en_lines) -> None:
    """A paper's Chinese author line, and its English (pinyin) author line.

    The Chinese author line stands in the front matter before 摘要; the
    English one anywhere in the paper (after the English title, or at the
    end, as some journals print it), with as many names.  They are paired by
    position once the surnames of at least half of the pairs agree in pinyin
    (either name order), so that a list that only looks like authors is not
    paired.  The English line becomes a ``byline`` counterpart; the pairs
    are ``art.author_pairs``.
    """
    from .analysis.names import COMPOUND_SURNAMES, surname_readings

    zh_lines = _zh_author_lines(doc, art)
    if not zh_lines:
        return
    blocks, text = doc.blocks, doc.text
    zh_block, zh_spans = zh_lines[0]
    for s, e in zh_spans:
        if (s, e) not in art.bylines:
            art.bylines.append((s, e))
    zh_names = [regex.sub(r"\s", "", text[s:e]) for s, e in zh_spans]
    best = None
    for j, spans in en_lines:
        t = blocks[j].text(text)
        if len(spans) != len(zh_names):
            continue
        agree = 0
        for (s, e), zh in zip(spans, zh_names):
            words = {w.lower() for w in regex.split(r"[ \u00a0]+", t[s:e])}
            sur = zh[:2] if zh[:2] in COMPOUND_SURNAMES else zh[0]
            if words & surname_readings(sur):
                agree += 1
        if agree * 2 >= len(zh_names) and (best is None or agree > best[0]):
            best = (agree, j, spans)
    if best is None:
        return
    _, j, spans = best
    b = blocks[j]
    art.english.append(Counterpart(BYLINE, b.start, b.end, j, aligned=(zh_block,)))
    # The English title: the title lines right above the English author line.
    taken = art.english_blocks()
    k = j - 1
    while k >= 0 and j - k <= 3 and k not in taken and _is_english_title(blocks[k].text(text), blocks[k].lang):
        art.english.append(Counterpart(HEADLINE, blocks[k].start, blocks[k].end, k,
                                       aligned=(art.headline,) if art.headline is not None else ()))
        k -= 1
    art.author_pairs = [(zs, (b.start + s, b.start + e)) for zs, (s, e) in zip(zh_spans, spans)]


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
        while last_text and not _TERMINAL.search(last_text) and k < min(len(blocks), j + SUMMARY_CONTINUATION):
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
            heads = (art.headline,) if art.subtitle is None else (art.headline, art.subtitle)
            art.english.append(Counterpart(HEADLINE, blocks[j].start, blocks[j].end, j, aligned=heads))


def _title_index(by_title: dict[str, "Article"]):
    """``lambda a: next((art for k, art in by_title.items() if _same_title(a, k)), None)``
    without comparing ``a`` with every title: the titles that can match are
    looked up (one ends with the other; same length, one half the same),
    then checked in the dictionary's order.  Every key has four or more
    characters."""
    keys = list(by_title)
    order = {k: n for n, k in enumerate(keys)}
    reversed_keys = sorted((k[::-1], n) for n, k in enumerate(keys))
    halves: dict[tuple[int, int, str], list[int]] = {}
    for n, k in enumerate(keys):
        if len(k) >= 6:
            h = len(k) // 2
            halves.setdefault((len(k), 0, k[:h]), []).append(n)
            halves.setdefault((len(k), 1, k[h:]), []).append(n)

    def find(a: str) -> "Article | None":
        if len(a) < 4:
            return None  # _same_title asks for equality, and every key is longer
        candidates = {order[a[i:]] for i in range(len(a) - 3) if a[i:] in order}  # a ends with the key
        ra = a[::-1]
        p = bisect_left(reversed_keys, (ra, -1))
        while p < len(reversed_keys) and reversed_keys[p][0].startswith(ra):  # the key ends with a
            candidates.add(reversed_keys[p][1])
            p += 1
        if len(a) >= 6:  # one character apart: one half is the same
            h = len(a) // 2
            candidates.update(halves.get((len(a), 0, a[:h]), ()))
            candidates.update(halves.get((len(a), 1, a[h:]), ()))
        for n in sorted(candidates):
            if _same_title(a, keys[n]):
                return by_title[keys[n]]
        return None

    return find


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
    find_title = _title_index(by_title)
    for e in entries:
        art = find_title(e.zh_title)
        if art is None or art.first_block <= e.zh_block <= art.last_block and e.zh_block == art.headline:
            continue
        art.contents.append(Counterpart(CONTENTS, blocks[e.zh_block].start, blocks[e.zh_block].end, e.zh_block))
        if e.en_block is not None and e.en_block not in claimed:
            art.english.append(Counterpart(CONTENTS, blocks[e.en_block].start, blocks[e.en_block].end, e.en_block,
                                           aligned=tuple(range(e.zh_block, e.en_block))))
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
        art.english.append(Counterpart(HEADLINE, b.start, b.end, i,
                                       aligned=(art.headline,) if art.headline is not None else ()))
        claimed.add(i)
        j = i + 1
        while j < len(blocks) and blocks[j].lang == EN and j not in claimed and not _is_english_title(
            blocks[j].text(text), EN
        ):
            art.english.append(Counterpart(SUMMARY, blocks[j].start, blocks[j].end, j))
            claimed.add(j)
            j += 1
