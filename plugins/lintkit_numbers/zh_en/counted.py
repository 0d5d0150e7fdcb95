"""What a count counts: the word after a Chinese numeral (N大领域, N位院士)
against the English noun (via the glossary, ``nouns.py``), the noun a
translation changed (N人 → "N families"), and how a count is shown in a
message.

A count is compared only with counts of the same thing; deciding what that
thing is, apart from the value, is this module's one job.
"""

from __future__ import annotations

import regex

from lintkit.analysis.quantities import Quantity, format_value

from ..nouns import zh_terms
from ..pairing import _NUMERAL, strictly_same


_COUNTLIKE = ("count", "ordinal")


def _counts_other(q: Quantity, text: str) -> bool:
    """The Chinese count names a thing of its own in the glossary (N家企业),
    so it cannot be the English noun's count."""
    from ..nouns import NOUNS  # noqa: PLC0415

    cls, _, noun = q.noun.partition("|")
    head = (cls + noun)[:6] if cls else noun[:6]
    return any(t in head for terms in NOUNS.values() for t in terms if len(t) >= 2)


def _with_noun(q: Quantity, text: str, terms: tuple[str, ...] = ()) -> str:
    """“N大领域” (N): a Chinese count shown with the word it counts."""
    noun = q.noun.partition("|")[2]
    head = regex.match(r"\p{Han}{0,2}", noun).group(0) if noun else ""
    for t in terms:
        if t in noun[:6]:
            head = noun[: noun.index(t) + len(t)]
            break
    return f"“{q.text}{head}” ({format_value(q)})"


def _head(noun: str) -> str:
    """The English noun phrase up to its head: "key dimensions" of "key dimensions of X"."""
    words = noun.split()
    for k, w in enumerate(words):
        if w.lower() in ("of", "in", "for", "to", "and", "with", "from", "on", "that", "which"):
            return " ".join(words[:k])
        if w.lower().endswith("s") and k < 3:
            return " ".join(words[: k + 1])
    return " ".join(words[:2])


def _counts(q: Quantity, terms: tuple[str, ...], text: str) -> bool:
    """The Chinese count ``q`` counts one of ``terms``: the word follows its
    numeral closely (N大维度, N个国家和地区, N位院士)."""
    cls, _, noun = q.noun.partition("|")
    # the noun as read (traditional characters read as simplified: 國家 as 国家)
    window = cls + noun if cls else (noun or text[q.end : q.end + 8])
    # the word counted stands on the numeral's line (nor does the analysis read
    # a noun across a line break): the next line's words, nearer with LF than
    # with CRLF, are not it
    head = regex.split(r"[，、。\r\n]", window, maxsplit=1)[0]
    return any(t in head for t in terms)


def _ordinal_like(q: Quantity) -> bool:
    """第N…, or N届/N次/N期 (a session, a round: "the Nth")."""
    return q.kind == "ordinal" or q.kind == "count" and q.noun[:1] in ("届", "次", "期", "轮", "任", "屆", "輪")


_PERSON = frozenset("人名位")
_NOT_PERSONS = frozenset({"户", "家庭", "家", "企业", "公司", "国家", "国", "机构", "单位", "项目"})


def _noun_changed(en: Quantity, local: list[Quantity], text: str) -> Quantity | None:
    """The Chinese count of the English value counts another glossary noun
    (1876人 rendered "1,876 families"), and no count of that value counts the
    English noun."""
    from ..nouns import NOUNS  # noqa: PLC0415

    terms = zh_terms(en.noun)
    if not terms or not _NUMERAL.search(en.text):
        return None
    same = [q for q in local if q.kind == "count" and strictly_same(en, q)]
    if not same or any(_counts(q, terms, text) for q in same):
        return None
    for q in same:
        cls, _, noun = q.noun.partition("|")
        head = (cls + noun)[:4]
        others = {t for ts in NOUNS.values() if not set(ts) & set(terms) for t in ts if head.startswith(t)}
        if head[:1] in _PERSON and not set(terms) & _NOT_PERSONS:
            continue  # N人/N名/N位 count any kind of person: representatives, residents
        if others and not any(t in head for t in terms):
            return q
    return None
