from __future__ import annotations

import regex

from lintkit import DOCUMENT, Option, Problem, Related, rule
from lintkit.analysis.quantities import Quantity, format_value, quantities, same_value
from lintkit.language import MIXED, ZH

from ..restated import han_bigrams as _han_bigrams
from ..restated import compare, restatements

_TITLE_END = regex.compile(r"[。！？；：:;!?，,]\s*[”’」』]?\s*$")
_SENTENCE_END = regex.compile(r"[。！？；]")
_HAN_RUN = regex.compile(r"\p{Han}{3}")
_NORM = regex.compile(r"[\s\p{P}\p{S}\d]+")
_PAGE = regex.compile(r"^\s*(?:[-•]\s*)?\d{1,3}\s+")
# kinds whose unit says what is measured; a bare count says too little
_COMPARABLE = ("measure", "money", "percent", "duration")


def _is_title(doc, i: int) -> bool:
    b = doc.blocks[i]
    if b.lang not in (ZH, MIXED):
        return False
    t = b.text(doc.text)
    return 4 <= len(t) <= 40 and not _TITLE_END.search(t) and not _SENTENCE_END.search(t)


def _subject(text: str, q: Quantity, before: int, after: int, lo: int, hi: int) -> set[str]:
    """Han bigrams just before and after a figure, the figure itself removed."""
    return _han_bigrams(text[max(lo, q.start - before):q.start]) | _han_bigrams(
        text[q.end:min(hi, q.end + after)]
    )


_CN_DIGIT = "一二三四五六七八九十"
_STYLES = (
    ("第一", regex.compile(rf"第(?P<n>[{_CN_DIGIT}]{{1,2}})(?:[，,、：:是]|(?=\p{{Han}}))")),
    ("一是", regex.compile(rf"(?P<n>[{_CN_DIGIT}]{{1,2}})是")),
    ("（一）", regex.compile(rf"[（(](?P<n>[{_CN_DIGIT}]{{1,2}})[）)]")),
    ("一、", regex.compile(rf"(?P<n>[{_CN_DIGIT}]{{1,2}})、")),
    ("1.", regex.compile(r"(?P<n>\d{1,2})[.、．](?!\d)")),
    ("1)", regex.compile(r"[（(]?(?P<n>\d{1,2})[）)]")),
)
_INTRO = regex.compile(r"[：:]\s*$")
_PART_CLASSIFIERS = ("个", "大", "项", "件", "条", "点", "方面", "种", "类", "类别")


def _part_number(s: str) -> int | None:
    from lintkit.analysis.quantities import cn_number

    v = int(s) if s.isdigit() else cn_number(s)
    return int(v) if v else None


def _item(text: str, start: int, end: int, style: str | None = None):
    """(style, number) when a block starts with a numbered-part marker."""
    for name, pattern in _STYLES:
        if style is not None and name != style:
            continue
        m = pattern.match(text, start, end)
        if m:
            n = _part_number(m["n"])
            if n:
                return name, n
    return None


def _announced(doc, i: int, qs) -> Quantity | None:
    b = doc.blocks[i]
    t = b.text(doc.text)
    if not _INTRO.search(t) or len(t) > 120:
        return None
    tail_start = b.end - 18
    for q in reversed(qs.get(i, ())):
        cls = q.noun.partition("|")[0]
        if q.kind == "count" and q.start >= tail_start and cls in _PART_CLASSIFIERS and not q.approx \
                and q.value and 2 <= q.value <= 12:
            return q
    return None


def _count_parts(doc, qs, title_set, article_end):
    """Problems for announced counts that the numbered parts contradict."""
    text, blocks = doc.text, doc.blocks
    for i in range(len(blocks)):
        q = _announced(doc, i, qs)
        if q is None:
            continue
        n = int(q.value)
        style, last, ended, first_item = None, 0, False, None
        for j in range(i + 1, min(len(blocks), i + 3 * n + 8, article_end(i) + 1)):
            b = blocks[j]
            if _announced(doc, j, qs) is not None:
                ended = True
                break
            # list markers ("1)", "2.") are outside the block: read from the line start
            line_start = text.rfind("\n", 0, b.start) + 1
            while line_start < b.start and text[line_start] in " \t\u3000":
                line_start += 1
            item = _item(text, line_start, b.end, style)
            if item is None:
                if j in title_set:
                    # a heading ends the scan, but a hard-wrapped line looks like
                    # one too: not proof that the list is complete
                    break
                continue
            name, k = item
            if style is None:
                if k != 1:
                    break
                style, last, first_item = name, 1, j
                continue
            if k == last + 1:
                last = k
            elif k == 1:
                ended = True  # the numbering restarts: another list
                break
        if style is None or last < 2:
            continue
        if last > n or (last < n and ended):
            yield Problem(
                q.start, q.end,
                f"announces {n} parts (“{q.text}”) but {last} numbered parts follow",
                related=(Related(blocks[first_item].start, blocks[first_item].end,
                                 "the first numbered part"),),
            )


