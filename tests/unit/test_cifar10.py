"""snippets.cifar10: the seed's best model, and the reproduction command run end to end on tiny data.

The command and KerasTuner's distributed mode run as real subprocesses, each bounded by a timeout.
"""

import json
import os
import socket
import subprocess
import sys

import numpy as np
import pytest

from snippets import cifar10
from snippets.data import synthetic_cifar10
from snippets.search_space import SEED_RANGES
from tests.support.project import ROOT

TIMEOUT = 400  # seconds for one subprocess: minutes of margin over the ~30 s a tiny run takes
TINY = ["--max-epochs", "3", "--factor", "3", "--final-epochs", "1", "--batch-size", "16"]


def conv(c_in, c_out):
    return 3 * 3 * c_in * c_out + c_out


def dense(n_in, n_out):
    return n_in * n_out + n_out


def seed_count(widths, units=192, dense_layers=3, side=32):
    """The best trial's parameters by hand: two 3x3 convolutions per block, pooling halves the side."""
    total, channels = 0, 3
    for width in widths:
        total += conv(channels, width) + conv(width, width)
        channels, side = width, side // 2
    total += dense(side * side * channels, units) + (dense_layers - 1) * dense(units, units)
    return total + dense(units, 10)


def test_seed_model_has_928234_parameters():
    summary = cifar10.seed_model_summary()
    assert summary["params"] == 928_234 == cifar10.REPORTED["total_params"] == seed_count([32, 64])
    assert "Total params: 928,234" in summary["summary"]
    # Layer names do not depend on what the process built before: the counters start afresh.
    assert "conv2d (Conv2D)" in summary["summary"] and "conv2d_3 (Conv2D)" in summary["summary"]
    assert "conv2d_4" not in summary["summary"] and "input_layer (InputLayer)" in summary["summary"]


def test_only_the_doubled_first_block_gives_the_notes_count():
    rows = cifar10.width_readings()
    assert rows == [("first block = filters", "16, 32", seed_count([16, 32])),
                    ("first block = 2 x filters", "32, 64", 928_234)]


def test_reported_seconds_per_epoch():
    rows = dict(cifar10.reported_rows())
    assert rows["seconds per epoch (implied)"] == round((34 * 60 + 13) / 120, 1)


def test_evaluate_measures_training_accuracy_without_dropout():
    gap = cifar10.dropout_gap()
    assert gap["evaluate_train"] > gap["fit_train"]


def test_synthetic_data_has_cifar10_format():
    (x, y), (x_test, y_test) = synthetic_cifar10(40)
    assert (x.dtype, x.shape, y.shape) == (np.uint8, (40, 32, 32, 3), (40, 1))
    assert x_test.shape == (10, 32, 32, 3) and y_test.shape == (10, 1) and 0 <= y.min() <= y.max() <= 9


def test_example_results_of_a_synthetic_run():
    results = json.loads(cifar10.example_results())
    assert results["source"] == "synthetic:40" and results["ran_trials"] == results["oracle_trials"]
    assert list(results["best_hyperparameters"]) == list(SEED_RANGES)


def make_data(path, n=40):
    """A tiny data set in CIFAR-10's format, made here and not by the module under test."""
    rng = np.random.default_rng(7)
    images = lambda k: rng.integers(0, 256, size=(k, 32, 32, 3), dtype=np.uint8)
    labels = lambda k: rng.integers(0, 10, size=(k, 1))
    np.savez(path, x_train=images(n), y_train=labels(n), x_test=images(10), y_test=labels(10))
    return path


def command(out, *args, env=None):
    """Run `python -m snippets.cifar10` as a user would, from the repository root."""
    return subprocess.Popen([sys.executable, "-m", "snippets.cifar10", "--out", str(out), *args], cwd=ROOT,
                            env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def finish(process):
    try:
        output, _ = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
        pytest.fail(f"timed out:\n{output[-3000:]}")
    assert process.returncode == 0, output[-3000:]


def test_reproduction_command_on_a_data_set_the_test_makes(tmp_path):
    data = make_data(tmp_path / "tiny.npz")
    finish(command(tmp_path / "results.json", "--data", str(data), *TINY))
    results = json.loads((tmp_path / "results.json").read_text())
    assert results["source"] == str(data) and results["final_epochs"] == 1
    # Hyperband(max_epochs=3, factor=3) schedules 6 trials; one process ran them all.
    assert results["ran_trials"] == results["oracle_trials"] == [f"{i:04d}" for i in range(6)]
    model = cifar10.build_model(cifar10.fixed_hp(results["best_hyperparameters"]))
    assert results["total_params"] == model.count_params()
    assert 0 <= results["train_accuracy"] <= 1 and 0 <= results["test_accuracy"] <= 1


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_distributed_search_shares_the_trials_between_two_workers(tmp_path):
    data, shared = make_data(tmp_path / "tiny.npz"), tmp_path / "shared"
    oracle = {"KERASTUNER_ORACLE_IP": "127.0.0.1", "KERASTUNER_ORACLE_PORT": str(free_port())}
    processes = {role: command(tmp_path / f"{role}.json", "--data", str(data), "--directory", str(shared), *TINY,
                               env={**oracle, "KERASTUNER_TUNER_ID": role})
                 for role in ("chief", "tuner0", "tuner1")}
    try:
        for process in processes.values():
            finish(process)
    finally:
        for process in processes.values():
            process.kill()  # no-op for those that finished
    results = {role: json.loads((tmp_path / f"{role}.json").read_text()) for role in processes}
    ran = [set(results[role]["ran_trials"]) for role in ("tuner0", "tuner1")]
    assert ran[0] and ran[1], "each worker ran trials"
    assert not ran[0] & ran[1], "no trial ran twice"
    assert ran[0] | ran[1] == set(results["chief"]["oracle_trials"]) == {f"{i:04d}" for i in range(6)}
    assert results["chief"]["ran_trials"] == []  # the chief only serves the oracle
