"""Check one reference-list entry against GB/T 7714 (the Chinese citation standard).

The standard's shape, by document type code:

* ``[J]`` journal:    作者. 题名[J]. 刊名, 年, 卷(期): 起页-止页.
* ``[N]`` newspaper:  作者. 题名[N]. 报纸名, 出版日期(版次).
* ``[M]`` book:       作者. 书名[M]. 出版地: 出版者, 年: 页码.
* ``[C]`` proceedings: 作者. 题名[C]//编者. 论文集名. 出版地: 出版者, 年: 页码.
* ``[D]`` thesis:     作者. 题名[D]. 保存地: 保存单位, 年.
* ``[S]`` standard, ``[P]`` patent, ``[R]`` report, ``[Z]`` other.
* ``…/OL``, ``[EB/OL]``: the same, then [引用日期]. 获取和访问路径 (URL) / DOI.

Only fields whose absence or form is unambiguous are checked; style
choices the standard leaves open (author name order, how many authors
before 等) are not.  A type code is checked against the entry's shape only
where the shape is unmistakable: 年, 卷(期) is a journal's; 出版地: 出版者,
年 with nothing else is not; a full date after the source is a
newspaper's; ``//`` introduces a contribution to a larger work.
"""

from __future__ import annotations

import regex

__all__ = ["entry_problems", "entry_findings", "TYPE_CODES"]

TYPE_CODES = "M|C|G|N|J|D|R|S|P|DB|CP|EB|A|Z|CM|DS|CP|EB"
_TYPE = regex.compile(r"\[\s*(?P<code>(?:" + TYPE_CODES + r"))\s*(?P<ol>/\s*(?:OL|MT|DK|CD))?\s*\]")
_URL = regex.compile(r"https?://|www\.|(?i:doi)\s*[:：]\s*\S|\b10\.\d{4,9}/\S+")
# what holds digits that are not the publication year: a DOI, a URL, a CNKI id, a cited date [2024-01-02]
_NOT_YEAR = regex.compile(
    r"(?i:doi)\s*[:：]?\s*\S+|https?://\S+|www\.\S+|\b10\.\d{4,9}/\S+|\[\s*\d{4}-\d{1,2}-\d{1,2}\s*\]"
)
_YEAR = regex.compile(r"(?<!\d)(?:1[5-9]|20)\d{2}(?!\d)")
# after the journal name: "2025, 24(4): 365-368" | "2025(6): 616-624" | "2025, 24: 1-9"
_JOURNAL_TAIL = regex.compile(
    r"(?P<year>(?:1[5-9]|20)\d{2})\s*(?:,\s*(?P<vol>\d+))?\s*(?:\(\s*(?P<issue>[^)]*)\))?\s*(?::\s*(?P<pages>[^.,;]+))?"
)
_NEWS_TAIL = regex.compile(r"(?P<date>(?:1[5-9]|20)\d{2}-\d{1,2}-\d{1,2})\s*(?P<edition>\(\s*[^)]*\))?")

