"""The tables of the page "Output shapes and parameters": formulas and Keras side by side.

Each `*_table` returns (headers, rows[, align]) for snippets.render.table.
"""

import math

from cnn_site.cache import cached
from snippets.formulas import output_length
from snippets.keras_shapes import keras_layer_names, keras_model_outputs, keras_single_layers
from snippets.render import agreement
from snippets.shapes import (CIFAR_INPUT, CIFAR_LAYERS, SEED_INPUT, SEED_LAYERS, axes, describe, layer_output,
                             params_working, shape_text, shape_working, stack_outputs)


def network_table(specs, input_shape):
    """Headers and rows: each layer's shape and count by formula and by Keras, and whether they agree."""
    keras_side = keras_model_outputs(tuple(specs), tuple(input_shape))
    rows = [["Input", shape_text(input_shape), shape_text(keras_side["input"]), 0, 0,
             agreement(tuple(input_shape) == keras_side["input"])]]
    for spec, (out, params), (k_shape, k_params) in zip(specs, stack_outputs(specs, input_shape), keras_side["layers"]):
        rows.append([describe(spec), shape_text(out), shape_text(k_shape), params, k_params,
                     agreement((out, params) == (k_shape, k_params))])
    total = sum(p for _, p in stack_outputs(specs, input_shape))
    rows.append(["total", "", "", total, keras_side["total"], agreement(total == keras_side["total"])])
    headers = ["layer", "shape (formula)", "shape (Keras)", "params (formula)", "params (Keras)", "agree"]
    return headers, rows, ["l", "l", "l", "r", "r", "c"]


def activation_table(specs, input_shape):
    """Each layer's output shape and the number of values in it (the notes' "out size")."""
    rows, shape = [["Input", shape_text(input_shape), math.prod(input_shape)]], tuple(input_shape)
    for spec, (out, _) in zip(specs, stack_outputs(specs, input_shape)):
        rows.append([describe(spec), shape_text(out), math.prod(out)])
    return ["layer", "output shape", "activations"], rows


def growing_activations(specs, input_shape):
    """Layers whose output holds more numbers than their input: (layer, before, after)."""
    grows, shape = [], tuple(input_shape)
    for spec in specs:
        out, _ = layer_output(spec, shape)
        if math.prod(out) > math.prod(shape):
            grows.append((describe(spec), math.prod(shape), math.prod(out)))
        shape = out
    return grows


def exercise_blanks(specs, input_shape):
    """The exercise table: the layers, with their output shapes and counts left blank."""
    rows = [["Input", shape_text(input_shape), "0"]] + [[describe(spec), "?", "?"] for spec in specs]
    return ["layer", "output shape", "params"], rows + [["total", "", "?"]]


def exercise_answers(specs, input_shape):
    """The exercise's answers, each worked out from the formulas (first spatial axis shown)."""
    rows, shape = [], tuple(input_shape)
    for spec in specs:
        out, _ = layer_output(spec, shape)
        rows.append([describe(spec), shape_text(out), shape_working(spec, shape), params_working(spec, shape)])
        shape = out
    total = sum(p for _, p in stack_outputs(specs, input_shape))
    return ["layer", "output shape", "output size (first axis)", "params"], rows + [["total", "", "", f"{total:,}"]]


def _size(value):
    """3 -> '3x3', (2, 3) -> '2x3': a kernel or stride as the tables write it."""
    return "x".join(map(str, axes(value, 2)))


# (input_shape, filters, kernel_size, strides) for the comparison with tf_keras.
LOCAL_CASES = (((7, 7, 10), 2, 3, 1), ((8, 8, 3), 4, 3, 2), ((9, 7, 2), 3, (2, 3), (2, 1)),
               ((6, 6, 1), 1, 1, 1), ((10, 12, 4), 5, (4, 2), (3, 2)))
# (input_shape, filters, kernel_size): the seed's LocallyConnected2D, and two Conv2D layers made local.
SHARING_CASES = (((7, 7, 10), 2, 3), ((28, 28, 1), 20, 7), ((32, 32, 3), 32, 3))


def sharing_cost(cases=SHARING_CASES):
    """Conv2D against LocallyConnected2D with the same windows: weights, and multiplications per example.

    Each case is (input_shape, filters, kernel_size). Both layers do the same multiplications
    (one kernel-sized dot product per position and filter); only the number of weights differs.
    """
    rows = []
    for shape, filters, kernel in cases:
        spec = {"filters": filters, "kernel_size": kernel}
        out, conv = layer_output({"layer": "Conv2D", **spec}, shape)
        _, local = layer_output({"layer": "LocallyConnected2D", **spec}, shape)
        multiplications = math.prod(out) * math.prod(axes(kernel, 2)) * shape[-1]
        rows.append([f"{shape_text(shape)} → {filters}@{_size(kernel)}", shape_text(out), conv, local,
                     f"{local // conv:,}×", multiplications])
    headers = ["input → layer", "output", "Conv2D params", "LocallyConnected2D params", "ratio",
               "multiplications (both)"]
    return headers, rows, ["l", "l", "r", "r", "r", "r"]


