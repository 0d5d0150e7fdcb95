from __future__ import annotations

import regex

from lintkit import DOCUMENT, Option, Problem, Related, rule
from lintkit.analysis.quantities import quantities, same_value
from lintkit.model.language import MIXED, ZH

from ..figures import figure_key, is_title, same_count, subject as subject_words

_NORM = regex.compile(r"[\s\p{P}\p{S}\d]+")
_PAGE = regex.compile(r"^\s*(?:[-•]\s*)?\d{1,3}\s+")


@rule(
    "numbers.heading-contradiction",
    scope=DOCUMENT,
    severity="warning",
    options={
        "min-shared-words": Option(
            2,
            "how many two-character words the title and the body must share around the "
            "figure before they are taken to speak of the same thing",
        ),
        "section-blocks": Option(12, "how many blocks after a subheading form its section"),
    },
    formerly="numbers.contradiction",
    formerly_options={"min-shared-words": "min-shared-words", "section-blocks": "section-blocks"},
)
def heading_contradiction(doc, options):
    """A headline, subheading or contents line whose figure the text under it states differently.

    What it catches, in Chinese text (English figures are compared with
    the Chinese by ``numbers.zh-en-mismatch``): a headline, subheading or
    contents line that gives a measure, a sum of money, a percentage or a
    duration — or, for an article headline, a count of a named thing
    (N位女性议员) — which the text under it states differently: a heading's
    N 兆瓦 电站 over a body that speaks of the same 电站 as M兆瓦 throughout.
    The finding sits on the heading's figure; related locations point to
    the body's figures and to copies of the same heading elsewhere in the
    file (the contents).

    Why it matters: headings are edited last and read first; a slip there is
    the one every reader sees, and it usually survives because the body is
    right.

    How "the same quantity" is recognised under a heading (conservatively):

    * same kind and the same normalised unit (15兆瓦 = 15 MW = 1.5万千瓦);
    * the same subject: the heading and the body share at least
      ``min-shared-words`` two-character words within a few characters of
      the figure (电站, 光伏 …), the figures themselves removed;
    * the heading's section is the article body for an article headline,
      and for a subheading the blocks that follow it up to the next
      subheading (at most ``section-blocks``).

    It fires only when the section states that quantity at least once and
    never with the heading's value (rounding and 约/超/余 approximations
    accepted), so a heading that sums up several body figures or rounds one
    does not fire.  Bare counts are not compared under subheadings: a count
    without a unit says too little about what is counted.

    Example that fires::

        首座 90 兆瓦光伏电站并网
        日前，首座9兆瓦光伏电站在某县并网发电。该9兆瓦光伏电站……

    Example that does not fire::

        超 3.6 万项成果走向市场
        全省累计转化科技成果36,312项……

    Formerly the first check of ``numbers.contradiction``, which is now six
    rules (this one, ``numbers.part-count``, ``numbers.restated-count``,
    ``numbers.serial-number``, ``numbers.odd-count`` and
    ``numbers.odd-year-range``); the old id still selects, ignores, sets
    the severity of and silences all six for this release.

    Options: ``min-shared-words`` (default 2), ``section-blocks`` (default 12).
    """
    text = doc.text
    qs = doc.analysis(quantities)
    blocks = doc.blocks
    min_shared = options["min-shared-words"]
    span = options["section-blocks"]
    headlines = {a.headline: a for a in doc.articles if a.headline is not None}
    titles = [i for i in range(len(blocks)) if i in qs and is_title(doc, i)]
    title_set = {i for i in range(len(blocks)) if is_title(doc, i)}
    norm_title: dict[str, list[int]] = {}
    for i in title_set:
        norm_title.setdefault(_NORM.sub("", _PAGE.sub("", blocks[i].text(text))), []).append(i)

    for i in titles:
        if i in headlines:
            a = headlines[i]
            section = [j for j in a.chinese_blocks() if j != i]
        else:
            section = []
            for j in range(i + 1, min(len(blocks), i + 1 + span)):
                if j in title_set and blocks[j].text(text).strip():
                    if section:
                        break
                    continue  # a deck or a second title line right under the heading
                if blocks[j].lang in (ZH, MIXED):
                    section.append(j)
        if not section:
            continue
        b = blocks[i]
        counts_too = i in headlines  # an article headline's N位女性议员 against its body
        for q in qs[i]:
            key = figure_key(q, counts_too)
            if key is None or q.lang != "zh":
                continue
            subject = subject_words(text, q, 8, 10, b.start, b.end)
            if len(subject) < min_shared:
                continue
            same, agree = [], False
            for j in section:
                bj = blocks[j]
                for r in qs.get(j, ()):
                    if figure_key(r, counts_too) != key or r.lang != "zh":
                        continue
                    shared = subject & subject_words(text, r, 12, 14, bj.start, bj.end)
                    if len(shared) < min_shared:
                        continue
                    if same_value(q, r) if key[0] != "count" else same_count(q, r):
                        agree = True
                        break
                    same.append(r)
                if agree:
                    break
            if agree or not same:
                continue
            copies = [k for k in norm_title.get(_NORM.sub("", _PAGE.sub("", b.text(text))), []) if k != i]
            related = [Related(r.start, r.end, f"the text says {r.describe()}") for r in same[:4]]
            for k in copies:
                for c in qs.get(k, ()):
                    if c.kind == q.kind and c.unit == q.unit and c.value == q.value:
                        related.append(Related(c.start, c.end, "the same heading elsewhere"))
            yield Problem(
                q.start,
                q.end,
                f"heading says {q.describe()} but its text says "
                + ", ".join(sorted({f"“{r.text}”" for r in same}))
                + " for the same thing",
                related=tuple(related),
            )
