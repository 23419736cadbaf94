"""The original CIFAR-10 experiment: the seed's best model, its reported results, and a reproduction.

The reproduction searches the seed's space with Hyperband, retrains the best model and writes
a results JSON. It downloads CIFAR-10 (about 170 MB) through `keras.datasets.cifar10`:

    python -m snippets.cifar10 --out results.json

`--synthetic N` or `--data file.npz` run it without internet on data of the same format.
With KERASTUNER_TUNER_ID, KERASTUNER_ORACLE_IP and KERASTUNER_ORACLE_PORT set, the same
command is one process of KerasTuner's distributed search: the chief or a worker.
"""

import argparse
import contextlib
import io
import json
import os
import tempfile
import time
import warnings

import numpy as np

from cnn_site.cache import cached
from snippets.data import digits, load_cifar10
from snippets.search_space import DIGITS_RANGES, build_model

# The best trial of the original search, as the notes print it.
BEST_TRIAL = {"conv_layers": 2, "filters": 16, "dense_layers": 3, "units": 192, "lr": 0.001, "optimizer": "adam"}
# What the original run reported (question 3 of the notes); nothing here re-runs it.
REPORTED = {"trials": 30, "best_val_accuracy": 0.7250, "search_time": "00h 34m 13s", "total_params": 928_234,
            "final_epochs": 50, "train_accuracy": 0.8951, "test_accuracy": 0.7775}


def reported_rows():
    """The original run's numbers, with the time per trained epoch they imply."""
    hours, minutes, seconds = (int(part[:-1]) for part in REPORTED["search_time"].split())
    per_epoch = (3600 * hours + 60 * minutes + seconds) / 120  # Hyperband(10, 3) trains 120 epochs
    return [("trials", REPORTED["trials"]), ("best val_accuracy", REPORTED["best_val_accuracy"]),
            ("search time", REPORTED["search_time"]), ("seconds per epoch (implied)", round(per_epoch, 1)),
            ("final training epochs", REPORTED["final_epochs"]), ("train accuracy", REPORTED["train_accuracy"]),
            ("test accuracy", REPORTED["test_accuracy"]), ("Total params", REPORTED["total_params"])]


def fixed_hp(values):
    """A HyperParameters object that answers every question of build_model with values."""
    import keras_tuner

    hp = keras_tuner.HyperParameters()
    hp.values.update(values)
    return hp


@cached
def seed_model_summary(first_width=2):
    """Keras' summary of the seed's best model and its parameter count.

    clear_session() first resets Keras' name counters, so that the layer names in the
    summary (conv2d, conv2d_1, ...) do not depend on how many models were built before.
    """
    import keras

    keras.backend.clear_session()
    model = build_model(fixed_hp(BEST_TRIAL), first_width=first_width)
    lines = []
    model.summary(print_fn=lambda text, **kwargs: lines.append(text), line_length=80)
    return {"summary": "\n".join(lines), "params": model.count_params()}


@cached
def width_readings():
    """Parameter counts of the best trial under the two readings of `filters`."""
    rows = []
    for first_width, reading in ((1, "first block = filters"), (2, "first block = 2 x filters")):
        model = build_model(fixed_hp(BEST_TRIAL), first_width=first_width)
        widths = [layer.filters for layer in model.layers if layer.__class__.__name__ == "Conv2D"][::2]
        rows.append((reading, ", ".join(map(str, widths)), model.count_params()))
    return rows


@cached
def dropout_gap(epochs=6, seed=1):
    """Training accuracy as `fit` reports it (dropout on) and as `evaluate` measures it (off)."""
    import keras

    keras.utils.set_random_seed(seed)
    data = digits(seed)
    values = {"conv_layers": 1, "filters": 8, "dense_layers": 2, "units": 64, "lr": 1e-2, "optimizer": "adam"}
    model = build_model(fixed_hp(values), input_shape=(8, 8, 1), ranges=DIGITS_RANGES)
    history = model.fit(*data["train"], validation_data=data["val"], epochs=epochs, batch_size=50, verbose=0)
    evaluate = lambda x, y: model.evaluate(x, y, batch_size=50, verbose=0)[1]  # noqa: E731
    return {"fit_train": history.history["accuracy"][-1], "evaluate_train": evaluate(*data["train"]),
            "val": history.history["val_accuracy"][-1], "test": evaluate(*data["test"])}


def recording_hyperband(directory, max_epochs, factor, seed):
    """Hyperband over the seed's space, remembering which trials this process ran."""
    import keras_tuner

    class RecordingHyperband(keras_tuner.Hyperband):
        def on_trial_begin(self, trial):  # runs in the process that trains the trial
            super().on_trial_begin(trial)
            self.ran.append(trial.trial_id)

    # Every process of a distributed search opens the same folder: none may wipe it.
    distributed = "KERASTUNER_ORACLE_IP" in os.environ
    tuner = RecordingHyperband(build_model, objective="val_accuracy", max_epochs=max_epochs, factor=factor,
                               seed=seed, directory=directory, project_name="cifar10", overwrite=not distributed)
    tuner.ran = []
    return tuner