def _restated(doc, min_shared: int):
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


_CODE = regex.compile(r"(?<![A-Za-z])(?P<label>e-?ISSN|p-?ISSN|ISSN|ISBN|CN)\s*[:：]?\s*"
                      r"(?P<code>\d[\dXx]*(?:-[\dXx]+)+)(?![\dXx-])")


def _codes(doc):
    """A serial number (ISSN, ISBN, CN) given twice or more in one file with
    one value, and once with another: the odd one out is a slip."""
    by_label: dict[str, list] = {}
    for m in _CODE.finditer(doc.text):
        by_label.setdefault(m["label"].upper().replace("-", ""), []).append(m)
    for label, ms in by_label.items():
        counts: dict[str, int] = {}
        for m in ms:
            counts[m["code"].upper()] = counts.get(m["code"].upper(), 0) + 1
        if len(counts) < 2:
            continue
        major, n = max(counts.items(), key=lambda kv: kv[1])
        if n < 2 or sum(1 for v in counts.values() if v == n) > 1:
            continue  # no clear majority
        first = next(m for m in ms if m["code"].upper() == major)
        for m in ms:
            if m["code"].upper() != major:
                yield Problem(m.start("code"), m.end("code"),
                              f"{m['label']} “{m['code']}” differs from the {m['label']} “{major}” "
                              f"this file gives {n} times",
                              related=(Related(first.start("code"), first.end("code"), f"{m['label']} {major}"),))


_PERSONS = frozenset("位名人")


def _key(q: Quantity, counts: bool = False) -> tuple[str, str] | None:
    if q.kind in _COMPARABLE:
        return (q.kind, q.unit)
    if counts and q.kind == "count" and not q.high:
        # a count of a named thing: classifier (位, 名 and 人 alike) and the noun's first characters
        cls, _, noun = q.noun.partition("|")
        if cls and len(noun) >= 3 and _HAN_RUN.match(noun):
            return ("count", ("人" if cls in _PERSONS else cls) + "|" + noun[:3])
    return None


def _same_count(a: Quantity, b: Quantity) -> bool:
    """A count restated: equal, or the same anchor rounded (约50名 for 50位);
    an approximation does not stretch 50 into 57."""
    from .zh_en_mismatch import strictly_same  # noqa: PLC0415

    return strictly_same(a, b) or strictly_same(b, a)


def _slip(a: float, b: float) -> bool:
    """``b`` is ``a`` with one of its two or more digits changed (50 → 59), or
    ``a`` times a power of ten."""
    if a <= 0 or b <= 0 or a == b:
        return False
    x, y = f"{a:g}", f"{b:g}"
    # two digits at least: 6 and 8 are two counts, not a slip
    if len(x) == len(y) >= 2 and sum(c != d for c, d in zip(x, y)) == 1:
        return True
    ratio = max(a, b) / min(a, b)
    return ratio in (10, 100, 1000)


def _odd_count(doc, qs):
    """A count of one named thing (N位青年教师) stated at least twice with one
    value in an article, and once with that value slipped by a digit (59 for
    50) or a power of ten: the odd one out.  A smaller count of the same
    noun (其中3名青年教师) is no slip and is left alone."""
    text = doc.text
    for article in doc.articles:
        groups: dict[tuple, list[Quantity]] = {}
        for b in article.chinese_blocks():
            for q in qs.get(b, ()):
                key = _key(q, counts=True) if q.lang == "zh" and q.kind == "count" else None
                if key is not None and q.value:
                    groups.setdefault(key, []).append(q)
        for key, items in groups.items():
            if not 3 <= len(items) <= 6:
                continue
            by_value: dict[float, list[Quantity]] = {}
            for q in items:
                by_value.setdefault(q.value, []).append(q)
            if len(by_value) != 2:
                continue
            (v1, l1), (v2, l2) = sorted(by_value.items(), key=lambda kv: -len(kv[1]))
            if len(l2) != 1 or len(l1) < 2 or not _slip(v1, v2):
                continue
            odd = l2[0]
            if any(not _SENTENCE_END.search(text, min(q.end, odd.end), max(q.start, odd.start)) for q in l1):
                continue  # one sentence, two counts
            noun = key[1].partition("|")[2]
            yield Problem(
                odd.start, odd.end,
                f"“{odd.text}” {noun}… here, but {len(l1)} other sentences of this article give "
                f"{format_value(l1[0])} for the same count: a slipped digit?",
                related=tuple(Related(q.start, q.end, f"the count is {q.text} here") for q in l1[:4]),
            )


