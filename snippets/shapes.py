"""Output shapes and parameter counts of layers: the formulas, and Keras' own answer.

A layer is a dict in Keras' own words, for example
`{"layer": "Conv2D", "filters": 20, "kernel_size": 7, "strides": 1, "padding": "valid"}`;
shapes leave out the batch axis. `padding` is "valid", "same" or an int p >= 0 (p zeros
on each side: Keras spells it as a ZeroPadding layer followed by a "valid" layer).
The formulas themselves are in snippets/formulas.py; the page's JavaScript calculator
(docs/assets/js/shape-calculator.js) implements the same rules with the same error codes;
tests hold both to Keras.
"""

import math

from cnn_site.cache import cached
from snippets.formulas import conv_params, dense_params, dilated, locally_connected_params, output_length
from snippets.render import agreement

# Question 4 of the original notes.
SEED_INPUT = (28, 28, 1)
SEED_LAYERS = (
    {"layer": "Conv2D", "filters": 20, "kernel_size": 7},
    {"layer": "MaxPooling2D", "pool_size": 2, "strides": 2},
    {"layer": "Conv2D", "filters": 10, "kernel_size": 5},
    {"layer": "LocallyConnected2D", "filters": 2, "kernel_size": 3},
    {"layer": "Flatten"},
    {"layer": "Dense", "units": 10},
)

# The CIFAR-10 model of question 3, rebuilt from its printed Keras summary. The summary
# shows neither kernel sizes nor padding: 3x3 kernels with "same" padding are the only
# choice that gives both its shapes and its counts. Dropout rates change no count.
_CONV_BLOCK = lambda filters, rate: (
    {"layer": "Conv2D", "filters": filters, "kernel_size": 3, "padding": "same"},
    {"layer": "Conv2D", "filters": filters, "kernel_size": 3, "padding": "same"},
    {"layer": "MaxPooling2D", "pool_size": 2, "strides": 2},
    {"layer": "Dropout", "rate": rate},
)
_DENSE_BLOCK = ({"layer": "Dense", "units": 192}, {"layer": "Dropout", "rate": 0.5})
CIFAR_INPUT = (32, 32, 3)
CIFAR_LAYERS = (*_CONV_BLOCK(32, 0.2), *_CONV_BLOCK(64, 0.3), {"layer": "Flatten"},
                *_DENSE_BLOCK * 3, {"layer": "Dense", "units": 10})

# A network for the exercise: strides, "same" padding, dilation, pooling, unshared weights.
EXERCISE_INPUT = (32, 32, 3)
EXERCISE_LAYERS = (
    {"layer": "Conv2D", "filters": 16, "kernel_size": 5, "strides": 2, "padding": "same"},
    {"layer": "Conv2D", "filters": 16, "kernel_size": 3, "dilation_rate": 2},
    {"layer": "MaxPooling2D", "pool_size": 2},
    {"layer": "LocallyConnected2D", "filters": 4, "kernel_size": 3},
    {"layer": "Flatten"},
    {"layer": "Dense", "units": 10},
)

# Layer name -> (kind, number of spatial axes); the same table as the calculator's.
KINDS = {"Conv1D": ("conv", 1), "Conv2D": ("conv", 2), "Conv3D": ("conv", 3),
         "LocallyConnected2D": ("local", 2), "Flatten": ("flatten", None),
         "Dense": ("dense", None), "Dropout": ("dropout", None)}
for _n in (1, 2, 3):
    KINDS |= {f"MaxPooling{_n}D": ("pool", _n), f"AveragePooling{_n}D": ("pool", _n),
              f"GlobalMaxPooling{_n}D": ("global", _n), f"GlobalAveragePooling{_n}D": ("global", _n)}


