"""snippets.search_space: KerasTuner's own summaries of our spaces match the seed's ranges."""

import ast
import math

import pytest

from snippets.render import source
from snippets.search_space import (SEED_RANGES, build_model, grid_values, momentum_rows, sampling_quantiles, space_size,
                                   space_summary)
from tests.support.project import ROOT


def parse_summary(text):
    """{name: (type, config)} from the text search_space_summary() prints."""
    lines = text.splitlines()
    assert lines[0] == "Search space summary"
    entries = {}
    for header, config in zip(lines[2::2], lines[3::2]):
        name, kind = header.rsplit(" ", 1)
        entries[name] = (kind.strip("()"), ast.literal_eval(config))
    assert lines[1] == f"Default search space size: {len(entries)}"
    return entries


def test_seed_summary_has_the_notes_six_hyperparameters():
    # The summary printed in the notes (question 3), value by value.
    notes = {
        "conv_layers": ("Int", {"min_value": 1, "max_value": 3, "step": 1}),
        "filters": ("Int", {"min_value": 8, "max_value": 32, "step": 8}),
        "dense_layers": ("Int", {"min_value": 1, "max_value": 4, "step": 1}),
        "units": ("Int", {"min_value": 128, "max_value": 256, "step": 64}),
        "lr": ("Choice", {"default": 0.0001, "values": [0.0001, 0.0005, 0.001], "ordered": True}),
        "optimizer": ("Choice", {"default": "adam", "values": ["adam", "sgd"], "ordered": False}),
    }
    entries = parse_summary(space_summary("seed"))
    assert list(entries) == list(notes)
    for name, (kind, expected) in notes.items():
        assert entries[name][0] == kind
        assert {k: entries[name][1][k] for k in expected} == expected, name
        assert entries[name][1]["conditions"] == []


def test_seed_ranges_are_the_notes_ranges():
    assert SEED_RANGES["lr"] == [1e-4, 5e-4, 1e-3] and SEED_RANGES["optimizer"] == ["adam", "sgd"]
    # 3 x 4 x 4 x 3 x 3 x 2 combinations
    assert space_size("seed") == 864


def test_digits_space_is_small():
    assert space_size("digits") == 2 * 2 * 2 * 2 * 3 * 2


def test_demo_summary_has_every_type_and_a_conditional_rate():
    entries = parse_summary(space_summary("demo"))
    assert {kind for kind, _ in entries.values()} == {"Int", "Choice", "Boolean", "Fixed", "Float"}
    kind, config = entries["rate"]
    assert kind == "Float"
    assert config["conditions"] == [{"class_name": "Parent", "config": {"name": "dropout", "values": [True]}}]
    assert entries["lr"][1]["sampling"] == "log"


def test_grid_values_of_each_type():
    rows = {definition: (default, values, count) for definition, default, values, count in grid_values()}
    assert rows["`hp.Int('filters', 8, 32, step=8)`"] == ("8", "8, 16, 24, 32", 4)
    # With sampling="log", the step multiplies.
    assert rows["`hp.Int('units', 32, 256, step=2, sampling='log')`"][1] == "32, 64, 128, 256"
    assert rows["`hp.Boolean('batch_norm')`"] == ("False", "False, True", 2)  # the default first
    assert rows["`hp.Fixed('kernel_size', 3)`"] == ("3", "3", 1)
    # A Float without a step: the default (min_value) first, then 10 values at p = 0.05, ..., 0.95: 11 in all.
    default, values, count = rows["`hp.Float('lr', 0.0001, 0.1, sampling='log')`"]
    values = [float(v) for v in values.split(", ")]
    assert count == len(values) == 11 and values[0] == float(default) == 1e-4
    expected = [1e-4 * 1000 ** (0.05 + 0.1 * i) for i in range(10)]
    assert sorted(values[1:]) == pytest.approx(expected, rel=1e-3)


def test_reverse_log_on_a_momentum_range_is_nearly_linear():
    rows = {(r[0], r[1]): r[2:] for r in momentum_rows()}
    linear, reverse = rows[("[0.9, 0.999]", "linear")], rows[("[0.9, 0.999]", "reverse_log")]
    assert abs(float(linear[0]) - float(reverse[0])) < 0.002  # medians 0.9495 and 0.9508
    assert reverse[1] == "9.5%" and linear[1] == "9.1%"
    assert rows[("[0.001, 0.999]", "reverse_log")][1] == "33.3%"  # a range from near 0 crowds the top


def test_sampling_maps_uniform_draws_as_the_formulas_say():
    rows = {row[0]: row[1:] for row in sampling_quantiles()}
    low, high = 1e-4, 1e-1
    assert float(rows["linear"][1]) == pytest.approx((low + high) / 2, rel=1e-3)
    assert float(rows["log"][1]) == pytest.approx(math.sqrt(low * high), rel=1e-3)  # the geometric mean
    assert rows["log"][3] == "33.3%"  # 1e-3 is one decade of the three
    assert rows["linear"][3] == f"{(1e-3 - low) / (high - low):.1%}"
    assert float(rows["linear"][3].rstrip("%")) < 1  # the page: fewer than 1 draw in 100
    assert float(rows["reverse_log"][1]) > float(rows["linear"][1])  # crowds towards the maximum


def test_source_is_a_fenced_block_of_the_function():
    text = source(build_model)
    assert text.startswith("```python\ndef build_model(hp") and text.endswith("```")


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_types_table_lists_the_arguments_of_keras_tuner(lang):
    """The hand-written table of hp methods: its arguments are those of KerasTuner's signatures."""
    import inspect
    import re

    import keras_tuner

    page = (ROOT / "docs" / lang / "keras-tuner.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `hp\.(\w+)` \|[^|]*\|([^|]*)\|$", page, re.M)
    assert [method for method, _ in rows] == ["Int", "Float", "Choice", "Boolean", "Fixed"]
    for method, cell in rows:
        listed = set(re.findall(r"`(\w+)`", cell))
        signature = set(inspect.signature(getattr(keras_tuner.HyperParameters, method)).parameters)
        assert listed == signature - {"self", "name", "parent_name", "parent_values"}, method
