"""Reference lists: the block headed 参考文献 / References / Bibliography of
each article and the entries below it, numbered or not.

Kept apart from the in-text markers because reading a list is its own job
(line by line, through what PDF converters do to numbering and page breaks);
the markers are checked against it by the citations plugin.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:  # pragma: no cover
    from ...model.articles import Article
    from ...model.document import Document

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
        or regex.search(r"(?:1[5-9]|20)\d{2}", body)
        and regex.search(r"[.．]\s*\S", body)
    )


_PAGE_FURNITURE = regex.compile(r"^\s*(?:<!--.*-->|\d{1,4}|-\s*\d{1,4}\s*-|\*\s*\*\s*\*)\s*$")
_TERMINATED = regex.compile(r"[.。．\]］)）]\s*$")
_LIST_END = regex.compile(
    r"^\s*(?:#+\s|附\s*录|作者简介|致\s*谢|Appendix|Acknowledg|About the author|Author biograph)", regex.I
)


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
    if _line_number(text[line_start : _line_break(text, line_start)[0]]):
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
        if (
            found is not None
            and entries
            and found[0] != entries[-1][0] + 1
            and not _BRACKETED.match(line)
            and len(line[found[1] :].strip()) < 8
        ):
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
            unfinished = last[2] >= last[3] or not _TERMINATED.search(text[last[1] : last[3]])
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
