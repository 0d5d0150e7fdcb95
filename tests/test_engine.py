"""The engine, in process: scopes, offsets to positions, errors instead of crashes, discovery."""

from dataclasses import replace
from types import MappingProxyType

import pytest

from lintkit import ARTICLE, CORPUS, Document, Option, Problem, Related, rule
from lintkit.config import Config
from lintkit.engine import Engine, discover
from lintkit.findings import Edit, Fix, Severity


def _rules(*rules):
    return {r.id: replace(r, plugin=r.id.split(".")[0]) for r in rules}


@rule("t.find-x", options={"letter": Option("x", "what to find")})
def find_x(doc, options):
    """Every occurrence of a letter."""
    start = 0
    while (i := doc.text.find(options["letter"], start)) >= 0:
        yield Problem(i, i + 1, f"found {options['letter']}")
        start = i + 1


@rule("t.raises")
def raises(doc, options):
    """Raises on documents containing 'boom'."""
    if "boom" in doc.text:
        raise KeyError("boom")
    return ()


def test_positions_are_converted_once_in_characters():
    doc = Document("𠀀中x\r\n好x\n", "a.txt")
    result = Engine(_rules(find_x)).run([doc])
    assert [(f.start.line, f.start.column, f.end.line, f.end.column) for f in result.findings] == [
        (1, 3, 1, 4),
        (2, 2, 2, 3),
    ]


def test_options_defaults_merge_and_are_read_only():
    seen = []

    @rule("t.opts", options={"a": Option(1), "b": Option("x")})
    def opts(doc, options):
        """Opts."""
        seen.append(options)
        return ()

    Engine(_rules(opts), Config(options={"t.opts": {"b": "y"}})).run([Document("z")])
    (options,) = seen
    assert dict(options) == {"a": 1, "b": "y"}
    assert isinstance(options, MappingProxyType)
    with pytest.raises(TypeError):
        options["a"] = 2


def test_rule_that_raises_is_an_error_and_others_still_run():
    docs = [Document("boom x", "a.txt"), Document("x", "b.txt")]
    result = Engine(_rules(find_x, raises)).run(docs)
    assert [(f.path, f.rule) for f in result.findings] == [("a.txt", "t.find-x"), ("b.txt", "t.find-x")]
    (e,) = result.errors
    assert (e.kind, e.rule, e.plugin, e.path) == ("rule", "t.raises", "t", "a.txt")
    assert "rule t.raises (plugin t) failed on a.txt: KeyError" in e.message
    assert "test_engine.py:" in e.message  # where it raised
    assert result.exit_code("never") == 2


def test_findings_of_a_crashing_rule_are_dropped_not_half_reported():
    @rule("t.half")
    def half(doc, options):
        """Yields then raises."""
        yield Problem(0, 1, "first")
        raise RuntimeError("then fails")

    result = Engine(_rules(half)).run([Document("abc", "a.txt")])
    assert result.findings == [] and len(result.errors) == 1


@pytest.mark.parametrize(
    "bad, message",
    [
        (lambda doc: "not a problem", "expected lintkit.Problem"),
        (lambda doc: Problem(0, len(doc.text) + 5, "too far"), "outside the document"),
        (lambda doc: Problem(3, 1, "reversed"), "outside the document"),
        # a fix that would delete or duplicate text is no fix
        (lambda doc: Problem(0, 1, "far fix", fix=Fix((Edit(2, 40, "x"),))), "outside the document or reversed"),
        (lambda doc: Problem(0, 1, "backwards fix", fix=Fix((Edit(3, 1, "x"),))), "outside the document or reversed"),
        (lambda doc: Problem(0, 1, "overlapping fix", fix=Fix((Edit(0, 2, "x"), Edit(1, 3, "y")))), "overlap"),
        # a related place the reader would be sent to must exist
        (lambda doc: Problem(0, 1, "far related", related=(Related(2, 99, "there"),)), "related span"),
    ],
)
def test_bad_problems_are_rule_errors(bad, message):
    @rule("t.bad")
    def bad_rule(doc, options):
        """Bad."""
        yield bad(doc)

    result = Engine(_rules(bad_rule)).run([Document("abcd", "a.txt")])
    assert result.findings == []
    assert message in result.errors[0].message


def test_problem_severity_overrides_rule_severity():
    @rule("t.sev", severity="warning")
    def sev(doc, options):
        """Sev."""
        yield Problem(0, 1, "info one", severity=Severity.INFO)
        yield Problem(1, 2, "default one")

    result = Engine(_rules(sev)).run([Document("ab")])
    assert [str(f.severity) for f in result.findings] == ["info", "warning"]
    assert result.exit_code("warning") == 1
    assert result.exit_code("error") == 0


