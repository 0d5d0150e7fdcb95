"""The rules of the ``names`` plugin, and what more than one of them reads."""

from __future__ import annotations

from collections import Counter


def _article_mentions_cache(doc) -> dict:
    return {}


def article_mentions(doc, options) -> tuple[dict[int, list], Counter]:
    """The Chinese name mentions of each article of ``doc`` (by
    ``evidence.articles_of``: its span, its contents lines, its English
    counterparts), in document order, and how often the file writes each
    name: indexed once per document and configuration, so that a rule run
    per article does not go through every mention of the file again."""
    from ..evidence import articles_of, doc_names

    found = doc_names(doc, options)
    cache = doc.analysis(_article_mentions_cache)
    hit = cache.get(id(found))
    if hit is None or hit[0] is not found:
        by_article: dict[int, list] = {}
        for m in found.mentions:
            for index in articles_of(doc, m.block):
                by_article.setdefault(index, []).append(m)
        hit = cache[id(found)] = (found, by_article, Counter(m.text for m in found.mentions))
    return hit[1], hit[2]