class ShapeError(ValueError):
    """An impossible setting; `code` names its kind, as the calculator and Keras' messages do."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)  # True is an int to Python, not to us


def axes(value, n, name="value"):
    """An int, or a sequence of n ints, as a tuple of n positive ints."""
    values = tuple(value) if isinstance(value, (list, tuple)) else (value,) * n
    if len(values) != n or not all(_is_int(v) and v > 0 for v in values):
        raise ShapeError("value", f"{name} must be {n} positive integer(s), got {value!r}")
    return values


def _positive(spec, name):
    value = spec.get(name)
    if not (_is_int(value) and value > 0):
        raise ShapeError("value", f"{name} must be a positive integer, got {value!r}")
    return value


def _padding(spec, kind):
    padding = "valid" if spec.get("padding") is None else spec["padding"]
    if padding in ("valid", "same") or (_is_int(padding) and padding >= 0):
        if kind == "local" and padding == "same":  # tf_keras: "valid" only (implementation=1)
            raise ShapeError("padding", "LocallyConnected2D supports padding 'valid' (or explicit zeros) only")
        return padding
    raise ShapeError("value", f"padding must be 'valid', 'same' or an integer >= 0, got {padding!r}")


def _windows(spec, kind, n):
    """Kernel, strides, dilation and padding of a sliding-window layer, checked as Keras does."""
    key = "pool_size" if kind == "pool" else "kernel_size"
    kernel = axes(spec.get(key), n, key)
    default = lambda name, value: value if spec.get(name) is None else spec[name]  # None: Keras' default
    strides = axes(default("strides", kernel if kind == "pool" else 1), n, "strides")
    dilation = (1,) * n if kind == "pool" else axes(default("dilation_rate", 1), n, "dilation_rate")
    if kind == "local" and dilation != (1,) * n:
        raise ShapeError("value", "LocallyConnected2D has no dilation_rate")
    if max(strides) > 1 and max(dilation) > 1:
        raise ShapeError("dilation-stride", "strides > 1 together with dilation_rate > 1 is not supported")
    return kernel, strides, dilation, _padding(spec, kind)


def _check_rank(shape, rank, name):
    if len(shape) != rank:
        raise ShapeError("rank", f"{name} expects an input of {rank} axes, got {tuple(shape)}")


def layer_output(spec, shape):
    """Output shape (no batch axis) and parameter count of one layer, by the formulas."""
    kind, n = KINDS[spec["layer"]]
    shape = tuple(shape)
    if kind == "dense":
        return shape[:-1] + (_positive(spec, "units"),), dense_params(shape[-1], spec["units"])
    if kind in ("flatten", "dropout"):
        return ((math.prod(shape),) if kind == "flatten" else shape), 0
    filters = _positive(spec, "filters") if kind in ("conv", "local") else None
    if kind == "global":
        _check_rank(shape, n + 1, spec["layer"])
        return shape[-1:], 0
    kernel, strides, dilation, padding = _windows(spec, kind, n)
    _check_rank(shape, n + 1, spec["layer"])
    out = tuple(output_length(i, k, s, padding, d) for i, k, s, d in zip(shape[:-1], kernel, strides, dilation))
    if min(out) <= 0:
        raise ShapeError("nonpositive", f"output size {out} has a zero or negative axis")
    if kind == "pool":
        return out + shape[-1:], 0
    params = locally_connected_params(out, kernel, shape[-1], filters) if kind == "local" \
        else conv_params(kernel, shape[-1], filters)
    return out + (filters,), params


def stack_outputs(specs, input_shape):
    """Output shape and parameter count after each layer of a stack, by the formulas."""
    rows, shape = [], tuple(input_shape)
    for spec in specs:
        shape, params = layer_output(spec, shape)
        rows.append((shape, params))
    return rows


def shape_text(shape):
    """A shape as the notes write it: (22, 22, 20), or (50) for one axis."""
    return "(" + ", ".join(map(str, shape)) + ")"


def describe(spec):
    """A short label for a layer: 'Conv2D 20@7x7', 'MaxPooling2D 2x2/2', 'Dense 10'."""
    kind, n = KINDS[spec["layer"]]
    size = lambda v: "x".join(map(str, axes(v, n)))
    step = lambda v: str(v[0]) if len(set(v)) == 1 else "x".join(map(str, v))  # "/2" for 2x2 strides
    padding, dilation = spec.get("padding", "valid"), spec.get("dilation_rate", 1)
    extra = ("" if padding == "valid" else f" {padding}" if isinstance(padding, str) else f" p={padding}") + \
        ("" if dilation == 1 else f" d={dilation}")
    if kind in ("conv", "local"):
        stride = f"/{step(axes(spec['strides'], n))}" if spec.get("strides", 1) != 1 else ""
        return f"{spec['layer']} {spec['filters']}@{size(spec['kernel_size'])}{stride}{extra}"
    if kind == "pool":
        strides = axes(spec.get("strides") or spec["pool_size"], n)
        return f"{spec['layer']} {size(spec['pool_size'])}/{step(strides)}{extra}"
    return {"dense": f"Dense {spec.get('units')}", "dropout": f"Dropout {spec.get('rate')}"}.get(kind, spec["layer"])


def params_working(spec, shape):
    """The parameter count written out from the formula, e.g. '(7·7·1+1)·20 = 1,000'."""
    kind, n = KINDS[spec["layer"]]
    out, params = layer_output(spec, shape)
    if kind == "dense":
        return f"({shape[-1]}+1)·{spec['units']}\u00a0=\u00a0{params:,}"  # no-break spaces: one line
    if kind not in ("conv", "local"):
        return "0"
    weights = "·".join(map(str, axes(spec["kernel_size"], n) + (shape[-1],)))
    positions = "·".join(map(str, out[:-1])) + "·" if kind == "local" else ""
    return f"{positions}({weights}+1)·{spec['filters']}\u00a0=\u00a0{params:,}"


def shape_working(spec, shape):
    """How the first output axis follows from the formula, e.g. '⌊(28 − 7)/1⌋ + 1 = 22'."""
    kind, n = KINDS[spec["layer"]]
    out, _ = layer_output(spec, shape)
    if kind == "flatten":
        return "·".join(map(str, shape)) + f" = {out[0]:,}"
    if kind not in ("conv", "local", "pool"):
        return "–"
    kernel, strides, dilation, padding = _windows(spec, kind, n)
    i, k, s, d = shape[0], kernel[0], strides[0], dilation[0]
    if padding == "same":
        return f"⌈{i}/{s}⌉ = {out[0]}"
    pad = f" + 2·{padding}" if isinstance(padding, int) and padding else ""
    hat = f" (k̂ = {k} + ({k}−1)·({d}−1) = {dilated(k, d)})" if d > 1 else ""
    return f"⌊({i}{pad} − {dilated(k, d)})/{s}⌋ + 1 = {out[0]}{hat}"


def keras_layers(spec, layers, local_layer=None):
    """The layers (from keras.layers or tf_keras.layers) that make one spec.

    Explicit padding becomes a ZeroPadding layer followed by a "valid" one; local_layer,
    when given, replaces `layers.LocallyConnected2D` (Keras 3 has none).
    """
    kind, n = KINDS[spec["layer"]]
    kwargs = {k: tuple(v) if isinstance(v, list) else v for k, v in spec.items() if k != "layer"}
    made = []
    if isinstance(kwargs.get("padding"), int) and not isinstance(kwargs["padding"], bool):
        made.append(getattr(layers, f"ZeroPadding{n}D")(kwargs.pop("padding")))
    make = local_layer if kind == "local" and local_layer else getattr(layers, spec["layer"])
    return made + [make(**kwargs)]


@cached
def keras_model_outputs(specs, input_shape):
    """Build the Keras 3 model (with our LocallyConnected2D); each layer's output shape and count."""
    import keras

    from snippets.locally_connected import LocallyConnected2D

    keras.utils.set_random_seed(0)
    groups = [keras_layers(spec, keras.layers, LocallyConnected2D) for spec in specs]
    model = keras.Sequential([keras.Input(input_shape), *[layer for group in groups for layer in group]])
    layers = [(tuple(g[-1].output.shape[1:]), sum(layer.count_params() for layer in g)) for g in groups]
    return {"input": tuple(model.inputs[0].shape[1:]), "layers": layers, "total": model.count_params()}


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


@cached
def keras_single_layers(cases):
    """Keras 3's output shape and count for each (spec, input_shape) case, one layer at a time."""
    import keras

    from snippets.locally_connected import LocallyConnected2D

    answers = []
    for spec, shape in cases:
        group = keras_layers(spec, keras.layers, LocallyConnected2D)
        x = keras.Input(tuple(shape))
        for layer in group:
            x = layer(x)
        answers.append((tuple(x.shape[1:]), sum(layer.count_params() for layer in group)))
    return answers


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


@cached
def keras_layer_names():
    """Keras 3's version, and whether keras.layers and tf_keras.layers have a LocallyConnected2D."""
    import keras
    import tf_keras

    return {"keras": keras.__version__, "tf_keras": tf_keras.__version__,
            "keras 3 has it": hasattr(keras.layers, "LocallyConnected2D"),
            "tf_keras has it": hasattr(tf_keras.layers, "LocallyConnected2D")}


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
