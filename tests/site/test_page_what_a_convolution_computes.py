"""The built page "What a convolution computes", in both languages."""

import pytest

from snippets import operation as op
from snippets.formulas import conv_params, padding_sides
from snippets.i18n import page_words
from snippets.keras_shapes import keras_single_layers
from tests.support.pages import soup, tables
from tests.support.project import LANGUAGES

STRINGS = {lang: page_words("what-a-convolution-computes", lang) for lang in ("en", "fa")}

PAGE = "what-a-convolution-computes.html"


def _tables_with(page_soup, headers):
    """Every table whose header row is headers (already in the page's language)."""
    return [rows for rows in tables(page_soup) if rows[0] == headers]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_output_cell_of_the_seed_example_is_written_out_with_its_value(site, lang):
    seed, five = _tables_with(soup(site, lang, PAGE), STRINGS[lang]["step_columns"])
    cells = op.steps(op.SEED_MATRIX, op.SEED_KERNEL, padding="same")
    assert len(seed) - 1 == len(cells) == 9
    centre = seed[1 + 4]
    assert centre == ["(1, 1)", "(1, 1)", op.multiply_add(cells[4]), str(cells[4]["value"])]
    assert centre[2] == "131·0 + 162·1 + 232·0 + 104·1 + 93·(-4) + 139·1 + 243·0 + 26·1 + 252·0 = 59"
    assert [row[3] for row in five[1:]] == [str(v) for v in op.cross_correlate(op.MATRIX_5X5, op.EDGE_KERNEL).ravel()]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_example_on_the_page_agrees_with_keras(site, lang):
    [table] = _tables_with(soup(site, lang, PAGE), STRINGS[lang]["agreement_columns"])
    assert len(table) - 1 == len(op.EXAMPLES) + 1
    assert all(row[-2:] == ["0", "✓"] for row in table[1:])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_weight_sharing_table_counts_conv_and_dense(site, lang):
    [table] = _tables_with(soup(site, lang, PAGE), STRINGS[lang]["sharing_columns"])
    assert table[2][:5] == ["(28, 28, 1)", "20@7x7", "(22, 22, 20)", "1,000", "7,598,800"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_exercises_put_a_folded_hint_before_a_folded_answer(site, lang):
    questions = soup(site, lang, PAGE).select("article details.question")
    assert len(questions) == 3
    for question in questions:
        inner = question.select("details")
        assert [d["class"][0] for d in inner] == ["tip", "success"]
        assert not any(d.has_attr("open") for d in [question, *inner])
    assert op.cell_working(op.MATRIX_5X5, op.EDGE_KERNEL, 1, 1) in questions[0].get_text()
    assert str(conv_params((3, 3), 3, 16)) in questions[2].get_text()


def test_numbers_in_the_prose_are_the_computed_ones():
    # Exercise 2: one zero before the first row and column, so the centre of the first
    # window is the matrix's top-left value, 3; the bias section's 38 parameters.
    assert padding_sides(5, 3, 2, "same") == (1, 1)
    assert op.padded_input(op.MATRIX_5X5, op.EDGE_KERNEL, 2, "same")[1, 1] == op.MATRIX_5X5[0][0] == 3
    [(_, keras_count)] = keras_single_layers((({"layer": "Conv2D", "filters": 2, "kernel_size": 3}, (4, 4, 2)),))
    assert conv_params((3, 3), 2, 2) == keras_count == 38
    assert op.CHANNELS_BIAS == (2, -1)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_comes_first_in_the_nav_after_home(site, lang):
    page = soup(site, lang, "index.html")
    links = [a["href"] for a in page.select(".md-nav--primary a.md-nav__link[href]")]
    first = [h for h in links if h.endswith(".html") and not h.startswith("#")]
    assert first[1].endswith(PAGE), first[:3]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_explorer_speaks_the_pages_language_and_brings_its_photograph(site, lang):
    page = soup(site, lang, PAGE)
    words = STRINGS[lang]["explorer"]
    root = page.select_one(".conv-explorer")
    assert root.select_one("legend").get_text(strip=True) == words["kernel"]
    assert [label.get_text(strip=True) for label in root.select(".ce-kernels label")] == \
        [words["presets"][k] for k in ("box", "laplacian", "sobel_x", "sobel_y", "custom")]
    here = (site / LANGUAGES[lang] / PAGE).parent
    scripts = [s["src"] for s in page.select("script[src]")]
    photo = next(s for s in scripts if "explorer-photo" in s)
    assert (here / photo).resolve().is_file()
    assert any(s.endswith("conv-explorer.js") and (here / s).resolve().is_file() for s in scripts)
