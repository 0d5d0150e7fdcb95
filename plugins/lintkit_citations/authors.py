"""The author a text names at a marker against the first author of the entry
it cites: ``Gschwind [3]`` in the body, ``[3] Rudolf, G. and …`` in the list.

A converter or a hurried editor puts a given name in the surname slot
(``Rudolf, G.`` for Gschwind, Rudolf) or swaps the two (``Marie, S.`` for
Ström, Marie).  The tell-tale is the entry's initial: it is the first letter
of the name the text cites, while the entry's "surname" is nowhere in it.
"""

from __future__ import annotations

import unicodedata

import regex

__all__ = ["cited_name", "first_author", "swapped_author"]

# Latin name words right before a marker (Gschwind [3], Ström M [7]), after
# Chinese text or the start of the block; an optional "et al." or 等
_CITED = regex.compile(
    r"(?<![\p{Latin}\d.'’-])(?P<name>[A-Z][\p{Ll}'’-]+(?:\s+(?:[A-Z][\p{Ll}'’-]+|[A-Z]\.?))?)"
    r"\s*(?:et\s+al\.?|等人?)?\s*$"
)
# "Rudolf, G." / "Marie, S. and Eija, J." / "Kyung, W.J., Kim, D.C."
_FIRST_AUTHOR = regex.compile(r"^\s*(?P<surname>[A-Z][\p{L}'’-]+),\s*(?P<initials>[A-Z](?:\.\s?[A-Z])*\.?)(?=[\s,]|$)")


# A hyphenated East Asian given name as a text writes it, the part after the
# hyphen in lower case (Soo-chang, Yi-mei, Ching-kuo): never a surname, so an
# entry that puts it in the surname slot ("Soo-Chang, P." for Soo-chang Pei)
# has the names swapped.  Western double surnames capitalize both parts.
_EAST_ASIAN_GIVEN = regex.compile(r"[A-Z][a-z]{1,5}-[a-z]{2,6}")


def _fold(word: str) -> str:
    """Lower case without accents or hyphens: Ström -> strom."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().replace("-", "").replace("’", "'")


def cited_name(text: str, marker_start: int, block_start: int) -> tuple[int, int, list[str]] | None:
    """(start, end, words) of the Latin name right before a marker, if any."""
    m = _CITED.search(text, max(block_start, marker_start - 40), marker_start)
    if not m:
        return None
    words = m["name"].split()
    return m.start("name"), m.end("name"), words


def first_author(body: str) -> tuple[int, int, str, str] | None:
    """(start, end, surname, initials) of an entry's first author written
    "Surname, I." (the form of Western reference styles)."""
    m = _FIRST_AUTHOR.match(body)
    if not m:
        return None
    return m.start("surname"), m.end(), m["surname"], m["initials"]


def swapped_author(words: list[str], surname: str, initials: str, entry_body: str) -> bool:
    """The entry's surname is none of the cited words (or only the cited
    hyphenated given name: "Soo-Chang, P." for Soo-chang Pei), while its
    initial is the first letter of a cited surname that the entry does not
    contain: the name is in the wrong slot."""
    full = [w for w in words if len(w.rstrip(".")) > 1]
    if not full:
        return False
    folded_entry = _fold(entry_body)
    given = {_fold(w) for w in words if _EAST_ASIAN_GIVEN.fullmatch(w)}
    if _fold(surname) in {_fold(w) for w in words} - given:
        return False
    initial = initials[0].lower()
    return any(_fold(w)[0] == initial and _fold(w) not in folded_entry and _fold(w) != _fold(surname) for w in full)
