"""KerasTuner's tuners run on scikit-learn's 8x8 digits, and the Hyperband schedule of its oracle."""

import contextlib
import functools
import io
import math
import tempfile
import time
import warnings

import numpy as np

from cnn_site.cache import cached
from snippets.data import digits
from snippets.i18n import localized
from snippets.plotting import png, pyplot
from snippets.render import measured
from snippets.search_space import DIGITS_RANGES, build_model

TUNERS = ("RandomSearch", "GridSearch", "BayesianOptimization", "Hyperband")
VALUES_HEADER = "conv_layers, filters, dense_layers, units, lr, optimizer"
BATCH = 50
TRIALS, EPOCHS = 4, 3  # budget of the tuners that train every trial fully: 12 epochs
HYPERBAND = {"max_epochs": 3, "factor": 3}  # about the same: 6 trials, 11 epochs


def digits_tuner(name, directory, seed=1):
    """One of KerasTuner's tuners over the digits space, writing its trials into directory."""
    import keras_tuner

    budget = {"RandomSearch": {"max_trials": TRIALS}, "GridSearch": {"max_trials": TRIALS},
              # 3 x 6 random starting points by default: as many as the whole budget
              "BayesianOptimization": {"max_trials": TRIALS, "num_initial_points": 2, "beta": 2.6},
              "Hyperband": HYPERBAND}[name]
    hypermodel = functools.partial(build_model, input_shape=(8, 8, 1), ranges=DIGITS_RANGES)
    return getattr(keras_tuner, name)(hypermodel, objective="val_accuracy", seed=seed, directory=directory,
                                      project_name=name, overwrite=True, **budget)


@cached
def run_search(name, seed=1):
    """Search the digits space with one tuner; return its trials, best model's scores and time."""
    import keras

    keras.utils.set_random_seed(seed)
    data = digits(seed)
    with tempfile.TemporaryDirectory() as directory, contextlib.redirect_stdout(io.StringIO()), \
            warnings.catch_warnings():
        warnings.simplefilter("ignore")  # KerasTuner's deprecated threading calls, checkpoint notices
        tuner = digits_tuner(name, directory, seed)
        start = time.perf_counter()
        tuner.search(*data["train"], validation_data=data["val"], epochs=EPOCHS, batch_size=BATCH, verbose=0)
        seconds = time.perf_counter() - start
        best = tuner.get_best_models(1)[0]
        test_accuracy = best.evaluate(*data["test"], verbose=0)[1]
        trials = [_trial_record(tuner.oracle.trials[i]) for i in tuner.oracle.start_order]
    return {"trials": trials, "test_accuracy": float(test_accuracy), "seconds": seconds}


def _trial_record(trial):
    """A trial as plain data: id, validation accuracy, epochs trained, hyperparameter values."""
    values = trial.hyperparameters.values
    epochs = values.get("tuner/epochs", EPOCHS) - values.get("tuner/initial_epoch", 0)  # Hyperband resumes
    return {"id": trial.trial_id, "score": float(trial.score), "epochs": epochs, "resumed": "tuner/trial_id" in values,
            "values": {k: v for k, v in values.items() if not k.startswith("tuner/")}}


def comparison_rows(seed=1):
    """One row per tuner: trials, epochs, best validation and test accuracy, wall time."""
    rows = []
    for name in TUNERS:
        run = run_search(name, seed)
        scores = [t["score"] for t in run["trials"]]
        rows.append((name, len(scores), sum(t["epochs"] for t in run["trials"]), round(max(scores), 4),
                     round(run["test_accuracy"], 4), measured(round(run["seconds"], 1))))
    return rows


def trial_rows(seed=1):
    """Every trial of every tuner, in the order the tuners started them."""
    return [(name, t["id"], _values_list(t["values"]), "yes" if t["resumed"] else "", t["epochs"], round(t["score"], 4))
            for name in TUNERS for t in run_search(name, seed)["trials"]]


def _values_list(values):
    """The values of the six hyperparameters, in the order DIGITS_RANGES defines them."""
    return ", ".join(f"{values[k]:g}" if isinstance(values[k], float) else str(values[k]) for k in DIGITS_RANGES)


def _values_text(values):
    """Hyperparameter values in one short line."""
    return " ".join(f"{k}={v:g}" if isinstance(v, float) else f"{k}={v}" for k, v in values.items())


@localized
@cached
def progress_figure(seed=1, *, tr):
    """One panel per tuner: each trial's score and the best so far, against epochs trained."""
    plt = pyplot()

    fig, axes = plt.subplots(2, 2, figsize=(7.2, 4.8), sharex=True, sharey=True)
    for ax, name, colour in zip(axes.flat, TUNERS, ("C0", "C1", "C2", "C3")):
        trials = run_search(name, seed)["trials"]
        epochs = np.cumsum([t["epochs"] for t in trials])  # where each trial ends
        scores = [t["score"] for t in trials]
        ax.step(np.r_[0, epochs], np.r_[0, np.maximum.accumulate(scores)], where="post", color=colour)
        ax.plot(epochs, scores, "o", color=colour, markerfacecolor="white")
        ax.set_title(name, fontsize=10)
        ax.grid(alpha=0.3)
    for ax in axes[1]:
        ax.set_xlabel(tr("epochs trained"))
    for ax in axes[:, 0]:
        ax.set_ylabel("val_accuracy")
    fig.tight_layout()
    return png(fig)


