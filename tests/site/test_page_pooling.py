"""The built pooling page, in both languages: every pooling variant agrees with NumPy, the
parameters a pooling layer saves, and presence against position."""

import pytest

from snippets.i18n import t
from tests.support.pages import soup, table_with, tables
from tests.support.project import LANGUAGES

PAGE = "pooling.html"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pooling_page_numbers(site, lang):
    page = soup(site, lang, PAGE)
    variants = [row for rows in tables(page) if t("NumPy agrees", lang) in rows[0] for row in rows[1:]]
    assert len(variants) == 12 and all(row[-1] == t("True", lang) for row in variants)
    assert "[[122.5, 185.5], [134.5, 252]]" in [row[4] for row in variants]
    heads = table_with(page, lang, column="GAP + Dense")
    assert heads[1][2:4] == ["25,089,000", "513,000"]
    assert {row[1] for row in table_with(page, lang, column="trainable parameters")[1:]} == {"0"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pooling_page_shows_presence_and_parameters(site, lang):
    page = soup(site, lang, PAGE)
    presence = {row[0]: row[1:] for row in table_with(page, lang, ["window"])[1:]}
    assert presence[t("feature (1.0) in 1 of 4 cells", lang)] == ["1", "0.25"]
    params = {row[0]: row[1:] for row in table_with(page, lang, ["layer", "params without pooling"])[1:]}
    assert params["Dense"] == ["163,850", "40,970"]
