"""Plant realistic editorial defects into copies of real documents, reproducibly.

The development corpus (``corpus/``) is real text; its labelled defects are
few.  To measure recall on the defects lintkit exists for, this module plants
more of them the way they happen in a newsroom or a journal office — one
mention of a name mistyped, one English figure slipped, a marker dropped —
into *copies* of the corpus documents, and records for each one the line, the
kind and the rules that ought to report it.

Everything is seeded: the same corpus and seed give the same mutants, so a
change in the benchmark's figures is a change in lintkit, not in the dice.

The sites are found without lintkit's own analyses (jieba's ``nr`` tag, plain
patterns, pypinyin), so a rule is never measured only on the cases it already
finds.  Every mutation replaces text inside one line: line numbers do not
move, and a finding in a mutant can be compared with the findings on the
original at the same line.

Kinds (``KINDS``), each with the rules that may report it (the first is the
rule the defect is counted against):

* ``name-homophone``: one mention of a Chinese name with a given-name
  character replaced by a common homophone (林海涛 → 林海滔);
* ``name-lookalike``: … by a look-alike character (未/末, 王/玉);
* ``name-surname``: … with its surname replaced by a near variant (张/章);
* ``name-transliteration``: one mention of a transliterated foreign name
  with one character replaced by a homophone (豪威尔 → 豪韦尔);
* ``pinyin-syllable``: one syllable of a pinyin name in the English changed
  (Li Xiaohong → Li Xiaohang) where the Chinese gives the name;
* ``en-name-variant``: one mention of a repeated English personal name
  misspelt by one letter;
* ``en-figure``: an English figure that translates a Chinese one changed:
  a digit, a magnitude (thousand ↔ million, ×10), percent ↔ percentage
  points, a year, an ordinal, a unit or currency;
* ``zh-contradiction``: one of two mentions of the same Chinese count
  changed;
* ``marker-removed``: a citation marker removed from a sentence with a
  figure (a paper with a reference list);
* ``marker-past-list``: a citation marker pointing past the end of the list;
* ``ref-missing-year``: the year removed from a reference entry;
* ``ref-wrong-type``: a reference entry's type code changed ([J] → [M]);
* ``attribution-removed``: the named source of a statistic removed
  (据国家统计局统计，… → …), not one that points back to a source named
  before (根据这个调查).

``python benchmarks/mutate.py FILE [--seed N]`` prints the mutations planned
for one file, to read them.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from mutations.chinese import LOOKALIKES as LOOKALIKES
from mutations.chinese import SURNAME_VARIANTS as SURNAME_VARIANTS
from mutations.chinese import SURNAMES as SURNAMES
from mutations.citations import _CITATION_KINDS, _attribution_mutations, _citation_mutations, _reference_section
from mutations.common import KINDS, Mutation, _Text
from mutations.common import is_chinese_line as is_chinese_line
from mutations.common import is_english_line as is_english_line
from mutations.names import (
    _en_name_mutations,
    _foreign_name_mutations,
    _name_mutations,
    _pinyin_mutations,
    _transliteration_mutations,
)
from mutations.numbers import WINDOW as WINDOW
from mutations.numbers import _en_figure_mutations, _zh_contradiction_mutations

__all__ = ["Mutation", "KINDS", "plan", "apply", "copies"]


# -- planning ----------------------------------------------------------------------------


def sites_per_kind(text: str) -> int:
    """How many defects of one kind a document gets: three, and one more per 40 KB."""
    return 3 + len(text.encode("utf-8")) // 40_000


def plan(text: str, rng: random.Random, *, zh_text: str | None = None, per_kind: int | None = None) -> list[Mutation]:
    """Every mutation worth planting in ``text``, at most ``per_kind`` of each kind
    (by default ``sites_per_kind(text)``).

    ``zh_text`` is the Chinese an English figure must translate (the Chinese
    file of a translation pair); by default ``text`` itself.
    """
    doc = _Text(text)
    per_kind = per_kind or sites_per_kind(text)
    found: list[Mutation] = []
    found += _name_mutations(doc, rng)
    found += _transliteration_mutations(doc, rng)
    found += _pinyin_mutations(doc, rng)
    found += _en_name_mutations(doc, rng)
    found += _en_figure_mutations(doc, zh_text, rng)
    found += _zh_contradiction_mutations(doc, rng)
    found += _citation_mutations(doc, rng)
    found += _attribution_mutations(doc, rng)
    sec = _reference_section(doc)
    if sec:  # a reference list is not prose: only the citation kinds plant there
        last_prose_line = sec[0]  # 0-based heading index = 1-based line before it
        found = [mu for mu in found if mu.kind in _CITATION_KINDS or mu.line <= last_prose_line]
    by_kind: dict[str, list[Mutation]] = {}
    for mu in found:
        by_kind.setdefault(mu.kind, []).append(mu)
    chosen = []
    for kind in KINDS:
        if kind in _LATER_KINDS:
            continue
        items = by_kind.get(kind, [])
        rng.shuffle(items)
        chosen += items[:per_kind]
    # Kinds added later draw on a generator of their own and come last, so
    # that adding one leaves every earlier kind's defects as they were (the
    # benchmark's figures stay comparable from one version to the next).
    later = random.Random(f"later:{rng.random()}")
    items = [mu for mu in _foreign_name_mutations(doc, later) if not sec or mu.line <= sec[0]]
    later.shuffle(items)
    return chosen + items[:per_kind]


_LATER_KINDS = frozenset({"foreign-name"})


def copies(mutations: list[Mutation], max_copies: int = 4, min_gap: int = 2) -> list[list[Mutation]]:
    """Group mutations into copies that do not disturb each other: no two in one
    copy touch the same entity or lie within ``min_gap`` lines of each other."""
    groups: list[list[Mutation]] = []
    for mu in mutations:
        for g in groups:
            if all(abs(mu.line - o.line) >= min_gap and not (mu.keys & o.keys) and mu.kind != o.kind for o in g):
                g.append(mu)
                break
        else:
            if len(groups) < max_copies:
                groups.append([mu])
    return groups


def apply(text: str, mutations: list[Mutation]) -> str:
    """The text with every mutation applied (they must not overlap)."""
    out, pos = [], 0
    for mu in sorted(mutations, key=lambda m: m.start):
        if mu.start < pos:
            raise ValueError(f"overlapping mutations at offset {mu.start}")
        out.append(text[pos : mu.start])
        out.append(mu.new)
        pos = mu.start + len(mu.old)
    out.append(text[pos:])
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Show the defects planted into one file.")
    ap.add_argument("file")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    text = Path(args.file).read_text(encoding="utf-8")
    muts = plan(text, random.Random(f"{args.seed}:{Path(args.file).name}"))
    for n, group in enumerate(copies(muts, max_copies=sites_per_kind(text)), 1):
        for mu in group:
            print(f"copy {n}  line {mu.line:5}  {mu.kind:20} {mu.old!r} -> {mu.new!r}  {mu.reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
