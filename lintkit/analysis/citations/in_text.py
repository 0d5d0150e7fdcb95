"""In-text reference markers: ``[1]``, ``^[1]``, ``[^1]``, ``[1-3]``,
``[1,2]``, ``［1］``, superscript digits, LaTeX from a PDF converter, and
markers read through OCR noise; an article's markers without a paper's
affiliation marks.

Its own module because telling a marker from what looks like one (an index
in code, a value interval, an exponent, an author's affiliation mark) is a
job of its own, used by the attributions and by ``describe_references``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:  # pragma: no cover
    from ...model.articles import Article
    from ...model.document import Document

# --------------------------------------------------------------------------
# In-text markers

_SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TABLE = str.maketrans(_SUPERSCRIPT, "0123456789")
_MARKER = regex.compile(
    # LaTeX from a PDF converter: $…^ { [ 1 6 ] }$ (digits spaced out)
    r"\^\s*\{\s*\[\s*(?P<latex>\d(?:\s?\d){0,2}(?:\s*[-–—~～,，]\s*\d(?:\s?\d){0,2})*)\s*\]\s*\}"
    r"|(?:\^\s*|(?<=\[)\^)?"  # ^[1] or [^1]
    r"\\?[\[［]\^?\s*(?P<body>\d{1,3}(?:\s*\\?[-–—~～,，、]\s*\d{1,3})*)\s*\\?[\]］]"  # \[1\]: Markdown-escaped
    r"|(?P<sup>[⁽]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[⁻,，][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*[⁾]?)"
)


@dataclass(frozen=True)
class Marker:
    start: int
    end: int
    numbers: tuple[int, ...]
    # read through a PDF's OCR noise ([5.6], [2o], [l], an unclosed "[7-9" at a
    # line end): a marker only if the list has every number it cites
    ocr: bool = False


# OCR noise in markers: a comma read as a dot ([5.6]), l and o read for 1 and 0
# ([l], [2o], [1l]), a closing bracket lost at the end of a line ([7-9)
_OCR_MARKER = regex.compile(
    r"\\?[\[［]\s*(?P<dot>[1-9]\d{0,2}\.[1-9]\d{0,2})\s*\\?[\]］]"
    r"|\\?[\[［](?P<lo>l|(?=[\dlo]{2,3}\\?[\]］])(?=[lo]*\d)(?=\d*[lo])[1-9l][\dlo]{1,2})\\?[\]］]"
    r"|\\?[\[［]\s*(?P<open>[1-9]\d{0,2}(?:\s*[-–—~～,，]\s*[1-9]\d{0,2})*)\s*$",
    regex.M,
)
_OCR_DIGITS = str.maketrans("lo", "10")
# a value interval, not a marker: 取值范围为[1,10], 区间[0,1], x∈[1,5], 在[1, 10]之间
_INTERVAL_BEFORE = regex.compile(
    r"(?:(?:区间|范围|取值|值域|定义域|阈值)(?:为|是|在|取|设为|设置为|均为|限定为)?|取为|设为|设置为|介于|属于|"
    r"归一化到|归一化至|映射到|映射至|缩放到|限制在|限定在|∈|=|\b(?:within|range|interval|between))\s*$",
    regex.I,
)
_INTERVAL_AFTER = regex.compile(r"^\s*(?:之间|之内|以内|范围|区间|上的(?:值|整数|实数)|中的(?:值|整数|实数)(?!据))")


def _expand(body: str) -> tuple[int, ...]:
    numbers: list[int] = []
    for part in regex.split(r"\s*[,，、]\s*", body.strip()):
        if not part:
            continue
        bounds = regex.split(r"\s*[-–—~～⁻]\s*", part)
        try:
            if len(bounds) == 2:
                lo, hi = int(bounds[0]), int(bounds[1])
                if lo <= hi and hi - lo < 50:
                    numbers.extend(range(lo, hi + 1))
                    continue
            numbers.extend(int(b) for b in bounds if b)
        except ValueError:
            continue
    return tuple(numbers)


def _code_index(text: str, start: int, end: int) -> bool:
    """Is ``[n]`` at ``start`` an index in code or a formula (``a[1]``, ``x[2]=``)
    rather than a marker glued to a word (``MNIST[4]``, ``VGG-16[7]``, ``mm[1]。``)?
    An index follows a one-character name, or is followed by code."""
    token = regex.search(r"[A-Za-z0-9_\-]+$", text[max(0, start - 40) : start])
    if token is None:
        return False
    after = text[end : end + 1]
    return len(token.group(0)) == 1 or after in ("=", "(", "[") or (after.isascii() and after.isalnum())


def markers(doc: "Document", start: int, end: int, superscripts: bool = True) -> list[Marker]:
    """Reference markers in ``doc.text[start:end]``.

    A bracketed number right after a letter or digit of a Latin word
    (``a[1]`` in code, ``2[3]``) is not a marker; one after Chinese text or
    punctuation is.
    """
    text = doc.text
    out = []
    for m in _MARKER.finditer(text, start, end):
        if m.group("sup") is not None:
            if not superscripts:
                continue
            if m.start() > 0 and regex.match(r"[A-Za-z0-9)⁻·/]", text[m.start() - 1]):
                continue  # m², R², 10⁵, s⁻¹: an exponent, not a marker
            body = m.group("sup").strip("⁽⁾").translate(_SUP_TABLE).replace("⁻", "-")
            numbers = _expand(body)
        elif m.group("latex") is not None:
            numbers = _expand(regex.sub(r"(?<=\d)\s(?=\d)", "", m.group("latex")).replace(" ", ""))
        else:
            s = m.start()
            if text[s] not in "^" and s > 0 and _code_index(text, s, m.end()):
                continue
            body = m.group("body").replace("\\", "")
            numbers = _expand(body)
            if _interval(text, m.start(), m.end(), body, numbers):
                continue
        if numbers:
            out.append(Marker(m.start(), m.end(), numbers))
    # OCR noise, where no ordinary marker was read
    taken = [(mk.start, mk.end) for mk in out]
    for m in _OCR_MARKER.finditer(text, start, end):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        s = m.start()
        before = text[s - 1] if s > 0 else ""
        if before and (before.isascii() and (before.isalnum() or before in "_.")):
            continue  # a[l], x[1.5]: an index or a value, not a marker
        if m.group("dot") is not None:
            numbers = tuple(int(x) for x in m.group("dot").split("."))
            if numbers[0] >= numbers[1]:
                continue  # [2.5] is a value; a list reads [5,6] upward
        elif m.group("lo") is not None:
            numbers = (int(m.group("lo").translate(_OCR_DIGITS)),)
        else:
            body = m.group("open")
            if not (before and (regex.match(r"[\p{Han}\p{P}]", before))):
                continue
            numbers = _expand(body)
            if _interval(text, s, m.end(), body, numbers):
                continue
        if numbers and all(n > 0 for n in numbers):
            out.append(Marker(s, m.end(), numbers, ocr=True))
    if len(out) > len(taken):
        out.sort(key=lambda mk: mk.start)
    return out


_ABSTRACT_START = regex.compile(r"^\s*(?:#+\s*)?(?:[【\[]?\s*摘\s*要|Abstract|ABSTRACT|内容提要)")
_AFFILIATION_MARK = regex.compile(r"^[\s,，、]*[⁰¹²³⁴⁵⁶⁷⁸⁹*†‡§,，]*$")


def _front_matter_end(doc: "Document", article: "Article") -> int:
    """Offset where a paper's front matter (title, authors, affiliations) ends:
    the start of its abstract, or the article's start when it has none near the top."""
    text = doc.text
    for i in range(article.first_block, min(article.last_block + 1, article.first_block + 15)):
        if _ABSTRACT_START.match(doc.blocks[i].text(text)):
            return doc.blocks[i].start
    return article.start


