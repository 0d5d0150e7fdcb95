"""``numbers.zh-en-mismatch`` finds a translated paragraph's Chinese neighbours by
bisection in the article's Chinese blocks, taken once per article: the same
neighbours as sorting the blocks with the aligned ones for every English figure."""

from pathlib import Path

from lintkit.analysis.quantities import quantities
from lintkit.model.document import Document
from plugins.lintkit_numbers.zh_en.sides import _aligned_quantities, _chinese_order

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _old(article, c):
    qs = article.document.analysis(quantities)
    blocks = set(c.aligned)
    chinese = set(article.chinese_blocks())
    chinese.update(b for b in (article.headline, article.subtitle) if b is not None)
    order = sorted(chinese | blocks)
    near = set()
    if blocks:
        lo, hi = order.index(min(blocks)), order.index(max(blocks))
        near = {order[k] for k in (lo - 1, hi + 1) if 0 <= k < len(order)} - blocks
    if article.headline is not None:
        near.add(article.headline)
        near -= blocks
    take = lambda bs: [q for b in sorted(bs) for q in qs.get(b, ()) if q.lang == "zh"]  # noqa: E731
    return take(blocks), take(near)


def test_bisected_neighbours_are_the_sorted_ones():
    compared = 0
    for path in sorted((CORPUS / "bilingual").glob("*.txt")) + sorted((CORPUS / "journal").glob("*.md")):
        doc = Document.from_path(path)
        for article in doc.articles:
            order = _chinese_order(article)
            for c in article.english:
                if c.aligned and c.document is None:
                    assert _aligned_quantities(article, c, order) == _old(article, c), (path, c)
                    compared += 1
    assert compared > 100
