"""``lintkit inspect FILE``: what lintkit reads in a file.

Its blocks, articles, English counterparts and their alignment, the names
and the reference list, for an editor or a rule author to see why a rule
fires (or does not).
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import EXIT_ERROR, EXIT_OK

__all__ = ["cmd_inspect"]


def cmd_inspect(args, plugins=()) -> int:
    from ..model.decoding import DecodeError
    from ..model.document import Document
    from ..pairs import pair_documents

    try:
        doc = Document.from_path(args.path, args.encoding)
        docs = [doc]
        partner = args.pair or _sibling_translation(args.path)
        if partner:
            docs.append(Document.from_path(partner, args.encoding))
    except (OSError, DecodeError) as exc:
        print(f"lintkit: {args.path}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    pair_documents(docs, [(args.path, args.pair)] if args.pair else [])
    pos = doc.position

    def clip(s: str, n: int = 60) -> str:
        s = s.replace("\n", " ")
        return s if len(s) <= n else s[: n - 1] + "…"

    print(
        f"{doc.path}: {doc.encoding}{' with BOM' if doc.bom else ''}, {doc.line_count} lines, "
        f"{len(doc.blocks)} blocks, {'markdown' if doc.markdown else 'plain text'}"
    )
    if args.blocks:
        for i, b in enumerate(doc.blocks):
            print(f"  block {i:4} L{pos(b.start).line:<5} {b.kind:9} {b.lang or '-':5} {clip(b.text(doc.text))}")
    articles = doc.articles
    genre = articles[0].genre if articles else "-"
    print(
        f"{len(articles)} article{'s' if len(articles) != 1 else ''}, genre {genre}"
        + (f", translated in {doc.translation.path}" if doc.translation is not None else "")
    )
    for a in articles:
        print(f"\n#{a.index} lines {pos(a.start).line}-{pos(a.end).line}: {clip(a.title) or '(no headline)'}")
        for s, e in a.bylines:
            print(f"   byline      L{pos(s).line:<5} {doc.text[s:e]}")
        for (zs, ze), (es, ee) in a.author_pairs:
            print(f"   author      L{pos(zs).line:<5} {doc.text[zs:ze]} = {doc.text[es:ee]} (L{pos(es).line})")
        for c in a.contents:
            print(f"   contents    L{pos(c.start).line:<5} {clip(doc.text[c.start : c.end])}")
        for c in a.english:
            where = a.document_of(c)
            line = f"{'' if c.document is None else where.path + ':'}L{where.position(c.start).line}"
            print(f"   {'en-' + c.kind:<12}{line:<6} {clip(a.text_of(c))}")
            if args.align and c.aligned:
                for b in c.aligned:
                    blk = doc.blocks[b]
                    print(f"   {'':12}  ↳ L{pos(blk.start).line:<5} {clip(blk.text(doc.text), 56)}")
            elif args.align:
                print(f"   {'':12}  ↳ (no Chinese paragraph)")
    if args.names:
        _print_cast(doc)
    if args.references:
        from ..analysis.citations import describe_references

        print()
        print(describe_references(doc))
    return EXIT_OK


_CUES = {
    "role-before": "role before",
    "role-after": "role after",
    "verb": "speech verb",
    "byline": "byline",
    "credit": "photo credit",
    "answer": "“name：” answer",
    "list": "、 list",
    "dictionary": "user dictionary",
    "lookup": "another mention",
    "variant": "one-off spelling of a name found",
}


def _print_cast(doc) -> None:
    """The people of a file, as the names rules see them: an editor's cast list."""
    from ..analysis.names import names

    found = names(doc)
    by_name = found.by_name
    print(f"\n{len(by_name)} name{'s' if len(by_name) != 1 else ''} found")
    for name in sorted(by_name, key=lambda n: (-len(by_name[n]), n)):
        ms = by_name[name]
        lines = sorted({doc.position(m.start).line for m in ms})
        cues = sorted({_CUES.get(m.cue, m.cue) for m in ms})
        roles = sorted({m.role for m in ms if m.role and m.role not in (":", "byline", "list")})
        where = ", ".join(f"L{n}" for n in lines[:8]) + (" …" if len(lines) > 8 else "")
        print(
            f"   {name:<6} {len(ms)}×  {where}  — {'; '.join(cues)}" + (f"; roles: {', '.join(roles)}" if roles else "")
        )


def _sibling_translation(path: str) -> str | None:
    """X.en.* beside X.zh.* or X.*, as `lintkit check` pairs them."""
    from ..pairs import _stem_and_tag

    st = _stem_and_tag(path)
    if not st or st[1] == "en":
        return None
    for suffix in (".txt", ".md", ".markdown"):
        candidate = Path(st[0] + ".en" + suffix)
        if candidate.is_file():
            return str(candidate)
    return None
