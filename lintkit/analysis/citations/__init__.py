"""Citation analyses: reference lists, in-text markers, attributions.

Shared by the ``citations`` plugin and by any rule that needs to know
whether a passage names its source.  Everything here works on character
offsets into ``document.text``; nothing is specific to one publication.

* :func:`reference_lists` — per article, the block headed 参考文献 /
  References / Bibliography and the numbered entries below it.
* :func:`markers` — in-text reference markers: ``[1]``, ``^[1]``, ``[^1]``,
  ``[1-3]``, ``[1,2]``, ``［1］`` and Unicode superscript digits.
* :func:`attributions` — phrases that name (or pretend to name) a source:
  据《X》报道, 根据X发布的《Y》, X表示/说/介绍, 数据来源：X, and the
  *vague* ones that name nobody (数据显示, 研究表明, 据统计).
* :func:`article_markers` — an article's markers without a paper's
  affiliation marks (周晓岚¹，钱立新²† before the abstract); markers read
  through OCR noise ([5.6], [l], [2o], an unclosed [7-9) carry ``ocr=True``.
* :func:`own_results` — a paper's results read off its own tables, figures
  and experiments (由表3可知, 如图2所示, 实验结果表明, 本文方法).
* :func:`describe_references` — the lists and markers as read, for
  ``lintkit inspect --references``.
* :func:`first_party` — phrases that present data as the author's own:
  本文/本研究/本次调查, 笔者/课题组/我们 + a research verb, 据…记录/问卷/访谈
  (primary records a study collected), 有效问卷 / 受访者 / 样本.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:  # pragma: no cover
    from ..articles import Article
    from ..document import Document

__all__ = [
    "Attribution",
    "Entry",
    "Marker",
    "ReferenceList",
    "attributions",
    "describe_references",
    "first_party",
    "own_results",
    "is_caption_source",
    "markers",
    "article_markers",
    "reference_list",
    "reference_lists",
    "NAMED",
    "VAGUE",
    "SPEAKER",
    "FIRST_PARTY",
    "RESPONDENTS",
]

# --------------------------------------------------------------------------
# Reference lists

REFERENCE_HEADING = regex.compile(
    r"^\s*(?:#+\s*)?(?:参\s*考\s*文\s*献|参考资料|引用文献|注\s*释|References|Bibliography|Works\s+Cited|Literature\s+Cited)"
    # "参考文献 (References)": a bilingual heading
    r"(?:\s*[(（]?\s*(?:References|Bibliography|参\s*考\s*文\s*献)\s*[)）]?)?"
    r"\s*[:：]?\s*$",
    regex.I,
)
# "[12] …", "［12］…", "12. …" (when the list marker survived), "(12) …"
_ENTRY_NUMBER = regex.compile(r"^\s*(?:[\[［]\s*(\d{1,3})\s*[\]］]|(\d{1,3})\s*[.．、]\s|[(（]\s*(\d{1,3})\s*[)）])\s*")


@dataclass(frozen=True)
class Entry:
    """One entry of a reference list."""

    block: int
    number: int | None  # the printed number, None for unnumbered lists
    start: int  # offset of the entry (its number included)
    body_start: int  # offset just after the printed number
    end: int

    def body(self, text: str) -> str:
        return text[self.body_start : self.end]


@dataclass(frozen=True)
class ReferenceList:
    heading: int  # block index of the 参考文献 heading
    entries: tuple[Entry, ...]

    @property
    def numbered(self) -> bool:
        return bool(self.entries) and all(e.number is not None for e in self.entries)

    def gbt7714_style(self, text: str) -> bool:
        """Do most entries carry a GB/T 7714 type code ([J], [N], [M]…)?  (APA or
        MLA lists do not, and are not checked against GB/T 7714.)"""
        coded = sum(1 for e in self.entries if regex.search(r"\\?\[[A-Z]{1,2}(?:/OL)?\\?\]", e.body(text)))
        return coded * 2 >= len(self.entries)

    @property
    def blocks(self) -> set[int]:
        """The heading's block and every block an entry starts in."""
        return {self.heading} | {e.block for e in self.entries}


