"""The built shapes-and-parameters page, in both languages: its tables, answers and calculator."""

from pathlib import PurePosixPath

import pytest

from snippets.i18n import t
from tests.support.pages import soup, table_with, tables
from tests.support.project import LANGUAGES

PAGE = "shapes-and-parameters.html"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_seed_network_table_totals_11070_and_agrees_with_keras(site, lang):
    header = [t(h, lang) for h in ("layer", "shape (formula)", "shape (Keras)")]
    found = [rows for rows in tables(soup(site, lang, PAGE)) if rows[0][:3] == header]
    seed, cifar = found
    assert seed[-1] == [t("total", lang), "", "", "11,070", "11,070", "✓"]
    assert [row[-1] for row in seed[1:]] == ["✓"] * (len(seed) - 1)
    assert seed[5][:4] == ["LocallyConnected2D 2@3x3", "(5, 5, 2)", "(5, 5, 2)", "4,550"]
    assert cifar[-1] == [t("total", lang), "", "", "928,234", "928,234", "✓"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_exercise_answers_are_folded_away(site, lang):
    page = soup(site, lang, PAGE)
    blanks = table_with(page, lang, ["layer", "output shape", "params"])
    assert blanks[2][1:] == ["?", "?"]
    answer = page.select_one("details.success")
    assert answer is not None and not answer.has_attr("open")
    assert "13,466" in answer.get_text() and answer.select("table")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_locally_connected_layer_matches_tf_keras_on_the_page(site, lang):
    page = soup(site, lang, PAGE)
    table = table_with(page, lang, ["input", "filters@kernel/strides"])
    assert all(row[3] == row[4] and row[5] == "0" for row in table[1:])
    assert any("class LocallyConnected2D(keras.layers.Layer):" in pre.get_text() for pre in page.select("article pre"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_calculator_script_and_style_resolve_to_files_of_the_site(site, lang):
    page = soup(site, lang, PAGE)
    assert page.select_one(".shape-calculator .sc-layers") is not None
    here = PurePosixPath(LANGUAGES[lang] + PAGE).parent
    script = next(s["src"] for s in page.select("script[src]") if "shape-calculator" in s["src"])
    style = next(s["href"] for s in page.select("link[href]") if "shape-calculator" in s["href"])
    for url in (script, style):
        target = (site / here / url).resolve()
        assert target.is_file() and target.parent.parent.name == "assets", url


def test_labels_are_in_the_pages_language(site):
    fa, en = (soup(site, lang, PAGE).select_one(".shape-calculator .sc-add").get_text() for lang in LANGUAGES)
    assert (fa, en) == ("افزودن لایه", "Add layer")
