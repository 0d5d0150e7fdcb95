"""Does an English name sound like a Chinese transliteration of it?  莫雷诺 and
"Moreno", 施密特 and "Schmidt" — and not 莫雷诺 and "Lindgren".

A transliteration keeps a name's consonants in order and drops or changes
its vowels, so both sides are reduced to a skeleton of consonant classes
(b/p/f/v/w, d/t, g/k, the sibilants, l/r, m, n; y and h are dropped), the
Chinese side through its pinyin (pypinyin reads traditional characters
too).  A token and a run of transliteration characters sound alike when
their skeletons start alike and share at least half their consonants in
order; a skeleton of one consonant ("Dow") must be equal to count.  The
Chinese run may carry a character of the word before it (理施密特 for
总理施密特): the run less its first character is tried too, and no shorter
tail (尔特 of 杜特尔特 would sound like "Rodrigo").
"""

from __future__ import annotations

import functools
import unicodedata
from importlib.resources import files

import regex

from lintkit.analysis.names import default_pinyin
from lintkit.analysis.shipped_yaml import load_shipped_yaml

# consonant classes: English spelling and pinyin differ only in c, q, x, j, z
_EN_CLASSES = {c: k for cs, k in (("bpfvw", "P"), ("dt", "T"), ("gkcq", "K"), ("jzsx", "S"), ("lr", "L")) for c in cs}
_EN_CLASSES.update({"m": "M", "n": "N"})
_PINYIN_CLASSES = dict(_EN_CLASSES, c="S", q="S", x="S", j="S", z="S")
_SOFT_C = regex.compile(r"c(?=[eiy])")
_DIGRAPHS = (("zh", "j"), ("ch", "j"), ("sh", "s"), ("ng", "n"), ("ph", "f"), ("th", "t"), ("ck", "k"))


def skeleton(word: str, classes: dict[str, str]) -> str:
    """The consonant classes of ``word`` in order, a repeated class once."""
    w = "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))
    for a, b in _DIGRAPHS:
        w = w.replace(a, b)
    if classes is _EN_CLASSES:
        w = _SOFT_C.sub("s", w)  # Vucic, Cecilia: c before e, i, y is a sibilant
    out: list[str] = []
    for c in w:
        k = classes.get(c)
        if k and (not out or out[-1] != k):
            out.append(k)
    return "".join(out)


def sounds_like(token: str, run: str) -> bool:
    """Whether the English ``token`` may be the transliteration ``run`` (or of
    a suffix of it) read back."""
    a = skeleton(token, _EN_CLASSES)
    if not a:
        return False
    for i in range(min(2, len(run) - 1)):  # the run, or the run less one character before the name
        b = skeleton("".join(p for c in run[i:] for p in default_pinyin(c)), _PINYIN_CLASSES)
        if not b:
            continue
        if min(len(a), len(b)) < 2:
            if a == b:
                return True
        elif a[0] == b[0] and _common(a, b) * 2 >= max(len(a), len(b)):
            return True
    return False


def _common(a: str, b: str) -> int:
    """The length of the longest common subsequence of two short skeletons."""
    row = [0] * (len(b) + 1)
    for x in a:
        prev = 0
        for j, y in enumerate(b):
            cur = row[j + 1]
            row[j + 1] = prev + 1 if x == y else max(row[j + 1], row[j])
            prev = cur
    return row[-1]


@functools.cache
def characters() -> frozenset[str]:
    """The characters of ``lintkit/data/names-transliteration.txt``."""
    text = files("lintkit").joinpath("data/names-transliteration.txt").read_text(encoding="utf-8")
    return frozenset("".join(w for line in text.splitlines() if not line.startswith("#") for w in line.split()))


@functools.cache
def titles() -> dict[str, str]:
    """Chinese title → the English pattern that renders it, from
    ``lintkit/data/names-foreign-titles.yaml``."""
    data = load_shipped_yaml(files("lintkit").joinpath("data/names-foreign-titles.yaml").read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data.items()}


@functools.cache
def countries() -> frozenset[str]:
    """The names of ``lintkit/data/names-countries.txt``."""
    text = files("lintkit").joinpath("data/names-countries.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())
