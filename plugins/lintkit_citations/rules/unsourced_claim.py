from __future__ import annotations

from collections.abc import Iterator

import regex

from lintkit import ARTICLE, Option, Problem, rule
from lintkit.analysis.citations import CAPTION, MARKER_KIND, NAMED, VAGUE_KIND, attributions, first_party, own_results

from ..claims import aggregate_claims, distinctive, figures_of, research_cue, statistic_figures, superlative_claims
from ..context import article_context, sentences_by_block
from ..siblings import unsourced_items

_SEVERITIES = ("", "error", "warning", "info")
_PERSON = regex.compile(r"专家|人士|研究人员|机构")
# a vague source that brings in a new, unnamed one ("有研究表明", "一项调查显示"), not
# the data of a source just named ("数据显示" after "国家统计局发布了公报")
_INDEFINITE = regex.compile(r"^(?:有|一项|多项|一份|多份|部分|一些|某些|不少|许多|有关|相关|业内|行业|另有|另一项)")


@rule(
    "citations.unsourced-claim",
    scope=ARTICLE,
    severity="warning",
    options={
        "academic-severity": Option(
            "", "severity in articles with a reference list ('' = the rule's severity)", choices=_SEVERITIES
        ),
        "news-severity": Option(
            "", "severity in articles without a reference list ('' = the rule's severity)", choices=_SEVERITIES
        ),
        "news-unattributed": Option(
            False,
            "in articles without a reference list, also report statistics with no attribution "
            "at all in their sentence or the sentences around them (off: only vague sources "
            "such as 数据显示 / 研究表明 are reported)",
        ),
        "academic": Option(True, "require a reference marker for every statistic in articles with a reference list"),
    },
)
def unsourced_claim(article, options) -> Iterator[Problem]:
    """A statistic, survey result or forecast whose source the reader cannot trace.

    What it catches: a percentage, share, multiple, amount of money, market
    figure, ranking or forecast — or a study result (研究表明 / 调查显示) —
    with no source in its sentence or the sentences around it.

    * In an article with a reference list (参考文献 / References) every
      statistic needs a reference marker (``^[n]``, ``[n]``, a superscript)
      in its sentence, or in the next sentence of its paragraph when that
      sentence states no figure of its own (a marker at the end of the
      paragraph covers it).  Naming an organisation is not enough there:
      "某投行最新报告称，明年增速将放缓至 7%" is reported as "attributed to
      某投行 but carries no reference marker".
    * In news (no reference list) an attribution phrase suffices — 据《X》
      报道, 根据X发布的《Y》, X表示/说/介绍, 数据来源：X (also as a caption
      below the paragraphs it sources) — and only a *vague* source is
      reported: "数据显示，该市去年吸引投资 80 亿元" names no data.  Vague
      sources are a pattern (a subject that names nobody — 数据, 调查结果,
      监测数据, 一项研究, 有研究 — and a verb of showing), not a list.  A
      vague source is excused when the neighbouring sentence names a source
      whose data it refers to ("X统计局发布了年度公报。数据显示，…"), but
      not when it brings in another, unnamed one (有研究表明, 一项调查显示,
      另有调查显示): that is reported whatever its neighbours say.  With
      ``news-unattributed: true`` statistics with no attribution at all are
      reported too (off by default: on real news and magazines it mostly
      flags figures that a reporter's own sourcing covers) — except in a
      numbered list whose every other item with a figure names its source
      (``1. 据X数据显示，…`` ``2. 根据Y的统计，…``): the item that names
      none is reported, the writer's own practice showing a source is
      missing there — and a share of the world's or a country's whole, or
      a national total (全球约九成的…, 占全球比重为12%, 进出口总值突破50亿元),
      with no source in its sentence or the sentence before it in its
      paragraph: only a statistics office, an agency or a survey knows
      such a figure.
    * In an article with a reference list, a superlative or ranking claim
      about the world — 全球最大, 世界首个, 国内领先, 达到国际领先水平,
      居世界第一, "the world's largest", "world-leading" — needs a marker
      like a statistic.  A measured maximum (最大值, 最高温度) is not a
      claim; news is not checked for superlatives.
    * In an article with a reference list, a standard or technical
      guideline named by its title (《…》国家标准, 《…设计规范》) needs a
      marker in its sentence (or the next of its paragraph) or an entry
      carrying its title; it is reported at its first mention.  Policy
      documents (意见, 规划, 条例) are commonly named without a citation
      and are not asked for.
    * A paper's own results need no marker: what it reads off its own
      tables and figures (由表3可知, 如图2所示, 从图4可以看出), its
      experiments (实验结果表明, 仿真结果显示) and its method (本文方法,
      所提方法), in the sentence or the one before it in the paragraph —
      unless the sentence names an outside source.

    Shares written in words count like percentages: 三成, 两成半, 七成以上,
    三分之一, 半数, 过半 (in a quantity context — 增长了三成, 占比过半,
    过半的受访者 — not 一成不变, 这一成果, 五成熟, 时间过半, 经过半年).

    First-party data needs no source: a paper's own findings — its survey,
    sample, fieldwork or records — are not reported when the sentence or the
    one before presents them as the authors' own: 本文 / 本研究 / 本次调查 /
    本轮问卷, 笔者 / 课题组 / 研究团队, 我们 + a research verb (我们调查,
    我们统计), 据/根据 + the study's primary records (据各社区的投诉记录,
    根据访谈记录, 根据问卷结果), its respondents and sample (有效问卷,
    受访者, 样本中), and in news the paper's own inquiry (本报记者调查,
    记者走访).  An outside source named in the same sentence wins:
    "调查显示，60% 的受访者…" is still someone else's survey and reported;
    respondents and samples alone (受访者, 有效问卷) are the author's unless
    the sentence before named another survey ("一项调查显示…。受访者中…").

    A figure that repeats one already stated (and sourced or reported) in
    the article — a summary list restating the numbers — is not reported
    again.  Dates, years, durations, distances, ordinals, figure numbers
    and small counts are not statistics.

    Why it matters: a figure a reader cannot trace cannot be checked, and a
    reviewer will ask for it.

    Example that fires:

        数据显示，去年该行业营收只有 30 亿美元，同比下降 40%。

    Example that fires (a share in words):

        数据显示，去年该区网购用户增长了三成。

    Example that does not fire:

        据国家统计局发布的数据，去年该行业产值增长 12%。

    Example that does not fire (the authors' own survey, in a paper)::

        # 题目

        本研究共回收有效问卷 600 份。其中支持该方案的居民占七成以上。

        参考文献

        [1] 王明. 标题[J]. 学报, 2020, 3(2): 1-5.

    Example that fires (a superlative in a paper)::

        # 题目

        已有研究对其水色作了观测[1]。该湖是全球最大的高原咸水湖。

        参考文献

        [1] 王明. 标题[J]. 学报, 2020, 3(2): 1-5.

    Example that does not fire (read off the paper's own table)::

        # 题目

        由表3可知，本文方法的误差降低了18%。已有研究对此作了观测[1]。

        参考文献

        [1] 王明. 标题[J]. 学报, 2020, 3(2): 1-5.

    Options: ``academic-severity`` / ``news-severity`` (severity per article
    kind, '' keeps the rule's), ``news-unattributed`` (report unattributed
    statistics in news too), ``academic`` (false: treat articles with a
    reference list like news).
    """
    doc = article.document
    text = doc.text
    ctx = article_context(article)
    strict = ctx.references is not None and options["academic"]
    severity_option = options["academic-severity" if ctx.references is not None else "news-severity"]
    severity = severity_option or None
    by_block = sentences_by_block(doc)
    sentences = [s for i in ctx.body for s in by_block.get(i, ())]
    seen: set[str] = set()

    def atts(k):
        if 0 <= k < len(sentences):
            s = sentences[k]
            return attributions(doc, s.start, s.end)
        return []

    def outside_sources(k, found) -> list:
        """Attributions of sentence ``k`` that name someone else (not 本研究 / 据…记录)."""
        s = sentences[k]
        spans = first_party(text, s.start, s.end)
        return [
            a for a in found if a.kind in (NAMED, VAGUE_KIND) and not any(a.start < e and b < a.end for b, e in spans)
        ]

    def own_data(k, own) -> bool:
        """Is sentence ``k`` the author's own data (本研究 / 笔者 / 据…记录 / 受访者, here
        or in the sentence before) with no outside source named in it?"""
        if outside_sources(k, own):
            return False  # "调查显示，60% 的受访者…": someone else's survey
        s = sentences[k]
        if first_party(text, s.start, s.end, respondents=False):
            return True
        if k == 0:
            return bool(first_party(text, s.start, s.end))
        p = sentences[k - 1]
        if first_party(text, p.start, p.end, respondents=False):
            return True  # 本研究共回收问卷 600 份。其中七成…
        # respondents and samples are the author's unless the sentence before
        # named another survey: "一项调查显示…。受访者中 60%…"
        if outside_sources(k - 1, atts(k - 1)):
            return False
        return bool(first_party(text, s.start, s.end) or first_party(text, p.start, p.end))

    def own_result(k, own) -> bool:
        """Is sentence ``k`` a result the paper reads off its own tables, figures or
        experiments (由表3可知, 如图2所示, 实验结果表明, 本文方法), here or in the
        sentence before in its paragraph, with no outside source named in it?"""
        s = sentences[k]
        spans = own_results(text, s.start, s.end)
        if any(a.kind in (NAMED, VAGUE_KIND) and not any(a.start < e and b < a.end for b, e in spans) for a in own):
            return False
        if spans:
            return True
        if k > 0 and sentences[k - 1].block == s.block:
            p = sentences[k - 1]
            return bool(own_results(text, p.start, p.end))
        return False

    if strict:
        yield from _uncited_documents(article, ctx, sentences, atts, severity)
    odd_items = unsourced_items(article, ctx.body) if not strict else set()
    reported_items: set[int] = set()
    for k, sentence in enumerate(sentences):
        stext = text[sentence.start : sentence.end]
        stats = figures_found = statistic_figures(stext)
        cue = research_cue(stext)
        if not stats and strict:
            # in an article that cites its claims, a superlative (全球最大, 国际领先) is one too
            stats = superlative_claims(stext)
        if not stats:
            continue
        figures = figures_of(stext, figures_found)  # (not the superlatives: figures_of reads statistics)
        if figures and figures <= seen and distinctive(figures):
            continue  # a repeat of figures already stated in the article
        seen |= figures
        own = atts(k)
        kinds = {a.kind for a in own}
        if MARKER_KIND in kinds or CAPTION in kinds or sentence.block in ctx.captioned:
            continue
        if own_data(k, own):
            continue  # the study's own survey, sample or records: no reference needed
        if strict and own_result(k, own):
            continue  # read off the paper's own table, figure or experiment
        vague = next((a for a in own if a.kind == VAGUE_KIND), None)
        named = next((a for a in own if a.kind == NAMED), None)
        first = stats[0]
        span = (vague.start, vague.end) if vague else (sentence.start + first[0], sentence.start + first[1])
        if strict:
            nxt = sentences[k + 1] if k + 1 < len(sentences) else None
            if (
                nxt is not None
                and nxt.block == sentence.block
                and any(a.kind == MARKER_KIND for a in atts(k + 1))
                and not statistic_figures(text[nxt.start : nxt.end])
            ):
                continue  # the marker closing the paragraph covers this sentence
            if named and not vague:
                message = f"{first[2]} attributed to “{named.source}” but carries no reference marker ([n])"
            elif vague:
                message = f"“{vague.source}” names no source and the {first[2]} has no reference marker ([n])"
            elif cue:
                message = f"“{cue.group()}”: research result with no reference marker ([n])"
            else:
                message = f"{first[2]} with no source: add a reference marker ([n]) to an entry of the reference list"
            yield Problem(span[0], span[1], message, severity=severity)
            continue
        # news: an attribution phrase in the sentence or around it suffices
        if any(a.kind in (NAMED, MARKER_KIND, CAPTION) for a in own):
            continue
        if (
            vague is None
            and (whole := aggregate_claims(stext))
            and not (
                k > 0
                and sentences[k - 1].block == sentence.block
                and any(a.kind in (NAMED, MARKER_KIND, CAPTION) for a in atts(k - 1))
            )
        ):
            # a share of the world's or a country's whole, or a national total:
            # only an office, an agency or a survey can know it
            s0, e0, _ = whole[0]
            yield Problem(
                sentence.start + s0,
                sentence.start + e0,
                "a share of the world's or a country's whole, or a national total, with no source: "
                "say whose figure it is (据X统计, 根据X发布的《Y》, X数据显示)",
                severity=severity,
            )
            continue
        if vague is None and sentence.block in odd_items:
            if sentence.block not in reported_items:
                reported_items.add(sentence.block)
                yield Problem(
                    span[0],
                    span[1],
                    f"{first[2]} with no source, in a list whose other items each name theirs "
                    "(据X数据显示, 根据X的统计)",
                    severity=severity,
                )
            continue
        if any(a.kind in (NAMED, MARKER_KIND, CAPTION) for a in atts(k - 1) + atts(k + 1)):
            if vague is None or not _INDEFINITE.match(vague.source):
                continue  # "X发布了公报。数据显示，…": the data of the source just named
            # "有研究表明 / 一项调查显示" brings in another source, named nowhere
        if vague and _PERSON.search(vague.source):
            continue  # 业内人士称 / 专家认为: an anonymous but human source, accepted in news
        if vague:
            yield Problem(
                span[0],
                span[1],
                f"“{vague.source}” names no source for the {first[2]}: say whose data or study it is "
                "(据《X》报道, 根据X发布的《Y》, X表示)",
                severity=severity,
            )
        elif options["news-unattributed"]:
            yield Problem(
                span[0],
                span[1],
                f"{first[2]} with no source in its sentence or the sentences around it "
                "(据《X》报道, X表示, 数据来源：X)",
                severity=severity,
            )