# -- the shape of an entry, whatever its code says ---------------------------------------
# 年, 卷(期) or 年(期): a journal's (a book has no issue)
_JOURNAL_SHAPE = regex.compile(
    r"(?<!\d)(?:1[5-9]|20)\d{2}\s*(?:,\s*\d{1,4}\s*\(\s*[A-Za-z]?\d{1,4}[A-Za-z]?(?:\s*[-/]\s*\d{1,4})?\s*\)"
    r"|\(\s*[A-Za-z]?\d{1,4}[A-Za-z]?\s*\))"
)
# 出版地: 出版者, 年[: 页码]. and nothing else: a book's, a report's, a thesis's
_PUBLISHER_SHAPE = regex.compile(
    r"^\s*[^,:.\d\[\]()]{1,16}:\s*(?P<who>[^,:\d\[\]]{2,60}?)\s*,\s*(?:1[5-9]|20)\d{2}[a-z]?\s*"
    r"(?::\s*[\d\s\-–—~+,]+)?\s*\.?\s*$"
)
_PERIODICAL_WORD = regex.compile(r"学报|杂志|期刊|月刊|季刊|周刊|Journal|Review|Letters|Transactions|Bulletin", regex.I)
# 报纸名, YYYY-MM-DD: a newspaper's
_NEWS_SHAPE = regex.compile(r"^\s*[^,:]{2,30},\s*(?:1[5-9]|20)\d{2}-\d{1,2}-\d{1,2}(?!\d)")
_THESIS_WORD = regex.compile(r"^\s*:?\s*\[?\s*(?:博士|硕士)?学位论文\s*\]?")
_STANDARD_NUMBER = regex.compile(
    r"\b(?:GB(?:/[TZ])?|ISO|IEC|JGJ|HJ|YY|GBZ|DB\d{2}(?:/T)?)\s*/?\s*T?\s*\d+(?:\.\d+)*\s*[—–-]\s*(?:19|20)\d{2}\b"
)
_PATENT_NUMBER = regex.compile(r"专利号|\b(?:CN|US|EP|WO|JP)\s*\d{6,}[A-Z]?\d?\b")

_CODE_NAMES = {
    "J": "a journal article [J]",
    "M": "a book [M]",
    "N": "a newspaper article [N]",
    "C": "proceedings [C]",
    "D": "a thesis [D]",
    "S": "a standard [S]",
    "P": "a patent [P]",
    "R": "a report [R]",
}


# "Smith, J. (2006) Title. Journal, 31, 278-293.": an author-year entry, a
# style of its own that some Chinese journals use for foreign works.
_AUTHOR_YEAR = regex.compile(r"^[^()\[\]]{2,200}?\(\s*(?:1[5-9]|20)\d{2}[a-z]?\s*\)")
# "张三, 2020. 题名[J]. …": the year right after the authors (著者-出版年制)
_YEAR_AFTER_AUTHORS = regex.compile(r"^[^\[\]]{1,120}?[.,]\s*(?:1[5-9]|20)\d{2}[a-z]?\s*[.,]")
_HAN = regex.compile(r"\p{Han}")
# The English half of a bilingual entry: "… 2008, 32(3): 1-9. [HAN G X, … [J]. …]"
_ENGLISH_HALF = regex.compile(r"\s\[(?=[A-Z][A-Za-z]*[ ,])")

_FULLWIDTH = str.maketrans({"，": ",", "：": ":", "（": "(", "）": ")", "．": ".", "［": "[", "］": "]", "；": ";"})
_MD_ESCAPABLE = set("\\`*_{}[]()#+-.!~|<>")


def _normalize(body: str) -> tuple[str, list[int]]:
    """``body`` with Markdown escapes removed (``\\[J\\]``), full-width punctuation
    made ASCII and whitespace runs made one space; and for each character of
    the result, its offset in ``body`` (one more at the end)."""
    chars: list[str] = []
    where: list[int] = []
    i, n = 0, len(body)
    while i < n:
        c = body[i]
        if c == "\\" and i + 1 < n and body[i + 1] in _MD_ESCAPABLE:
            i += 1
            c = body[i]
        if c.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                where.append(i)
            i += 1
            continue
        chars.append(c.translate(_FULLWIDTH))
        where.append(i)
        i += 1
    while chars and chars[-1] == " ":
        chars.pop()
        where.pop()
    where.append(where[-1] + 1 if where else 0)
    return "".join(chars), where