def test_article_scope_gets_every_article():
    seen = []

    @rule("t.art", scope=ARTICLE)
    def art(article, options):
        """Art."""
        seen.append(article.title)
        yield Problem(
            article.start, article.start + 1, "start", related=(Related(article.end - 1, article.end, "end"),)
        )

    text = "第一篇的标题很长\n\n■ 王五\n\n正文。\n\n第二篇的标题很长\n\n■ 赵六\n\n正文。\n"
    result = Engine(_rules(art)).run([Document(text, "m.txt")])
    assert seen == ["第一篇的标题很长", "第二篇的标题很长"]
    assert [f.start.line for f in result.findings] == [1, 7]
    assert [r.start.line for f in result.findings for r in f.related] == [5, 11]


def test_article_splitting_failure_is_reported_per_rule(monkeypatch):
    import lintkit.model.articles

    def broken(doc):
        raise ValueError("cannot split")

    monkeypatch.setattr(lintkit.model.articles, "split_articles", broken)

    @rule("t.art2", scope=ARTICLE)
    def art2(article, options):
        """Art2."""
        return ()

    result = Engine(_rules(art2, find_x)).run([Document("x", "a.txt")])
    assert [f.rule for f in result.findings] == ["t.find-x"]
    assert "while splitting articles" in result.errors[0].message


def test_corpus_scope_and_related_in_other_documents():
    @rule("t.corpus", scope=CORPUS)
    def corpus(docs, options):
        """Same first line in two files."""
        first, second = docs
        yield Problem(
            0, 2, "also elsewhere", document=second, related=(Related(0, 2, "first seen here", document=first),)
        )

    a, b = Document("同名\n", "a.txt"), Document("\n同名\n", "b.txt")
    result = Engine(_rules(corpus)).run([a, b])
    (f,) = result.findings
    assert f.path == "b.txt" and f.start.line == 1
    (r,) = f.related
    assert (r.path, r.start.line, r.message) == ("a.txt", 1, "first seen here")


def test_corpus_problem_without_document_is_an_error():
    @rule("t.corpus2", scope=CORPUS)
    def corpus2(docs, options):
        """Forgets document=."""
        yield Problem(0, 1, "where?")

    result = Engine(_rules(corpus2)).run([Document("a")])
    assert result.findings == []
    assert "must set Problem.document" in result.errors[0].message
    assert result.errors[0].path == "(all files)"


def test_findings_are_sorted_deterministically():
    docs = [Document("x..x", "b.txt"), Document("..x", "a.txt")]
    result = Engine(_rules(find_x)).run(docs)
    assert [(f.path, f.start.column) for f in result.findings] == [("a.txt", 3), ("b.txt", 1), ("b.txt", 4)]


def test_disabled_rule_does_not_run():
    calls = []

    @rule("t.off", enabled=False)
    def off(doc, options):
        """Off."""
        calls.append(doc)
        return ()

    Engine(_rules(off)).run([Document("a")])
    assert calls == []
    Engine(_rules(off), Config(select=["t.off"])).run([Document("a")])
    assert len(calls) == 1


def test_rule_decorator_validates():
    with pytest.raises(ValueError):
        rule("NoDot")
    with pytest.raises(ValueError):
        rule("t.ok", scope="paragraph")
    assert find_x.summary == "Every occurrence of a letter."
    assert find_x.defaults() == {"letter": "x"}


# -- discovery --------------------------------------------------------------------------------


