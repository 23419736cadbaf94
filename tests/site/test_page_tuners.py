"""The built hyperparameter-search pages: computed tables, summaries and the lab, in both languages."""

import pytest

from snippets.i18n import t
from snippets.tuners import TUNERS
from tests.support.pages import soup
from tests.support.project import LANGUAGES


def tables(site, lang, page):
    """Each table of a page as a list of rows of cell texts, the header row first."""
    return [[[cell.get_text(strip=True) for cell in row.select("th, td")] for row in table.select("tr")]
            for table in soup(site, lang, page).select("article table")]


def table_with(site, lang, page, header):
    """The first table of a page whose header starts with header (in the page's language)."""
    header = [t(h, lang) for h in header]
    found = [rows for rows in tables(site, lang, page) if rows[0][:len(header)] == header]
    assert found, f"no table {header} on {lang}/{page}"
    return found[0]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tuner_table_has_a_row_per_tuner(site, lang):
    rows = table_with(site, lang, "tuners.html", ["tuner", "trials", "epochs", "best val_accuracy"])
    assert [row[0] for row in rows[1:]] == list(TUNERS)
    assert [row[1:3] for row in rows[1:]] == [["4", "12"], ["4", "12"], ["4", "12"], ["6", "11"]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hyperband_schedule_table_totals_30_trials_and_120_epochs(site, lang):
    header = [t(h, lang) for h in ("trials", "fresh", "resumed", "epochs")]
    totals = [rows for rows in tables(site, lang, "tuners.html") if rows[0] == header]
    assert [rows[1] for rows in totals] == [["30", "22", "8", "120"], ["4", "4", "0", "8"]]  # the seed's, a tiny space
    schedule = table_with(site, lang, "tuners.html", ["bracket", "round", "trials"])
    assert sum(int(row[2]) for row in schedule[1:]) == 30


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tuners_page_shows_the_progress_figure(site, lang):
    [img] = soup(site, lang, "tuners.html").select("figure.computed-figure img")
    assert "/figures/tuners-progress-" in img["src"] and img["alt"]
    assert (site / LANGUAGES[lang] / img["src"]).resolve().exists()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_keras_tuner_page_shows_the_executed_summaries(site, lang):
    code = soup(site, lang, "keras-tuner.html").select("article pre code")
    texts = [c.get_text() for c in code]
    assert any("Default search space size: 6" in t and "conv_layers (Int)" in t for t in texts)
    assert any("'name': 'dropout', 'values': [True]" in t for t in texts)  # the conditional `rate`
    assert any(t.startswith("def conv_block") and "def build_model" in t for t in texts)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cifar10_page_has_the_928234_parameter_model(site, lang):
    page = soup(site, lang, "cifar10-search.html")
    assert any("Total params: 928,234" in c.get_text() for c in page.select("article pre code"))
    readings = table_with(site, lang, "cifar10-search.html", ["reading", "filters per block", "Total params"])
    assert readings[1:] == [[t("first block = filters", lang), "16, 32", "486,106"],
                            [t("first block = 2 x filters", lang), "32, 64", "928,234"]]
    assert page.select_one("article .admonition.warning")  # the reported results are labelled


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lab_was_executed(site, lang):
    text = soup(site, lang, "labs/keras-tuner.html").get_text()
    assert "Search space summary" in text and "test accuracy:" in text