SKLEARN = {"max_trials": 8, "num_initial_points": 3}  # 3 random trials, then 5 chosen by the Gaussian process


@cached
def sklearn_search(seed=1, max_trials=SKLEARN["max_trials"], num_initial_points=SKLEARN["num_initial_points"]):
    """SklearnTuner with a Bayesian oracle choosing between an SVM and a random forest.

    Each trial records where its values came from: "random" when the oracle drew them
    (fewer completed trials than num_initial_points), "Gaussian process" when it fitted
    its Gaussian process and maximised the upper confidence bound.
    """
    import keras_tuner
    from sklearn import metrics, model_selection

    data = digits(seed)
    x = np.concatenate([data["train"][0], data["val"][0]]).reshape(-1, 64)
    y = np.concatenate([data["train"][1], data["val"][1]])
    oracle = keras_tuner.oracles.BayesianOptimizationOracle(
        objective=keras_tuner.Objective("score", "max"), max_trials=max_trials,
        num_initial_points=num_initial_points, seed=seed)
    origins = _record_origins(oracle)
    with tempfile.TemporaryDirectory() as directory, contextlib.redirect_stdout(io.StringIO()), \
            warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the Gaussian process's convergence notices
        tuner = keras_tuner.SklearnTuner(oracle, _sklearn_model, scoring=metrics.make_scorer(metrics.accuracy_score),
                                         cv=model_selection.StratifiedKFold(3, shuffle=True, random_state=seed),
                                         directory=directory, project_name="sklearn", overwrite=True)
        space = [hp.name for hp in oracle.hyperparameters.space]
        start = time.perf_counter()
        tuner.search(x, y)
        seconds = time.perf_counter() - start
        trials = [oracle.trials[i] for i in oracle.start_order]
        best = tuner.hypermodel.build(oracle.get_best_trials(1)[0].hyperparameters).fit(x, y)
    rows = [(t.trial_id, origins[t.trial_id], _values_text(t.hyperparameters.values), round(float(t.score), 4))
            for t in trials]
    return {"trials": rows, "space": space, "seconds": seconds,
            "test_accuracy": float(best.score(data["test"][0].reshape(-1, 64), data["test"][1]))}


def _record_origins(oracle):
    """Watch a BayesianOptimizationOracle: {trial_id: "random" or "Gaussian process"}, filled as it runs."""
    origins, populate, draw = {}, oracle.populate_space, oracle._random_populate_space

    def random_populate_space():
        origins[current[0]] = "random"
        return draw()

    def populate_space(trial_id):
        current[0] = trial_id
        origins[trial_id] = "Gaussian process"  # unless the oracle falls back to a random draw
        return populate(trial_id)

    current = [None]
    oracle.populate_space, oracle._random_populate_space = populate_space, random_populate_space
    return origins


def origin_counts(trials):
    """How many trials of a sklearn_search came from each source, e.g. {"random": 3, ...}."""
    counts = {}
    for _, origin, *_ in trials:
        counts[origin] = counts.get(origin, 0) + 1
    return counts


def sklearn_summary(seed=1):
    """The SklearnTuner's test accuracy and wall time next to the best CNN's test accuracy."""
    run = sklearn_search(seed)
    cnn = max(comparison_rows(seed), key=lambda row: row[4])
    return [(round(run["test_accuracy"], 4), f"{cnn[4]} ({cnn[0]})", measured(round(run["seconds"], 1)))]


def _sklearn_model(hp):
    """A scikit-learn classifier chosen and configured by hp.

    Every scope is entered on every call, so the first build registers all the
    hyperparameters; inside an inactive scope, hp returns None.
    """
    from sklearn import ensemble, svm

    kind = hp.Choice("model", ["svc", "forest"])
    with hp.conditional_scope("model", ["svc"]):
        c, gamma = hp.Float("C", 0.1, 100, sampling="log"), hp.Float("gamma", 1e-3, 1, sampling="log")
    with hp.conditional_scope("model", ["forest"]):
        trees = hp.Int("trees", 20, 100, step=40)
    if kind == "svc":
        return svm.SVC(C=c, gamma=gamma)
    return ensemble.RandomForestClassifier(n_estimators=trees, random_state=0)


