"""The speed-ups of the analyses and rules must not change any result.

Each fast path (a prefilter, a candidate search, a reimplementation) is
checked against the slow form it replaces: on every string of a small
alphabet where that is cheap, on random strings otherwise, and on the
project's own fixture texts and the sample corpus when present.
"""

from __future__ import annotations

import itertools
import pathlib
import random
import subprocess
import sys

import pytest
import regex

from lintkit.analysis import citations as C
from lintkit.analysis import quantities as Q
from lintkit.model.document import Document
from lintkit.testing import lint_documents

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
NUMERALS = "零〇一二两三四五六七八九十百千"


def _fixture_texts() -> list[str]:
    files = sorted(FIXTURES.rglob("*.txt")) + sorted(FIXTURES.rglob("*.md"))
    return [f.read_text(encoding="utf-8", errors="replace") for f in files]


def _cn2an(s: str) -> float | None:
    import cn2an

    try:
        return float(cn2an.cn2an(s, "smart"))
    except Exception:  # noqa: BLE001 - what cn_number turns into None
        return None


# -- Chinese numerals without cn2an ---------------------------------------------


def test_short_numerals_read_as_cn2an_reads_them():
    # every string of up to four numeral characters (54 240 strings); the
    # reading was also checked offline for every string of five and six
    mismatches = []
    for n in range(1, 5):
        for chars in itertools.product(NUMERALS, repeat=n):
            s = "".join(chars)
            if s in ("百", "千"):
                continue  # cn_number's own readings, before either path
            if Q._cn_short(s) != _cn2an(s):
                mismatches.append(s)
    assert mismatches == []


@pytest.mark.parametrize(
    "s, value",
    [
        ("三十一", 31.0),
        ("两", 2.0),
        ("十", 10.0),
        ("二〇三一", 2031.0),
        ("三百四", 340.0),
        ("两千零五", 2005.0),
        ("一千零十", 1010.0),
        ("百", 100.0),
    ],
)
def test_cn_number_values(s, value):
    assert Q.cn_number(s) == value


@pytest.mark.parametrize("s", ["四五十", "千百", "十十三", "三四五六七八九十"])
def test_cn_number_rejects_what_cn2an_rejects(s):
    assert Q.cn_number(s) is None
    assert _cn2an(s) is None


def test_long_numerals_still_go_to_cn2an():
    s = "一千九百九十九"  # seven characters: beyond the checked short path
    assert len(s) > Q._CN_SHORT_MAX
    assert Q.cn_number(s) == _cn2an(s) == 1999.0