# a standard or technical guideline named by its title (policy documents —
# 意见, 规划, 条例 — are commonly named without a citation, and are not asked for)
_TITLED_DOCUMENT = regex.compile(
    r"《(?P<title>[^《》]{2,60}?(?:标准|规范|规程|技术指南|导则))》"
    r"|《(?P<title2>[^《》]{2,60})》\s*(?:国家标准|行业标准|地方标准|团体标准)"
)
_SPACES = regex.compile(r"\s+")


def _uncited_documents(article, ctx, sentences, atts, severity) -> Iterator[Problem]:
    """In a paper, a standard or technical guideline named by its title
    (《…》国家标准, 《…设计规范》) with no marker in its sentence or the next one
    of its paragraph, and no entry of the reference list carrying its
    title: the reader cannot find the document.  Reported at its first
    mention only."""
    doc = article.document
    text = doc.text
    listed = _SPACES.sub("", "".join(e.body(text) for e in ctx.references.entries))
    seen: set[str] = set()
    for k, sentence in enumerate(sentences):
        for m in _TITLED_DOCUMENT.finditer(text, sentence.start, sentence.end):
            title = _SPACES.sub("", m["title"] or m["title2"])
            if title in seen:
                continue
            seen.add(title)
            if title in listed:
                continue
            near = atts(k) + (
                atts(k + 1) if k + 1 < len(sentences) and sentences[k + 1].block == sentence.block else []
            )
            if any(a.kind == MARKER_KIND for a in near):
                continue
            yield Problem(
                m.start(),
                m.end(),
                f"“{m.group()}” is named but neither cited with a marker ([n]) nor in the "
                "reference list: add its entry (a standard is [S])",
                severity=severity,
            )
