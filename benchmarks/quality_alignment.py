"""The quality benchmark's alignment check: on the hand-checked sample of each
genre (``corpus/<genre>/alignment.yaml``), does lintkit take an English unit
as a counterpart of its Chinese article, and does it align it with the
Chinese lines the sample names?

Kept apart because it measures something else than the rest of the benchmark:
not findings against labels but lintkit's pairing and alignment of the two
languages (``lintkit.pairs``), against a sample of its own.  It lints nothing
and judges no finding.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from quality_corpus import CORPUS
from quality_report import ratio

__all__ = ["alignment_accuracy"]


def alignment_accuracy(root: Path = CORPUS, genres: set[str] | None = None) -> dict[str, dict]:
    """Per genre, on the hand-checked sample of ``<genre>/alignment.yaml``:
    how many English units lintkit takes as a counterpart of their article
    (``found``), how many it aligns with a Chinese paragraph (``aligned``),
    and how many of those alignments hit a Chinese line the sample names
    (``correct``; an English unit the sample says renders nothing is correct
    when lintkit aligns it with nothing).  ``accuracy`` = correct / pairs."""
    from lintkit.model.document import Document
    from lintkit.pairs import pair_documents

    cache: dict[tuple[str, str], tuple] = {}

    def docs_for(en_rel: str, zh_rel: str):
        key = (en_rel, zh_rel)
        if key not in cache:
            en = Document((root / en_rel).read_text(encoding="utf-8"), en_rel)
            if zh_rel == en_rel:
                cache[key] = (en, en)
            else:
                zh = Document((root / zh_rel).read_text(encoding="utf-8"), zh_rel)
                pair_documents([zh, en], [(zh_rel, en_rel)])
                cache[key] = (zh, en)
        return cache[key]

    out: dict[str, dict] = {}
    for gold in sorted(root.glob("*/alignment.yaml")):
        genre = gold.parent.name
        if genres and genre not in genres:
            continue
        counts = dict.fromkeys(("pairs", "found", "aligned", "correct"), 0)
        for item in (yaml.safe_load(gold.read_text(encoding="utf-8")) or {}).get("pairs") or []:
            zh_doc, en_doc = docs_for(item["path"], item.get("zh_path") or item["path"])
            counts["pairs"] += 1
            line = en_doc.line_text(int(item["en"]))
            at = en_doc.line_starts[int(item["en"]) - 1] + (len(line) - len(line.lstrip()))
            if item.get("sentence"):
                k = line.find(item["sentence"])
                if k >= 0:
                    at = en_doc.line_starts[int(item["en"]) - 1] + k
            part = next(
                (
                    c
                    for a in zh_doc.articles
                    for c in a.english
                    if a.document_of(c) is en_doc and c.start <= at < max(c.end, c.start + 1)
                ),
                None,
            )
            if part is None:
                continue
            counts["found"] += 1
            lines: set[int] = set()
            for b in part.aligned:
                blk = zh_doc.blocks[b]
                lines.update(
                    range(zh_doc.position(blk.start).line, zh_doc.position(max(blk.start, blk.end - 1)).line + 1)
                )
            if lines:
                counts["aligned"] += 1
            want = set(item.get("zh") or [])
            if (lines & want) or (not want and not lines):
                counts["correct"] += 1
        counts["accuracy"] = ratio(counts["correct"], counts["pairs"])
        out[genre] = counts
    return out
