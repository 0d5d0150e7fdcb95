"""Read the prose of an HTML page (a CMS export, a saved web article).

Read as plain text, a page's markup and scripts would be linted and its
paragraphs lost.  Here the text a reader sees is taken, one paragraph per
line: block elements (p, div, h1–h6, li, tr, br …) end a paragraph, inline
elements (b, a, span …) do not split the words they wrap, whitespace runs
collapse as a browser collapses them, character references are decoded,
and what no reader sees — script, style, template, noscript, the head but
its title, comments — is left out.  Positions then count paragraphs as
lines, as for a Word file, and ``--fix`` never rewrites the page.
"""

from __future__ import annotations

from html.parser import HTMLParser

import regex

__all__ = ["is_html", "html_text"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml")

_BLOCK = frozenset(
    "address article aside blockquote br caption dd details div dl dt figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead title tr ul".split()
)
_HIDDEN = frozenset("script style template noscript svg math iframe object head".split())
_SPACES = regex.compile(r"[ \t\r\n\f\u00a0]+")


def is_html(path: str) -> bool:
    return path.lower().endswith(HTML_SUFFIXES)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.hidden: list[str] = []  # open hidden elements
        self.in_title = False

    def _end_paragraph(self) -> None:
        text = _SPACES.sub(" ", "".join(self.current)).strip()
        if text:
            self.paragraphs.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        if tag in _HIDDEN:
            self.hidden.append(tag)
        if tag in _BLOCK:
            self._end_paragraph()

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK:
            self._end_paragraph()

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in _HIDDEN and tag in self.hidden:
            while self.hidden and self.hidden.pop() != tag:
                pass
        if tag in _BLOCK:
            self._end_paragraph()

    def handle_data(self, data):
        if self.hidden and not (self.in_title and set(self.hidden) <= {"head"}):
            return
        self.current.append(data)

    def close(self):
        super().close()
        self._end_paragraph()


def html_text(markup: str) -> str:
    """The visible prose of ``markup``, one paragraph per line."""
    parser = _Text()
    parser.feed(markup)
    parser.close()
    return "\n".join(parser.paragraphs) + ("\n" if parser.paragraphs else "")
