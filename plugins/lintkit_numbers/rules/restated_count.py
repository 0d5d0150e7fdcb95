from __future__ import annotations

from lintkit import DOCUMENT, Option, rule

from ..restated import compare, restatements


@rule(
    "numbers.restated-count",
    scope=DOCUMENT,
    severity="warning",
    options={
        "min-shared-words": Option(
            12,
            "how many two-character words the two sentences must share before they are taken to report the same thing",
        ),
    },
    formerly="numbers.contradiction",
    formerly_options={"restated-min-shared-words": "min-shared-words"},
)
def restated_count(doc, options):
    """A rounded count restated in another sentence about the same thing with another figure.

    What it catches: two sentences of one file that give a rounded count of
    the same thing (the same classifier and noun: 超过N个国家和地区,
    N余位院士) and otherwise say much the same (at least
    ``min-shared-words`` shared two-character words — the same event,
    theme and verb) but disagree.  Exact counts are not compared this way:
    two "N部门联合印发" sentences usually report two different documents,
    and two counts of one sentence are never a restatement.  Figures whose
    ranges cannot overlap (超过N vs 不到M, N多 vs M多 with different leading
    digits) are a warning; figures that are merely written differently but
    could both be true (超过320 vs 300多) are reported at info, as a
    restatement to harmonise.  ``numbers.cross-file-contradiction`` does
    the same across the files of a run.

    Why it matters: an attendance or participation figure that two
    passages give differently makes the reader doubt both.

    Example that fires::

        滨江论坛年会在滨江举行，来自30余个国家和地区的嘉宾围绕“开放创新与绿色发展”主题展开交流。

        滨江论坛年会在滨江举行，来自50余个国家和地区的嘉宾围绕“开放创新与绿色发展”主题展开交流。

    Example that does not fire::

        滨江论坛年会在滨江举行，来自30余个国家和地区的嘉宾围绕“开放创新与绿色发展”主题展开交流。

        产品远销50余个国家和地区。

    Options: ``min-shared-words`` (default 12; formerly
    ``restated-min-shared-words`` of ``numbers.contradiction``, whose id
    still selects, ignores and silences this rule for this release).
    """
    min_shared = options["min-shared-words"]
    items = restatements(doc)
    # compare() finds nothing between two counts of different things (keys):
    # each is compared with the later counts of its key alone
    by_key: dict[str, list] = {}
    rank = []  # each item's place among the items of its key
    for item in items:
        group = by_key.setdefault(item.key, [])
        rank.append(len(group))
        group.append(item)
    reported = set()
    for i, first in enumerate(items):
        group = by_key[first.key]
        for k in range(rank[i] + 1, len(group)):
            second = group[k]
            if second.quantity.start in reported:
                continue
            problem = compare(first, second, min_shared)
            if problem is not None:
                reported.add(second.quantity.start)
                yield problem