def entry_findings(body: str) -> list[tuple[int, int, str]]:
    """``(start, end, problem)`` for one entry (its printed number excluded),
    offsets into ``body``: each problem points at the field it is about (the
    type code, the place of the year, the page range).

    An entry in author-year form with no Chinese is in another citation
    style on purpose and is not checked.  A bilingual entry (the Chinese
    reference, then its English version in brackets) is checked half by
    half.  Line breaks inside an entry (a PDF's) count as spaces, Markdown
    escapes (``\\[J\\]``) as the characters they escape.
    """
    norm, where = _normalize(body)
    if not norm:
        return []
    if not _HAN.search(norm) and _AUTHOR_YEAR.match(norm):
        return []
    out: list[tuple[int, int, str]] = []
    half = _ENGLISH_HALF.search(norm)
    if half and _HAN.search(norm[: half.start()]) and _TYPE.search(norm[half.end() :]):
        english = norm[half.end() :].rstrip()
        english = english[:-1] if english.endswith("]") else english
        seen = _problems(norm[: half.start()])
        out = [(s, e, p) for s, e, p in seen]
        messages = {p for _, _, p in seen}
        for s, e, p in _problems(english):
            if p not in messages:
                out.append((s + half.end(), e + half.end(), p + " (English version)"))
    else:
        out = _problems(norm)
    return [(where[s], where[max(s, e - 1)] + 1 if e > s else where[s], p) for s, e, p in out]


def entry_problems(body: str) -> list[str]:
    """What is missing or malformed in one entry (its printed number excluded)."""
    return [p for _, _, p in entry_findings(body)]


def _publication_year(norm: str, after: int) -> bool:
    """Is there a publication year after the type code (or right after the
    authors), not counting the digits of a DOI, a URL or a cited date?"""
    masked = _NOT_YEAR.sub(lambda m: " " * len(m.group()), norm)
    if _YEAR.search(masked, after):
        return True
    return bool(_YEAR_AFTER_AUTHORS.match(masked[:after]))


def _shape_says(code: str, online: bool, before: str, after: str, fields: str) -> str | None:
    """The code the entry's shape asks for, when it is plainly not ``code``
    (``after``: the text after the code; ``fields``: the same without its leading “. ”)."""
    if code in ("M", "D", "R", "N", "S") and "//" not in after and _JOURNAL_SHAPE.search(after):
        return "J"
    if code == "J":
        if after.lstrip().startswith("//") or "//" in after[:3]:
            return "C"
        if _STANDARD_NUMBER.search(before):
            return "S"
        if _PATENT_NUMBER.search(before):
            return "P"
        if _NEWS_SHAPE.match(fields) and not _JOURNAL_SHAPE.search(fields):
            return "N"
        pub = _PUBLISHER_SHAPE.match(fields)
        if pub and not _PERIODICAL_WORD.search(pub.group("who")):
            return "M"
    if code in ("M", "J", "R") and (_THESIS_WORD.match(after) or _THESIS_WORD.match(fields)):
        return "D"
    return None


