"""Translation pairs: a Chinese file and its English translation, linted as one article.

A newsroom keeps a translation next to its source: ``report.zh.md`` and
``report.en.md``, or ``report.txt`` and ``report.en.txt``.  Such files are
paired by name; any other two files are paired explicitly (``--pair
zh.txt:en.txt`` on the command line, or ``pairs:`` in rules.yaml).  Pairing
sets ``zh.translation`` and ``en.original``; the Chinese file's article
model then takes the English file, paragraph by paragraph, as
``translation`` counterparts aligned with the Chinese paragraphs they
render (see ``lintkit.model.articles``), so that the names and numbers rules
compare the two files and their findings point into both.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from .model.document import Document

__all__ = ["pair_documents", "pair_paths", "parse_pair"]

_SUFFIXES = (".txt", ".md", ".markdown")


def parse_pair(value: str) -> tuple[str, str]:
    """``"zh.txt:en.txt"`` -> ("zh.txt", "en.txt"); ValueError when it is not two paths."""
    zh, sep, en = value.rpartition(":") if value.count(":") > 1 else value.partition(":")
    if not sep or not zh.strip() or not en.strip():
        raise ValueError(f"{value!r} is not CHINESE_FILE:ENGLISH_FILE")
    return zh.strip(), en.strip()


def _key(path: str) -> str:
    return os.path.normcase(os.path.abspath(path))


def _stem_and_tag(path: str) -> tuple[str, str] | None:
    """("folder/report", "en") for folder/report.en.txt; tag "" for folder/report.txt."""
    p = Path(path)
    if p.suffix.lower() not in _SUFFIXES:
        return None
    stem = p.name[: -len(p.suffix)]
    for tag in ("zh", "en"):
        if stem.lower().endswith("." + tag):
            return str(p.parent / stem[: -len(tag) - 1]), tag
    return str(p.parent / stem), ""


def pair_paths(paths: Iterable[str], explicit: Iterable[tuple[str, str]] = ()) -> list[tuple[str, str]]:
    """Pair each English file with its Chinese original; returns (zh, en) paths.

    Explicit pairs first (paths compared after resolving them); then by
    name: ``X.en.*`` with ``X.zh.*`` or, failing that, ``X.*``, in the same
    folder, whatever the suffix.  A file takes part in one pair at most.
    Decided on the paths alone, before any file is read, so that a file and
    its translation are linted together wherever the work runs.
    """
    names = [p for p in paths if p not in ("-", "<stdin>")]
    by_key = {_key(p): p for p in names}
    pairs: list[tuple[str, str]] = []
    used: set[str] = set()

    def add(zh: str, en: str) -> None:
        if zh in used or en in used or zh == en:
            return
        used.update((zh, en))
        pairs.append((zh, en))

    for zh_path, en_path in explicit:
        zh, en = by_key.get(_key(zh_path)), by_key.get(_key(en_path))
        if zh is not None and en is not None:
            add(zh, en)
    stems: dict[tuple[str, str], list[str]] = {}
    for p in names:
        st = _stem_and_tag(p)
        if st:
            stems.setdefault((os.path.normcase(st[0]), st[1]), []).append(p)
    for (stem, tag), ens in sorted(stems.items()):
        if tag != "en":
            continue
        originals = stems.get((stem, "zh")) or stems.get((stem, "")) or []
        if len(ens) == 1 and len(originals) == 1:
            add(originals[0], ens[0])
    return pairs


def pair_documents(
    documents: Iterable[Document], explicit: Iterable[tuple[str, str]] = ()
) -> list[tuple[Document, Document]]:
    """Pair the documents as ``pair_paths`` pairs their paths: sets
    ``zh.translation`` and ``en.original``; returns the (zh, en) pairs."""
    docs = [d for d in documents if d.path not in ("-", "<stdin>")]
    by_path: dict[str, Document] = {}
    for d in docs:
        by_path.setdefault(d.path, d)
    pairs = []
    for zh_path, en_path in pair_paths([d.path for d in docs], explicit):
        zh, en = by_path[zh_path], by_path[en_path]
        zh.translation, en.original = en, zh
        pairs.append((zh, en))
    return pairs
