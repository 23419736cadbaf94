"""snippets.render: the Markdown and TeX that pages print."""

from snippets.render import bmatrix, equation, table


def test_bmatrix_prints_integers_without_decimals_and_keeps_fractions():
    assert bmatrix([[1.0, 2.5], [3, -4]]) == r"\begin{bmatrix} 1 & 2.5 \\ 3 & -4 \end{bmatrix}"


def test_equation_is_a_display_math_block():
    assert equation("a", "=", "b") == "\n$$\na = b\n$$\n"


def test_table_aligns_numbers_right_and_groups_thousands():
    assert table(["layer", "params"], [["Dense", 11070], ["Flatten", 0.5]]).splitlines()[2:-2] == [
        "| layer | params |", "| :--- | ---: |", "| Dense | 11,070 |", "| Flatten | 0.5 |"]
