"""Word documents (.docx): read them as text, and write findings back as comments.

Editors write in Word.  A ``.docx`` file is read with python-docx into one
line per paragraph — body paragraphs and the paragraphs of table cells, in
document order — so that a finding's line is the paragraph's number and its
column the character in that paragraph.  ``lintkit check draft.docx
--annotate reviewed.docx`` writes a copy with every finding as a Word comment
(author "lintkit": the rule id and the message) on the runs that hold the
flagged text; the original is never touched, and ``--fix`` leaves .docx
files alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["DOCX_SUFFIXES", "is_docx", "read_docx", "annotate_docx", "WordFileError"]

DOCX_SUFFIXES = (".docx",)


class WordFileError(ValueError):
    """A .docx file that cannot be read (not a Word document, damaged)."""


def is_docx(path: str) -> bool:
    return path.lower().endswith(DOCX_SUFFIXES)


@dataclass(frozen=True)
class WordText:
    text: str
    paragraphs: list  # python-docx Paragraph objects, one per line of ``text``
    document: Any  # the python-docx Document (python-docx has no type information)


def _paragraphs(document) -> list:
    """Body paragraphs and table-cell paragraphs, in reading order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(child, document))
        elif tag == "tbl":
            table = Table(child, document)
            seen = set()
            for row in table.rows:
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell is listed once per column it spans
                        continue
                    seen.add(id(cell._tc))
                    out.extend(cell.paragraphs)
    return out


def read_docx(source) -> WordText:
    """The text of a .docx file (a path or a binary file object), one paragraph per line."""
    import docx

    try:
        document = docx.Document(source)
    except Exception as exc:  # noqa: BLE001 - zipfile, lxml and python-docx raise many kinds
        raise WordFileError(f"not a readable Word document ({type(exc).__name__}: {exc})") from exc
    paragraphs = _paragraphs(document)
    text = "\n".join(p.text.replace("\n", " ") for p in paragraphs) + "\n"
    return WordText(text, paragraphs, document)


def annotate_docx(source: str, target: str, findings) -> int:
    """Copy ``source`` to ``target`` with each finding as a Word comment; returns how many."""
    word = read_docx(source)
    count = 0
    for f in findings:
        if f.start.line - 1 >= len(word.paragraphs):
            continue
        paragraph = word.paragraphs[f.start.line - 1]
        runs = _runs_covering(
            paragraph, f.start.column - 1, f.end.column - 1 if f.end.line == f.start.line else len(paragraph.text)
        )
        if not runs:
            continue
        flagged = paragraph.text[f.start.column - 1 : (f.end.column - 1 if f.end.line == f.start.line else None)]
        body = f"{f.rule}: {f.message}" + (f" [«{flagged}»]" if flagged else "")
        word.document.add_comment(runs, text=body, author="lintkit", initials="LK")
        count += 1
    word.document.save(target)
    return count


def _runs_covering(paragraph, start: int, end: int) -> list:
    """The runs of ``paragraph`` that hold characters ``start..end``."""
    out, pos = [], 0
    end = max(end, start + 1)
    for run in paragraph.runs:
        n = len(run.text)
        if pos < end and start < pos + n:
            out.append(run)
        pos += n
    return out
