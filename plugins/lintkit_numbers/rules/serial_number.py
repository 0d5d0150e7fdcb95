from __future__ import annotations

import regex

from lintkit import DOCUMENT, Problem, Related, rule

_CODE = regex.compile(
    r"(?<![A-Za-z])(?P<label>e-?ISSN|p-?ISSN|ISSN|ISBN|CN)\s*[:：]?\s*"
    r"(?P<code>\d[\dXx]*(?:-[\dXx]+)+)(?![\dXx-])"
)


@rule("numbers.serial-number", scope=DOCUMENT, severity="warning", formerly="numbers.contradiction")
def serial_number(doc, options):
    """A serial number (ISSN, eISSN, ISBN, CN) given once with another value than everywhere else in the file.

    What it catches: a journal's ISSN or CN number, or a book's ISBN, that
    the file gives at least twice with one value and once with another —
    the odd one out is a slip (a transposed or mistyped digit).  With no
    clear majority (two values, once each) nothing is reported: they may be
    two publications.

    Why it matters: a wrong ISSN on a masthead or in a colophon sends
    readers, libraries and indexes to another publication.

    Example that fires::

        本刊 ISSN 1234-5678，CN 11-1234/N。
        订阅请注明 ISSN 1234-5678。
        投稿请注明 ISSN 1234-5687。

    Example that does not fire::

        本刊 ISSN 1234-5678，CN 11-1234/N。
        订阅请注明 ISSN 1234-5678。

    Formerly part of ``numbers.contradiction`` (that id still selects,
    ignores and silences it for this release).  No options.
    """
    by_label: dict[str, list] = {}
    for m in _CODE.finditer(doc.text):
        by_label.setdefault(m["label"].upper().replace("-", ""), []).append(m)
    for _label, ms in by_label.items():
        counts: dict[str, int] = {}
        for m in ms:
            counts[m["code"].upper()] = counts.get(m["code"].upper(), 0) + 1
        if len(counts) < 2:
            continue
        major, n = max(counts.items(), key=lambda kv: kv[1])
        if n < 2 or sum(1 for v in counts.values() if v == n) > 1:
            continue  # no clear majority
        first = next(m for m in ms if m["code"].upper() == major)
        for m in ms:
            if m["code"].upper() != major:
                yield Problem(
                    m.start("code"),
                    m.end("code"),
                    f"{m['label']} “{m['code']}” differs from the {m['label']} “{major}” this file gives {n} times",
                    related=(Related(first.start("code"), first.end("code"), f"{m['label']} {major}"),),
                )
