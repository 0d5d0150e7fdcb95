"""Generators of hostile and half-real documents, shared by the fuzz campaign
(``benchmarks/fuzz.py``) and the property tests (``tests/test_properties.py``).

Every generator takes a ``random.Random`` (or anything with its methods:
the property tests pass Hypothesis's ``st.randoms()``, so a failing example
shrinks) and returns text; nothing here reads lintkit.  The text is invented
(no sample-article names or figures): news, magazine, journal, bilingual
layouts and unstructured soup, built from

* CJK words, person names with roles and verbs of saying, organisations;
* figures: digits (``1,200``, ``１２``), decimals, ``万``/``亿`` magnitudes,
  Chinese numerals (well formed and random runs of 一二三…万亿), percents,
  approximations (``余``, ``近``), dates, ordinals, English numbers;
* full- and half-width punctuation, quotation marks, brackets;
* reference markers ``[n]`` and ``^[n]``, a 参考文献 section with entries
  (well formed, malformed, unnumbered, repeated);
* "Reading Summary" / "Abstract" lines with English, contents lines;
* Markdown: headings (ATX and setext), lists, quotes, code, tables, links,
  suppression comments;
* emoji and other astral characters, combining marks, right-to-left text,
  control and zero-width characters, very long lines.

``mutate_real`` takes a real article and deletes, duplicates, shuffles and
cuts its lines; ``with_line_endings`` turns LF text into CRLF, CR or a mix.
Only ``LF`` text comes out of the other generators, so a caller can compare
one text under several line endings.
"""

from __future__ import annotations

import random
from pathlib import Path

from fuzzing.checks import finding_errors as finding_errors
from fuzzing.checks import finding_key as finding_key
from fuzzing.checks import position_errors as position_errors
from fuzzing.documents import GENRES as GENRES
from fuzzing.documents import document as document
from fuzzing.documents import target_size as target_size
from fuzzing.pieces import byline as byline
from fuzzing.pieces import chinese_numeral as chinese_numeral
from fuzzing.pieces import en_figure as en_figure
from fuzzing.pieces import en_headline as en_headline
from fuzzing.pieces import en_paragraph as en_paragraph
from fuzzing.pieces import en_sentence as en_sentence
from fuzzing.pieces import headline as headline
from fuzzing.pieces import hostile, marker, zh_figure
from fuzzing.pieces import long_line as long_line
from fuzzing.pieces import markdown_bits as markdown_bits
from fuzzing.pieces import name as name
from fuzzing.pieces import pinyin as pinyin
from fuzzing.pieces import reference_entry as reference_entry
from fuzzing.pieces import references as references
from fuzzing.pieces import summary as summary
from fuzzing.pieces import zh_paragraph as zh_paragraph
from fuzzing.pieces import zh_sentence as zh_sentence
from fuzzing.vocabulary import ALPHABET as ALPHABET
from fuzzing.vocabulary import FRAGMENTS, HOSTILE
from fuzzing.vocabulary import ORGS as ORGS
from fuzzing.vocabulary import TOPICS as TOPICS

__all__ = [
    "FRAGMENTS",
    "ALPHABET",
    "HOSTILE",
    "document",
    "real_texts",
    "mutate_real",
    "with_line_endings",
    "target_size",
    "chinese_numeral",
    "position_errors",
    "finding_errors",
    "finding_key",
]

ROOT = Path(__file__).resolve().parent.parent

# -- real articles, mutated ------------------------------------------------------------


def real_texts(root: Path = ROOT) -> list[tuple[str, str]]:
    """``(name, text)`` of every example and corpus article (``examples/*.txt|md``,
    ``corpus/**/*.txt|md``), line endings as LF."""
    paths = sorted(
        p
        for pattern in ("examples/*.txt", "examples/*.md", "corpus/**/*.txt", "corpus/**/*.md")
        for p in root.glob(pattern)
        if p.name != "README.md"
    )
    out = []
    for p in paths:
        text = p.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
        out.append((str(p.relative_to(root)), text))
    return out


def mutate_real(rng: random.Random, text: str, size: int | None = None) -> str:
    """A real article damaged as copy-and-paste damages text: a window of about
    ``size`` characters, then lines deleted, duplicated, shuffled, cut
    mid-line, joined; sometimes a hostile character or a stray marker."""
    lines = text.split("\n")
    if size is not None and len(text) > size:
        # a window of whole lines of about ``size`` characters
        start = rng.randrange(len(lines))
        end, total = start, 0
        while end < len(lines) and total < size:
            total += len(lines[end]) + 1
            end += 1
        lines = lines[start:end]
    for _ in range(rng.randint(1, 8)):
        if not lines:
            break
        op = rng.randrange(9)
        i = rng.randrange(len(lines))
        j = min(len(lines), i + rng.randint(1, 6))
        if op == 0:
            del lines[i:j]
        elif op == 1:
            lines[i:i] = lines[i:j]
        elif op == 2:
            chunk = lines[i:j]
            rng.shuffle(chunk)
            lines[i:j] = chunk
        elif op == 3 and lines[i]:
            lines[i] = lines[i][: rng.randrange(len(lines[i]))]
        elif op == 4 and lines[i]:  # cut mid-line and carry the rest onto a new line
            k = rng.randrange(len(lines[i]))
            lines[i : i + 1] = [lines[i][:k], lines[i][k:]]
        elif op == 5 and i + 1 < len(lines):
            lines[i : i + 2] = [lines[i] + rng.choice(["", " "]) + lines[i + 1]]
        elif op == 6:
            k = rng.randint(0, len(lines[i]))
            lines[i] = lines[i][:k] + rng.choice([hostile(rng), marker(rng), zh_figure(rng)]) + lines[i][k:]
        elif op == 7:
            lines.insert(i, rng.choice(FRAGMENTS))
        else:
            k = rng.randrange(len(lines))
            lines[i], lines[k] = lines[k], lines[i]
    out = "\n".join(lines)
    if rng.random() < 0.2 and out:  # cut the whole text mid-line
        out = out[: rng.randrange(len(out))]
    return out


def with_line_endings(text: str, rng: random.Random | None = None, ending: str | None = None) -> str:
    """``text`` (LF) with CRLF, CR or (no ``ending``) a random mix of endings."""
    if ending is not None:
        return text.replace("\n", ending)
    lines = text.split("\n")
    return "".join(line + rng.choice(["\n", "\r\n", "\r"]) for line in lines[:-1]) + lines[-1]