def run(source="cifar10", max_epochs=10, factor=3, final_epochs=50, batch_size=64, directory=None, seed=1):
    """Search, retrain the best model on all training images, evaluate; return the results as a dict."""
    import keras

    keras.utils.set_random_seed(seed)
    (x, y), (x_test, y_test) = load_cifar10(source)
    x, x_test = x.astype("float32") / 255, x_test.astype("float32") / 255
    cut = len(x) * 4 // 5  # the last fifth of the training images validates the search
    role = os.environ.get("KERASTUNER_TUNER_ID", "tuner0")
    with contextlib.ExitStack() as stack:
        directory = directory or stack.enter_context(tempfile.TemporaryDirectory())
        tuner = recording_hyperband(directory, max_epochs, factor, seed)
        start = time.perf_counter()
        tuner.search(x[:cut], y[:cut], validation_data=(x[cut:], y[cut:]), batch_size=batch_size, verbose=0)
        results = {"source": source, "tuner_id": role, "ran_trials": sorted(tuner.ran),
                   "search_seconds": round(time.perf_counter() - start, 1)}
        if role.startswith("tuner") and "KERASTUNER_ORACLE_IP" in os.environ:
            return results  # a worker: the chief holds the oracle and the results
        results.update(_best(tuner, x, y, x_test, y_test, final_epochs, batch_size))
    return results


def _best(tuner, x, y, x_test, y_test, final_epochs, batch_size):
    """The oracle's trials and best trial; the best model retrained from scratch and evaluated."""
    best = tuner.oracle.get_best_trials(1)[0]
    values = {k: v for k, v in best.hyperparameters.values.items() if not k.startswith("tuner/")}
    model = build_model(fixed_hp(values))
    model.fit(x, y, epochs=final_epochs, batch_size=batch_size, verbose=0)
    return {"oracle_trials": sorted(tuner.oracle.trials), "best_hyperparameters": values,
            "best_val_accuracy": round(best.score, 4), "total_params": model.count_params(),
            "final_epochs": final_epochs, "train_accuracy": round(model.evaluate(x, y, verbose=0)[1], 4),
            "test_accuracy": round(model.evaluate(x_test, y_test, verbose=0)[1], 4)}


@cached
def example_results(n=40, max_epochs=1, final_epochs=1):
    """The results JSON of a tiny run on synthetic images: its format, not CIFAR-10's numbers.

    search_seconds, a wall time, is shown as null: it differs from run to run, and the
    page must come out the same from every build.
    """
    with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # KerasTuner's deprecated threading calls
        results = run(f"synthetic:{n}", max_epochs=max_epochs, final_epochs=final_epochs)
    return json.dumps({**results, "search_seconds": None}, indent=2)


def parser():
    """The command line's options."""
    description = "Hyperband search of the seed's space on CIFAR-10, then retrain and evaluate."
    cli = argparse.ArgumentParser(prog="python -m snippets.cifar10", description=description,
                                  # a fixed width: the same help text in every terminal
                                  formatter_class=lambda prog: argparse.HelpFormatter(prog, width=88))
    cli.add_argument("--out", required=True, help="where to write the results JSON")
    cli.add_argument("--synthetic", type=int, metavar="N", help="N synthetic images instead of CIFAR-10")
    cli.add_argument("--data", metavar="FILE", help=".npz with x_train, y_train, x_test, y_test instead of CIFAR-10")
    cli.add_argument("--max-epochs", type=int, default=10, help="Hyperband's max_epochs (default 10)")
    cli.add_argument("--factor", type=int, default=3, help="Hyperband's factor (default 3)")
    cli.add_argument("--final-epochs", type=int, default=50, help="epochs to retrain the best model (default 50)")
    cli.add_argument("--batch-size", type=int, default=64, help="default 64")
    cli.add_argument("--directory", help="trial folder, shared by the processes of a distributed search")
    cli.add_argument("--seed", type=int, default=1, help="default 1 (KerasTuner takes 0 for no seed)")
    return cli


def usage():
    """The command's --help text."""
    return parser().format_help()


def main(argv=None):
    """Run the command line: search, retrain, evaluate, write the JSON file."""
    args = parser().parse_args(argv)
    source = f"synthetic:{args.synthetic}" if args.synthetic else args.data or "cifar10"
    results = run(source, args.max_epochs, args.factor, args.final_epochs, args.batch_size, args.directory, args.seed)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
