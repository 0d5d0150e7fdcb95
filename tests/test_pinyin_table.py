"""lintkit.model.pinyin_table: the table of pypinyin's readings, built from
pypinyin's data modules without pypinyin's package import, is the table
pypinyin itself gives (built here the plain way, through pypinyin's public
import, character by character)."""

import subprocess
import sys


def _table_through_pypinyin() -> dict:
    """The table as lintkit built it before: through ``import pypinyin``,
    one character at a time."""
    from pypinyin import Style
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT
    from pypinyin.style import convert

    def normal(toned):
        return convert(toned, Style.NORMAL, True, default=toned).lower()

    buckets: dict[int, list[str]] = {}
    syllables: set[str] = set()
    defaults: dict[str, str] = {}
    for cp in sorted(PINYIN_DICT):
        toned = PINYIN_DICT[cp]
        readings = frozenset(r for r in map(normal, toned.split(",")) if r)
        syllables |= {r for r in readings if r.isascii() and r.isalpha()}
        if not readings:
            continue
        char = chr(cp)
        defaults[char] = normal(toned.split(",")[0])
        buckets.setdefault(cp >> 8, []).append(f"{char}{defaults[char]}:{','.join(sorted(readings))}")
    phrases = []
    for phrase in sorted(PHRASES_DICT):
        if len(phrase) != 2 or not all(c in defaults for c in phrase):
            continue
        read = [r for r in (normal(item[0]) for item in PHRASES_DICT[phrase]) if r]
        if read != [defaults[c] for c in phrase]:
            phrases.append(phrase + " ".join(read))
    return {
        "chars": {k: "\n" + "\n".join(v) + "\n" for k, v in buckets.items()},
        "syllables": " ".join(sorted(syllables)),
        "phrases": "\n" + "\n".join(phrases) + "\n",
    }


def test_the_table_built_without_pypinyins_package_import_is_pypinyins():
    code = (
        "import sys, marshal\n"
        "from lintkit.model.pinyin_table import build_pinyin_table\n"
        "table = build_pinyin_table()\n"
        "assert not any(m == 'pypinyin' or m.startswith('pypinyin.') for m in sys.modules), sorted(sys.modules)\n"
        "sys.stdout.buffer.write(marshal.dumps(table))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    assert out.returncode == 0, out.stderr.decode()
    import marshal

    table = marshal.loads(out.stdout)
    want = _table_through_pypinyin()
    assert list(table["chars"]) == list(want["chars"])  # the same buckets, in the same order
    assert table == want
    assert len(table["chars"]) > 100 and "\n朝阳zhao yang\n" in table["phrases"]


def test_with_pypinyin_imported_the_table_comes_from_pypinyin_itself():
    import pypinyin  # noqa: F401

    from lintkit.model.pinyin_table import build_pinyin_table, pypinyin_data
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

    chars, phrases, _ = pypinyin_data()
    assert chars is PINYIN_DICT and phrases is PHRASES_DICT
    assert build_pinyin_table() == _table_through_pypinyin()


def test_a_package_imported_without_its_init_leaves_nothing_behind():
    from lintkit.model.pinyin_table import _without_package_init

    code = (
        "import sys\n"
        "from lintkit.model.pinyin_table import _without_package_init\n"
        "(mod,) = _without_package_init('pypinyin', ['pypinyin.phonetic_symbol'])\n"
        "assert mod.phonetic_symbol['ā'] == 'a1'\n"
        "assert not [m for m in sys.modules if m.startswith('pypinyin')]\n"
        "import pypinyin\n"  # the real package imports as usual afterwards
        "assert pypinyin.lazy_pinyin('中') == ['zhong'] and hasattr(pypinyin, '__version__')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    import pytest

    with pytest.raises(ImportError):
        _without_package_init("no_such_package_lintkit", ["no_such_package_lintkit.x"])
