"""snippets.tuners: the Hyperband schedule is KerasTuner's, and every tuner really ran on the digits."""

import re

import pytest

from snippets import tuners


def test_hyperband_10_3_runs_30_trials_and_120_epochs():
    trials = tuners.hyperband_schedule(10, 3)
    assert tuners.schedule_totals(trials) == {"trials": 30, "fresh": 22, "resumed": 8, "epochs": 120}
    # (bracket, round, trials, epochs, epochs trained), by hand from KerasTuner's formulas:
    # bracket b, round r: ceil(ceil(1 + log3 10) / (b + 1) * 3 ** (b - r)) trials to ceil(10 / 3 ** (b - r)) epochs.
    assert tuners.schedule_rows(trials) == [
        (2, 0, 12, "0 → 2", 24), (2, 1, 4, "2 → 4", 8), (2, 2, 2, "4 → 10", 12),
        (1, 0, 6, "0 → 4", 24), (1, 1, 2, "4 → 10", 12),
        (0, 0, 4, "0 → 10", 40),
    ]


def test_a_small_discrete_space_ends_hyperband_early():
    trials = tuners.hyperband_schedule(10, 3, space="small")
    assert tuners.schedule_totals(trials) == {"trials": 4, "fresh": 4, "resumed": 0, "epochs": 8}


def test_paper_schedule_is_li_et_al_table_1():
    # Li et al. (2018), Table 1: R = 81, eta = 3; n_i per bracket s = 4 .. 0.
    assert tuners.paper_schedule(81, 3) == [(4, 81, 121), (3, 34, 49), (2, 15, 21), (1, 8, 10), (0, 5, 5)]
    assert tuners.paper_schedule(10, 3) == [(2, 9, 13), (1, 5, 6), (0, 3, 3)]


def test_digits_split():
    data = tuners.digits()
    assert [len(data[k][1]) for k in ("train", "val", "test")] == [1000, 400, 397]
    assert data["train"][0].shape[1:] == (8, 8, 1) and 0 <= data["train"][0].min() <= data["train"][0].max() <= 1
    assert len(data["train"][0]) % tuners.BATCH == 0 and len(data["val"][0]) % tuners.BATCH == 0


def test_hyperband_tuner_follows_the_oracle_schedule():
    # The real search trains exactly what the oracle, driven without training, schedules.
    ran = tuners.run_search("Hyperband")["trials"]
    planned = tuners.hyperband_schedule(**tuners.HYPERBAND)
    assert [t["epochs"] for t in ran] == [p["epochs"] - p["initial_epoch"] for p in planned]
    assert [t["resumed"] for t in ran] == [p["round"] > 0 for p in planned]


def test_grid_search_starts_at_the_defaults_and_moves_the_last_hyperparameter_first():
    trials = tuners.run_search("GridSearch")["trials"]
    first = {"conv_layers": 1, "filters": 4, "dense_layers": 1, "units": 32, "lr": 3e-3, "optimizer": "adam"}
    assert trials[0]["values"] == first
    assert trials[1]["values"] == {**first, "optimizer": "sgd"}
    assert trials[2]["values"] == {**first, "lr": 1e-2}


def test_comparison_has_one_row_per_tuner_with_the_budget():
    rows = tuners.comparison_rows()
    assert [r[0] for r in rows] == list(tuners.TUNERS)
    assert [(r[1], r[2]) for r in rows] == [(4, 12), (4, 12), (4, 12), (6, 11)]
    for _, _, _, best_val, test_accuracy, seconds in rows:
        seconds = float(re.search(r">([0-9.]+)<", seconds).group(1))  # a snippets.render.measured value
        assert 0.1 < best_val <= 1 and 0 < test_accuracy <= 1 and seconds > 0
    assert max(r[3] for r in rows) > 0.85  # some tuner found a model that learned the digits


def test_trial_rows_list_every_trial_with_its_values():
    rows = tuners.trial_rows()
    assert [r[0] for r in rows] == [name for name, n in zip(tuners.TUNERS, (4, 4, 4, 6)) for _ in range(n)]
    assert rows[4][2] == "1, 4, 1, 32, 0.003, adam"  # GridSearch's first trial: the defaults


