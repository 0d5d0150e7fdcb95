from __future__ import annotations

import functools

import regex

from lintkit import ARTICLE, Option, Problem, Related, rule
from lintkit.analysis.names import default_pinyin

from ..evidence import _plausible_pinyin_name, _surname_syllables
from ..japanese import is_hepburn
from ..transliteration import characters, countries, sounds_like, titles


@rule(
    "names.foreign-name-mismatch",
    scope=ARTICLE,
    severity="warning",
    options={
        "characters": Option(
            [], "more characters used to transliterate foreign names (added to the built-in list)", type=list
        ),
        "titles": Option(
            {},
            "more Chinese titles and the English that renders them, e.g. {'大使': 'Ambassador'}",
            type=dict,
        ),
        "countries": Option(
            [], "more country names in Chinese (added to the built-in list), e.g. ['吉尔吉斯']", type=list
        ),
    },
)
def foreign_name_mismatch(article, options):
    """A foreign person's English name that the Chinese it translates spells as someone else.

    What it catches: an English paragraph aligned with the Chinese it
    translates names someone by title ("Foreign Minister Karl Lindgren",
    "President Ortega") while the Chinese gives that title to a
    transliterated name (莫雷诺外长, 施密特总统) that sounds like no word of
    the English name — a predecessor's name left in, another person, or a
    garbled name.

    How names are compared: a run of characters Chinese uses to
    transliterate (``lintkit/data/names-transliteration.txt``) right before
    or after a title (``lintkit/data/names-foreign-titles.yaml``) is the
    Chinese name, unless it is a country before the title (吉尔吉斯斯坦外长…
    names where the person is from: ``lintkit/data/names-countries.txt``).
    Each word of the English name after the same title (but "Jr": Chinese
    may render a given name, 卡洛斯 for Carlos Ortega), and two or three of
    them run together (德韦弗 for "De Wever"), is compared with the runs the
    Chinese gives that title by their consonants
    (``lintkit_names.transliteration``: 莫雷诺 and "Moreno", 施密特 and
    "Schmidt", 巴尔加斯 and "Vargas" sound alike).  A name that is the pinyin
    of the Chinese (王明 and "Wang Ming") or reads as a Chinese name in
    pinyin ("Wang Ye": ``names.romanization-mismatch`` checks those) is left
    alone, and so is every English name when the Chinese gives the title to
    no transliterated name (a Japanese or Korean name in characters,
    河野太郎, is not a transliteration and is not compared by sound).  A
    title the Chinese gives to a Japanese name in characters (日本 shortly
    before the title: 日本外相山田太郎) is reported when the English name
    is no Japanese romanization at all ("Taro Lindgren"); any Hepburn
    spelling is left alone, since which reading a given name takes cannot
    be told from its characters.

    Why it matters: naming the wrong minister in an official English text
    is an error of fact that readers abroad notice at once.

    Example that fires::

        2031年5月24日某部发言人主持例行记者会

        Spokesperson's Regular Press Conference on May 24, 2031

        部长同莫雷诺外长举行会谈。

        The minister held talks with Foreign Minister Karl Lindgren.

    Example that does not fire::

        2031年5月24日某部发言人主持例行记者会

        Spokesperson's Regular Press Conference on May 24, 2031

        部长同莫雷诺外长举行会谈。

        The minister held talks with Foreign Minister Luis Moreno.

    Options: ``characters`` (more transliteration characters), ``titles``
    (more titles: ``{"大使": "Ambassador"}``), ``countries`` (more country
    names).  Silence with
    ``ignore: [names.foreign-name-mismatch]``.
    """
    doc = article.document
    text = doc.text
    extra = tuple(sorted((str(k), str(v)) for k, v in (options["titles"] or {}).items()))
    known, runs_re, before_re, zh_title, en_title, country_re = _patterns(
        "".join(str(c) for c in options["characters"]), extra, tuple(sorted(map(str, options["countries"])))
    )
    for c in article.english:
        if not c.aligned or c.document is not None:
            continue
        names = list(en_title.finditer(text, c.start, c.end))
        if not names:
            continue
        zh = "".join(text[doc.blocks[b].start : doc.blocks[b].end] for b in c.aligned)
        titled: dict[str, list[tuple[str, int]]] = {}  # English pattern -> (run, offset in zh)
        japanese: dict[str, list[tuple[str, int]]] = {}  # the same, for a Japanese name in characters
        for t in zh_title.finditer(zh):
            if (jp := _japanese_name_after(zh, t, runs_re)) is not None:
                japanese.setdefault(known[t.group()], []).append(jp)
            for m in (before_re.search(zh, max(0, t.start() - 8), t.start()), runs_re.match(zh, t.end())):
                if m and not (m.end() == t.start() and country_re.search(zh, max(0, m.end() - 12), m.end())):
                    # (吉尔吉斯斯坦外长艾达尔别科夫: the run before the title is a country)
                    titled.setdefault(known[t.group()], []).append((m.group(), m.start()))
        for m in names:
            held = [x for pattern, xs in titled.items() if regex.fullmatch(pattern, m["t"]) for x in xs]
            if not held:
                jp = [x for p, xs in japanese.items() if regex.fullmatch(p, m["t"]) for x in xs]
                if jp:
                    yield from _not_japanese(m, jp, _offsets(text, c.aligned, doc))
                continue
            words = _name_words(m["n"])
            if _reads_as_pinyin(words):
                continue  # a Chinese name in pinyin (Wang Yi), or misspelt in it (names.romanization-mismatch)
            if any(sounds_like(w, r) for w in _readings(words) for r, _ in held):
                continue  # a word or a run of them: a given name (卡洛斯 for Carlos Ortega), De Wever
            offsets = _offsets(text, c.aligned, doc)
            related = tuple(
                Related(offsets(at), offsets(at) + len(run), f"Chinese: {run} ({''.join(_pinyin(run))})")
                for run, at in held
            )
            shown = ", ".join(f"{run} ({''.join(_pinyin(run))})" for run, _ in held)
            yield Problem(
                m.start("n"),
                m.end("n"),
                f"English names the {m['t']} “{m['n']}”, but the Chinese it translates gives the title to "
                f"{shown}: another person, or a misspelt name?",
                related=related,
            )


