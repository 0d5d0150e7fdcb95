"""Apply fixes to files without ever losing text.

Only ``safe`` fixes are applied (``unsafe`` ones too with
``--unsafe-fixes``); ``display`` fixes are suggestions for a person.  Edits
that overlap an edit already taken are left for the next run.  A file is
rewritten in its own encoding (BOM included) through a temporary file in
the same folder and an atomic rename, after checking that the new bytes
decode back to exactly the new text — so an interrupted or impossible
write leaves the original untouched.
"""

from __future__ import annotations

import codecs
import os
import signal
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

from .model.document import Document
from .findings import Applicability, Edit, Finding

__all__ = ["apply_edits", "fixable_edits", "fixed_text", "write_document_text", "MAX_FIX_PASSES"]


def fixable_edits(findings: list[Finding], unsafe: bool = False) -> list[Edit]:
    allowed = {Applicability.SAFE} | ({Applicability.UNSAFE} if unsafe else set())
    edits: list[Edit] = []
    for f in findings:
        if f.fix is not None and f.fix.applicability in allowed:
            edits.extend(f.fix.edits)
    return edits


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, int]:
    """The text with the non-overlapping edits applied, and how many were."""
    taken: list[Edit] = []
    for e in sorted(set(edits)):
        if taken and e.start < taken[-1].end:
            continue
        taken.append(e)
    out, cursor = [], 0
    for e in taken:
        out.append(text[cursor : e.start])
        out.append(e.replacement)
        cursor = e.end
    out.append(text[cursor:])
    return "".join(out), len(taken)


# How many times a text's fixes are applied and the text linted again: one fix
# can make another (a repetition inside a repetition), and one run of --fix
# must be enough.
MAX_FIX_PASSES = 10


def fixed_text(
    doc: Document, findings: list[Finding], unsafe: bool = False, rerun=None, max_passes: int = MAX_FIX_PASSES
) -> tuple[str, int, bool]:
    """(text, fixes applied, settled): ``doc``'s text with the fixes of
    ``findings`` applied, then — with ``rerun`` (documents -> a result with
    findings) — linted and fixed again in memory until no fix is left, at
    most ``max_passes`` times; ``settled`` is False when fixes were still
    coming after the last pass."""
    text, count = apply_edits(doc.text, fixable_edits(findings, unsafe))
    passes = 1
    while rerun is not None and count:
        again = Document(text, doc.path, encoding=doc.encoding, bom=doc.bom, markdown=doc.markdown)
        more = fixable_edits([f for f in rerun([again]).findings if f.path == doc.path], unsafe)
        if not more:
            break
        if passes == max_passes:
            return text, count, False
        text, n = apply_edits(text, more)
        count += n
        passes += 1
    return text, count, True


def _encode(doc: Document, text: str) -> bytes:
    if doc.encoding in ("utf-16", "utf-16-le", "utf-16-be"):
        raw = Path(doc.path).read_bytes()[:2]
        big = raw == codecs.BOM_UTF16_BE
        body = text.encode("utf-16-be" if big else "utf-16-le")
        return ((codecs.BOM_UTF16_BE if big else codecs.BOM_UTF16_LE) if doc.bom else b"") + body
    data = text.encode(doc.encoding)
    if doc.bom and doc.encoding.replace("_", "-").lower() == "utf-8":
        data = codecs.BOM_UTF8 + data
    return data


def write_document_text(doc: Document, text: str) -> None:
    """Replace the text of the file behind ``doc`` with ``text``, losing nothing.

    - Through a symbolic link the target is rewritten and the link stays a
      link; a file with several hard links is rewritten in place, so every
      name still shows the same file.
    - A file someone changed after lintkit read it is not overwritten: the
      edit made meanwhile would be lost (``ValueError``).
    - The new bytes are written to a temporary file in the same folder and
      checked to decode back to exactly ``text`` before the original is
      touched; the temporary file is removed whatever happens, a SIGTERM
      included.
    """
    if doc.encoding == "html":
        # the document is the page's prose, not its markup: writing it back would lose the page
        raise ValueError("an HTML page is not rewritten; apply the fix in its source")
    path = Path(os.path.realpath(doc.path))
    if not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222:
        # The rename below would replace even a read-only file: respect the
        # protection an editor put on it instead.
        raise PermissionError(f"{doc.path} is read-only")
    data = _encode(doc, text)
    check = Document.from_bytes(data, doc.path, doc.encoding)
    if check.text != text:
        raise ValueError(f"{doc.path}: the fixed text does not survive encoding as {doc.encoding}")
    with _terminate_as_exit():
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".lintkit", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            if _changed_since_read(doc, path):
                raise ValueError("the file changed after lintkit read it; not overwritten")
            st = path.stat()
            if st.st_nlink > 1:
                # a rename would give this name a new file and leave the other
                # names on the old one: write the same file in place instead
                with open(path, "r+b") as fh:
                    fh.write(data)
                    fh.truncate()
                    fh.flush()
                    os.fsync(fh.fileno())
                os.unlink(tmp)
            else:
                os.chmod(tmp, st.st_mode & 0o7777)
                os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise


def _changed_since_read(doc: Document, path: Path) -> bool:
    try:
        now = Document.from_bytes(path.read_bytes(), doc.path, doc.encoding)
    except (OSError, ValueError, UnicodeDecodeError):
        return True
    return now.text != doc.text


@contextmanager
def _terminate_as_exit():
    """SIGTERM raises SystemExit while a file is written, so that the
    temporary file is cleaned up (in the main thread; elsewhere signals
    cannot be handled and nothing changes)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGTERM)

    def terminate(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
