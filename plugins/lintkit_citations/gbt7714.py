"""Check one reference-list entry against GB/T 7714 (the Chinese citation standard).

The standard's shape, by document type code:

* ``[J]`` journal:    作者. 题名[J]. 刊名, 年, 卷(期): 起页-止页.
* ``[N]`` newspaper:  作者. 题名[N]. 报纸名, 出版日期(版次).
* ``[M]`` book:       作者. 书名[M]. 出版地: 出版者, 年: 页码.
* ``…/OL``, ``[EB/OL]``: the same, then [引用日期]. 获取和访问路径 (URL) / DOI.

Only fields whose absence or form is unambiguous are checked; style
choices the standard leaves open (author name order, how many authors
before 等) are not.
"""

from __future__ import annotations

import regex

__all__ = ["entry_problems", "TYPE_CODES"]

TYPE_CODES = "M|C|G|N|J|D|R|S|P|DB|CP|EB|A|Z|CM|DS|CP|EB"
_TYPE = regex.compile(r"\[\s*(?P<code>(?:" + TYPE_CODES + r"))\s*(?P<ol>/\s*(?:OL|MT|DK|CD))?\s*\]")
_URL = regex.compile(r"https?://|www\.|(?i:doi)\s*[:：]\s*\S|\b10\.\d{4,9}/\S+")
_YEAR = regex.compile(r"(?<!\d)(?:1[5-9]|20)\d{2}(?!\d)")
# after the journal name: "2025, 24(4): 365-368" | "2025(6): 616-624" | "2025, 24: 1-9"
_JOURNAL_TAIL = regex.compile(
    r"(?P<year>(?:1[5-9]|20)\d{2})\s*(?:,\s*(?P<vol>\d+))?\s*(?:\(\s*(?P<issue>[^)]*)\))?\s*(?::\s*(?P<pages>[^.,;]+))?"
)
_NEWS_TAIL = regex.compile(r"(?P<date>(?:1[5-9]|20)\d{2}-\d{1,2}-\d{1,2})\s*(?P<edition>\(\s*[^)]*\))?")


# "Smith, J. (2006) Title. Journal, 31, 278-293.": an author-year entry, a
# style of its own that some Chinese journals use for foreign works.
_AUTHOR_YEAR = regex.compile(r"^[^()\[\]]{2,200}?\(\s*(?:1[5-9]|20)\d{2}[a-z]?\s*\)")
_HAN = regex.compile(r"\p{Han}")
# The English half of a bilingual entry: "… 2008, 32(3): 1-9. [HAN G X, … [J]. …]"
_ENGLISH_HALF = regex.compile(r"\s\[(?=[A-Z][A-Za-z]*[ ,])")


def entry_problems(body: str) -> list[str]:
    """What is missing or malformed in one entry (its printed number excluded).

    An entry in author-year form with no Chinese is in another citation
    style on purpose and is not checked.  A bilingual entry (the Chinese
    reference, then its English version in brackets) is checked half by
    half.  Line breaks inside an entry (a PDF's) count as spaces.
    """
    body = regex.sub(r"\s+", " ", body).strip()
    if not _HAN.search(body) and _AUTHOR_YEAR.match(body):
        return []
    half = _ENGLISH_HALF.search(body)
    if half and _HAN.search(body[:half.start()]) and _TYPE.search(body[half.end():]):
        english = body[half.end():].rstrip().removesuffix("]")
        seen = _problems(body[:half.start()])
        return seen + [p + " (English version)" for p in _problems(english) if p not in seen]
    return _problems(body)


def _problems(body: str) -> list[str]:
    norm = body.replace("，", ",").replace("：", ":").replace("（", "(").replace("）", ")").replace("．", ".")
    problems: list[str] = []
    t = _TYPE.search(norm)
    if not _YEAR.search(norm):
        problems.append("missing year")
    if t is None:
        problems.append("missing document type code after the title ([J] journal, [N] newspaper, [M] book, [EB/OL] web page…)")
        return problems
    code = t.group("code")
    online = bool(t.group("ol")) or code in ("EB", "DB", "CP")
    if online and not _URL.search(norm):
        problems.append(f"missing URL or DOI for an online source [{code}{'/OL' if t.group('ol') else ''}]")
    after = norm[t.end():].lstrip()
    if after.startswith("."):
        after = after[1:].lstrip()
    if code == "J":
        # source name, then "year, volume(issue): pages"
        # a journal name may hold a colon (中国科学: 地球科学), never before a digit
        m = regex.match(r"(?P<source>(?:[^,.:\d]|:(?!\s*\d))+?)\s*(?P<sep>[,.])\s*(?P<rest>.*)$", after)
        if m is None:
            problems.append("missing journal name")
            return problems
        if m.group("sep") == ".":
            problems.append("journal name followed by “.”: write “刊名, 年, 卷(期): 页码”")
        rest = m.group("rest")
        tail = _JOURNAL_TAIL.match(rest)
        if tail is None:
            return problems
        after_year = rest[tail.end("year"):].lstrip()
        vol = tail.group("vol")
        if tail.group("issue") is None and (vol is None or vol.startswith("0")):
            if regex.match(r",\s*0*\d{1,2}\s*:", after_year):
                problems.append("issue not in parentheses: write “年(期)” or “年, 卷(期)”")
            else:
                problems.append("missing volume/issue: write “年, 卷(期)” or “年(期)”")
        pages = tail.group("pages")
        if pages is None:
            if online and _URL.search(norm):
                pass  # an online article is found by its DOI or URL; it may have no pages
            elif not regex.match(r"[^.]*:\s*\d", after_year):
                problems.append("missing page range")
        elif regex.fullmatch(r"\s*0+\s*(?:-\s*0+\s*)?", pages):
            problems.append(f"page “{pages.strip()}” is a placeholder, not a page range")
    elif code == "N":
        news = _NEWS_TAIL.search(after)
        if news is not None and news.group("edition") is None:
            problems.append("missing page (版次) after the date: “报纸名, YYYY-MM-DD(版次)”")
    return problems
