"""What is counted: English nouns and the Chinese words that translate them.

Generic newsroom vocabulary, used to tell whether an English count ("seven
key areas") and a Chinese one (N大领域) count the same thing before their
values are compared.  Keys are singular lower-case English nouns; values are
Chinese words or classifiers that may follow a Chinese numeral for them.
The vocabulary is data: ``lintkit/analysis/quantities/nouns.yaml``, loaded once;
``load_nouns`` adds a user's file.  Never words taken from one article.
"""

from __future__ import annotations

import pathlib

__all__ = ["NOUNS", "zh_terms", "load_nouns"]


def _nouns_file() -> pathlib.Path:
    from lintkit.analysis import quantities  # noqa: PLC0415

    # shipped with the quantity model's other vocabulary (units.yaml), as package data
    return pathlib.Path(quantities.__file__).with_name("nouns.yaml")


def _read_nouns(path, shipped: bool = False) -> dict[str, tuple[str, ...]]:
    import yaml  # noqa: PLC0415

    from lintkit.analysis.shipped_yaml import load_shipped_yaml  # noqa: PLC0415

    source = pathlib.Path(path).read_text(encoding="utf-8")
    # lintkit's own glossary, read at every start, by libyaml; a user's file
    # keeps the pure-Python reader
    data = (load_shipped_yaml(source) if shipped else yaml.safe_load(source)) or {}
    return {str(k).lower(): tuple(str(w) for w in v) for k, v in data.items()}


NOUNS: dict[str, tuple[str, ...]] = _read_nouns(_nouns_file(), shipped=True)


def load_nouns(path) -> None:
    """Add the nouns of a YAML file (the layout of ``nouns.yaml``) to the glossary."""
    for k, v in _read_nouns(path).items():
        NOUNS[k] = tuple(dict.fromkeys(NOUNS.get(k, ()) + v))


def zh_terms(english: str) -> tuple[str, ...]:
    """Chinese words for the first glossary noun among the words of ``english``."""
    from lintkit.analysis.quantities import _singular  # noqa: PLC0415

    words = [w.strip(".,;:'’\"()") for w in english.replace("-", " ").split()[:4]]
    # the head of "six major exhibition zones" is the plural noun, not the modifier
    for plural_only in (True, False):
        for word in words:
            if plural_only and not word.lower().endswith("s"):
                continue
            terms = NOUNS.get(_singular(word)) or NOUNS.get(word.lower())  # "species"
            if terms:
                return terms
    return ()