def test_short_numerals_do_not_import_cn2an():
    code = (
        "import sys\n"
        "from lintkit.analysis.quantities import cn_number\n"
        "assert cn_number('三十一') == 31.0 and cn_number('二〇三一') == 2031.0\n"
        "print('cn2an' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- speakers: candidate starts before a verb of saying ----------------------------


def _speakers_slow(text, start, end):
    return [(m.span(), m.group("subject")) for m in C.SPEAKER.finditer(text, start, end)]


def _speakers_fast(text, start, end):
    return [(m.span(), m.group("subject")) for m in C._speaker_matches(text, start, end)]


def test_speaker_matches_equal_the_plain_search_on_fixtures():
    total = 0
    for text in _fixture_texts():
        rng = random.Random(len(text))
        windows = [(0, len(text))] + [
            (s, min(len(text), s + rng.randrange(1, 300))) for s in (rng.randrange(len(text) + 1) for _ in range(30))
        ]
        for s, e in windows:
            slow = _speakers_slow(text, s, e)
            assert _speakers_fast(text, s, e) == slow, (s, e)
            total += len(slow)
    assert total > 20  # the fixtures do contain speakers


def test_speaker_matches_equal_the_plain_search_on_random_text():
    pieces = [
        "说",
        "说道",
        "表示",
        "接受采访时",
        "发布的",
        "白皮书",
        "研究",
        "的",
        "王明",
        "ab",
        "·",
        ".",
        "，",
        " ",
        "“",
        "公司",
        "也",
        "进一步",
        "称",
        "显示",
        "数据",
        "某某某某某某某某",
        "对记者",
    ]
    rng = random.Random(7)
    total = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        s = rng.randrange(len(text) + 1)
        e = rng.randint(s, len(text))
        slow = _speakers_slow(text, s, e)
        assert _speakers_fast(text, s, e) == slow, (text, s, e)
        total += len(slow)
    assert total > 500


def test_a_speaker_at_the_longest_reach_is_found():
    # 16-character subject + 接受采访时 + 发布的 + 白皮书 + 表示: 27 characters before the verb
    text = "，" + "甲" * 16 + "接受采访时发布的白皮书表示"
    assert _speakers_fast(text, 0, len(text)) == _speakers_slow(text, 0, len(text)) != []


# -- repeated phrases: prefilters --------------------------------------------------


def _repeated(texts):
    docs = [Document(t, f"t{i}.txt") for i, t in enumerate(texts)]
    found = lint_documents(docs, "style.repeated-phrase").findings
    return sorted((f.path, f.start.offset, f.end.offset, f.message) for f in found)


def test_repeated_phrase_prefilter_changes_nothing(monkeypatch):
    from lintkit_style.rules import repeated_phrase as R

    rng = random.Random(11)
    han = "发展创新协同以学促干的和"
    texts = []
    for _ in range(600):
        t = "".join(
            rng.choice(han + "，、, ") if rng.random() < 0.2 else rng.choice(han) for _ in range(rng.randint(5, 50))
        )
        if rng.random() < 0.6:  # plant a repetition of Han characters
            phrase = "".join(rng.choice(han) for _ in range(rng.randint(3, 16)))
            i = rng.randint(0, len(t))
            t = t[:i] + phrase + rng.choice(["", "，", " , ", "和", "了的", "、"]) + phrase + t[i:]
        texts.append(t)
    texts += _fixture_texts()
    fast = _repeated(texts)
    monkeypatch.setattr(R, "_may_repeat", lambda runs: True)
    monkeypatch.setattr(R, "_may_repeat_separated", lambda text, runs: True)
    assert _repeated(texts) == fast
    assert len({path for path, *_ in fast}) > 100  # many planted repetitions are reported


# -- organisation names: only where a head morpheme can end ------------------------


def test_organisation_names_found_the_same_without_the_filter(monkeypatch):
    from lintkit_names import organisations as O

    rng = random.Random(5)
    pieces = list(O.HEADS) + sorted(O.KEY)[:30] + ["与", "和", "北京", "的", "中国", "会", "心", "所", "学", " ", "A"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(2000)]
    texts += _fixture_texts()

    def run():
        return [
            [(s, n, [(m.text, m.start, m.kind) for m in ms], c) for s, n, ms, c in O.chinese_names_in(t, 0, len(t))]
            for t in texts
        ]

    fast = run()
    monkeypatch.setattr(O, "_head_end", lambda: None)
    assert run() == fast
    assert sum(map(len, fast)) > 500


# -- statistics: sentences with nothing a statistic needs are skipped ---------------


def test_statistic_prefilter_changes_nothing(monkeypatch):
    from lintkit_citations import claims

    sentences = []
    for text in _fixture_texts():
        sentences += [s for s in regex.split(r"(?<=[。！？；\n])", text) if s]
    sentences += [
        "增长了三成",
        "过半的受访者",
        "三分之一",
        "数亿元",
        "位居全球第一",
        "世界之首",
        "约 30%",
        "全年 5 倍",
        "这一成果",
        "没有数字的句子。",
    ]
    sentences += [
        "营收 3 Billion dollars",
        "US$ 5 bn",
        "5 ＭＩＬＬＩＯＮ yuan",
        "占全国的一半",
        "2 成以上",
        "用户规模 30 亿",
        "第三",
    ]
    fast = [claims.statistic_figures(s) for s in sentences]
    monkeypatch.setattr(claims, "_MAY_HOLD_FIGURE", regex.compile(""))
    monkeypatch.setattr(
        claims, "_FIGURE_PATTERNS", tuple((p, k, lambda s: True) for p, k, _ in claims._FIGURE_PATTERNS)
    )
    monkeypatch.setattr(claims, "_MONEY_MARK", regex.compile(""))
    monkeypatch.setattr(claims, "_may_large", lambda s: True)
    assert [claims.statistic_figures(s) for s in sentences] == fast
    assert sum(map(bool, fast)) > 10


def test_caches_live_in_the_users_cache_folder_not_the_shared_temp_folder(tmp_path):
    import os
    import subprocess
    import sys

    cache = tmp_path / "cache"
    env = dict(os.environ, LINTKIT_CACHE_DIR=str(cache))
    code = (
        "from lintkit.testing import lint\n"
        "print(len(lint('会长王建明表示，要加强合作。会长王健明指出。', 'names.spelling-variant')))\n"
    )
    p = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    names = sorted(f.name for f in cache.iterdir())
    assert any(n.startswith("lintkit.jieba-dictionary.") for n in (f.name for f in (cache / "data").iterdir()))
    assert not (cache / "jieba.cache").exists()
    assert not [n for n in names if n.startswith("tmp") or n.endswith(".tmp")]  # no orphan temp files


# -- English numbers tried only where one can start ------------------------------


def test_number_matches_are_finditers():
    """``_number_matches`` finds what ``_EN_NUMBER.finditer`` finds: on random
    strings of the pieces the pattern reads (leads, spaces, cores, letters
    that fold to ASCII under ignore-case) and random ranges, and on every
    block of the fixtures."""
    from lintkit.analysis.quantities import english as E

    def same(text: str, start: int, end: int) -> bool:
        slow = [m.span() for m in E._EN_NUMBER.finditer(text, start, end)]
        return slow == [m.span() for m in E._number_matches(text, start, end)]

    rng = random.Random(3)
    atoms = ["about", "over", "more than", "some", "an estimated", "approx.", "US$", "$", "\\$", "HK$", "USD", "¥"]
    atoms += [" ", "  ", "\t", "\n", "1", "12", "3,000", "4.5", "2023", "first", "twenty", "-", "one", "a", "an"]
    atoms += ["million", "bn", "k", "m", "+", "-plus", "th", "st", "x", "the", ",", ".", "ſeven", "Second", "٣"]
    atoms += ["awesome", "often", "2nd", "ninety-first", "hundred", "²"]
    bad = []
    for _ in range(5000):
        text = "".join(rng.choice(atoms) for _ in range(rng.randint(1, 14)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        if not same(text, start, end):
            bad.append((text, start, end))
    for text in _fixture_texts():
        doc = Document(text)
        bad.extend((text[:40], b.start, b.end) for b in doc.blocks if not same(text, b.start, b.end))
    assert bad == []


def test_repeated_words_prefilter_misses_no_repetition():
    """Wherever the English doubled-phrase pattern of style.repeated-phrase
    matches, its prefilter lets the block through (case folding included:
    ſ, the Kelvin sign, İ)."""
    from lintkit_style.rules import repeated_phrase as RP

    rng = random.Random(5)
    atoms = ["the", "The", "THE", "of", " ", "\t", "\n", "a", "ſ", "K", "k", "İt", "it", "(", ",", "-", "in-depth", "1"]
    texts = ["".join(rng.choice(atoms) for _ in range(rng.randint(1, 12))) for _ in range(20000)]
    texts += [text[b.start : b.end] for text in _fixture_texts() for b in Document(text).blocks]
    assert [t for t in texts if RP._EN_TWICE.search(t) and not RP._may_repeat_words(t)] == []


def test_date_matches_are_finditers():
    """``_date_matches`` finds what ``_EN_DATE.finditer`` finds (random
    strings of months, days, suffixes and spaces; the fixtures' blocks)."""
    from lintkit.analysis.quantities import english as E

    def spans(found) -> list[tuple[int, int]]:
        return [m.span() for m in found]

    rng = random.Random(9)
    atoms = ["March", "march", "Mar.", "May", "may", "Sept", "ſept", "Jun", "12", "1", "31", "3", "0", "th", "st"]
    atoms += ["ſt", "nd", " ", "  ", "\n", "-", "to", "through", "and", ",", "2023", "1999", "of", "x", "4"]
    cases = []
    for _ in range(10000):
        text = "".join(rng.choice(atoms) for _ in range(rng.randint(1, 12)))
        start = rng.randint(0, len(text))
        cases.append((text, start, rng.randint(start, len(text))))
    cases += [(text, b.start, b.end) for text in _fixture_texts() for b in Document(text).blocks]
    bad = [c for c in cases if spans(E._EN_DATE.finditer(*c)) != spans(E._date_matches(*c))]
    assert bad == []


def test_english_name_patterns_tried_at_two_capitalised_words():
    """``overlapped_at`` finds what the English name patterns find with
    ``finditer(overlapped=True)``: random strings and the fixtures."""
    from lintkit.analysis.name_finders import TWO_CAPITALISED, overlapped_at
    from lintkit.analysis.name_matching import _EN_PINYIN_NAME
    from lintkit_names.evidence import _EN_NAME

    rng = random.Random(2)
    atoms = ["Wang", " ", "\u00a0", "Wenbin", "WANG", "Xi", "-", "Li", "a", "é", "É", "Zhang-san", "x", "AB", "中"]
    cases = []
    for _ in range(5000):
        text = "".join(rng.choice(atoms) for _ in range(rng.randint(1, 8)))
        start = rng.randint(0, len(text))
        cases.append((text, start, rng.randint(start, len(text))))
    cases += [(text, b.start, b.end) for text in _fixture_texts() for b in Document(text).blocks]
    for pattern in (_EN_NAME, _EN_PINYIN_NAME):
        find = overlapped_at(pattern, TWO_CAPITALISED)
        slow = [[m.span() for m in pattern.finditer(*c, overlapped=True)] for c in cases]
        assert [[m.span() for m in find(*c)] for c in cases] == slow


def test_surname_windows_equal_the_overlapped_regex():
    """``Vocabulary.surname_windows`` finds what ``surname_window.finditer(…,
    overlapped=True)`` finds, in the same order: random strings (compound
    surnames, one a prefix of another, not followed by Han, block ends
    inside a window) and the fixtures, with the default and an extended
    vocabulary."""
    from lintkit.analysis.name_vocabulary import DEFAULT, vocabulary

    rng = random.Random(3)
    atoms = ["欧", "阳", "欧阳", "司马", "王", "明", "李", "的", "，", " ", "a", "诸葛", "亮", "中", "𠀀", "1"]
    cases = []
    for _ in range(5000):
        text = "".join(rng.choice(atoms) for _ in range(rng.randint(1, 10)))
        start = rng.randint(0, len(text))
        cases.append((text, start, rng.randint(start, len(text))))
    cases += [(text, b.start, b.end) for text in _fixture_texts() for b in Document(text).blocks]
    for v in (DEFAULT, vocabulary(surnames=("欧阳明", "阳", "中")), vocabulary(surnames=("欧阳明",))):
        slow = [[(m.start(), m.group()) for m in v.surname_window.finditer(*c, overlapped=True)] for c in cases]
        assert [list(v.surname_windows(*c)) for c in cases] == slow


def test_names_found_the_same_when_jieba_is_asked_everywhere(monkeypatch):
    """The names extractor skips jieba where ``add`` would turn the name away
    anyway (``_adds_nothing``): asked everywhere, it finds the same names."""
    from lintkit.analysis import name_extractor as E
    from lintkit.analysis.names import names

    corpus = pathlib.Path(__file__).parent.parent / "corpus"
    texts = _fixture_texts() + [f.read_text(encoding="utf-8") for f in sorted(corpus.rglob("*.txt"))[:20]]

    def run():
        out = []
        for t in texts:
            found = names(Document(t))
            out.append(([(m.text, m.start, m.end, m.cue, m.role, m.org) for m in found.mentions], found.confirmed))
        return out

    fast = run()
    monkeypatch.setattr(E._Extractor, "_adds_nothing", lambda self, block, start, end: False)
    assert run() == fast
    assert sum(len(m) for m, _ in fast) > 150


def test_latin_words_counted_as_the_regex_module_counts_them():
    """``language_of`` finds Latin words with the standard ``re``: the same
    words as the ``regex`` pattern it replaced, on random strings and the fixtures."""
    from lintkit.model import language as L

    slow = regex.compile(r"[A-Za-z][A-Za-z'’-]*")
    rng = random.Random(4)
    atoms = ["a", "Z", "'", "’", "-", "é", "中", " ", "ſ", "K", "ǅ", "1", "ﬁ"]
    texts = ["".join(rng.choice(atoms) for _ in range(rng.randint(0, 12))) for _ in range(5000)]
    texts += _fixture_texts()
    assert [L._LATIN_WORD.findall(t) for t in texts] == [slow.findall(t) for t in texts]


def test_figures_of_with_the_statistics_given_equals_figures_of():
    from lintkit_citations.claims import figures_of, statistic_figures

    texts = [line for t in _fixture_texts() for line in t.splitlines()]
    assert [figures_of(t, statistic_figures(t)) for t in texts] == [figures_of(t) for t in texts]
    assert sum(1 for t in texts if figures_of(t)) > 20
