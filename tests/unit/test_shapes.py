"""snippets.shapes and shape_tables: the formulas agree with Keras, and the course's networks add up."""

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from snippets.formulas import conv_params, locally_connected_params, output_length
from snippets.shape_tables import (activation_table, availability_table, exercise_answers, exercise_blanks, growth_table,
                                   network_table, output_length_table, parameter_table, sharing_cost,
                                   tf_keras_agreement)
from snippets.shapes import (CIFAR_INPUT, CIFAR_LAYERS, EXERCISE_INPUT, EXERCISE_LAYERS, SEED_INPUT, SEED_LAYERS,
                             ShapeError, describe, layer_output, params_working, shape_working, stack_outputs)
from tests.support.calculator_vectors import calculator_vectors, keras_answer, random_input, random_layer


def formula_answer(spec, shape):
    """The formulas' answer in the shape of keras_answer's."""
    try:
        out, params = layer_output(spec, shape)
    except ShapeError as error:
        return {"error": error.code}
    return {"shape": list(out), "params": params}


@pytest.mark.parametrize("i, k, s, p, d, o", [
    (4, 3, 1, "valid", 1, 2),   # Dumoulin & Visin, figure 2.1
    (5, 4, 1, 2, 1, 6),         # figure 2.2: arbitrary padding
    (5, 3, 1, 1, 1, 5),         # figure 2.3: half padding
    (5, 3, 1, 2, 1, 7),         # figure 2.4: full padding
    (5, 3, 2, "valid", 1, 2),   # figure 2.6: strides
    (6, 3, 2, 1, 1, 3),         # figure 2.8: the last row is left out
    (7, 3, 1, "valid", 2, 3),   # figure 5.1: dilation
    (32, 5, 2, "same", 1, 16), (33, 5, 2, "same", 1, 17), (7, 3, 1, "same", 3, 7),
])
def test_output_length_matches_the_guides_figures(i, k, s, p, d, o):
    assert output_length(i, k, s, p, d) == o


def test_the_seed_network_by_formula():
    rows = stack_outputs(SEED_LAYERS, SEED_INPUT)
    assert [shape for shape, _ in rows] == [(22, 22, 20), (11, 11, 20), (7, 7, 10), (5, 5, 2), (50,), (10,)]
    assert [params for _, params in rows] == [1000, 0, 5010, 4550, 0, 510]
    assert sum(params for _, params in rows) == 11_070


def test_the_cifar10_model_by_formula():
    rows = stack_outputs(CIFAR_LAYERS, CIFAR_INPUT)
    assert [p for _, p in rows if p] == [896, 9248, 18496, 36928, 786624, 37056, 37056, 1930]
    assert sum(p for _, p in rows) == 928_234
    assert rows[-1][0] == (10,)


@pytest.mark.parametrize("specs, shape, total", [(SEED_LAYERS, SEED_INPUT, 11_070),
                                                  (CIFAR_LAYERS, CIFAR_INPUT, 928_234),
                                                  (EXERCISE_LAYERS, EXERCISE_INPUT, 13_466)])
def test_network_tables_agree_with_the_built_keras_model(specs, shape, total):
    headers, rows, align = network_table(specs, shape)
    assert len(rows) == len(specs) + 2 and len(headers) == len(align) == len(rows[0])
    assert all(row[-1] == "✓" for row in rows)
    assert rows[-1][3] == rows[-1][4] == total


def test_worked_formulas_read_like_the_notes():
    assert params_working(SEED_LAYERS[0], SEED_INPUT) == "(7·7·1+1)·20\u00a0=\u00a01,000"
    assert params_working(SEED_LAYERS[3], (7, 7, 10)) == "5·5·(3·3·10+1)·2\u00a0=\u00a04,550"
    assert params_working(SEED_LAYERS[5], (50,)) == "(50+1)·10\u00a0=\u00a0510"
    assert shape_working(SEED_LAYERS[0], SEED_INPUT) == "⌊(28 − 7)/1⌋ + 1 = 22"
    assert shape_working(EXERCISE_LAYERS[0], EXERCISE_INPUT) == "⌈32/2⌉ = 16"
    assert shape_working(EXERCISE_LAYERS[1], (16, 16, 16)).startswith("⌊(16 − 5)/1⌋ + 1 = 12")
    assert describe(EXERCISE_LAYERS[0]) == "Conv2D 16@5x5/2 same"
    assert describe(SEED_LAYERS[1]) == "MaxPooling2D 2x2/2"


def test_exercise_blanks_hide_what_the_answers_give():
    _, blanks = exercise_blanks(EXERCISE_LAYERS, EXERCISE_INPUT)
    _, answers = exercise_answers(EXERCISE_LAYERS, EXERCISE_INPUT)
    assert all(row[1:] == ["?", "?"] for row in blanks[1:-1])
    assert [row[1] for row in answers[:-1]] == ["(16, 16, 16)", "(12, 12, 16)", "(6, 6, 16)", "(4, 4, 4)",
                                                "(64)", "(10)"]
    assert answers[-1][-1] == "13,466"


