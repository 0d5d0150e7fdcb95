"""The names extractor: ``_Extractor`` walks a document's blocks and finds
the person names its cues confirm (roles, attribution verbs, bylines,
credits, interview answers, lists, reference authors), then looks the
confirmed names up everywhere and finds their one-off misspellings.

The module docstring of ``lintkit.analysis.names`` describes the method;
this module holds the machinery (its patterns and the helpers only it
uses) apart from the public API there, which builds an ``_Extractor`` per
document (``names``, ``names_analysis``).
"""

from __future__ import annotations

import functools
import itertools
from collections import defaultdict
from typing import TYPE_CHECKING

import regex

from ..model.language import EN, MIXED
from ..model.pinyin import pinyin_readings, surname_readings
from .name_matching import (
    _EN_PINYIN_NAME,
    _EnglishGivens,
    _surnames_by_reading,
    lookalikes,
)
from .name_finders import TWO_CAPITALISED, name_finder, overlapped_at, slip_finder
from .name_mentions import NameMention, Names
from .name_pinyin import surnames_sound_alike
from .name_vocabulary import DEFAULT, Vocabulary
from .tokens import cut_tokens, jieba_tokenizer, name_tag, span_tokens

if TYPE_CHECKING:  # pragma: no cover
    from ..model.document import Document

_PUNCT = r"\s\p{P}\p{S}"

_ANSWER = regex.compile(rf"(?:^|(?<=[{_PUNCT}]))(?P<n>\p{{Han}}{{2,4}})\s*[:：](?!\s*$)")
_CREDIT = regex.compile(rf"(?:^|(?<=[{_PUNCT}图文]))(?P<n>\p{{Han}}{{2,4}})\s*[/／]?\s*摄(?:影)?(?!\p{{Han}}{{2}})")
_LIST = regex.compile(r"\p{Han}+(?:、\p{Han}+)+")
# the author part of a reference entry: names and commas up to the first full stop
_AUTHORS = regex.compile(r"\s*\p{Han}{2,4}(?:\s*[,，、]\s*\p{Han}{1,4})*(?=\s*[.．。])")
_AUTHOR = regex.compile(r"(?<![\p{Han}])\p{Han}{2,4}(?![\p{Han}])")
_BYLINE_PIECE = regex.compile(r"[^\s、，,／/|]+")
_HAN_TAIL = regex.compile(r"\p{Han}{1,3}$")
_HAN = regex.compile(r"\p{Han}")
_HAN_ONLY = regex.compile(r"\p{Han}+")
# _EN_PINYIN_NAME.finditer(…, overlapped=True), tried only at two capitalised words
_pinyin_names = overlapped_at(_EN_PINYIN_NAME, TWO_CAPITALISED)
# Characters that are grammar, not given names: a surname-led window holding
# one (王的, 高中上, 于是) is no name, and jieba's HMM need not be asked.
_NOT_GIVEN = regex.compile(
    r"[的了在是和与及等中上下为对将把被从向于也就都而或之其这那个们年月日时有无不没已会能要此该各每]"
)


# -- extraction -------------------------------------------------------------


