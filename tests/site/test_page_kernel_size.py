"""The corrected facts of the technical review, as the built pages show them in both languages."""

import pytest

from snippets.i18n import t
from tests.support.pages import soup
from tests.support.project import LANGUAGES


def table_with(site, lang, page, header):
    """The first table of a page whose header row starts with header (English labels, as the
    code writes them; Persian pages show them through the catalogue), as lists of cell texts."""
    header = [t(h, lang) for h in header]
    for table in soup(site, lang, page).select("article table"):
        rows = [[cell.get_text(strip=True) for cell in row.select("th, td")] for row in table.select("tr")]
        if rows[0][:len(header)] == header:
            return rows
    raise AssertionError(f"no table {header} on {lang}/{page}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_bayesian_sklearn_search_shows_random_then_gaussian_process_trials(site, lang):
    rows = table_with(site, lang, "tuners.html", ["trial", "chosen by"])
    assert [row[1] for row in rows[1:]] == [t("random", lang)] * 3 + [t("Gaussian process", lang)] * 5


@pytest.mark.parametrize("lang", LANGUAGES)
def test_bracket_table_shows_floor_rule(site, lang):
    rows = {row[0]: row[1:] for row in table_with(site, lang, "tuners.html", ["max_epochs", "_get_num_brackets()"])[1:]}
    assert rows["10"][:4] == ["3", "3", "3", "4"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_grid_search_tries_eleven_values_of_a_float_without_step(site, lang):
    rows = table_with(site, lang, "keras-tuner.html", ["definition", "default"])
    [row] = [r for r in rows if r[0] == "hp.Float('lr', 0.0001, 0.1, sampling='log')"]
    assert row[3] == "11" and row[2].startswith("0.0001, ")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_kernel_size_page_shows_rank_bound_and_stride_two_padding(site, lang):
    ranks = table_with(site, lang, "kernel-size.html", ["design", "C_mid"])
    assert [row[2] for row in ranks[1:]] == ["1", "2", "3", "3", "3", "3", "3"]  # one channel pair: up to n
    padding = {tuple(row[:3]): row[4:] for row in table_with(site, lang, "kernel-size.html", ["input n"])[1:]}
    assert padding[("32", "3", "2")] == ["(0, 1)", "(0, 1)"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pooling_page_shows_presence_and_parameters(site, lang):
    presence = {row[0]: row[1:] for row in table_with(site, lang, "pooling.html", ["window"])[1:]}
    assert presence[t("feature (1.0) in 1 of 4 cells", lang)] == ["1", "0.25"]
    params = {row[0]: row[1:] for row in table_with(site, lang, "pooling.html", ["layer", "params without pooling"])[1:]}
    assert params["Dense"] == ["163,850", "40,970"]
