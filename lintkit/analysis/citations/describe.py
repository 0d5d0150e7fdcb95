"""What lintkit read: the reference lists and markers of a document as text,
for ``lintkit inspect --references FILE``.

A report for people, built on the reference lists and markers, kept out of
the analyses that rules use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .in_text import article_markers, markers
from .references import reference_lists

if TYPE_CHECKING:  # pragma: no cover
    from ...model.document import Document

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
                out.append(
                    f"  marker line {line_of(m.start)}: {text[m.start : m.end]} -> "
                    + ", ".join(str(n) for n in m.numbers)
                )
            continue
        heading = doc.blocks[refs.heading]
        style = refs.gbt7714_style(text)
        out.append(
            f"{head}: reference list “{snippet(heading.text(text))}” at line {line_of(heading.start)}, "
            f"{len(refs.entries)} entries" + (", GB/T 7714 style" if style else ", not GB/T 7714 style")
        )
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
            out.append(
                f"    line {line_of(m.start)}: {' '.join(text[m.start : m.end].split())} -> "
                + ", ".join(str(n) for n in m.numbers)
                + ("  (OCR reading)" if m.ocr else "")
            )
            missing = [n for n in m.numbers if refs.numbered and n not in numbers]
            if missing and m.ocr:
                out[-1] += (
                    "  (read through OCR noise; ignored: the list lacks " + ", ".join(f"[{n}]" for n in missing) + ")"
                )
            elif missing:
                dangling.append((m, missing))
        if refs.numbered:
            never = sorted(numbers - cited)
            out.append("  entries never cited: " + (", ".join(f"[{n}]" for n in never) if never else "none"))
            if dangling:
                out.append("  markers with no entry:")
                for m, missing in dangling:
                    out.append(
                        f"    line {line_of(m.start)}: {text[m.start : m.end]} cites "
                        + ", ".join(f"[{n}]" for n in missing)
                    )
            else:
                out.append("  markers with no entry: none")
    if not doc.articles:
        out.append("no articles")
    return "\n".join(out) + "\n"