@cached
def tf_keras_agreement(cases=LOCAL_CASES, seed=0):
    """Our Keras 3 LocallyConnected2D against tf_keras' on random weights and inputs, per case.

    Each case is (input_shape, filters, kernel_size, strides).
    """
    from snippets.locally_connected import compare_with_tf_keras

    rows = []
    for shape, filters, kernel, strides in cases:
        result = compare_with_tf_keras(shape, filters, kernel, strides, seed)
        rows.append([shape_text(shape), f"{filters}@{_size(kernel)}/{_size(strides)}", shape_text(result["shape"]),
                     result["params"], result["tf_keras_params"], f"{result['max_difference']:.2g}"])
    headers = ["input", "filters@kernel/strides", "output", "params (ours)", "params (tf_keras)", "largest difference"]
    return headers, rows, ["l", "l", "l", "r", "r", "r"]


# (input length i, kernel k, stride s, padding, dilation d): the seed's layers, the guide's figures, and traps.
LENGTH_CASES = ((28, 7, 1, "valid", 1), (11, 5, 1, "valid", 1), (22, 2, 2, "valid", 1), (7, 3, 2, "valid", 1),
                (8, 3, 2, "valid", 1),
                (5, 4, 1, 2, 1), (5, 3, 2, 1, 1), (6, 3, 2, 1, 1), (7, 3, 1, "valid", 2), (5, 3, 1, "same", 1),
                (32, 5, 2, "same", 1), (7, 3, 1, "same", 3))


def output_length_table(cases=LENGTH_CASES):
    """Output lengths by the formula and by a Keras Conv1D on a (i, 1) input, side by side."""
    specs = [({"layer": "Conv1D", "filters": 1, "kernel_size": k, "strides": s, "padding": p, "dilation_rate": d},
              (i, 1)) for i, k, s, p, d in cases]
    answers = keras_single_layers(tuple(specs))
    rows = []
    for (i, k, s, p, d), (shape, _) in zip(cases, answers):
        o = output_length(i, k, s, p, d)
        padding = p if isinstance(p, str) else f"p = {p}"
        rows.append([i, k, s, padding, d, o, shape[0], agreement(o == shape[0])])
    headers = ["i", "k", "s", "padding", "d", "o (formula)", "o (Keras)", "agree"]
    return headers, rows, ["r", "r", "r", "l", "r", "r", "r", "c"]


PARAM_CASES = (({"layer": "Conv1D", "filters": 16, "kernel_size": 5}, (100, 3)),
               ({"layer": "Conv2D", "filters": 20, "kernel_size": 7}, (28, 28, 1)),
               ({"layer": "Conv2D", "filters": 8, "kernel_size": [3, 5], "padding": "same"}, (32, 32, 3)),
               ({"layer": "Conv3D", "filters": 4, "kernel_size": 3}, (10, 10, 10, 2)),
               ({"layer": "LocallyConnected2D", "filters": 2, "kernel_size": 3}, (7, 7, 10)),
               ({"layer": "Dense", "units": 10}, (50,)),
               ({"layer": "Dense", "units": 4}, (5, 5, 2)),
               ({"layer": "MaxPooling2D", "pool_size": 2}, (22, 22, 20)),
               ({"layer": "GlobalAveragePooling2D"}, (8, 8, 64)),
               ({"layer": "Flatten"}, (5, 5, 2)))


def parameter_table(cases=PARAM_CASES):
    """Parameter counts by the formulas, written out, beside Keras' count_params()."""
    answers = keras_single_layers(tuple(cases))
    rows = []
    for (spec, shape), (k_shape, k_params) in zip(cases, answers):
        out, params = layer_output(spec, shape)
        rows.append([describe(spec), shape_text(shape), params_working(spec, shape), k_params,
                     agreement((out, params) == (k_shape, k_params))])
    return ["layer", "input", "params (formula)", "params (Keras)", "agree"], rows, ["l", "l", "r", "r", "c"]


def growth_table():
    """Layers of the seed's two networks whose output is larger than their input."""
    rows = [[name, label, before, after] for name, specs, shape in
            (("question 4", SEED_LAYERS, SEED_INPUT), ("CIFAR-10", CIFAR_LAYERS, CIFAR_INPUT))
            for label, before, after in growing_activations(specs, shape)]
    return ["network", "layer", "activations in", "activations out"], rows


def availability_table():
    """Which Keras has a LocallyConnected2D layer, by asking the installed libraries."""
    found = keras_layer_names()
    rows = [["keras", found["keras"], str(found["keras 3 has it"])],
            ["tf_keras", found["tf_keras"], str(found["tf_keras has it"])]]
    return ["library", "version", "has LocallyConnected2D"], rows