def _looks_like_entry(body: str) -> bool:
    """Does an unnumbered block read like a bibliographic entry?"""
    return bool(
        regex.search(r"\[[A-Z]{1,2}(?:/OL)?\]", body)
        or regex.search(r"(?:1[5-9]|20)\d{2}", body) and regex.search(r"[.．]\s*\S", body)
    )


_PAGE_FURNITURE = regex.compile(r"^\s*(?:<!--.*-->|\d{1,4}|-\s*\d{1,4}\s*-|\*\s*\*\s*\*)\s*$")
_TERMINATED = regex.compile(r"[.。．\]］)）]\s*$")
_LIST_END = regex.compile(
    r"^\s*(?:#+\s|附\s*录|作者简介|致\s*谢|Appendix|Acknowledg|About the author|Author biograph)", regex.I)


def _find_reference_list(doc: "Document", article: "Article") -> ReferenceList | None:
    text = doc.text
    heading = None
    for i in range(article.first_block, article.last_block + 1):
        if REFERENCE_HEADING.match(doc.blocks[i].text(text)):
            heading = i  # the last such heading wins (a 注释 before 参考文献)
    if heading is None:
        return None
    first = doc.blocks[heading + 1] if heading + 1 < len(doc.blocks) else None
    if first is None:
        return None
    line_start = max(text.rfind("\n", 0, first.start), text.rfind("\r", 0, first.start)) + 1
    if _line_number(text[line_start:_line_break(text, line_start)[0]]):
        return _numbered_list(doc, heading)
    return _unnumbered_list(doc, heading)


# "- [1] …", "* [1]", "\[1\]" (Markdown-escaped), as well as _ENTRY_NUMBER's forms
_LISTED_NUMBER = regex.compile(r"^\s*(?:[-*+]\s+)?\\?[\[［]\s*(\d{1,3})\s*\\?[\]］]\s*")


def _line_number(line: str) -> tuple[int, int] | None:
    """(entry number, where its text starts) of a line that starts a numbered entry."""
    m = _ENTRY_NUMBER.match(line)
    if m:
        return int(m.group(1) or m.group(2) or m.group(3)), m.end()
    m = _LISTED_NUMBER.match(line)
    if m:
        return int(m.group(1)), m.end()
    return None


def _numbered_list(doc: "Document", heading: int) -> ReferenceList | None:
    """Entries of a numbered list, read line by line whatever the paragraphing.

    PDF converters write one entry per line with no blank line between
    (one Markdown paragraph for the whole list), or put the number on a line
    of its own, or break an entry over a page.  So an entry starts at every
    line that starts with its number ([n], n., (n)) and runs over the lines
    that follow, blank ones included, up to the next numbered line; a line
    after a finished entry (ending in . or ]) that is not numbered ends the
    list, as does a heading, 附录 or 作者简介.
    """
    text, blocks = doc.text, doc.blocks
    pos = blocks[heading].end
    entries: list[list] = []  # [number, start, body_start, end]
    while pos < len(text):
        line_end, next_line = _line_break(text, pos)
        line = text[pos:line_end]
        stripped = line.strip()
        found = _line_number(line)
        if (found is not None and entries and found[0] != entries[-1][0] + 1 and not _BRACKETED.match(line)
                and len(line[found[1]:].strip()) < 8):
            found = None  # "161." starting a line inside an entry is its end page, not entry 161
        if found is not None:
            number, body = found
            entries.append([number, pos + len(line) - len(line.lstrip()), pos + body, line_end])
            # a converter may run entries together on one line: "…61-66. [2] 汤某. …"
            for m in _RUN_ON_ENTRY.finditer(line, body):
                if int(m.group(1)) != entries[-1][0] + 1:
                    continue
                entries[-1][3] = pos + m.start()
                entries.append([int(m.group(1)), pos + m.start() + 1, pos + m.end(), line_end])
        elif not stripped or _PAGE_FURNITURE.match(line):
            pass
        elif _LIST_END.match(line) or not entries:
            break
        else:
            last = entries[-1]
            unfinished = last[2] >= last[3] or not _TERMINATED.search(text[last[1]:last[3]])
            if unfinished or _LINK_LINE.match(line):
                last[3] = line_end  # the entry goes on (its DOI or URL on a line of its own)
            elif not _next_entry_follows(text, line_end, last[0]):
                break
            # else: a running head or page number between two entries: skipped
        pos = next_line
    if not entries:
        return None
    out = []
    for number, start, body_start, end in entries:
        if end > start:  # the trailing white space off (``len(text[:end].rstrip())``, not copying the text before)
            while end > 0 and text[end - 1].isspace():
                end -= 1
        out.append(Entry(_block_at(doc, start), number, start, min(body_start, end), end))
    return ReferenceList(heading, tuple(out))


