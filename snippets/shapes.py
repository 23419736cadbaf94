"""Output shapes and parameter counts of layer stacks, by the formulas; the course's networks.

A layer is a dict in Keras' own words, for example
`{"layer": "Conv2D", "filters": 20, "kernel_size": 7, "strides": 1, "padding": "valid"}`;
shapes leave out the batch axis. `padding` is "valid", "same" or an int p >= 0 (p zeros
on each side: Keras spells it as a ZeroPadding layer followed by a "valid" layer).
The formulas themselves are in snippets/formulas.py; the page's JavaScript calculator
(docs/assets/js/shape-calculator.js) implements the same rules with the same error codes;
tests hold both to Keras (snippets/keras_shapes.py builds the same specs in Keras;
snippets/shape_tables.py puts both side by side for the page).
"""

import math

from snippets.formulas import conv_params, dense_params, dilated, locally_connected_params, output_length

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