def test_progress_figure_is_a_png():
    assert tuners.progress_figure()[:8] == b"\x89PNG\r\n\x1a\n"


def test_sklearn_tuner_searches_svm_and_forest():
    result = tuners.sklearn_search()
    assert len(result["trials"]) == tuners.SKLEARN["max_trials"]
    assert all(0 <= score <= 1 for *_, score in result["trials"])
    assert result["test_accuracy"] > 0.9
    # Both scopes are entered on the first build: `trees` is in the space before any forest trial.
    assert result["space"] == ["model", "C", "gamma", "trees"]


def test_sklearn_bayesian_search_uses_its_gaussian_process():
    """num_initial_points below max_trials: the first trials are random, the rest come from the GP."""
    trials = tuners.sklearn_search()["trials"]
    first = tuners.SKLEARN["num_initial_points"]
    assert [origin for _, origin, *_ in trials] == ["random"] * first + ["Gaussian process"] * (len(trials) - first)
    assert tuners.origin_counts(trials) == {"random": 3, "Gaussian process": 5}  # as the page says


def test_sklearn_origins_with_the_default_initial_points_are_all_random():
    """The trap the page describes: by default 3 x 4 = 12 initial points, more than 8 trials."""
    trials = tuners.sklearn_search(max_trials=4, num_initial_points=None)["trials"]
    assert {origin for _, origin, *_ in trials} == {"random"}


def test_sklearn_is_not_worse_than_the_cnns():
    """The page: the tuned classifier does at least as well as every small CNN on the test images."""
    cnn_best = max(row[4] for row in tuners.comparison_rows())
    assert tuners.sklearn_search()["test_accuracy"] >= cnn_best


def test_sgd_scores_below_adam_in_the_comparison():
    """The page: SGD at these learning rates learns much less in 3 epochs than Adam."""
    scores = {"adam": [], "sgd": []}
    for name in tuners.TUNERS:
        for trial in tuners.run_search(name)["trials"]:
            if trial["epochs"] == tuners.EPOCHS or name != "Hyperband":
                scores[trial["values"]["optimizer"]].append(trial["score"])
    assert max(scores["sgd"]) < min(scores["adam"])


def test_bracket_count_is_floor_log_plus_one():
    for epochs, counted, visited, floor_rule, ceil_rule, _ in tuners.bracket_rows():
        assert counted == visited == floor_rule
    rows = {row[0]: row for row in tuners.bracket_rows()}
    assert rows[10][1:5] == (3, 3, 3, 4)  # the page's case: the ceil rule would say 4
    assert rows[9][4] == rows[9][1] == 3  # a power of the factor: both rules agree


def test_iterations_repeat_the_brackets():
    rows = tuners.iteration_rows()
    one = rows[0]
    assert one[1:5] == (30, 22, 8, 120)
    for n, *totals, estimate in rows:
        assert totals == [n * t for t in one[1:5]]
    assert one[5] == pytest.approx(43.9, abs=0.05)  # 10 * log3(10)**2, far below the 120 trained


@pytest.mark.parametrize("values, text", [({"lr": 0.01, "optimizer": "adam"}, "lr=0.01 optimizer=adam")])
def test_values_text(values, text):
    assert tuners._values_text(values) == text


@pytest.mark.parametrize("max_epochs, factor, totals", [
    (9, 3, {"trials": 23, "fresh": 17, "resumed": 6, "epochs": 75}),  # exercise 1 of the page
    (81, 3, {"trials": 211, "fresh": 143, "resumed": 68, "epochs": 1767}),
])
def test_other_hyperband_schedules(max_epochs, factor, totals):
    assert tuners.schedule_totals(tuners.hyperband_schedule(max_epochs, factor)) == totals
    if max_epochs == 81:  # the paper's 206 runs, rounded down where KerasTuner rounds up
        assert sum(runs for _, _, runs in tuners.paper_schedule(81, 3)) == 206


def test_notes_trials_match_groups_of_the_schedule():
    rows = tuners.notes_trial_rows()
    assert [row[-1] for row in rows] == [4, 2, 2]  # bracket 0 has 4 fresh trials, bracket 1 round 1 has 2
    assert [row[3] for row in rows] == ["0 → 10", "4 → 10", "4 → 10"]