_BRACKETED = regex.compile(r"^\s*(?:[-*+]\s+)?\\?[\[［]")
_RUN_ON_ENTRY = regex.compile(r"(?<=[.．。]\s{0,3})\s\\?[\[［]\s*(\d{1,3})\s*\\?[\]］]\s*")
_LINK_LINE = regex.compile(r"^\s*(?:https?://|doi:|DOI:|\[?(?:DOI|URL)\b)", regex.I)


def _next_entry_follows(text: str, pos: int, number: int, lines: int = 8) -> bool:
    """Does entry ``number + 1`` start within the next few lines after the
    line that ends at ``pos``?  (A page break leaves a running head and a
    page number inside a list.)"""
    for _ in range(lines):
        if pos >= len(text):
            return False
        start = _line_break(text, pos)[1]
        pos = _line_break(text, start)[0]
        found = _line_number(text[start:pos])
        if found:
            return found[0] == number + 1
    return False


_LINE_BREAK = regex.compile(r"\r\n|\r|\n")  # as Document counts lines


def _line_break(text: str, pos: int) -> tuple[int, int]:
    """(end of the line ``pos`` is on, start of the next line): a line ends at
    LF, CRLF or CR, so an entry's text never includes the CR of a CRLF."""
    m = _LINE_BREAK.search(text, pos)
    return (m.start(), m.end()) if m else (len(text), len(text) + 1)


def _block_at(doc: "Document", offset: int) -> int:
    import bisect

    starts = doc.analysis(_block_starts)
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _block_starts(doc: "Document") -> list[int]:
    return [b.start for b in doc.blocks]


def _unnumbered_list(doc: "Document", heading: int) -> ReferenceList | None:
    """Entries of an unnumbered list: one block each, while they read like entries."""
    text = doc.text
    entries: list[Entry] = []
    for i in range(heading + 1, len(doc.blocks)):
        block = doc.blocks[i]
        body = block.text(text)
        if not _looks_like_entry(body):
            break
        entries.append(Entry(i, None, block.start, block.start, block.end))
    if not entries:
        return None
    return ReferenceList(heading, tuple(entries))


def reference_lists(doc: "Document") -> dict[int, ReferenceList]:
    """Article index -> its reference list, for articles that have one."""
    out = {}
    for article in doc.articles:
        found = _find_reference_list(doc, article)
        if found:
            out[article.index] = found
    return out


def reference_list(article: "Article") -> ReferenceList | None:
    """The reference list of ``article`` (cached per document)."""
    return article.document.analysis(reference_lists).get(article.index)


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
    token = regex.search(r"[A-Za-z0-9_\-]+$", text[max(0, start - 40):start])
    if token is None:
        return False
    after = text[end:end + 1]
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
        return any(e <= m.start and _AFFILIATION_MARK.match(text[e:m.start]) for s, e in names)

    return [m for m in found if not affiliation(m)]


def _interval(text: str, start: int, end: int, body: str, numbers: tuple[int, ...]) -> bool:
    """Is the bracket at ``text[start:end]`` a value interval ([0,1], 取值范围为[1,10])
    rather than a reference marker?  A reference is never numbered 0; an
    interval has two bounds and a word of range before or after it."""
    if 0 in numbers:
        return True
    if not regex.fullmatch(r"\s*\d+\s*[,，]\s*\d+\s*", body):
        return False
    return bool(_INTERVAL_BEFORE.search(text[max(0, start - 12):start])
                or _INTERVAL_AFTER.match(text[end:end + 6]))


# --------------------------------------------------------------------------
# Attributions

