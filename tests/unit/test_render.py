"""snippets.render: the Markdown and TeX that pages print."""

from snippets.render import bmatrix, equation, measured, table


def test_bmatrix_prints_integers_without_decimals_and_keeps_fractions():
    assert bmatrix([[1.0, 2.5], [3, -4]]) == r"\begin{bmatrix} 1 & 2.5 \\ 3 & -4 \end{bmatrix}"


def test_equation_is_a_display_math_block():
    assert equation("a", "=", "b") == "\n$$\na = b\n$$\n"


def test_table_aligns_numbers_right_and_groups_thousands():
    assert table(["layer", "params"], [["Dense", 11070], ["Flatten", 0.5]]).splitlines()[2:-2] == [
        "| layer | params |", "| :--- | ---: |", "| Dense | 11,070 |", "| Flatten | 0.5 |"]


def test_measured_values_are_marked_and_left_out_of_search():
    assert measured(12.5) == '<span class="measured" data-search-exclude>12.5</span>'
    assert "| ---: |" in table(["wall time (s)"], [[measured(1.5)]])