_YEAR_RANGE = regex.compile(r"(?<!\d)(?P<a>(?:19|20)\d{2})\s*年?\s*(?:—{1,2}|–|-|~|～|至|到)\s*(?P<b>(?:19|20)\d{2})\s*年")


def _odd_range(doc):
    """A span of years an article gives at least twice one way (2020–2022年)
    and once with one end slipped by a digit (2019–2022年) in a sentence
    about the same thing (a two-character word in common): the odd one out.
    The reference list is not read (its entries cite other works)."""
    from lintkit.analysis.citations import reference_lists  # noqa: PLC0415

    text = doc.text
    refs = doc.analysis(reference_lists)
    for article in doc.articles:
        limit = doc.blocks[refs[article.index].heading].start if article.index in refs else article.end
        spans: dict[tuple[int, int], list[regex.Match]] = {}
        for m in _YEAR_RANGE.finditer(text, article.start, limit):
            spans.setdefault((int(m["a"]), int(m["b"])), []).append(m)
        if len(spans) < 2:
            continue
        for (a, b), ones in spans.items():
            if len(ones) != 1:
                continue
            odd = ones[0]
            for (a2, b2), many in spans.items():
                if len(many) < 2 or not ((a == a2 and _year_slip(b2, b)) or (b == b2 and _year_slip(a2, a))):
                    continue
                words = _han_bigrams(_sentence_around(text, odd.start()))
                if not any(words & _han_bigrams(_sentence_around(text, m.start())) for m in many):
                    continue
                yield Problem(
                    odd.start(), odd.end(),
                    f"“{odd.group()}” here, but {len(many)} other places of this article give {a2}–{b2}: "
                    "a slipped year?",
                    related=tuple(Related(m.start(), m.end(), f"{m.group()} here") for m in many[:4]),
                )
                break


def _year_slip(a: int, b: int) -> bool:
    """One year for another a digit or a year apart (2020/2019, 2022/2023, 2021/2024)."""
    return a != b and (abs(a - b) == 1 or _slip(a, b))


def _sentence_around(text: str, i: int) -> str:
    # the line's ends bound the search for the other marks (a mark the rest
    # of the text lacks must not send each call to the end of the file)
    line_start = text.rfind("\n", 0, i)
    s = max([line_start] + [text.rfind(c, line_start + 1, i) for c in "。！？"]) + 1
    line_end = text.find("\n", i)
    bound = len(text) if line_end == -1 else line_end
    ends = [x for x in (text.find(c, i, bound) for c in "。！？") if x != -1]
    if line_end != -1:
        ends.append(line_end)
    return text[s:min(ends) if ends else len(text)]