def test_discover(tmp_path):
    for rel in ["a.txt", "b.md", "c.markdown", "d.py", ".hid/e.txt", "s/.hid2/f.txt", "s/g.txt", "x/node_modules/h.md"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("t")
    files, errors = discover(
        [str(tmp_path), str(tmp_path / "d.py"), "-", str(tmp_path / "zz")], ["node_modules"], tmp_path
    )
    rel = [f if f == "-" else str(__import__("pathlib").Path(f).relative_to(tmp_path)) for f in files]
    assert rel == ["a.txt", "b.md", "c.markdown", "s/g.txt", "d.py", "-"]
    assert len(errors) == 1 and errors[0].kind == "input" and "no such file or folder" in errors[0].message


def test_discover_hidden_folder_named_explicitly_is_linted(tmp_path):
    hidden = tmp_path / ".drafts"
    hidden.mkdir()
    (hidden / "a.txt").write_text("t")
    files, _ = discover([str(hidden)], [], tmp_path)
    assert files == [str(hidden / "a.txt")]


def test_discover_lists_a_file_once(tmp_path):
    (tmp_path / "a.txt").write_text("t")
    files, _ = discover([str(tmp_path / "a.txt"), str(tmp_path), str(tmp_path / "." / "a.txt")], [], tmp_path)
    assert files == [str(tmp_path / "a.txt")]


def _first_char_or_boom(doc):
    """An analysis that fails on one kind of input, as a real one can."""
    if "boom" in doc.text:
        raise KeyError("kw")
    return doc.text[:1]


def test_an_analysis_failing_on_one_file_costs_only_that_file():
    @rule("t.corpus-analysis", scope=CORPUS)
    def corpus_analysis(docs, options):
        """Reports each file's first character, through a shared analysis."""
        for d in docs:
            if d.analysis(_first_char_or_boom):
                yield Problem(0, 1, "first", document=d)

    @rule("t.doc-analysis")
    def doc_analysis(doc, options):
        """The same analysis, per document."""
        doc.analysis(_first_char_or_boom)
        return ()

    docs = [Document("a boom\n", "bad.txt"), Document("good\n", "good.txt"), Document("ok\n", "ok.txt")]
    result = Engine(_rules(corpus_analysis, doc_analysis)).run(docs)
    assert sorted(f.path for f in result.findings) == ["good.txt", "ok.txt"]
    assert sorted((e.rule, e.path) for e in result.errors) == [
        ("t.corpus-analysis", "bad.txt"),
        ("t.doc-analysis", "bad.txt"),
    ]
    for e in result.errors:
        assert "KeyError: 'kw'" in e.message and "bad.txt" in e.message


def test_a_unit_symbol_in_another_case_is_read_not_a_crash():
    """'820,000kw' and 'million kwh' once raised KeyError in the quantities analysis."""
    from lintkit.analysis.quantities import quantities

    doc = Document("装机82万千瓦。\n\nSummary: It has 820,000kw and makes 3 million KWH.\n", "u.txt")
    found = {(q.text, q.unit, q.value) for qs in doc.analysis(quantities).values() for q in qs if q.lang == "en"}
    assert ("820,000kw", "W", 820_000_000.0) in found
    assert any(t.startswith("3 million") and u == "Wh" and v == 3e9 for t, u, v in found)


def test_a_rule_that_calls_sys_exit_is_an_error_not_a_green_run():
    @rule("t.exits")
    def exits(doc, options):
        """Ends the process, as a careless plugin might."""
        raise SystemExit(0)

    result = Engine(_rules(exits, find_x)).run([Document("x", "a.txt")])
    assert [f.rule for f in result.findings] == ["t.find-x"]
    assert "SystemExit" in result.errors[0].message and result.exit_code("warning") == 2


def test_a_rule_past_its_time_budget_is_stopped_and_the_run_goes_on():
    import time

    @rule("t.stuck")
    def stuck(doc, options):
        """Loops on one kind of input, as a pathological case might."""
        if "stuck" in doc.text:
            time.sleep(30)
        return ()

    config = Config(time_budget=0.2)
    docs = [Document("stuck here x\n", "a.txt"), Document("fine x\n", "b.txt")]
    result = Engine(_rules(stuck, find_x), config).run(docs)
    assert sorted(f.path for f in result.findings) == ["a.txt", "b.txt"]  # find-x ran on both
    (e,) = result.errors
    assert (e.rule, e.path) == ("t.stuck", "a.txt")
    assert "took longer than 0.2 s and was stopped" in e.message


def test_markdown_inline_code_is_not_prose():
    doc = Document("Type `x x` to see it; x here is prose.\n", "a.md")
    result = Engine(_rules(find_x)).run([doc])
    assert [f.start.column for f in result.findings] == [23]  # only the x outside the code span
    plain = Engine(_rules(find_x)).run([Document("Type `x x` here.\n", "a.txt")])
    assert len(plain.findings) == 2  # backticks mean nothing in plain text


def test_a_message_is_bounded_whatever_the_rule_quotes():
    from lintkit.engine import MAX_MESSAGE

    @rule("t.long")
    def long_rule(doc, options):
        """Long."""
        yield Problem(0, 1, "“" + "很长的一段话" * 500 + "” is repeated", related=(Related(0, 1, "x" * 5000),))

    (f,) = Engine(_rules(long_rule)).run([Document("abcd", "a.txt")]).findings
    assert len(f.message) == MAX_MESSAGE and f.message.endswith("…")
    assert len(f.related[0].message) == MAX_MESSAGE


def test_an_interrupt_inside_a_rule_stops_the_run_naming_the_rule_and_exits_130(capsys):
    from lintkit.cli import main
    from lintkit.hookspecs import hookimpl

    @rule("t.stops")
    def stops(doc, options):
        """Stops."""
        raise KeyboardInterrupt

    class Plugin:
        @hookimpl
        def register_rules(self, register):
            register(stops)

    import pathlib
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "a.txt"
        path.write_text("正文。\n", encoding="utf-8")
        assert main(["check", "--select", "t", str(path)], plugins=[("t", Plugin())]) == 130
    assert "interrupted while rule t.stops (plugin t) ran on" in capsys.readouterr().err
