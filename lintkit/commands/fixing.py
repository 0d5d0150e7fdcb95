"""``lintkit check --fix`` and ``--diff``: the fixes applied, or shown.

Apart from ``check.py`` because writing files back safely (standard input,
Word files, fixes that do not settle) is a job of its own.
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["apply_fixes", "diff_of_fixes"]


def _findings_by_path(findings) -> dict[str, list]:
    by_path: dict[str, list] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    return by_path


def apply_fixes(result, unsafe: bool, stdin_name: str | None = None, rerun=None, quiet: bool = False):
    """Apply fixes file by file; return the documents to lint again.

    The fixed text is linted and fixed again, in memory, until no fix is
    left (``fixes.fixed_text``), and written once.  Standard input is never
    written back, not even to the file named by ``--stdin-filename`` (its
    contents may differ from what was piped in): its fixed text is printed
    on standard output instead, as an editor's format-on-save expects."""
    from ..findings import RunError
    from ..fixes import MAX_FIX_PASSES, fixable_edits, fixed_text, write_document_text
    from ..model.document import Document

    by_path = _findings_by_path(result.findings)
    documents, errors, fixed = [], [], 0
    for doc in result.documents:
        findings = by_path.get(doc.path, [])
        stdin = doc.path in ("<stdin>", stdin_name)
        if not fixable_edits(findings, unsafe):
            if doc.path in ("<stdin>", stdin_name):
                sys.stdout.write(doc.text)
            documents.append(doc)
            continue
        if doc.encoding == "docx":
            # a Word file is never rewritten: its formatting would not survive
            errors.append(
                RunError(
                    "input",
                    f"{doc.path}: --fix does not rewrite Word files; "
                    "use --annotate COPY.docx to get the findings as comments",
                    path=doc.path,
                )
            )
            documents.append(doc)
            continue
        text, count, settled = fixed_text(doc, findings, unsafe, rerun)
        if not settled:
            errors.append(
                RunError(
                    "input",
                    f"{doc.path}: fixes did not settle after {MAX_FIX_PASSES} passes; "
                    "the file has the fixes made so far — run --fix again",
                    path=doc.path,
                )
            )
        if stdin:
            sys.stdout.write(text)
        elif not Path(doc.path).is_file():
            errors.append(RunError("input", f"{doc.path}: not a file; not fixed", path=doc.path))
            documents.append(doc)
            continue
        else:
            try:
                write_document_text(doc, text)
            except (OSError, ValueError) as exc:
                errors.append(RunError("input", f"{doc.path}: not fixed, file left as it was: {exc}", path=doc.path))
                documents.append(doc)
                continue
        fixed += count
        documents.append(Document(text, doc.path, encoding=doc.encoding, bom=doc.bom, markdown=doc.markdown))
    if fixed and not quiet:
        print(f"lintkit: applied {fixed} fix{'es' if fixed != 1 else ''}", file=sys.stderr)
    return documents, errors


def diff_of_fixes(result, unsafe: bool, rerun) -> tuple[str, int]:
    """The unified diff the fixes would make, file by file, and how many
    files would change; nothing is written."""
    import difflib

    from ..fixes import fixed_text

    by_path = _findings_by_path(result.findings)
    out: list[str] = []
    changed = 0
    for doc in result.documents:
        if doc.encoding in ("docx", "html"):
            continue  # never rewritten, so no diff to show
        text, count, _ = fixed_text(doc, by_path.get(doc.path, []), unsafe, rerun)
        if count and text != doc.text:
            changed += 1
            out.extend(
                difflib.unified_diff(
                    doc.text.splitlines(keepends=True),
                    text.splitlines(keepends=True),
                    fromfile=doc.path,
                    tofile=doc.path,
                )
            )
            if out and not out[-1].endswith("\n"):
                out[-1] += "\n"
    return "".join(out), changed