# Verbs of saying/reporting that follow a source.
SAY = (
    r"(?:说道|说|表示|介绍|指出|称|认为|强调|透露|坦言|告诉|提到|谈到|直言|解释|"
    r"补充|回忆|感慨|评价|总结|分析|预计|预测|估计|警告|发现|显示|表明|写道|提出|宣布|"
    r"披露|证实|援引|报道|发布|公布|测算|统计|提供)"
)
# A source that names nobody: the data, a study, experts, "it is learned".
_VAGUE_SUBJECT = (
    r"(?:有关|相关|最新|一项|多项|多份|一份|部分|另有|另一项|还有|有|此前|近期|此前的|业内|行业)?"
    # a compound names nobody either: 调查结果, 监测数据, 研究报告
    r"(?:(?:调查|研究|统计|监测|抽样|实验|试验|测试|调研|评估|民调|问卷)(?:结果|数据|报告)|数据|统计数据|统计|研究|调查|调研|报告|研报|分析|资料|测算|结果|专家|业内人士|有关人士|"
    r"分析人士|人士|研究人员|机构|历史经验|经验|实践|事实|市场|业界)"
)
VAGUE = regex.compile(
    r"(?<![\p{Han}A-Za-z])" + _VAGUE_SUBJECT + r"(?:显示|表明|指出|称|认为|发现|证明|预计|预测|估计|警告)"
    r"|据(?:统计|估计|测算|估算|调查|研究|报道)(?=[，,：:\s])"
    r"|(?:有|据)(?:报道|消息|数据|研究|调查)(?:称|显示|表明|指出)"
)
# 据《X》报道, 据新华社消息, 据国家统计局数据, 据X发布的…显示
_ACCORDING = regex.compile(
    r"(?:据|根据|按照|援引|引自|来自)(?!悉|了解|统计|估计|测算|估算|调查|研究|报道|介绍|分析)"
    r"[^，。；！？]{2,60}?(?:报道|消息|数据|统计|显示|发布|公布|介绍|透露|测算|估算|调查|报告|表明|》|称|指出|统计)"
)
_TITLED = regex.compile(r"《[^》]{2,40}》[^，。；]{0,8}?(?:显示|指出|称|报道|发布|数据|表明|统计|测算)")
# a study's named venue: 发表在《自然》上, 刊登于《柳叶刀》
_PUBLISHED = regex.compile(r"(?:发表|刊登|刊发|刊载|登上)(?:在|于)?[^。；！？《]{0,12}(?P<venue>《[^》]{1,40}》)")
_SOURCE_LABEL = regex.compile(r"(?:数据来源|资料来源|信息来源|来源|出处|Source|Data source)\s*[:：]\s*\S", regex.I)
# "X表示" / "X说": a speaker, i.e. a non-vague subject right before the verb.
SPEAKER = regex.compile(
    r"(?P<subject>[\p{Han}A-Za-z·.]{1,16}?)(?:最新|近日|日前|此前|近期|也|还|则|更|曾|已|同时|进一步|在会上|对记者|向记者|接受采访时)?"
    r"(?:发布的?|公布的?|的)?(?:报告|研报|调查|调研|研究|数据|白皮书|统计)?" + SAY
)
_GENERIC_SUBJECT = regex.compile(
    r"^(?:这|此|该|其|它|他们|我们|这一|这些|那些|以上|上述|结果|分析|数据|研究|调查|报告|统计|专家|人士|"
    r"历史经验|经验|实践|事实|市场|业界|行业|相关|有关|最新|一项|多项|这也|也|还|并|可|将|会|被|所|不|"
    r"普遍|广泛|一致|进一步|同时|有|据|本文|文章|笔者|人们|大家|很多人|许多人|有人|外界)"
)
# "产业规模预计将突破…", "增速预计…": a measured quantity, not a source
_MEASURE_SUBJECT = regex.compile(
    r"(?:规模|产值|产量|收入|营收|增速|增幅|数量|占比|总额|金额|额|率|量|值|价格|需求|成本|指数|水平|人数|总数)$"
)
# "听到这样的感慨", "有这种说法": the verb is a noun here, and nobody is named
_SPEECH_NOUN_BEFORE = regex.compile(r"(?:这样|这种|这些|这番|如此|类似|那样|此类|一种|听到|听见|传出|传来)$")
NAMED, VAGUE_KIND, MARKER_KIND, CAPTION = "named", "vague", "marker", "caption"