def _problems(body: str) -> list[tuple[int, int, str]]:
    """Problems of one (normalized) half: ``(start, end, message)``."""
    problems: list[tuple[int, int, str]] = []
    n = len(body)
    t = _TYPE.search(body)
    if t is None:
        if not _publication_year(body, 0):
            problems.append((0, n, "missing year"))
        problems.append(
            (
                0,
                n,
                "missing document type code after the title ([J] journal, [N] newspaper, [M] book, [EB/OL] web page…)",
            )
        )
        return problems
    code = t.group("code")
    online = bool(t.group("ol")) or code in ("EB", "DB", "CP")
    label = f"[{code}{'/OL' if t.group('ol') else ''}]"
    after_at = t.end()
    rest_all = body[after_at:]
    stripped = rest_all.lstrip()
    after_at += len(rest_all) - len(stripped)
    if stripped.startswith(".") and not stripped.startswith("//"):
        after_at += 1
        after_at += len(body[after_at:]) - len(body[after_at:].lstrip())
    after = body[after_at:]
    shape = _shape_says(code, online, body[: t.start()], body[t.end() :], after)
    if shape is not None:
        wanted = f"[{shape}{'/OL' if online and shape in 'JMNC' else ''}]"
        problems.append(
            (
                t.start(),
                t.end(),
                f"type code {label} does not fit the entry, which reads like {_CODE_NAMES[shape]}: write {wanted}",
            )
        )
        # the code is wrong: checking the fields of the wrong type would only add noise
        if not _publication_year(body, t.end()):
            problems.append((after_at, n, "missing year"))
        return problems
    if not _publication_year(body, t.end()):
        problems.append((after_at, n, "missing year"))
    if online and not _URL.search(body):
        problems.append((t.start(), t.end(), f"missing URL or DOI for an online source {label}"))
    if code == "J":
        # source name, then "year, volume(issue): pages"
        # a journal name may hold a colon (中国科学: 地球科学), never before a digit
        m = regex.match(r"(?P<source>(?:[^,.:\d]|:(?!\s*\d))+?)\s*(?P<sep>[,.])\s*(?P<rest>.*)$", after)
        if m is None:
            if not any(p == "missing year" for _, _, p in problems):
                problems.append((after_at, n, "missing journal name"))
            return problems
        if m.group("sep") == ".":
            problems.append(
                (
                    after_at + m.start("sep"),
                    after_at + m.end("sep"),
                    "journal name followed by “.”: write “刊名, 年, 卷(期): 页码”",
                )
            )
        rest = m.group("rest")
        rest_at = after_at + m.start("rest")
        tail = _JOURNAL_TAIL.match(rest)
        if tail is None:
            return problems
        after_year = rest[tail.end("year") :].lstrip()
        vol = tail.group("vol")
        if tail.group("issue") is None and (vol is None or vol.startswith("0")):
            if regex.match(r",\s*0*\d{1,2}\s*:", after_year):
                problems.append(
                    (rest_at, rest_at + tail.end(), "issue not in parentheses: write “年(期)” or “年, 卷(期)”")
                )
            else:
                problems.append((rest_at, rest_at + tail.end(), "missing volume/issue: write “年, 卷(期)” or “年(期)”"))
        pages = tail.group("pages")
        if pages is None:
            if online and _URL.search(body):
                pass  # an online article is found by its DOI or URL; it may have no pages
            elif not regex.match(r"[^.]*:\s*\d", after_year):
                problems.append((rest_at, rest_at + tail.end(), "missing page range"))
        elif regex.fullmatch(r"\s*0+\s*(?:-\s*0+\s*)?", pages):
            problems.append(
                (
                    rest_at + tail.start("pages"),
                    rest_at + tail.end("pages"),
                    f"page “{pages.strip()}” is a placeholder, not a page range",
                )
            )
        else:
            r = regex.match(r"\s*(\d+)\s*[-–—~]\s*(\d+)\s*$", pages)
            if r and len(r.group(1)) == len(r.group(2)) and int(r.group(2)) < int(r.group(1)):
                problems.append(
                    (
                        rest_at + tail.start("pages"),
                        rest_at + tail.end("pages"),
                        f"page range “{r.group(1)}-{r.group(2)}” ends before it starts",
                    )
                )
    elif code == "N":
        news = _NEWS_TAIL.search(after)
        if news is not None and news.group("edition") is None:
            problems.append(
                (
                    after_at + news.start(),
                    after_at + news.end(),
                    "missing page (版次) after the date: “报纸名, YYYY-MM-DD(版次)”",
                )
            )
    elif code == "M":
        # "北京: 科学出版社: 2010.": publisher and year are separated by a comma
        colon = regex.search(
            r"(?:^|(?<=\.\s?))[^,:.\d\[\]]{1,16}:\s*[^,:\d\[\]]{2,60}?\s*(?P<colon>:)\s*(?:1[5-9]|20)\d{2}(?!\d)", after
        )
        if colon:
            problems.append(
                (
                    after_at + colon.start("colon"),
                    after_at + colon.end("colon"),
                    "publisher and year separated by “:”: write “出版地: 出版者, 年”",
                )
            )
    return problems