_HAN = regex.compile(r"\p{Han}")

# where a Japanese name in characters ends: a verb or particle after it (河野太郎将…)
_AFTER_NAME = frozenset("将在于表说会称对与和的是也就已曾向同及等")


def _japanese_name_after(zh: str, title, runs_re) -> tuple[str, int] | None:
    """The name in characters a title gives to a Japanese person (日本外相河野太郎,
    日本驻华大使垂秀夫): 日本 shortly before the title, and two to four Han
    characters after it that are no transliteration."""
    if "日本" not in zh[max(0, title.start() - 4) : title.start()] or runs_re.match(zh, title.end()):
        return None
    name = ""
    for ch in zh[title.end() : title.end() + 4]:
        if ch in _AFTER_NAME or not _HAN.match(ch):
            break
        name += ch
    return (name, title.end()) if len(name) >= 2 else None


def _name_words(name: str) -> list[str]:
    """The words of an English name, without a possessive ("Moreno’s")."""
    return [w.rstrip("’'").removesuffix("’s").removesuffix("'s") for w in name.split()]


def _not_japanese(m, held, offsets):
    """An English name no Japanese romanization gives ("Taro Haddad"), for a
    title the Chinese gives to a Japanese name in characters.  Only the
    syllables are checked: which reading a given name takes is not
    predictable from its characters."""
    if all(is_hepburn(w) for w in _name_words(m["n"])):
        return
    name, at = held[0]
    yield Problem(
        m.start("n"),
        m.end("n"),
        f"English names the {m['t']} “{m['n']}”, which is no Japanese romanization, but the Chinese it "
        f"translates gives the title to the Japanese name {name}: another person, or a misspelt name?",
        related=(Related(offsets(at), offsets(at) + len(name), f"Chinese: {name}"),),
    )


# what may follow a surname ("Teodoro Locsin Jr")
_SUFFIXES = frozenset(("Jr", "Sr", "II", "III", "IV"))


@functools.cache
def _patterns(extra_characters: str, extra_titles: tuple[tuple[str, str], ...], extra_countries: tuple[str, ...]):
    """(titles, a run of transliteration characters, such a run ending where
    the search ends, a Chinese title, an English title and the name after
    it, a country name ending where the search ends), compiled once per
    configuration."""
    known = titles() | dict(extra_titles)
    run = "[" + "".join(sorted(characters() | frozenset(extra_characters))) + "]{2,}"
    english = "|".join(sorted(set(known.values()), key=len, reverse=True))
    return (
        known,
        regex.compile(run),
        regex.compile(run + "$"),
        regex.compile("|".join(sorted(map(regex.escape, known), key=len, reverse=True))),
        regex.compile(rf"\b(?P<t>{english})\s+(?P<n>(?:[A-Z][\p{{Ll}}'’-]+\s+){{0,3}}[A-Z][\p{{Ll}}'’-]+)"),
        regex.compile("(?:" + "|".join(sorted(countries() | frozenset(extra_countries), key=len, reverse=True)) + ")$"),
    )


def _readings(words: list[str]) -> list[str]:
    """What Chinese may have transliterated: each word of the name, and two or
    three of them run together (德韦弗 is "De Wever", 冯德莱恩 "von der Leyen")."""
    words = [w for w in words if w not in _SUFFIXES]
    return words + ["".join(words[i : i + k]) for k in (2, 3) for i in range(len(words) - k + 1)]


def _reads_as_pinyin(words: list[str]) -> bool:
    """A name that reads as a Chinese one in pinyin: a surname and a given
    name in either order ("Wang Ye", "Jianming Wang"), or a surname alone
    ("President Xi")."""
    if len(words) == 1:
        return words[0].lower() in _surname_syllables()
    return len(words) == 2 and (_plausible_pinyin_name(*words) or _plausible_pinyin_name(words[1], words[0]))


def _pinyin(run: str) -> list[str]:
    return [p for ch in run for p in default_pinyin(ch)]


def _offsets(text: str, aligned: tuple[int, ...], doc):
    """Maps an offset in the joined text of the aligned blocks to the document's."""
    starts = []
    pos = 0
    for b in aligned:
        block = doc.blocks[b]
        starts.append((pos, block.start))
        pos += block.end - block.start

    def at(i: int) -> int:
        base, start = max((s for s in starts if s[0] <= i), key=lambda s: s[0])
        return start + (i - base)

    return at