class _Extractor:
    def __init__(self, doc: "Document", extra_names: frozenset[str], lookalike=None, vocab: Vocabulary = DEFAULT):
        self.doc = doc
        self.v = vocab
        self.text = doc.text
        self.mentions: dict[tuple[int, int], NameMention] = {}
        self.extra = extra_names
        self.by_block: dict[int, list[tuple[int, int]]] = defaultdict(list)
        self._english: dict[str, list[str]] | None = None
        self.lookalike = lookalike or lookalikes

    def add(self, name: str, start: int, block: int, cue: str, role: str = "", org: str = "") -> None:
        if _common_word(name) and name not in self.extra:
            return
        key = (start, start + len(name))
        same_block = self.by_block[block]
        # a block holds few names: a linear scan of its mentions is cheap
        if any(s < key[1] and start < e for s, e in same_block):
            return
        same_block.append(key)
        if role and not org and role in self.v.roles:
            org = _org_before(self.text, start, role, self.doc.blocks[block].start)
        self.mentions[key] = NameMention(name, start, start + len(name), block, cue, role, org)

    def _adds_nothing(self, block: int, start: int, end: int) -> bool:
        """Would ``add`` of ``text[start:end]`` be turned away (a common word,
        or a mention of the block overlaps it)?  Then asking jieba whether a
        name stands there is wasted: its answer changes nothing."""
        name = self.text[start:end]
        if _common_word(name) and name not in self.extra:
            return True
        return any(s < end and start < e for s, e in self.by_block.get(block, ()))

    def _jieba_name(self, block: int, start: int, lengths: list[int]) -> int | None:
        """The length of the jieba token starting at ``start`` when jieba
        tags it as a person name (``nr``)."""
        # one token at most starts there: for each length, is it that long?
        # (cut_tokens answers from the dictionary route where it can, and
        # runs the HMM only on a stretch of the route that may hold it)
        for n in lengths:
            toks = cut_tokens(self.doc, block, start, start + n, 1)
            if len(toks) == 1 and toks[0].start == start and toks[0].end == start + n:
                return n if toks[0].pos.startswith("nr") else None
        return None

    def _jieba_single(self, block: int, start: int, end: int) -> str | None:
        """The tag of the single token covering ``[start, end)``, if jieba made one."""
        toks = cut_tokens(self.doc, block, start, end, 1)
        if len(toks) == 1 and toks[0].start == start and toks[0].end == end:
            return toks[0].pos
        return None

    def _jieba_cut(self, block: int, start: int, end: int, whole: bool = False) -> bool:
        """Does jieba, reading the sentence, cut a person name exactly at
        ``[start, end)``: one token tagged ``nr``, or (unless ``whole``) a
        surname tagged ``nr`` and a given name ending at ``end``?  No token
        may cross either edge (李会长 is 李 / 会长, not the name 李会)."""
        toks = cut_tokens(self.doc, block, start, end, 1 if whole else 2)
        if not toks or toks[0].start != start or toks[-1].end != end:
            return False
        if len(toks) == 1:
            return toks[0].pos.startswith("nr")
        # 林 / 海涛(nr): jieba cuts the surname off and tags the given name
        return (
            not whole
            and len(toks) == 2
            and (toks[0].text in self.v.surnames or toks[0].text in self.v.compound_surnames)
            and (toks[0].pos.startswith("nr") or toks[1].pos.startswith("nr"))
        )

    def run(self) -> Names:
        doc, text = self.doc, self.text
        answers: dict[str, list[tuple[int, int]]] = defaultdict(list)
        byline_spans = [(s, e) for art in doc.articles for s, e in art.bylines]
        for s, e in byline_spans:
            bi = doc.block_at(s)
            if bi is None:  # a byline is a span of a block: never
                continue
            for m in _BYLINE_PIECE.finditer(text[s:e]):
                piece = m.group()
                if self.v.is_name_shape(piece):
                    self.add(piece, s + m.start(), bi, "byline", "byline")
        self._reference_authors()
        for bi, block in enumerate(doc.blocks):
            if block.lang == EN:
                continue
            bs, be = block.start, block.end
            for m in _CREDIT.finditer(text, bs, be):
                n = m.group("n")
                # "记者王明摄": keep the name after a role word
                for k in range(len(n) - 1):
                    if self.v.is_name_shape(n[k:]) and (k == 0 or n[:k].endswith(self.v.roles)):
                        self.add(n[k:], m.start("n") + k, bi, "credit", "摄")
                        break
            colon = text.find("：", bs, be) >= 0 or text.find(":", bs, be) >= 0
            for m in _ANSWER.finditer(text, bs, be) if colon else ():  # (an answer needs its colon)
                n = m.group("n")
                if self.v.is_name_shape(n):
                    answers[n].append((m.start("n"), bi))
            for m in self.v.after_role_matches(text, bs, be):
                self._after_role(bi, m.end(), be, m.group())
            for m in self.v.before_cue_matches(text, bs, be):
                self._before_cue(bi, m.start(), bs, m.group())
        # "X：" answers and headlines: a name when jieba reads it as one, or
        # when it answers several times and jieba does not read it as a word.
        for n, places in answers.items():
            start, bi = places[0]
            pos = self._jieba_single(bi, start, start + len(n))
            if (pos or "").startswith("nr") or (len(places) >= 2 and pos is None):
                for start, bi in places:
                    self.add(n, start, bi, "answer", ":")
        confirmed = {m.text for m in self.mentions.values()} | set(self.extra)
        self._lists(confirmed)
        confirmed = {m.text for m in self.mentions.values()} | set(self.extra)
        confirmed |= self._repeated(confirmed)
        self._lookup(confirmed)
        self._variants(confirmed)
        mentions = sorted(self.mentions.values(), key=lambda m: m.start)
        return Names(mentions, confirmed)

    def _reference_authors(self) -> None:
        """The authors of a Chinese reference entry (``[3] 王明, 李晓红, 等.
        题名[J]. …``): the names before the first full stop, one per comma.
        Academic text names people mostly there and as ``王明等[3]``."""
        from .citations import reference_lists

        doc, text = self.doc, self.text
        for refs in doc.analysis(reference_lists).values():
            for entry in refs.entries:
                head = _AUTHORS.match(text, entry.body_start, entry.end)
                if not head:
                    continue
                for m in _AUTHOR.finditer(text, head.start(), head.end()):
                    bi = doc.block_at(m.start())
                    if bi is not None and self.v.is_name_shape(m.group()):  # an entry lies in a block
                        self.add(m.group(), m.start(), bi, "reference", "reference")

    def _repeated(self, confirmed: set[str]) -> set[str]:
        """Names no cue confirms: a surname and one or two characters, written
        the same way at least twice, that jieba reads as a person name (``nr``)
        where it first stands, and no dictionary word.  Official and academic
        text names people without a newsroom's roles and verbs (a spokesman's
        name heading his answers, authors, people in a list)."""
        doc, text = self.doc, self.text
        places: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for bi, block in enumerate(doc.blocks):
            if block.lang == EN:
                continue
            # a surname and two more Han characters (or one, at a block's end)
            for s, w in self.v.surname_windows(text, block.start, block.end):
                places[w].append((s, bi))
                if len(w) == 3:
                    places[w[:2]].append((s, bi))
        counts = {w: len(p) for w, p in places.items()}
        first = {w: p[0] for w, p in places.items()}
        found: set[str] = set()
        found_prefixes: set[str] = set()  # every prefix of every name in found
        english = self._english_pinyin_names()

        def jieba_rejects(cand: str) -> bool:
            """What ``jieba_says_name`` sees without reading the sentence."""
            if _NOT_GIVEN.search(cand, 1):
                return True  # 王的, 高中上: function characters end no given name
            tag = name_tag(cand)
            return tag is not None and not tag.startswith("nr")  # a dictionary word of another kind

        def jieba_says_name(cand: str, split_surname_ok: bool = False) -> bool:
            if jieba_rejects(cand):
                return False  # no HMM needed
            # a dictionary name (马奔腾) must still read as one where it stands
            # (骏马奔腾迎新春 is 骏马 / 奔腾)
            s, bi = first[cand]
            if self._jieba_name(bi, s, [len(cand)]) == len(cand):
                return True
            if split_surname_ok:  # jieba cuts the surname off: 周 (nr) + 明远
                toks = [t for t in span_tokens(doc, bi, s, s + len(cand)) if s <= t.start < s + len(cand)]
                return (
                    len(toks) >= 2
                    and toks[0].text == cand[:1]
                    and toks[0].pos.startswith("nr")
                    and toks[-1].end == s + len(cand)
                )
            return False

        def at_name_edges(cand: str) -> bool:
            """One of its places has a name's edges: punctuation, a role or
            a speech verb on one side, not more Chinese on both (for a
            two-character name, on both sides: 王毅，; two characters inside
            running text are too often part of a word)."""
            both = len(cand) == 2
            for s, bi in places[cand]:
                b = doc.blocks[bi]
                left = self.v.left_edge_strict(text, s, b.start)
                right = self.v.strong_edge(text, s + len(cand), b.end)
                if (left and right) if both else (left or right):
                    return True
            return False

        for cand in sorted(counts, key=lambda c: (-len(c), c)):
            if counts[cand] < 2 or cand in confirmed or not self.v.is_name_shape(cand) or _common_word(cand):
                continue
            if cand in found_prefixes:  # (a prefix of a name found: no scan of every name)
                continue  # 赵立 of 赵立坚
            # (both pure tests: the cheap half of jieba's first, then the edges)
            if not jieba_rejects(cand) and at_name_edges(cand) and jieba_says_name(cand):
                found.add(cand)
                found_prefixes.update(cand[:k] for k in range(1, len(cand) + 1))
        # A name written once in Chinese and given in the file's English
        # ("汪文斌" and "Wang Wenbin", or one syllable off): the English
        # confirms it — when jieba reads it as a name too.
        if english:
            english_agrees = _EnglishGivens().agrees
            firsts = {sur[0] for sur in english}  # a surname starts its candidate
            for cand in counts:
                if cand[0] not in firsts:
                    continue  # (its surname, whichever, is none of the English ones)
                sur, given = self.v.split(cand)
                givens = english.get(sur)  # cheap: most candidates stop here
                if not givens or cand in confirmed or cand in found or not self.v.is_name_shape(cand):
                    continue
                if not english_agrees(sur, given, givens) or _common_word(cand):
                    continue
                if cand in found_prefixes:  # a longer name found starts with it (cand itself is not found)
                    continue
                if jieba_says_name(cand, split_surname_ok=True):
                    found.add(cand)
                    found_prefixes.update(cand[:k] for k in range(1, len(cand) + 1))
        # A name written once right and once wrong is written the same way
        # only once: two three-character candidates one homophone apart, one
        # of which jieba reads as a name, are both names (the rules decide
        # whether they are one person).
        for k, group in _one_apart(counts, self.v.is_name_shape):
            if len(group) > 4:
                continue  # 王某某 patterns with many fillers are words, not slips
            for a, b in itertools.combinations(sorted(group), 2):
                if k == 0:
                    if not surnames_sound_alike(a[0], b[0]):
                        continue
                elif not (pinyin_readings(a[k]) & pinyin_readings(b[k]) or self.lookalike(a[k], b[k])):
                    continue
                if _common_word(a) or _common_word(b) or a in confirmed and b in confirmed:
                    continue
                if a in confirmed or b in confirmed or jieba_says_name(a) or jieba_says_name(b):
                    found.update((a, b))
        return found

    def _english_pinyin_names(self) -> dict[str, list[str]]:
        """Chinese surname character -> the given names (lower case, hyphens
        dropped) that English pinyin names of the file give with it."""
        if self._english is not None:
            return self._english
        self._english = self._read_english_names()
        return self._english

    def _read_english_names(self) -> dict[str, list[str]]:
        doc, text = self.doc, self.text
        by_reading: dict[str, list[str]] = defaultdict(list)
        for block in doc.blocks:
            if block.lang not in (EN, MIXED):
                continue
            for m in _pinyin_names(text, block.start, block.end):
                for sur, giv in ((m["a"], m["b"]), (m["b"], m["a"])):
                    by_reading[sur.lower()].append(giv.lower().replace("-", ""))
        if not by_reading:
            return {}
        out: dict[str, list[str]] = {}
        # only the surnames that read as one of the English surnames (not
        # every surname of the vocabulary, for every document)
        by_surname = _surnames_by_reading(self.v.surnames, self.v.compound_surnames)
        for surname in {s for r in by_reading for s in by_surname.get(r, ())}:
            givens = [g for r in surname_readings(surname) for g in by_reading.get(r, ())]
            if givens:
                out[surname] = givens
        return out

    def _variants(self, confirmed: set[str]) -> None:
        """One-off misspellings of a confirmed name: the same name with one
        character replaced by a homophone (王建明 → 王健明, 赵 → 肇 in the
        surname), found wherever they stand, cue or no cue — a slip is
        usually made once, where no role or verb confirms it.  Only names of
        three characters or more (a two-character name with one character
        changed is too often another word), with a name's edges, and never a
        dictionary word."""
        doc, text = self.doc, self.text
        written: defaultdict[str, int] = defaultdict(int)
        for m in self.mentions.values():
            written[m.text] += 1
        # three-character names; a two-character one only when the file
        # writes it at least twice (王毅 … 汪毅: one slip against a name in use)
        english = self._english_pinyin_names()

        def in_english(n: str) -> bool:
            sur, given = self.v.split(n)
            return any(g in pinyin_readings(given) for g in english.get(sur, ()))

        cued = {m.text for m in self.mentions.values() if m.cue not in ("lookup", "variant")}
        targets = sorted(
            n for n in confirmed if len(n) >= 3 or (len(n) == 2 and (written[n] >= 2 or n in cued or in_english(n)))
        )
        if not targets:
            return
        # what the patterns "rest of the name, after a Han character" and
        # "the name with one character any Han character" find (a slip in the
        # first character is found from the rest, looking back one character)
        find_slips = slip_finder(targets)
        known = set(confirmed)
        by_shape: dict[tuple[int, str, str], list[str]] = defaultdict(list)
        for n in targets:
            for k in range(len(n)):
                by_shape[(k, n[:k], n[k + 1 :])].append(n)
        for bi, block in enumerate(doc.blocks):
            if block.lang == EN:
                continue
            for s, e in find_slips(text, block.start, block.end):
                if (0, "", text[s:e]) in by_shape and s > block.start:
                    s -= 1  # the slip is in the first character, before the match
                cand = text[s:e]
                if cand in known or (s, e) in self.mentions or not _HAN_ONLY.fullmatch(cand):
                    continue
                # a slip of a known name: one character replaced by one that
                # sounds or looks alike (checked first: it is cheap, and most
                # matches are not)
                slip_at = None
                for k in range(len(cand)):
                    origins = by_shape.get((k, cand[:k], cand[k + 1 :]), [])
                    if any(
                        not pinyin_readings(cand[k]).isdisjoint(pinyin_readings(o[k]))
                        or self.lookalike(cand[k], o[k])
                        or (k == 0 and surnames_sound_alike(cand[0], o[0]))
                        for o in origins
                    ):
                        if self.v.is_name_shape(cand) or (k == 0 and self.v.is_name_shape(origins[0][0] + cand[1:])):
                            slip_at = k
                        break
                if slip_at is None:
                    continue
                # standing where a name would: at a name's edges, or where
                # jieba, reading the sentence, cuts a person name there
                if len(cand) == 2:
                    edges = self.v.left_edge_strict(text, s, block.start) and self.v.strong_edge(text, e, block.end)
                else:  # three characters, two of them a known name's: one clear edge will do
                    edges = (
                        self.v.left_edge(text, s, block.start)
                        and self.v.weak_edge(text, e, block.end)
                        or self.v.left_edge_strict(text, s, block.start)
                        or self.v.strong_edge(text, e, block.end)
                    )
                if not edges and not self._jieba_cut(bi, s, e, whole=len(cand) == 2):
                    continue
                self._drop_prefix(bi, s, e)
                self.add(cand, s, bi, "variant", self.v.role_near(text, s, e, block.start, block.end))

    def _drop_prefix(self, bi: int, start: int, end: int) -> None:
        """Forget a shorter mention that starts a slip of a known name
        (会长汪立 cut by jieba out of 会长汪立新, 王立新 being known): the
        known name is better evidence of the edge than jieba's cut."""
        for key in [k for k in self.by_block[bi] if k[0] == start and k[1] < end]:
            self.by_block[bi].remove(key)
            self.mentions.pop(key, None)

    def _after_role(self, bi: int, start: int, end: int, role: str) -> None:
        text = self.text
        sur = 2 if text[start : start + 2] in self.v.compound_surnames else 1
        lengths = [sur + 1, sur + 2]
        if end - start <= lengths[-1] and _HAN.match(text[end - 1]):
            return  # the block ends inside the name: a page break may have split it
        if all(self._adds_nothing(bi, start, start + n) for n in lengths):
            return  # (every name it could choose would be turned away: no jieba)
        strong = [n for n in lengths if start + n <= end and self.v.strong_edge(text, start + n, end)]
        weak = [n for n in lengths if start + n <= end and self.v.weak_edge(text, start + n, end)]
        choice = None
        if len(weak) == 1:
            choice = weak[0]
        elif len(strong) == 1 and len(weak) == 2:
            choice = self._jieba_name(bi, start, lengths) or strong[0]
        elif weak:
            choice = self._jieba_name(bi, start, weak)
        if choice is None:
            choice = self._jieba_name(bi, start, lengths)
        if choice and self.v.is_name_shape(text[start : start + choice]):
            self.add(text[start : start + choice], start, bi, "role-before", role)

    def _before_cue(self, bi: int, end: int, bs: int, cue: str) -> None:
        text = self.text
        if cue not in self.v.verbs and cue[0] != "等":
            # 毛宁副司长, 王明常务副会长: the name ends before the rank
            for rank in ("常务副", "副"):
                if text[max(bs, end - len(rank)) : end] == rank:
                    end -= len(rank)
                    break
        if all(self._adds_nothing(bi, end - n, end) for n in (2, 3)):
            return  # (every name it could choose would be turned away: no jieba)
        lefts = [
            n
            for n in (2, 3)
            if end - n >= bs and self.v.is_name_shape(text[end - n : end]) and self.v.left_edge(text, end - n, bs)
        ]
        if len(lefts) == 2:
            j = self._jieba_name(bi, end - 3, [3])
            lefts = [3] if j else ([2] if self._jieba_name(bi, end - 2, [2]) else [])
        elif not lefts:
            # no punctuation or role on the left (介绍王明大使): where jieba cuts a name
            # (the first that jieba cuts: the second is not asked once it does)
            lefts = [
                next(
                    (
                        n
                        for n in (3, 2)
                        if end - n >= bs
                        and self.v.is_name_shape(text[end - n : end])
                        and self._jieba_cut(bi, end - n, end, whole=n == 2)
                    ),
                    0,
                )
            ]
            lefts = [n for n in lefts if n]
        if len(lefts) != 1:
            return
        n = lefts[0]
        kind = "verb" if cue in self.v.verbs else "cited" if cue[0] == "等" else "role-after"
        self.add(text[end - n : end], end - n, bi, kind, cue if kind == "role-after" else "")

    def _lists(self, confirmed: set[str]) -> None:
        """``甲、乙、丙`` lists in which one item is a confirmed name: the
        other items are names too.  The first item may carry a role before
        it (院士甲), the last one words after it (丙出席)."""
        doc, text = self.doc, self.text
        for bi, block in enumerate(doc.blocks):
            if block.lang == EN or "、" not in text[block.start : block.end]:
                continue
            for m in _LIST.finditer(text, block.start, block.end):
                raw = m.group().split("、")
                items: list[tuple[str, int]] = []
                pos = m.start()
                for k, item in enumerate(raw):
                    start = pos
                    if k == 0:
                        cut = self.v.strip_role_prefix(item)
                        start += len(item) - len(cut)
                        item = cut
                    elif k == len(raw) - 1:
                        item = self.v.leading_name(text, start, block.end) or ""
                    items.append((item, start))
                    pos += len(raw[k]) + 1
                names_ = [i for i, _ in items]
                if not any(i in confirmed for i in names_) or not all(self.v.is_name_shape(i) for i in names_):
                    continue
                for item, start in items:
                    self.add(item, start, bi, "list", "list")

    def _lookup(self, confirmed: set[str]) -> None:
        doc, text = self.doc, self.text
        if not confirmed:
            return
        find_names = name_finder(confirmed)
        short_set = {n for n in confirmed if len(n) == 2}
        for bi, block in enumerate(doc.blocks):
            if block.lang == EN:
                continue
            for n, s, e in find_names(text, block.start, block.end):
                if self._adds_nothing(bi, s, e) and not any(k[0] == s and k[1] < e for k in self.by_block.get(bi, ())):
                    continue  # _drop_prefix and add below would change nothing: no jieba
                if n in short_set and not (
                    self.v.left_edge_strict(text, s, block.start) and self.v.strong_edge(text, e, block.end)
                ):
                    if not self._jieba_cut(bi, s, e, whole=True):
                        continue  # 王明 of 王明白: where jieba cuts no name
                # a confirmed name is better evidence of where a name ends than
                # the cut that took only its start (会长汪力 of 会长汪力军代表…)
                self._drop_prefix(bi, s, e)
                self.add(n, s, bi, "lookup", self.v.role_near(text, s, e, block.start, block.end))