@rule(
    "numbers.contradiction",
    scope=DOCUMENT,
    severity="warning",
    options={
        "min-shared-words": Option(
            2, "how many two-character words the title and the body must share around the "
               "figure before they are taken to speak of the same thing"),
        "section-blocks": Option(
            12, "how many blocks after a subheading form its section"),
        "restated-min-shared-words": Option(
            12, "an approximate count restated elsewhere in the file (超过N个国家和地区 … "
                "M多个国家和地区) is compared when the two sentences share this many "
                "two-character words; 0 turns the check off"),
        "count-parts": Option(
            True, "also compare an announced number of parts (三个方面：) with the numbered "
                  "parts that follow (第一…第二…, 一是…, （一）…, 1. …)"),
    },
)
def contradiction(doc, options):
    """One quantity stated with two values in one file: a heading against its text, and more.

    What it catches, in Chinese text (English figures are compared with
    the Chinese by ``numbers.zh-en-mismatch``):

    1. a headline, subheading or contents line that gives a measure, a sum
       of money, a percentage or a duration which the text under it states
       differently — a heading's N 兆瓦 电站 over a body that speaks of the
       same 电站 as M兆瓦 throughout.  The finding sits on the heading's
       figure; related locations point to the body's figures and to copies
       of the same heading elsewhere in the file (the contents);
    2. an announced number of parts (…体现在三个方面：) against the
       numbered parts that follow;
    3. a rounded count restated in another sentence about the same thing
       with another figure (超过N个国家和地区 … M多个国家和地区); two counts
       of one sentence are never a restatement;
    4. a serial number (ISSN, eISSN, ISBN, CN) that the file gives at least
       twice with one value and once with another: the odd one out;
    5. a count of one named thing (N位青年教师, the classifier and three
       characters of the noun) that an article gives at least twice with
       one value and once with a slip of it — one of two or more digits
       changed (59 for 50) or a power of ten: the odd one out.  A smaller
       count of the same noun (其中3名青年教师) is no slip;
    6. a span of years given at least twice one way (2020–2022年) and once
       with one end slipped by a digit (2019–2022年) in a sentence about the
       same thing: the odd one out (the reference list is not read).

    Why it matters: headings are edited last and read first; a slip there is
    the one every reader sees, and it usually survives because the body is
    right.  A count of parts or an attendance figure that two passages give
    differently makes the reader doubt both.

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
    does not fire.  Bare counts are not compared: a count without a unit
    says too little about what is counted.

    Example that fires::

        首座 90 兆瓦光伏电站并网
        日前，首座9兆瓦光伏电站在某县并网发电。该9兆瓦光伏电站……

    Example that does not fire::

        超 3.6 万项成果走向市场
        全省累计转化科技成果36,312项……

    A count of parts against the parts that follow: a block that announces
    N parts and ends with a colon (…体现在三个方面：) is compared with the
    numbered parts after it, in one numbering style (第一/第二, 一是/二是,
    （一）/（二）, 一、/二、, 1./2., 1)/2)), read until a new announcement, a
    heading, a restart of the numbering or the end of the article.  It fires
    when more parts are numbered than announced, or fewer when the list
    visibly ended (the next announcement came, or the numbering restarted);
    a list whose parts are not numbered is never counted.

    The same approximate count restated: two sentences of one file that
    give a rounded count of the same thing (the same classifier and noun:
    N个国家和地区, N余位院士) and otherwise say much the same (at least
    ``restated-min-shared-words`` shared two-character words — the same
    event, theme and verb) should give the same figure.  Exact counts are
    not compared this way: two "N部门联合印发" sentences usually report two
    different documents.  Figures whose ranges cannot overlap (超过N vs
    不到M, N多 vs M多 with different leading digits) are a warning; figures
    that are merely written differently but could both be true (超过320 vs
    300多) are reported at info, as a restatement to harmonise.

    Options: ``min-shared-words`` (default 2), ``section-blocks`` (default 12),
    ``restated-min-shared-words`` (default 12), ``count-parts`` (default true).
    """
    text = doc.text
    qs = doc.analysis(quantities)
    blocks = doc.blocks
    min_shared = options["min-shared-words"]
    span = options["section-blocks"]
    headlines = {a.headline: a for a in doc.articles if a.headline is not None}
    titles = [i for i in range(len(blocks)) if i in qs and _is_title(doc, i)]
    title_set = {i for i in range(len(blocks)) if _is_title(doc, i)}
    norm_title: dict[str, list[int]] = {}
    for i in title_set:
        norm_title.setdefault(_NORM.sub("", _PAGE.sub("", blocks[i].text(text))), []).append(i)

    yield from _codes(doc)
    yield from _odd_count(doc, qs)
    yield from _odd_range(doc)
    if options["restated-min-shared-words"]:
        yield from _restated(doc, options["restated-min-shared-words"])
    if options["count-parts"]:
        ends = {}
        for a in doc.articles:
            for k in range(a.first_block, a.last_block + 1):
                ends[k] = a.last_block
        yield from _count_parts(doc, qs, title_set, lambda k: ends.get(k, len(blocks) - 1))

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
            key = _key(q, counts_too)
            if key is None or q.lang != "zh":
                continue
            subject = _subject(text, q, 8, 10, b.start, b.end)
            if len(subject) < min_shared:
                continue
            same, agree = [], False
            for j in section:
                bj = blocks[j]
                for r in qs.get(j, ()):
                    if _key(r, counts_too) != key or r.lang != "zh":
                        continue
                    shared = subject & _subject(text, r, 12, 14, bj.start, bj.end)
                    if len(shared) < min_shared:
                        continue
                    if same_value(q, r) if key[0] != "count" else _same_count(q, r):
                        agree = True
                        break
                    same.append(r)
                if agree:
                    break
            if agree or not same:
                continue
            copies = [
                k for k in norm_title.get(_NORM.sub("", _PAGE.sub("", b.text(text))), []) if k != i
            ]
            related = [Related(r.start, r.end, f"the text says {r.describe()}") for r in same[:4]]
            for k in copies:
                for c in qs.get(k, ()):
                    if c.kind == q.kind and c.unit == q.unit and c.value == q.value:
                        related.append(Related(c.start, c.end, "the same heading elsewhere"))
            yield Problem(
                q.start, q.end,
                f"heading says {q.describe()} but its text says "
                + ", ".join(sorted({f"“{r.text}”" for r in same}))
                + " for the same thing",
                related=tuple(related),
            )
