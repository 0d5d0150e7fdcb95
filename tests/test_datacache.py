"""lintkit.model.datacache: where data caches live, atomic writes, corrupt files
rebuilt, an unwritable folder degrading to no cache; and jieba's dictionary
read through it exactly as jieba reads it."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lintkit.model import datacache


@pytest.fixture
def cache_env(tmp_path, monkeypatch):
    root = tmp_path / "cache"
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(root))
    return root


def _temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*") if p.name.endswith(".tmp") or p.name.startswith("tmp")]


def test_env_override_and_default(tmp_path, monkeypatch):
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(tmp_path / "x"))
    assert datacache.cache_root() == tmp_path / "x"
    assert datacache.data_dir() == tmp_path / "x" / "data"
    monkeypatch.delenv("LINTKIT_CACHE_DIR")
    import platformdirs

    assert datacache.cache_root() == Path(platformdirs.user_cache_dir("lintkit"))
    assert datacache.data_dir() == datacache.cache_root() / "data"
    assert not str(datacache.cache_root()).startswith(("/tmp/", "/var/tmp/"))


def test_store_and_load_atomically(cache_env):
    value = {"a": "b" * 1000, "n": [1, 2, 3]}
    assert datacache.load("t", "k1") is None
    assert datacache.store("t", "k1", value, label="src1.0")
    path = datacache.cache_path("t", "k1", label="src1.0")
    assert path.parent == cache_env / "data"
    assert f"v{datacache.FORMAT}" in path.name and "src1.0" in path.name
    assert datacache.load("t", "k1", label="src1.0") == value
    assert datacache.load("t", "k2", label="src1.0") is None  # another source, another file
    assert _temporaries(cache_env) == []


def test_a_new_cache_removes_the_same_cache_for_keys_unused_for_a_month(cache_env):
    assert datacache.store("t", "old", [1]) and datacache.store("t", "recent", [2])
    assert datacache.store("other", "old", [3])
    old, recent = datacache.cache_path("t", "old"), datacache.cache_path("t", "recent")
    other = datacache.cache_path("other", "old")
    month_ago = os.path.getmtime(old) - (datacache.SUPERSEDED_AFTER_DAYS + 1) * 86400
    for path in (old, recent, other):
        if path is not recent:
            os.utime(path, (month_ago, month_ago))
    assert datacache.store("t", "new", [4])
    assert not old.exists()  # another key of the same cache, stale
    assert recent.exists()  # another environment of this user may still read it
    assert other.exists()  # another cache altogether
    assert datacache.load("t", "new") == [4]


def test_a_failed_write_leaves_nothing_behind(cache_env, monkeypatch):
    def fail(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(datacache.os, "replace", fail)
    assert datacache.store("t", "k", {"x": 1}) is False
    assert list((cache_env / "data").iterdir()) == []


def test_corrupt_or_truncated_cache_is_rebuilt(cache_env):
    calls = []

    def build():
        calls.append(1)
        return {"word": "x" * 5000}

    assert datacache.cached("t", "k", build) == {"word": "x" * 5000}
    path = datacache.cache_path("t", "k")
    good = path.read_bytes()
    for bad in (
        good[: len(good) // 2],
        b"",
        b"\x00garbage",
        good[:-1] + bytes([good[-1] ^ 1]),
        good.replace(b"k", b"j", 1),
    ):
        path.write_bytes(bad)
        assert datacache.load("t", "k") is None
        assert datacache.cached("t", "k", build) == {"word": "x" * 5000}
        assert path.read_bytes() == good  # rewritten whole
    assert len(calls) == 6
    # a value of the wrong shape is rebuilt too
    datacache.store("t", "k", ["not", "a", "dict"])
    assert datacache.cached("t", "k", build, valid=lambda v: isinstance(v, dict)) == {"word": "x" * 5000}


def test_unwritable_folder_degrades_to_no_cache(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(blocker))
    assert datacache.store("t", "k", {"x": 1}) is False
    assert datacache.load("t", "k") is None
    assert datacache.cached("t", "k", lambda: {"x": 1}) == {"x": 1}


def test_lintkit_runs_silently_without_a_writable_cache(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    env = dict(os.environ, LINTKIT_CACHE_DIR=str(blocker))
    code = (
        "from lintkit.testing import lint\n"
        "print(len(lint('会长王建明表示，要加强合作。会长王健明指出。', 'names.spelling-variant')))\n"
    )
    p = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "1"
    assert "Traceback" not in p.stderr, p.stderr


def test_two_processes_filling_an_empty_cache_at_once(tmp_path):
    cache = tmp_path / "cache"
    env = dict(os.environ, LINTKIT_CACHE_DIR=str(cache))
    code = textwrap.dedent("""
        from lintkit.analysis.names import default_pinyin
        from lintkit.analysis.tokens import jieba_tokenizer, name_tag
        tk = jieba_tokenizer()
        print(tk.FREQ.get("中国"), tk.total, name_tag("王建明"), default_pinyin("朝阳"))
    """)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    assert outs[0][0] == outs[1][0] and outs[0][0].strip()
    # and a third process reads what they wrote
    p = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert p.stdout == outs[0][0]
    names = sorted(f.name for f in (cache / "data").iterdir())
    assert any(n.startswith("lintkit.jieba-dictionary.") for n in names)
    assert any(n.startswith("lintkit.pinyin.") for n in names)
    assert _temporaries(cache) == []


DICTIONARY = "北京 30 ns\n北京大学 20 nt\n王建明 5 nr\n王 40 nr\n王建 3\n欧阳子涵 2 nrfg\nabc 7 eng\n北京 10 ns\n"


def test_jieba_dictionary_read_as_jieba_reads_it(cache_env, tmp_path):
    import importlib

    import jieba

    tok = importlib.import_module("lintkit.analysis.tokens")  # the module, not analysis.tokens()
    path = tmp_path / "dict.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    tk = jieba.Tokenizer(str(path))
    want_freq, want_total = tk.gen_pfdict(tk.get_dict_file())

    def read():
        tok._TABLES.clear()
        tables = tok._dictionary_tables(tk)
        freq = tok._LazyFreq(tables["freq"])
        return freq, tables

    freq, tables = read()  # built
    assert tables["total"] == want_total
    assert freq.get("北京") == 10 and freq["北京大"] == 0 and "北京大学" in freq and "南京" not in freq
    assert dict(freq) == want_freq and len(freq) == len(want_freq)
    assert tables["nametags"]["王"] == "\n王建明:nr\n王:nr\n"
    cached = list((cache_env / "data").glob("lintkit.jieba-dictionary.*.cache"))
    assert len(cached) == 1 and f"jieba{jieba.__version__}" in cached[0].name
    freq, tables = read()  # loaded
    assert dict(freq) == want_freq and tables["total"] == want_total
    cached[0].write_bytes(cached[0].read_bytes()[:100])  # truncated: rebuilt
    freq, tables = read()
    assert dict(freq) == want_freq
    # a changed dictionary is read again, not taken from the cache
    path.write_text(DICTIONARY + "南京 8 ns\n", encoding="utf-8")
    os.utime(path, ns=(1, 1))
    freq, _ = read()
    assert freq.get("南京") == 8
    assert _temporaries(cache_env) == []


def test_lazy_prefix_dictionary_behaves_like_a_dict():
    import importlib
    import marshal

    tok = importlib.import_module("lintkit.analysis.tokens")
    freq = tok._LazyFreq({"北": marshal.dumps({"北": 0, "北京": 3}), "王": {"王": 4}})
    assert "北京" in freq and freq["北京"] == 3 and freq.get("王") == 4 and freq.get("李") is None
    with pytest.raises(KeyError):
        freq["李"]
    # read, not copied in: a lookup reads the bucket as a dict of its own
    assert dict.__len__(freq) == 0 and freq.bucket("北") == {"北": 0, "北京": 3}
    assert freq.bucket("李") is freq and "北海" not in freq and freq.get("北海", 7) == 7
    freq["北海"] = 9  # jieba's add_word: the bucket is loaded first, so it is not overwritten later
    assert freq["北"] == 0 and freq["北海"] == 9
    assert freq.bucket("北") is freq and dict.__getitem__(freq, "北京") == 3  # merged by the write
    assert sorted(freq) == ["北", "北京", "北海", "王"] and len(freq) == 4
    freq = tok._LazyFreq({"北": marshal.dumps({"北": 0, "北京": 3})})
    freq.merge("北京")  # (before jieba's own cut of a text)
    assert dict.__getitem__(freq, "北京") == 3 and freq.bucket("北") is freq


def _jieba_route(tk, sentence):
    dag = tk.get_DAG(sentence)
    route = {}
    tk.calc(sentence, dag, route)
    steps, x = [], 0
    while x < len(sentence):
        y = route[x][1] + 1
        steps.append(sentence[x:y])
        x = y
    return steps


def test_dictionary_route_is_jiebas(tmp_path):
    import re

    import jieba

    from lintkit.analysis.jieba_dictionary import dictionary_route, jieba_tokenizer

    # the process-wide tokenizer (lintkit's lazily loaded prefix dictionary),
    # over every run of text jieba cuts on its own in the name fixtures
    tk = jieba_tokenizer()
    fixtures = Path(__file__).parent / "fixtures" / "names"
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(fixtures.glob("*.txt")))
    runs = re.findall("[\u4e00-\u9fd5a-zA-Z0-9+#&\\._]+", text)
    assert len(runs) > 200
    for run in runs:
        assert dictionary_route(run) == _jieba_route(tk, run), run
    # a tokenizer of its own (jieba's plain dict), with a tie: 甲 / 乙 and
    # 甲乙 are equally likely (3/9 × 3/9 = 1/9): jieba takes the longer word
    path = tmp_path / "dict.txt"
    path.write_text("甲 3\n乙 3\n甲乙 1\n丙 1\nAI 1 eng\n", encoding="utf-8")  # total 9
    own = jieba.Tokenizer(str(path))
    for sentence in ("甲乙", "甲乙丙", "丙甲乙甲", "AI甲乙x", "丁"):
        assert dictionary_route(sentence, own) == _jieba_route(own, sentence), sentence
    assert dictionary_route("甲乙", own) == ["甲乙"]


def test_jieba_dictionary_lines_are_stripped_as_jieba_strips_them(cache_env, tmp_path):
    """CRLF line ends, a tab or spaces around a line: stripped as jieba's
    ``line.strip()`` strips them (lintkit strips every line; it used to
    look for such lines first)."""
    import importlib

    import jieba

    tok = importlib.import_module("lintkit.analysis.tokens")
    path = tmp_path / "dict.txt"
    path.write_bytes(DICTIONARY.replace("\n", "\r\n").replace("王 40 nr", " \t王 40 nr\x0b").encode("utf-8"))
    tk = jieba.Tokenizer(str(path))
    want_freq, want_total = tk.gen_pfdict(tk.get_dict_file())
    tok._TABLES.clear()
    tables = tok._dictionary_tables(tk)
    assert dict(tok._LazyFreq(tables["freq"])) == want_freq and tables["total"] == want_total
    assert tables["nametags"]["王"] == "\n王建明:nr\n王:nr\n"


_BACKGROUND = textwrap.dedent("""
    import os, sys
    from lintkit.model import datacache

    datacache.write_in_background()
    parent = os.getpid()

    def build():
        if os.getpid() == parent:
            raise SystemExit("built in the parent: the prefetching child was not waited for")
        return {"built by": "child"}

    datacache.prefetch("lintkit.test-prefetch", "k1", build)
    print(datacache.cached("lintkit.test-prefetch", "k1", build))
    # a plain cached() value, written by a forked writer the process waits for as it exits
    print(datacache.cached("lintkit.test-later", "k2", lambda: [1, 2], prepare=lambda v: v + [3]))
