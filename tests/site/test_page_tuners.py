"""The built tuners page, in both languages: a row per tuner, Hyperband's schedule, the
progress figure, the sklearn searches and the bracket rule."""

import pytest

from snippets.i18n import t
from snippets.tuners import TUNERS
from tests.support.pages import soup, table_with, tables
from tests.support.project import LANGUAGES

PAGE = "tuners.html"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tuner_table_has_a_row_per_tuner(site, lang):
    rows = table_with(soup(site, lang, PAGE), lang, ["tuner", "trials", "epochs", "best val_accuracy"])
    assert [row[0] for row in rows[1:]] == list(TUNERS)
    assert [row[1:3] for row in rows[1:]] == [["4", "12"], ["4", "12"], ["4", "12"], ["6", "11"]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hyperband_schedule_table_totals_30_trials_and_120_epochs(site, lang):
    header = [t(h, lang) for h in ("trials", "fresh", "resumed", "epochs")]
    totals = [rows for rows in tables(soup(site, lang, PAGE)) if rows[0] == header]
    assert [rows[1] for rows in totals] == [["30", "22", "8", "120"], ["4", "4", "0", "8"]]  # the seed's, a tiny space
    schedule = table_with(soup(site, lang, PAGE), lang, ["bracket", "round", "trials"])
    assert sum(int(row[2]) for row in schedule[1:]) == 30


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tuners_page_shows_the_progress_figure(site, lang):
    [img] = soup(site, lang, PAGE).select("figure.computed-figure img")
    assert "/figures/tuners-progress-" in img["src"] and img["alt"]
    assert (site / LANGUAGES[lang] / img["src"]).resolve().exists()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_bayesian_sklearn_search_shows_random_then_gaussian_process_trials(site, lang):
    rows = table_with(soup(site, lang, PAGE), lang, ["trial", "chosen by"])
    assert [row[1] for row in rows[1:]] == [t("random", lang)] * 3 + [t("Gaussian process", lang)] * 5


@pytest.mark.parametrize("lang", LANGUAGES)
def test_bracket_table_shows_floor_rule(site, lang):
    rows = {row[0]: row[1:] for row in table_with(soup(site, lang, PAGE), lang, ["max_epochs", "_get_num_brackets()"])[1:]}
    assert rows["10"][:4] == ["3", "3", "3", "4"]
