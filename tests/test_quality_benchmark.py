"""The quality benchmark: the planted-defect mutator on invented text, and the
floor every rule's precision and recall must keep on the development corpus."""

import json
import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import mutate  # noqa: E402
import quality  # noqa: E402
from quality_corpus import load_corpus  # noqa: E402
from quality_evaluate import evaluate  # noqa: E402
from quality_report import floor_failures, raised_floor, summary  # noqa: E402

# Invented text, one paragraph per line.
ARTICLE = """\
示范区建设进展
本报记者 周明远
示范区管委会主任林海涛表示，今年已有1200家企业入驻示范区。
林海涛说，据市统计局统计，全市新增就业岗位3.5万个，同比增长12%。
截至目前，示范区累计入驻1200家企业，其中外资企业86家。
林海涛介绍，示范区计划明年再建设5座创新中心。
Lin Haitao, director of the zone's administrative committee, said 1,200 companies had moved in this year.
The city added 35,000 new jobs, up 12% year on year, according to the municipal statistics bureau.
"""

PAPER = """\
基于深度学习的图像修复方法
研究表明，该方法使修复精度提高了12.5%[1]，优于传统方法[2]。
已有工作将卷积网络用于壁画修复[3]，平均误差下降了30%[4]。
参考文献
[1] 王一鸣, 李晓红. 图像修复研究综述[J]. 计算机学报, 2019, 42(3): 45-56.
[2] 陈思远. 数字图像处理[M]. 北京: 科学出版社, 2018.
[3] 张伟. 壁画数字化保护[J]. 文物, 2020, 8(2): 10-20.
[4] 刘洋. 深度修复网络[D]. 上海: 复旦大学, 2021.
"""


def _plan(text, **kw):
    return mutate.plan(text, random.Random("test"), **kw)


@pytest.mark.parametrize(
    "kind,text",
    [
        ("name-homophone", ARTICLE),
        ("name-surname", ARTICLE),
        ("pinyin-syllable", ARTICLE),
        ("en-figure", ARTICLE),
        ("zh-contradiction", ARTICLE),
        ("attribution-removed", ARTICLE),
        ("marker-removed", PAPER),
        ("marker-past-list", PAPER),
        ("ref-missing-year", PAPER),
        ("ref-wrong-type", PAPER),
    ],
)
def test_each_kind_of_defect_is_planted_on_invented_text(kind, text):
    found = [m for m in _plan(text) if m.kind == kind]
    assert found, f"no {kind} planted"
    for mu in found:
        mutant = mutate.apply(text, [mu])
        assert mutant != text
        assert mutant.count("\n") == text.count("\n"), "a mutation must not move lines"
        assert text.split("\n")[mu.line - 1] != mutant.split("\n")[mu.line - 1]
        assert mu.rules[0] in mutate.KINDS[kind]


def test_planting_is_reproducible_and_copies_do_not_collide():
    a, b = _plan(ARTICLE + PAPER), _plan(ARTICLE + PAPER)
    assert a == b
    for group in mutate.copies(a):
        keys = [k for mu in group for k in mu.keys]
        assert len(keys) == len(set(keys))
        mutate.apply(ARTICLE + PAPER, group)  # no overlap


def test_a_name_only_jieba_calls_a_person_is_not_mutated():
    # 高端化 is tagged nr by jieba's dictionary; with no role or speech verb it is no name.
    text = "推动产业高端化发展。\n产业高端化是方向。\n"
    assert not [m for m in _plan(text) if m.kind.startswith("name-")]


def test_an_english_figure_with_no_chinese_original_is_left_alone():
    text = "这是一段中文说明文字，没有数字。\nThe museum opened 1,250 rooms to visitors last spring, officials said.\n"
    assert not [m for m in _plan(text) if m.kind == "en-figure"]


def _corpus(tmp_path, files, labels):
    for rel, text in files.items():
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    for genre, docs in labels.items():
        (tmp_path / genre / "labels.yaml").write_text(json.dumps({"documents": docs}), encoding="utf-8")
    return load_corpus(tmp_path)


def test_findings_are_judged_true_false_or_unjudged(tmp_path):
    text = "我们要以学促干，以学促干。\n\n今天天气很好。\n\n他们要以学促干，以学促干。\n"
    units, labels = _corpus(
        tmp_path,
        {"news/a.txt": text, "news/b.txt": text},
        {
            "news": [
                {
                    "path": "news/a.txt",
                    "reviewed": "all",
                    "defects": [{"line": 1, "rules": ["style.repeated-phrase"], "reason": "typed twice"}],
                },
                {"path": "news/b.txt", "reviewed": [[1, 3]], "defects": []},
            ]
        },
    )
    s = summary(evaluate(units, labels, mutants=False), [])
    r = s["rules"]["style.repeated-phrase"]
    # a.txt: line 1 true, line 5 false (reviewed); b.txt: line 1 false, line 5 unjudged
    assert (r["findings"], r["true"], r["false"], r["unjudged"]) == (4, 1, 2, 1)
    assert r["precision"] == round(1 / 3, 3) and r["recall_labelled"] == 1.0


def test_translation_pairs_are_one_unit(tmp_path):
    units, _ = _corpus(
        tmp_path,
        {"translation/x.zh.txt": "中文。\n", "translation/x.en.txt": "English.\n", "translation/y.txt": "单独。\n"},
        {},
    )
    assert sorted(u.paths for u in units) == [["translation/x.zh.txt", "translation/x.en.txt"], ["translation/y.txt"]]


def test_the_floor_is_never_lowered():
    floor = {"rules": {"a.b": {"precision": 0.9, "recall": 0.5}}}
    s = {"rules": {"a.b": {"precision": 0.8, "recall": 0.7}}}
    assert floor_failures(s, floor) == ["a.b: precision 0.80 is below the floor 0.900"]
    assert raised_floor(s, floor)["rules"]["a.b"] == {"precision": 0.9, "recall": 0.7}
    assert raised_floor({"rules": {"a.b": {"precision": 0.957, "recall": None}}}, {})["rules"]["a.b"] == {
        "precision": 0.95,
        "recall": None,
    }


def test_no_rule_falls_below_its_floor_on_the_development_corpus():
    """The benchmark on the committed corpus, planted defects included."""
    units, labels = load_corpus()
    assert {u.genre for u in units} >= {"magazine"}
    s = summary(evaluate(units, labels), [])
    floor = json.loads(quality.FLOOR.read_text(encoding="utf-8"))
    assert floor["rules"], "benchmarks/quality-floor.json records no rule"
    assert floor_failures(s, floor) == []