""")


def test_a_prefetched_cache_is_built_by_a_child_and_waited_for(tmp_path):
    env = dict(os.environ, LINTKIT_CACHE_DIR=str(tmp_path))
    p = subprocess.run([sys.executable, "-c", _BACKGROUND], env=env, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines() == ["{'built by': 'child'}", "[1, 2]"]
    # the writer was waited for at exit: the prepared value is on disk, and no temporary is left
    assert datacache.load("lintkit.test-later", "k2", folder=tmp_path / "data") == [1, 2, 3]
    assert _temporaries(tmp_path) == []


def test_without_the_command_caches_are_written_in_place(cache_env):
    # a library caller (no write_in_background): nothing is forked, nothing prefetched
    datacache.prefetch("lintkit.test-prefetch", "k1", lambda: 1 / 0)
    assert datacache.cached("lintkit.test-in-place", "k", lambda: [1], prepare=lambda v: v + [2]) == [1]
    assert datacache.load("lintkit.test-in-place", "k") == [1, 2]
    assert not datacache.has_any("lintkit.test-prefetch") and datacache.has_any("lintkit.test-in-place")


def test_a_first_run_of_the_command_fills_the_data_caches_and_finds_what_a_warm_run_finds(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("会长王建明表示，要加强合作。\n\n会长王健明指出，合作很重要。\n", encoding="utf-8")
    env = dict(os.environ, LINTKIT_CACHE_DIR=str(tmp_path / "cache"))
    cmd = [sys.executable, "-m", "lintkit", "check", "--no-cache", "--format", "json", str(doc)]
    first = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    names = sorted(f.name for f in (tmp_path / "cache" / "data").iterdir())
    assert any(n.startswith("lintkit.jieba-dictionary.") for n in names)
    assert any(n.startswith("lintkit.pinyin.") for n in names)
    warm = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert first.stdout == warm.stdout and '"names.spelling-variant"' in first.stdout, first.stderr
