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


def test_agreement_marks():
    from snippets.render import agreement

    assert (agreement(1 == 1), agreement(1 == 2)) == ("✓", "✗")


def test_source_joins_definitions_into_one_block_without_decorators():
    from snippets.render import source
    from snippets.search_space import build_model, conv_block
    from snippets.tuners import run_search

    two = source(conv_block, build_model)
    assert two.startswith("```python\ndef conv_block(") and "\n\n\ndef build_model(" not in two
    assert "\n\ndef build_model(" in two and two.endswith("\n```")
    assert source(run_search).startswith("```python\ndef run_search(") and "@cached" not in source(run_search)


def test_source_reads_a_named_definition_without_importing_its_module():
    import sys

    from snippets.render import source

    text = source("tuners._sklearn_model")
    assert text.startswith("```python\ndef _sklearn_model(hp):") and "RandomForestClassifier" in text
    before = "snippets.locally_connected" in sys.modules
    assert source("locally_connected.LocallyConnected2D").startswith("```python\nclass LocallyConnected2D(")
    assert ("snippets.locally_connected" in sys.modules) == before