@cached
def hyperband_schedule(max_epochs=10, factor=3, space="seed", seed=1, iterations=1):
    """Drive KerasTuner's own HyperbandOracle to the end without training; list its trials."""
    import keras_tuner

    hp = keras_tuner.HyperParameters()
    if space == "seed":
        build_model(hp)  # registers the seed's six hyperparameters (and builds one model)
    else:  # a discrete space of only 2 x 2 = 4 combinations
        hp.Choice("optimizer", ["adam", "sgd"])
        hp.Boolean("batch_norm")
    oracle = keras_tuner.oracles.HyperbandOracle(keras_tuner.Objective("val_accuracy", "max"), max_epochs=max_epochs,
                                                 factor=factor, hyperband_iterations=iterations,
                                                 hyperparameters=hp, seed=seed)
    oracle.verbose = 0
    scores, trials = np.random.default_rng(seed), []
    with tempfile.TemporaryDirectory() as directory, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the oracle's deprecated threading calls
        oracle._set_project_dir(directory, "schedule")  # what a Tuner does for its oracle
        while (trial := oracle.create_trial("tuner0")).status == "RUNNING":
            values = trial.hyperparameters.values
            trials.append({key: values.get(f"tuner/{key}") for key in ("bracket", "round", "initial_epoch", "epochs")})
            oracle.update_trial(trial.trial_id, {"val_accuracy": float(scores.random())}, step=values["tuner/epochs"])
            trial.status = "COMPLETED"
            oracle.end_trial(trial)
    return trials


def schedule_rows(trials):
    """Group a Hyperband run's trials by bracket and round: trials, epochs each, epochs trained."""
    groups = {}
    for t in trials:
        groups.setdefault((t["bracket"], t["round"], t["initial_epoch"], t["epochs"]), []).append(t)
    return [(bracket, rnd, len(group), f"{start} → {end}", len(group) * (end - start))
            for (bracket, rnd, start, end), group in groups.items()]


def schedule_totals(trials):
    """Trials, fresh models, resumed models and epochs trained in a Hyperband run."""
    resumed = sum(t["round"] > 0 for t in trials)
    epochs = sum(t["epochs"] - t["initial_epoch"] for t in trials)
    return {"trials": len(trials), "fresh": len(trials) - resumed, "resumed": resumed, "epochs": epochs}


@cached  # KerasTuner imports TensorFlow (seconds): a warm build reads the answer instead
def bracket_rows(max_epochs=(3, 9, 10, 27, 30, 81), factor=3):
    """How many brackets KerasTuner's HyperbandOracle runs, against two candidate formulas.

    Per max_epochs: the oracle's own count (_get_num_brackets), the brackets that a
    driven search actually visits, floor(log_f E) + 1, ceil(1 + log_f E), and the
    epochs that one iteration trains.
    """
    import keras_tuner

    rows = []
    for epochs in max_epochs:
        oracle = keras_tuner.oracles.HyperbandOracle(keras_tuner.Objective("val_accuracy", "max"),
                                                     max_epochs=epochs, factor=factor)
        trials = hyperband_schedule(epochs, factor)
        log = math.log(epochs, factor)
        rows.append((epochs, oracle._get_num_brackets(), len({t["bracket"] for t in trials}),
                     math.floor(log + 1e-9) + 1, math.ceil(1 + log - 1e-9), schedule_totals(trials)["epochs"]))
    return rows


def iteration_rows(max_epochs=10, factor=3, iterations=(1, 2, 3)):
    """Totals of a Hyperband search for several hyperband_iterations, and the docstring's estimate."""
    estimate = round(max_epochs * math.log(max_epochs, factor) ** 2, 1)
    return [(n, *schedule_totals(hyperband_schedule(max_epochs, factor, iterations=n)).values(), estimate * n)
            for n in iterations]


# The tuner/ fields of the three best trials that the course notes print (reported, not re-run).
NOTES_TRIALS = (
    {"score": 0.7250, "bracket": 0, "round": 0, "initial_epoch": 0, "epochs": 10, "trial_id": None},
    {"score": 0.7148, "bracket": 1, "round": 1, "initial_epoch": 4, "epochs": 10, "trial_id": "190e5372…"},
    {"score": 0.6937, "bracket": 1, "round": 1, "initial_epoch": 4, "epochs": 10, "trial_id": "2b437527…"},
)


def notes_trial_rows(max_epochs=10, factor=3):
    """The notes' trial summaries next to the group of KerasTuner's schedule that has the same fields."""
    groups = {(b, r, span): n for b, r, n, span, _ in schedule_rows(hyperband_schedule(max_epochs, factor))}
    rows = []
    for t in NOTES_TRIALS:
        span = f"{t['initial_epoch']} → {t['epochs']}"
        rows.append((t["score"], t["bracket"], t["round"], span, t["trial_id"] or "–",
                     groups.get((t["bracket"], t["round"], span), 0)))
    return rows


def paper_schedule(max_epochs=10, factor=3):
    """Li et al.'s (2018) Hyperband brackets for R=max_epochs, eta=factor: (s, configurations, runs)."""
    s_max = int(math.log(max_epochs, factor) + 1e-9)
    rows = []
    for s in range(s_max, -1, -1):
        n = math.ceil((s_max + 1) / (s + 1) * factor ** s)
        rows.append((s, n, sum(int(n * factor ** -i) for i in range(s + 1))))
    return rows
