"""A paper's front matter: the English Received / Accepted / Published dates,
the copyright year and the online publication month restate 收稿日期 /
录用日期 / 发布日期.

A check of its own: the dates are paired by their labels, not by the
alignment of paragraphs.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from lintkit import Problem, Related
from lintkit.analysis.quantities import Quantity


_ZH_STAGES = regex.compile(r"(?P<label>收稿日期|录用日期|發布日期|发布日期|接受日期|录用)\s*[:：]\s*")
_EN_STAGES = regex.compile(r"(?P<label>Received|Accepted|Published(?:\s+Online)?|Copyright\s*©)\s*:?\s*", regex.I)
_STAGE = {
    "收稿日期": "received",
    "录用日期": "accepted",
    "录用": "accepted",
    "接受日期": "accepted",
    "发布日期": "published",
    "發布日期": "published",
}


def _date_at(doc, pos: int, lang: str) -> Quantity | None:
    """The date (or year) that starts right after ``pos``."""
    from lintkit.analysis.quantities import in_span  # noqa: PLC0415

    for q in in_span(doc, pos, min(len(doc.text), pos + 40)):
        if q.start - pos <= 2 and q.kind in ("date", "year"):
            return q
        if q.start - pos > 2:
            break
    return None


def _front_matter(article) -> Iterator[Problem]:
    """Received / accepted / published (and the copyright year) of a paper's
    English front matter against 收稿日期 / 录用日期 / 发布日期."""
    doc = article.document
    text = doc.text
    head = text[article.start : min(article.end, article.start + 20000)]
    if "收稿日期" not in head:
        return
    zh: dict[str, Quantity] = {}
    for m in _ZH_STAGES.finditer(text, article.start, article.start + len(head)):
        q = _date_at(doc, m.end(), "zh")
        if q is not None and q.kind == "date" and q.year_source == "explicit":
            zh.setdefault(_STAGE[m["label"]], q)
    if "published" not in zh:
        return
    for m in _EN_STAGES.finditer(text, article.start, article.start + len(head)):
        label = m["label"].lower()
        stage = "copyright" if label.startswith("copyright") else "online" if "online" in label else label
        q = _date_at(doc, m.end(), "en")
        if q is None or q.lang != "en":
            continue
        if stage in ("copyright", "online"):
            ref = zh["published"]
            wrong = q.year != ref.year or (stage == "online" and q.month is not None and q.month != ref.month)
        elif stage in zh:
            ref = zh[stage]
            wrong = (q.year, q.month, q.day) != (ref.year, ref.month, ref.day)
        else:
            continue
        if wrong:
            what = {"copyright": "copyright year", "online": "online publication date"}.get(stage, f"{stage} date")
            yield Problem(
                q.start,
                q.end,
                f"English {what} “{q.text}” where the Chinese front matter says {ref.describe()}",
                related=(Related(ref.start, ref.end, "Chinese: " + ref.text),),
            )
