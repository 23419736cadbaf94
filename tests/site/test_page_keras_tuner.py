"""The built keras-tuner page, in both languages: the executed search-space summaries and
the values grid search tries."""

import pytest

from tests.support.pages import soup, table_with
from tests.support.project import LANGUAGES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_keras_tuner_page_shows_the_executed_summaries(site, lang):
    code = soup(site, lang, "keras-tuner.html").select("article pre code")
    texts = [c.get_text() for c in code]
    assert any("Default search space size: 6" in t and "conv_layers (Int)" in t for t in texts)
    assert any("'name': 'dropout', 'values': [True]" in t for t in texts)  # the conditional `rate`
    assert any(t.startswith("def conv_block") and "def build_model" in t for t in texts)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_grid_search_tries_eleven_values_of_a_float_without_step(site, lang):
    rows = table_with(soup(site, lang, "keras-tuner.html"), lang, ["definition", "default"])
    [row] = [r for r in rows if r[0] == "hp.Float('lr', 0.0001, 0.1, sampling='log')"]
    assert row[3] == "11" and row[2].startswith("0.0001, ")