def _one_apart(candidates, is_name_shape):
    """``(k, group)``: the three-character candidates of a name's shape that
    differ only in character ``k``, for each such group of two or more.

    Most candidates share their other two characters with none: the groups
    are formed by those two characters alone (one short string per
    candidate and position, no tuple), and a candidate's shape is checked
    only once it is in a group of two or more (dropping the others cannot
    bring a group of one to two)."""
    by_rest: tuple[dict[str, list[str]], ...] = ({}, {}, {})
    for cand in candidates:
        if len(cand) == 3:
            for k, rest in enumerate((cand[1:], cand[0] + cand[2], cand[:2])):
                group = by_rest[k].get(rest)
                if group is None:
                    by_rest[k][rest] = [cand]
                else:
                    group.append(cand)
    for k in range(3):
        for group in by_rest[k].values():
            if len(group) >= 2:
                group = [c for c in group if is_name_shape(c)]
                if len(group) >= 2:
                    yield k, group


@functools.cache
def _common_word(name: str) -> bool:
    """A dictionary word that is not a name (强调, 党委), or so frequent a
    word that jieba's ``nr`` tag on it is unreliable (its dictionary tags
    some everyday words as names)."""
    freq = jieba_tokenizer().FREQ.get(name) or 0
    tag = name_tag(name)
    return freq >= 500 or (tag is not None and not tag.startswith("nr") and freq > 0)


def _org_before(text: str, start: int, role: str, bs: int) -> str:
    """The Han characters right before "role" + name (the body it heads)."""
    r0 = start - len(role)
    if r0 < bs or text[r0:start] != role:
        return ""
    m = _HAN_TAIL.search(text[max(bs, r0 - 3) : r0])
    return m.group() if m else ""