@dataclass(frozen=True)
class Attribution:
    start: int
    end: int
    kind: str  # named | vague | marker | caption
    source: str = ""  # the named source, when one is found


# SPEAKER tried at every character is slow (its lazy subject is retried at
# each length); but every match ends with a verb of SAY, at most
# _SPEAKER_REACH characters after the match starts (a 16-character subject,
# 接受采访时, 发布的, 白皮书: 27), so only the starts just before a verb are tried.
_SAY = regex.compile(SAY)
_SPEAKER_REACH = 32
_CLAUSE_BREAK = regex.compile(r"[，。；：,;:\s“”]")
_VAGUE_SUBJECT_RE = regex.compile(_VAGUE_SUBJECT)


def _speaker_matches(text: str, start: int, end: int):
    """The matches of ``SPEAKER.finditer(text, start, end)``, found faster."""
    starts: set[int] = set()
    for verb in _SAY.finditer(text, start, end, overlapped=True):
        starts.update(range(max(start, verb.start() - _SPEAKER_REACH), verb.start()))
    pos = start
    for p in sorted(starts):
        if p < pos:
            continue
        m = SPEAKER.match(text, p, end)
        if m:
            yield m
            pos = m.end()


def _named_speakers(text: str, start: int, end: int) -> list[Attribution]:
    out = []
    for m in _speaker_matches(text, start, end):
        subject = m.group("subject")
        # keep the tail of the clause: the subject is the last words before the verb
        subject = _CLAUSE_BREAK.split(subject)[-1]
        if (
            len(subject) < 2
            or _GENERIC_SUBJECT.match(subject)
            or _VAGUE_SUBJECT_RE.fullmatch(subject)
            or _MEASURE_SUBJECT.search(subject)
            or _SPEECH_NOUN_BEFORE.search(subject)
        ):
            continue
        out.append(Attribution(m.start("subject"), m.end(), NAMED, subject))
    return out


def attributions(doc: "Document", start: int, end: int) -> list[Attribution]:
    """Source attributions in ``doc.text[start:end]``, in text order."""
    text = doc.text
    found: list[Attribution] = []
    for m in _ACCORDING.finditer(text, start, end):
        source = regex.sub(r"^(?:据|根据|按照|援引|引自|来自)", "", m.group())
        source = regex.split(r"\d|发布|公布|的|报道|消息|数据|显示", source)[0] or m.group()
        found.append(Attribution(m.start(), m.end(), NAMED, source))
    for m in _TITLED.finditer(text, start, end):
        found.append(Attribution(m.start(), m.end(), NAMED, m.group()))
    for m in _PUBLISHED.finditer(text, start, end):
        found.append(Attribution(m.start(), m.end(), NAMED, m.group("venue")))
    for m in _SOURCE_LABEL.finditer(text, start, end):
        found.append(Attribution(m.start(), m.end(), CAPTION, m.group()))
    for mk in markers(doc, start, end):
        found.append(Attribution(mk.start, mk.end, MARKER_KIND))
    vague_spans = []
    for m in VAGUE.finditer(text, start, end):
        vague_spans.append(m.span())
        found.append(Attribution(m.start(), m.end(), VAGUE_KIND, m.group()))
    for a in _named_speakers(text, start, end):
        if any(s <= a.end - 1 and a.start < e and a.end <= e for s, e in vague_spans):
            continue  # "研究表明" is not a speaker called 研究
        found.append(a)
    found.sort(key=lambda a: (a.start, a.end))
    return found


_CAPTION_SOURCE = regex.compile(r"^\s*[(（]?\s*(?:数据来源|资料来源|来源|Source|Data\s+source)\s*[:：]\s*\S", regex.I)


def is_caption_source(text: str) -> bool:
    """Is this block a source caption (数据来源：X) for what precedes it?"""
    return bool(_CAPTION_SOURCE.match(text))


# --------------------------------------------------------------------------
# First-party data

