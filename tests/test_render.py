"""snippets.render: the Markdown and TeX that pages print."""

from snippets.render import bmatrix, equation


def test_bmatrix_prints_integers_without_decimals_and_keeps_fractions():
    assert bmatrix([[1.0, 2.5], [3, -4]]) == r"\begin{bmatrix} 1 & 2.5 \\ 3 & -4 \end{bmatrix}"


def test_equation_is_a_display_math_block():
    assert equation("a", "=", "b") == "\n$$\na = b\n$$\n"
