"""numbers.same-bound: two opposite categories (短/长, 低/高 …) a paragraph
defines by the same bound on the same side (invented fixtures, firing and quiet)."""

from lintkit.testing import lint

# -- two opposite categories bounded alike -----------------------------------------------

SAME_BOUND = "numbers.same-bound"


def test_opposite_categories_bounded_on_the_same_side_by_the_same_figure():
    text = "短时段（少于 3天）的缺测用线性插值补齐，长时段（少于3 天）的缺测用相邻站点回归补齐。\n"
    (f,) = lint(text, SAME_BOUND)
    assert "长时段" in f.message and "短时段" in f.message and text[f.start.offset : f.end.offset] == "少于3 天"


def test_opposite_categories_bounded_on_either_side_of_one_figure_are_quiet():
    text = "短时段（少于3天）的缺测用线性插值补齐，长时段（3天以上）的缺测用相邻站点回归补齐。\n"
    assert lint(text, SAME_BOUND) == []


def test_three_tiers_with_different_bounds_are_quiet():
    text = "按覆盖度分为低覆盖（<20%）、中覆盖（20%～50%）和高覆盖（<80%的样地另计）三类。\n"
    assert lint(text, SAME_BOUND) == []


def test_a_newsroom_adds_a_pair_of_opposite_sides():
    text = "冷季（低于10℃）与暖季（低于10℃）各取一个月。\n"
    assert lint(text, SAME_BOUND) == []
    (f,) = lint(text, SAME_BOUND, options={"contrasts": ["冷 暖"]})
    assert "暖季" in f.message
