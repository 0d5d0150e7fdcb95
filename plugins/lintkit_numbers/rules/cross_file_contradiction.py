from __future__ import annotations

from lintkit import CORPUS, Option, rule

from ..restated import compare, restatements


def _summary(doc, options):
    """What the rule compares across files: each file's rounded counts, with
    the words of their sentences."""
    return restatements(doc)


@rule(
    "numbers.cross-file-contradiction",
    scope=CORPUS,
    summarize=_summary,
    severity="warning",
    options={
        "min-shared-words": Option(
            12,
            "how many two-character words the two sentences must share before they are taken to report the same thing",
        ),
    },
)
def cross_file_contradiction(summaries, options):
    """The same rounded count given differently in two files of one run.

    What it catches: two files that report the same thing — the same event,
    theme and verb — with a rounded count of the same classifier and noun
    (N个国家和地区, N余位院士) that differs: one report says 超过N, the other
    M多.  The finding sits on the later file's figure and points to the
    other file.  It is the cross-file counterpart of ``numbers.restated-count``,
    with the same conservative test: the two
    sentences must share at least ``min-shared-words`` two-character words,
    and only approximate counts (超过/余/多/约/近) are compared — exact counts
    in similar sentences usually report different facts.  Figures whose
    ranges cannot overlap are a warning; figures merely written differently
    (超过320 vs 300多) are info.

    Why it matters: a newsroom's reports of one event are read side by side;
    attendance figures that disagree undermine all of them.

    Example that fires (two files of one run)::

        a.txt:  滨江论坛年会在滨江举行，来自30余个国家和地区的嘉宾围绕“开放创新与绿色发展”主题展开交流。
        b.txt:  滨江论坛年会在滨江举行，来自50余个国家和地区的嘉宾围绕“开放创新与绿色发展”主题展开交流。

    Example that does not fire::

        a.txt:  滨江论坛年会在滨江举行，来自30余个国家和地区的嘉宾围绕“开放创新与绿色发展”主题展开交流。
        b.txt:  产品远销50余个国家和地区。

    Options: ``min-shared-words`` (default 12).
    """
    per_doc = summaries
    reported = set()
    for i, items in enumerate(per_doc):
        for later in per_doc[i + 1 :]:
            for first in items:
                for second in later:
                    key = (id(second.document), second.quantity.start)
                    if key in reported:
                        continue
                    problem = compare(first, second, options["min-shared-words"], cross_file=True)
                    if problem is not None:
                        reported.add(key)
                        yield problem
