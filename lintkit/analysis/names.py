"""Person names in Chinese text, found once per document.

jieba's ``nr`` tag alone is noisy (it tags words as names and splits rare
names), so a name is *confirmed* only by what newsroom text puts around it:

- a title or role just before or after it (会长 X, X 教授, 记者 X ...);
- an attribution verb just after it (X 说 / 表示 / 介绍 / 指出 / 认为 / 强调);
- a byline of an article (``文 / X``, ``■ X Y``, ``记者 X``);
- a photo credit (``X 摄``, ``X/摄``);
- the "X：" of an interview answer or a "X：title" headline;
- a ``、`` list in which another item is a confirmed name.

Each candidate starts with a known surname (a list of common single and
compound surnames, general data) followed by one or two given-name
characters.  When the cue fixes only one edge of the name (``会长X...``),
the other edge is taken from punctuation, a following cue, or jieba's
``nr`` (person name) tag for that block alone — jieba never tags the whole
document here.

Speed: this analysis costs little beyond jieba's own start-up.  The ``nr``
tags come from ``tokens.span_tokens`` (posseg's words and name tags
without importing ``jieba.posseg``, whose import alone loads a 350 000-entry
tag table), and pinyin from a table of pypinyin's readings cached on disk
(``lintkit.model.pinyin``) rather than from pypinyin itself (~0.35 s to import).

Once confirmed, a name of three or more characters is looked up everywhere
in the Chinese text of the document (so an unmarked mention counts too);
two-character names only where no Han character touches them, or a role
or verb does, since many two-character names are also ordinary words.

``names(doc)`` is the shared analysis: ``doc.analysis(names)``.  For a
jieba user dictionary use ``doc.analysis(names_analysis(path))``; entries
tagged ``nr`` (or untagged entries of two to four Han characters starting
with a surname) are taken as names as well.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # pragma: no cover
    from ..model.document import Document

__all__ = [
    "NameMention",
    "Names",
    "names",
    "names_analysis",
    "SURNAMES",
    "COMPOUND_SURNAMES",
    "lookalikes",
    "edit_distance",
    "ROLES",
    "split_surname",
    "pinyin_readings",
    "pinyin_syllables",
    "default_pinyin",
    "surname_readings",
    "surnames_sound_alike",
]

from ..model.pinyin import (  # noqa: F401  # plain_pinyin: plugins/lintkit_names/organisations.py
    default_pinyin,
    pinyin_readings,
    pinyin_syllables,
    plain_pinyin,
    surname_readings,
)
from .name_extractor import _Extractor
from .name_matching import _near, edit_distance, lookalikes  # noqa: F401  # _near: plugins/lintkit_names/rules/romanization_mismatch.py
from .name_mentions import NameMention, Names
from .name_pinyin import surnames_sound_alike
from .name_vocabulary import DEFAULT, Vocabulary

# The default vocabularies (lintkit/model/data/names-*surnames.txt,
# lintkit/data/names-*.txt), for other modules.
SURNAMES = DEFAULT.surnames
COMPOUND_SURNAMES = DEFAULT.compound_surnames
ROLES = DEFAULT.roles
VERBS = DEFAULT.verbs


def split_surname(name: str) -> tuple[str, str]:
    """(surname, given name); the surname is a compound one when listed."""
    return DEFAULT.split(name)


_is_name_shape = DEFAULT.is_name_shape


def _read_user_dictionary(path: str) -> frozenset[str]:
    out = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                continue
            word = parts[0]
            tag = parts[-1] if len(parts) >= 2 and not parts[-1].isdigit() else ""
            if tag.startswith("nr") or (not tag and _is_name_shape(word)):
                out.add(word)
    return frozenset(out)


@functools.cache
def _load_user_dictionary(path: str) -> frozenset[str]:
    """The names of a user dictionary, read once.  They are not loaded into
    jieba: that would change the tokenizer of the whole process, and so
    every later document and rule, for one rule's option.  The analysis
    takes them as confirmed names and looks each one up wherever it is
    written, which is all a name jieba splits needs."""
    return _read_user_dictionary(path)


def names(doc: "Document") -> Names:
    """Person-name mentions of ``doc`` (the shared analysis)."""
    return _Extractor(doc, frozenset()).run()


@functools.cache
def names_analysis(user_dictionary: str = "", vocab: Vocabulary = DEFAULT) -> Callable[["Document"], Names]:
    """The analysis function to pass to ``doc.analysis`` for a user dictionary
    and a vocabulary (``name_vocabulary.vocabulary(roles=…)``).

    The same function object is returned for the same arguments, so the
    result is computed once per document and shared by every rule
    configured alike.
    """
    if not user_dictionary and vocab is DEFAULT:
        return names

    def names_configured(doc: "Document") -> Names:
        extra = _load_user_dictionary(user_dictionary) if user_dictionary else frozenset()
        return _Extractor(doc, extra, vocab=vocab).run()

    return names_configured
