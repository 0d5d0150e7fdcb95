"""Is an English romanization a reading of a Japanese name written in characters?

Chinese text writes Japanese places and bodies in characters (日本松本市…),
and the English beside it romanizes them (Matsumoto).  A translator who
misreads a character, or copies a neighbouring name, leaves a
romanization that no reading of the characters gives.  Pinyin cannot
tell: the name's sound is Japanese.

The readings are Unihan's on and kun readings
(``lintkit/data/japanese-readings.txt``, a simplified character taking
its traditional form's).  A romanization reads a name when it splits into
one reading per character, allowing what Hepburn spellings of names do:
long vowels shortened (tou → to, kyou → kyo: 東京 Tokyo) or written "oh",
a voiced non-initial character (rendaku: saki → zaki, kawa → gawa), a
doubled consonant for a final -chi/-tsu/-ku/-ki (日本 Nippon), n written m
before b, p or m, and a kun reading without its inflected ending.  Being
generous here only makes the rule quieter.

The generic words of Japanese names (市, 医院 and their English heads) are
data: ``lintkit/data/names-japanese.yaml``.
"""

from __future__ import annotations

import functools
import unicodedata
from importlib.resources import files

import regex

from lintkit.analysis.shipped_yaml import load_shipped_yaml

__all__ = ["readings", "reads_as", "starts_with_reading", "is_hepburn", "is_romanized", "vocabulary"]


@functools.cache
def readings() -> dict[str, tuple[str, ...]]:
    """Character → its Japanese readings, read once."""
    out = {}
    for line in files("lintkit").joinpath("data/japanese-readings.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            ch, _, rest = line.partition("\t")
            out[ch] = tuple(rest.split())
    return out


@functools.cache
def vocabulary() -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """(head word → English stems that render it, generic words), read once."""
    data = load_shipped_yaml(files("lintkit").joinpath("data/names-japanese.yaml").read_text(encoding="utf-8"))
    heads = {str(k): tuple(str(s).lower() for s in v) for k, v in data["heads"].items()}
    return heads, tuple(str(w) for w in data["generic"])


_VOICED = (
    ("sh", ("j",)),
    ("ch", ("j",)),
    ("ts", ("z",)),
    ("k", ("g",)),
    ("s", ("z",)),
    ("t", ("d",)),
    ("h", ("b", "p")),
    ("f", ("b", "p")),
)
_GEMINATING = ("chi", "tsu", "ku", "ki")


def _long_vowels(r: str) -> set[str]:
    out = {r}
    for long, short in (("ou", "o"), ("oo", "o"), ("uu", "u"), ("ou", "oh"), ("oo", "oh")):
        out |= {x.replace(long, short) for x in out}
    return out


@functools.cache
def _forms(ch: str, initial: bool) -> frozenset[str]:
    """Every spelling a reading of ``ch`` may take in a romanized name."""
    out: set[str] = set()
    for r in readings().get(ch, ()):
        base = {r}
        if len(r) >= 4:  # a kun reading with its inflected ending (ookii → oo)
            base |= {r[:k] for k in range(2, len(r)) if r[k - 1] in "aeioun"}
        if r.endswith(_GEMINATING):
            stem = r[: -3 if r.endswith(("chi", "tsu")) else -2]
            base |= {stem + c for c in "ptksc"}
        if r.endswith("n"):
            base.add(r[:-1] + "m")
        if not initial:
            for plain, voiced in _VOICED:
                base |= {v + x[len(plain) :] for x in list(base) if x.startswith(plain) for v in voiced}
        for b in base:
            out |= _long_vowels(b)
    return frozenset(out)


def _plain(word: str) -> str:
    """Lower case, macrons and apostrophes gone (Tōkyō, Shin'ichi)."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if "a" <= c <= "z")


def reads_as(word: str, name: str) -> bool:
    """Does ``word`` split into one reading of each character of ``name``?"""
    w = _plain(word)
    ends = {0}
    for i, ch in enumerate(name):
        forms = _forms(ch, i == 0)
        ends = {e + len(f) for e in ends for f in forms if w.startswith(f, e)}
        if not ends:
            return False
    return len(w) in ends


def starts_with_reading(word: str, name: str) -> bool:
    """Does ``word`` begin with a full reading of the first character of
    ``name`` (long vowels shortened)?  Then a romanization that goes on to
    read none of the rest is this name misread, not another name."""
    w = _plain(word)
    return any(w.startswith(f) for r in readings().get(name[0], ()) for f in _long_vowels(r))


# A Hepburn syllable: (consonant (y)) vowel, a syllabic n, m before b/p/m,
# the first of a doubled consonant, "oh" for a long o.
_HEPBURN = regex.compile(
    r"(?:(?:(?:[kgszjtdnhbpmr]y?|sh|ch|ts|f|w|y)?[aeiou])|n|m(?=[bpm])|([kstpgcd])(?=\1)|t(?=ch)|(?<=o)h(?![aeiouy]))+"
)


def is_hepburn(word: str) -> bool:
    """Is every letter of ``word`` in a Hepburn syllable (Abe, Kōno, Shinzo)?"""
    w = _plain(word)
    return bool(w) and _HEPBURN.fullmatch(w) is not None


def is_romanized(word: str) -> bool:
    """Could ``word`` be a romanized Japanese place name: Hepburn, and four
    letters or more (so that short English words, "Ten" or "Ago", are not
    taken for one)?"""
    return len(_plain(word)) >= 4 and is_hepburn(word)
