"""The quality benchmark's corpus and its labels: which files are linted
together (one document, or a translation pair) and what a person found in them
(the reviewed lines and the real defects of every ``<genre>/labels.yaml``).

Kept apart so that the rest of the benchmark takes the corpus as data: the
judge (``quality_judge.py``) reads ``Defect`` and ``Labels``, the run
(``quality_evaluate.py``) reads ``Unit``, and neither walks folders or parses
YAML.  A planted defect is a ``Defect`` too (``planted=True``), made by the
judge from a mutation.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SKIP_NAMES = {"SOURCES.md", "README.md", "labels.yaml"}
TEXT_SUFFIXES = {".txt", ".md"}

__all__ = ["CORPUS", "ROOT", "Defect", "DocumentLabels", "Labels", "Unit", "load_corpus"]


@dataclass(frozen=True)
class Defect:
    path: str  # relative to the corpus root
    line: int
    rules: tuple[str, ...]
    reason: str
    planted: bool = False
    also: tuple[int, ...] = ()  # other lines a finding about it may point at

    @property
    def rule(self) -> str:
        return self.rules[0]

    @property
    def lines(self) -> tuple[int, ...]:
        return (self.line, *self.also)


@dataclass
class DocumentLabels:
    path: str
    genre: str
    reviewed: list[tuple[int, int]] | None  # None: all of it
    defects: list[Defect] = field(default_factory=list)

    def covers(self, line: int) -> bool:
        return self.reviewed is None or any(a <= line <= b for a, b in self.reviewed)


@dataclass
class Unit:
    """Files linted together in one run: one document, or a translation pair."""

    genre: str
    paths: list[str]  # relative to the corpus root
    texts: dict[str, str]


class Labels(dict):
    """path -> DocumentLabels, read from every ``<genre>/labels.yaml``."""


def _ranges(value, path: str) -> list[tuple[int, int]] | None:
    if value in (None, "all", True):
        return None
    if value in ("none", False, []):
        return []
    out = []
    for item in value:
        if isinstance(item, int):
            out.append((item, item))
        else:
            a, b = item
            out.append((int(a), int(b)))
    return out


def load_corpus(root: Path = CORPUS) -> tuple[list[Unit], Labels]:
    labels = Labels()
    for lab in sorted(root.glob("*/labels.yaml")):
        genre = lab.parent.name
        data = yaml.safe_load(lab.read_text(encoding="utf-8")) or {}
        for doc in data.get("documents") or []:
            path = doc["path"]
            if not (root / path).is_file():
                raise SystemExit(f"{lab}: {path}: no such file in the corpus")
            entry = DocumentLabels(path, genre, _ranges(doc.get("reviewed", "all"), path))
            for d in doc.get("defects") or []:
                rules = d["rules"] if isinstance(d.get("rules"), list) else [d["rule"]]
                entry.defects.append(
                    Defect(
                        path,
                        int(d["line"]),
                        tuple(rules),
                        str(d.get("reason", "")),
                        also=tuple(int(x) for x in d.get("also", ())),
                    )
                )
            labels[path] = entry
    files = sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.suffix in TEXT_SUFFIXES
        and p.name not in SKIP_NAMES
        and not any(x.startswith(".") for x in p.parts)
    )
    by_stem: dict[tuple[str, str], list[str]] = defaultdict(list)
    units: list[Unit] = []
    for p in files:
        rel = p.relative_to(root).as_posix()
        genre = rel.split("/")[0]
        if rel not in labels:
            labels[rel] = DocumentLabels(rel, genre, [])  # nobody has read it: findings unjudged
        name = p.name
        for tag in (".zh", ".en"):
            stem = name[: -len(p.suffix)]
            if stem.endswith(tag):
                by_stem[(str(p.parent), stem[: -len(tag)])].append(rel)
                break
        else:
            units.append(Unit(genre, [rel], {rel: p.read_text(encoding="utf-8")}))
    for (_, _), rels in sorted(by_stem.items()):
        rels.sort(key=lambda r: ".en." in r)  # Chinese first
        units.append(Unit(rels[0].split("/")[0], rels, {r: (root / r).read_text(encoding="utf-8") for r in rels}))
    units.sort(key=lambda u: u.paths[0])
    return units, labels