# Data the authors collected themselves need no reference: a paper's own survey,
# sample, fieldwork or records, and a newspaper's own inquiry (本报调查).
_RESEARCH_ACT = (
    r"(?:调查|调研|研究|统计|测算|估算|问卷|访谈|实验|试验|观察|观测|测量|测定|分析|发现|整理|收集|回收|"
    r"走访|抽样|抽取|选取|跟踪|监测|计算|汇总|梳理|比较|对比|考察|采集|记录)"
)
FIRST_PARTY = regex.compile(
    # the work itself: 本文, 本研究, 本次调查, 本轮问卷, 本课题, 本调查
    r"本(?:文|研究|课题|项目组|调查|调研|实验|试验|问卷|报告|书)"
    r"|本(?:次|轮|期)" + _RESEARCH_ACT +
    # its authors: 笔者, 课题组, 研究团队, 作者团队, 本报记者 / 记者调查
    r"|笔者|课题组|项目组|调查组|调研组|研究组|研究团队|作者团队|本报记者|本报(?=" + _RESEARCH_ACT + r")"
    r"|记者(?:实地|近日|日前|多次|先后|随机)?(?:调查|走访|统计|梳理|查阅|测算|采访)"
    # 我们 as the authors, doing research (not 我们 in a quoted speaker's mouth: that has a speaker)
    r"|我们(?:的)?(?:在|对|于|从|共|还|也|先后|随机|分别|进一步)?[^，。；！？“”]{0,10}?" + _RESEARCH_ACT +
    # primary records the study used: 据各社区的投诉记录, 根据访谈记录, 根据问卷结果
    r"|(?:据|根据|依据|来自|基于)[^，。；！？“”]{0,20}?(?:记录|档案|台账|问卷|访谈|座谈|走访|实地调查|田野调查|"
    r"入户调查|抽样调查|观察|观测|实测|测量|实验数据|样本)"
)
# the survey's own respondents and sample: the author's only when no one else's
# survey was just named ("一项调查显示…。受访者中…" is that survey's)
RESPONDENTS = regex.compile(r"有效问卷|有效样本|回收问卷|受访者|被访者|受访居民|受访企业|被调查者|调查对象|样本中")


def first_party(
    text: str, start: int = 0, end: int | None = None, respondents: bool = True
) -> list[tuple[int, int]]:
    """Spans in ``text[start:end]`` presenting data as the author's own.

    本文 / 本研究 / 本次调查 / 笔者 / 课题组 / "我们调查" / 据…记录, and with
    ``respondents`` also 有效问卷 / 受访者 / 样本中: a paper's own findings (its
    survey, sample, records, fieldwork) need no reference marker, and a
    newspaper's own inquiry (本报记者调查) names its source.
    """
    end = len(text) if end is None else end
    spans = [m.span() for m in FIRST_PARTY.finditer(text, start, end)]
    if respondents:
        spans += [m.span() for m in RESPONDENTS.finditer(text, start, end)]
    return sorted(spans)


# --------------------------------------------------------------------------
# What lintkit read: for ``lintkit inspect --references FILE``


def _entry_problems_checker():
    """GB/T 7714 entry checks from the citations plugin, when it is installed."""
    try:
        from lintkit_citations.gbt7714 import entry_problems
    except ImportError:  # pragma: no cover - the plugin is first-party and normally present
        return None
    return entry_problems