def test_conv_and_locally_connected_counts_differ_by_the_number_of_positions():
    assert conv_params((3, 3), 10, 2) == 182
    assert locally_connected_params((5, 5), (3, 3), 10, 2) == 25 * 182 == 4550
    _, rows, _ = sharing_cost()
    for _, output, conv, local, ratio, _ in rows:
        positions = math.prod(int(v) for v in output.strip("()").split(", ")[:2])
        assert local == positions * conv and ratio == f"{positions:,}×"


def test_more_activations_out_than_in_happens_in_both_networks():
    _, rows = growth_table()
    assert ["question 4", "Conv2D 20@7x7", 784, 9680] in rows
    assert ["CIFAR-10", "Conv2D 64@3x3 same", 8192, 16384] in rows
    _, seed = activation_table(SEED_LAYERS, SEED_INPUT)
    assert [row[2] for row in seed] == [784, 9680, 2420, 490, 50, 50, 10]  # the notes' "out size" column


def test_keras_3_has_no_locally_connected_layer_and_tf_keras_has():
    _, rows = availability_table()
    assert [row[2] for row in rows] == ["False", "True"]


def test_our_locally_connected_layer_matches_tf_keras_on_the_page_cases():
    _, rows, _ = tf_keras_agreement()
    assert all(row[3] == row[4] and float(row[5]) < 1e-5 for row in rows)


def test_page_tables_agree_with_keras():
    assert all(row[-1] == "✓" for row in output_length_table()[1])
    assert all(row[-1] == "✓" for row in parameter_table()[1])


def test_class_source_is_read_without_importing():
    from snippets.render import source as render_source

    source = render_source("locally_connected.LocallyConnected2D")
    assert source.startswith("```python\nclass LocallyConnected2D(keras.layers.Layer):") and source.endswith("```")


@pytest.mark.parametrize("spec, shape, code", [
    ({"layer": "Conv2D", "filters": 3, "kernel_size": 5}, (3, 3, 1), "nonpositive"),
    ({"layer": "Conv2D", "filters": 3, "kernel_size": 3, "strides": 2, "dilation_rate": 2}, (9, 9, 1),
     "dilation-stride"),
    ({"layer": "Conv2D", "filters": 3, "kernel_size": 3}, (50,), "rank"),
    ({"layer": "Conv1D", "filters": 0, "kernel_size": 3}, (9, 1), "value"),
    ({"layer": "Conv2D", "filters": 2, "kernel_size": [3, 2.5]}, (9, 9, 1), "value"),
    ({"layer": "MaxPooling2D", "pool_size": 2, "padding": -1}, (9, 9, 1), "value"),
    ({"layer": "LocallyConnected2D", "filters": 2, "kernel_size": 3, "padding": "same"}, (9, 9, 1), "padding"),
    ({"layer": "Dense", "units": 0}, (9,), "value"),
])
def test_impossible_settings_raise_with_a_code(spec, shape, code):
    with pytest.raises(ShapeError) as error:
        layer_output(spec, shape)
    assert error.value.code == code


def test_every_calculator_vector_agrees_with_the_formulas():
    # Keras' answers were computed once (cached); the formulas must give each of them.
    for vector in calculator_vectors():
        shape = vector["input"]
        for spec, expected in zip(vector["layers"], vector["expected"]):
            assert formula_answer(spec, shape) == expected, (vector["input"], spec, shape)
            shape = expected.get("shape")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32 - 1))
def test_formulas_equal_keras_on_random_layers(seed):
    rng = np.random.default_rng(seed)
    shape = random_input(rng)
    spec = random_layer(rng, len(shape))
    assert formula_answer(spec, shape) == keras_answer(spec, shape), (spec, shape)


@pytest.mark.parametrize("length, kernel, stride, dilation", [(10, 3, 1, 1), (10, 3, 2, 1), (11, 4, 3, 1), (12, 3, 1, 2)])
def test_causal_padding_puts_every_zero_before(length, kernel, stride, dilation):
    """The page: "causal" pads all k_hat - 1 zeros before the sequence, and o = ceil(i / s)."""
    import keras
    import numpy as np

    layer = keras.layers.Conv1D(1, kernel, strides=stride, dilation_rate=dilation, padding="causal", use_bias=False)
    layer.build((1, length, 1))
    layer.set_weights([np.eye(kernel)[-1].reshape(kernel, 1, 1)])  # the last tap reads "now"
    x = np.arange(1, length + 1, dtype="float32").reshape(1, length, 1)
    out = np.asarray(layer(x))[0, :, 0]
    assert len(out) == -(-length // stride)
    assert out.tolist() == x[0, ::stride, 0].tolist()  # output t reads input t: nothing after it
