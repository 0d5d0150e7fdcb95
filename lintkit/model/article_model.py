"""What ``lintkit.model.articles`` finds, and the vocabulary it finds it with: the
counterpart kinds (``HEADLINE``, ``SUMMARY`` ...) and genres, the layout
thresholds, the ``Counterpart`` and ``Article`` records, and the small tests
of a line (title, byline, English title) every stage of the splitting uses.

It stands alone so that the stages in their own modules (genres,
counterparts, journal front matter) and ``lintkit.model.articles`` itself can all
import it without importing each other; ``lintkit.model.articles`` re-exports it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

from .language import EN, MIXED, ZH

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document


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
        blocks = self.document.blocks  # (read once: rules call this per English paragraph)
        return [
            i for i in range(self.first_block, self.last_block + 1) if i not in skip and blocks[i].lang in (ZH, MIXED)
        ]

    def counterparts(self, kind: str) -> list[Counterpart]:
        return [c for c in self.english if c.kind == kind]

    def document_of(self, c: Counterpart) -> "Document":
        """The document a counterpart lies in (a translation may be another file)."""
        return c.document or self.document

    def text_of(self, c: Counterpart) -> str:
        return self.document_of(c).text[c.start : c.end]


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
    return lang == EN and len(text) <= 300 and text[:1].isupper() and not text.endswith(".") and not text.isupper()


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