def describe_references(doc: "Document", width: int = 40) -> str:
    """The reference lists and markers of ``doc`` as lintkit read them, for an
    editor to see why a citations finding was (or was not) made.

    Per article: the heading of its reference list and its line; each entry
    with its number, line, first characters and GB/T 7714 problems (when the
    list is in GB/T 7714 style); each marker in the text before the list with
    its line and the numbers it cites; then the entries never cited and the
    markers citing a number with no entry.  Articles without a reference list
    are named with the markers found in them.
    """
    text = doc.text
    check = _entry_problems_checker()
    out: list[str] = []

    def line_of(offset: int) -> int:
        return doc.position(offset).line

    def snippet(s: str) -> str:
        s = " ".join(s.split())
        return s if len(s) <= width else s[:width] + "…"

    lists = doc.analysis(reference_lists)
    for number, article in enumerate(doc.articles, 1):
        title = snippet(article.title or "") if getattr(article, "title", None) else ""
        head = f"Article {number}" + (f" “{title}”" if title else "") + f" ({article.genre})"
        refs = lists.get(article.index)
        if refs is None:
            found = markers(doc, article.start, article.end)
            out.append(f"{head}: no reference list" + (f"; {len(found)} marker(s)" if found else ""))
            for m in found:
                out.append(f"  marker line {line_of(m.start)}: {text[m.start:m.end]} -> "
                           + ", ".join(str(n) for n in m.numbers))
            continue
        heading = doc.blocks[refs.heading]
        style = refs.gbt7714_style(text)
        out.append(f"{head}: reference list “{snippet(heading.text(text))}” at line {line_of(heading.start)}, "
                   f"{len(refs.entries)} entries" + (", GB/T 7714 style" if style else ", not GB/T 7714 style"))
        for e in refs.entries:
            label = f"[{e.number}]" if e.number is not None else "[-]"
            out.append(f"  {label} line {line_of(e.start)}: {snippet(e.body(text))}")
            if style and check is not None:
                for p in check(e.body(text)):
                    out.append(f"      problem: {p}")
        found = article_markers(article, heading.start)
        numbers = {e.number for e in refs.entries if e.number is not None}
        out.append(f"  markers ({len(found)}):")
        cited: set[int] = set()
        dangling = []
        for m in found:
            cited.update(m.numbers)
            out.append(f"    line {line_of(m.start)}: {' '.join(text[m.start:m.end].split())} -> "
                       + ", ".join(str(n) for n in m.numbers) + ("  (OCR reading)" if m.ocr else ""))
            missing = [n for n in m.numbers if refs.numbered and n not in numbers]
            if missing and m.ocr:
                out[-1] += "  (read through OCR noise; ignored: the list lacks " + ", ".join(
                    f"[{n}]" for n in missing) + ")"
            elif missing:
                dangling.append((m, missing))
        if refs.numbered:
            never = sorted(numbers - cited)
            out.append("  entries never cited: " + (", ".join(f"[{n}]" for n in never) if never else "none"))
            if dangling:
                out.append("  markers with no entry:")
                for m, missing in dangling:
                    out.append(f"    line {line_of(m.start)}: {text[m.start:m.end]} cites "
                               + ", ".join(f"[{n}]" for n in missing))
            else:
                out.append("  markers with no entry: none")
    if not doc.articles:
        out.append("no articles")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------
# A paper's own results

# What a paper derives from its own tables, figures and experiments needs no
# reference: 由表3可知, 如图2所示, 从图4可以看出, 实验结果表明, 本文方法,
# 所提方法.  Only for articles that cite (with a reference list): in news,
# "实验结果表明" is somebody else's experiment.
OWN_RESULTS = regex.compile(
    r"(?:由|从|据|根据|如|见|对比|比较|结合)?\s*(?:表|图|Table|Fig(?:ure)?\.?)\s*\d+(?:[-.–]\d+)?"
    r"\s*(?:[(（][a-z][)）])?\s*(?:中|的结果|的数据)?\s*(?:可知|可以看出|可看出|可见|所示|显示|表明|列出|给出|中|的)"
    r"|(?:实验|试验|仿真|测试|消融|对比|模拟|计算|回归|拟合)(?:结果|数据)(?:表明|显示|证明|说明|可知|发现)"
    r"|本文(?:所提|提出)?(?:的)?(?:方法|模型|算法|框架|系统|方案)|所提(?:出)?(?:的)?(?:方法|模型|算法|框架|网络|方案)"
    r"|(?:本|该)(?:方法|模型|算法)(?=[^。；]{0,30}(?:提高|提升|降低|减少|优于|高于|低于|达到))"
    r"|(?:Table|Fig(?:ure)?\.?)\s*\d+\s*(?:shows|indicates|demonstrates)|(?:our|the proposed)\s+(?:method|model|approach)",
    regex.I,
)


def own_results(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans in ``text[start:end]`` presenting a result as the paper's own:
    read off its own table or figure (由表3可知, 如图2所示), its experiments
    (实验结果表明), its method (本文方法, 所提方法)."""
    end = len(text) if end is None else end
    return [m.span() for m in OWN_RESULTS.finditer(text, start, end)]
