"""The table of Chinese surnames: single (王) and compound (欧阳).

It is part of the document model because the model needs it: a journal
paper's Chinese author line is told from other short lines by every name
starting with a surname (``article_journal``).  The names analysis builds
its default vocabulary on the same table (``lintkit.analysis.name_vocabulary``),
and a configuration extends that vocabulary, never this table.

The data are ``lintkit/model/data/names-surnames.txt`` and
``names-compound-surnames.txt``, in the format of every vocabulary file
(``read_words``).
"""

from __future__ import annotations

from importlib.resources import files

__all__ = ["SURNAMES", "COMPOUND_SURNAMES", "read_words"]


def read_words(text: str) -> list[str]:
    """The words of a vocabulary file: separated by spaces, ``#`` starts a comment line."""
    return [w for line in text.splitlines() if not line.lstrip().startswith("#") for w in line.split()]


def _data(name: str) -> list[str]:
    return read_words(files("lintkit.model").joinpath(f"data/{name}").read_text(encoding="utf-8"))


SURNAMES = frozenset(_data("names-surnames.txt"))
COMPOUND_SURNAMES = frozenset(_data("names-compound-surnames.txt"))