def article_markers(article: "Article", end: int | None = None) -> list[Marker]:
    """The reference markers of ``article``'s text up to ``end`` (its reference
    list's heading, say), without a paper's affiliation marks: superscript
    digits and daggers after the authors' names (李晓红¹，王明²†) in the front
    matter before the abstract are not citations."""
    doc = article.document
    end = article.end if end is None else end
    found = markers(doc, article.start, end)
    front = _front_matter_end(doc, article)
    if front <= article.start and not article.bylines:
        return found
    text = doc.text
    names = sorted(article.bylines)

    def affiliation(m: Marker) -> bool:
        if text[m.start] not in _SUPERSCRIPT + "⁽":
            return False
        if m.start < front:
            return True
        # right after a byline name (the name, then at most a comma or a dagger)
        return any(e <= m.start and _AFFILIATION_MARK.match(text[e : m.start]) for s, e in names)

    return [m for m in found if not affiliation(m)]


def _interval(text: str, start: int, end: int, body: str, numbers: tuple[int, ...]) -> bool:
    """Is the bracket at ``text[start:end]`` a value interval ([0,1], 取值范围为[1,10])
    rather than a reference marker?  A reference is never numbered 0; an
    interval has two bounds and a word of range before or after it."""
    if 0 in numbers:
        return True
    if not regex.fullmatch(r"\s*\d+\s*[,，]\s*\d+\s*", body):
        return False
    return bool(_INTERVAL_BEFORE.search(text[max(0, start - 12) : start]) or _INTERVAL_AFTER.match(text[end : end + 6]))
