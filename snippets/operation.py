"""What one convolution computes: a kernel sliding over a matrix, each output one multiply-add.

Arrays are (height, width) for one channel and (height, width, channels) for several;
kernels are (k, k) or, as Keras stores them, (k, k, channels in, filters). Output sizes
and padding come from snippets.formulas, the formulas of the shapes page.
"""

import numpy as np

from cnn_site.cache import cached
from snippets.filters import LAPLACIAN
from snippets.formulas import conv_params, dense_params, output_length, padding_sides
from snippets.i18n import language, page_words  # the page being built, its words
from snippets.pooling import SEED_MATRIX
from snippets.render import agreement, bmatrix, equation
from snippets.shapes import shape_text

# A 5x5 example, and a kernel that answers where brightness falls from left to right.
MATRIX_5X5 = ((3, 0, 1, 2, 7), (1, 5, 8, 9, 3), (2, 7, 2, 5, 1), (0, 1, 3, 1, 7), (4, 2, 1, 6, 2))
PAGE = "what-a-convolution-computes"  # whose words (snippets/strings/*.yml) the tables use
EDGE_KERNEL = ((1, 0, -1), (1, 0, -1), (1, 0, -1))
SEED_KERNEL = LAPLACIAN  # the notes' Laplacian, on the notes' 3x3 matrix
# Two channels in, two filters out, with a bias each: small integers, easy to add up.
CHANNELS_INPUT = (((1, 0), (2, 1), (0, 3), (1, 1)), ((3, 1), (1, 0), (2, 2), (0, 1)),
                  ((0, 2), (1, 1), (3, 0), (2, 1)), ((1, 1), (0, 2), (1, 3), (2, 0)))
CHANNELS_WEIGHTS = np.array([  # (3, 3, 2, 2): row, column, input channel, filter
    [[[1, 0], [0, 1]], [[0, 1], [1, 0]], [[-1, 0], [0, -1]]],
    [[[1, 1], [0, 0]], [[0, 0], [1, 1]], [[-1, 1], [0, 0]]],
    [[[1, 0], [0, 1]], [[0, -1], [-1, 0]], [[-1, 0], [0, 1]]]]).tolist()
CHANNELS_BIAS = (2, -1)
# (input shape, filters, kernel): the 5x5 example, question 4's first layer, CIFAR-10's first.
SHARING_CASES = (((5, 5, 1), 1, 3), ((28, 28, 1), 20, 7), ((32, 32, 3), 32, 3))


def padded(matrix, sides):
    """A 2-D matrix with zeros around it: sides = ((top, bottom), (left, right))."""
    return np.pad(np.asarray(matrix), sides)


def _sides(shape, kernel, stride, padding, dilation):
    return tuple(padding_sides(n, k, stride, padding, dilation) for n, k in zip(shape, kernel))


def steps(matrix, kernel, stride=1, padding="valid", dilation=1):
    """One step per output cell, row by row: where the kernel sits, its products, their sum.

    Each step is a dict: `out` (row, column), `taps` (the input cells under the kernel, in
    the padded input's coordinates), `terms` ((input value, weight) pairs), `value`.
    """
    kernel = np.asarray(kernel)
    sides = _sides(np.shape(matrix), kernel.shape, stride, padding, dilation)
    x = padded(matrix, sides)
    size = [output_length(n, k, stride, padding, dilation) for n, k in zip(np.shape(matrix), kernel.shape)]
    result = []
    for r in range(size[0]):
        for c in range(size[1]):
            taps = [(r * stride + i * dilation, c * stride + j * dilation)
                    for i in range(kernel.shape[0]) for j in range(kernel.shape[1])]
            terms = [(x[t].item(), w.item()) for t, w in zip(taps, kernel.ravel())]
            result.append({"out": (r, c), "taps": taps, "terms": terms, "value": sum(a * b for a, b in terms)})
    return result


def cross_correlate(matrix, kernel, stride=1, padding="valid", dilation=1):
    """The output matrix that `steps` computes cell by cell."""
    cells = steps(matrix, kernel, stride, padding, dilation)
    rows, cols = cells[-1]["out"][0] + 1, cells[-1]["out"][1] + 1
    return np.array([s["value"] for s in cells]).reshape(rows, cols)


def padded_input(matrix, kernel, stride=1, padding="valid", dilation=1):
    """The input as the kernel sees it, with the zeros that the padding adds."""
    return padded(matrix, _sides(np.shape(matrix), np.shape(kernel), stride, padding, dilation))


def _words(*texts):
    """Words in a left-to-right table, isolated so that Persian reads right to left inside its cell."""
    return [f"<bdi>{t}</bdi>" for t in texts]


def _number(value):
    return f"({value})" if value < 0 else str(value)


def multiply_add(step):
    """A step written out: '0·0 + 1·131 + … = 393' (input · weight)."""
    return " + ".join(f"{_number(x)}·{_number(w)}" for x, w in step["terms"]) + f" = {step['value']}"


def step_table(matrix, kernel, stride=1, padding="valid", dilation=1, lang=None):
    """Headers and rows: each output cell, the input window's top-left cell, the multiply-add."""
    rows = [[shape_text(s["out"]), shape_text(s["taps"][0]), multiply_add(s), s["value"]]
            for s in steps(matrix, kernel, stride, padding, dilation)]
    lang = lang or language()
    return _words(*page_words(PAGE, lang)["step_columns"]), rows, ["c", "c", "l", "r"]


def cell_working(matrix, kernel, row, col, stride=1, padding="valid", dilation=1):
    """The multiply-add of one output cell, as `multiply_add` writes it."""
    [step] = [s for s in steps(matrix, kernel, stride, padding, dilation) if s["out"] == (row, col)]
    return multiply_add(step)


def conv_channels(x, weights, bias, stride=1, padding="valid"):
    """Several channels in, several filters out: one multiply-add per channel, summed, plus a bias."""
    x, weights = np.asarray(x), np.asarray(weights)
    maps = [sum(cross_correlate(x[:, :, c], weights[:, :, c, f], stride, padding) for c in range(x.shape[2]))
            + bias[f] for f in range(weights.shape[3])]
    return np.stack(maps, axis=-1)


def channel_terms(x, weights, bias, row, col, f):
    """One output cell of filter f written out: one multiply-add per input channel, then the bias."""
    x, weights = np.asarray(x), np.asarray(weights)
    parts = []
    for c in range(x.shape[2]):
        [step] = [s for s in steps(x[:, :, c], weights[:, :, c, f]) if s["out"] == (row, col)]
        parts.append(step)
    total = sum(s["value"] for s in parts) + bias[f]
    return {"channels": parts, "bias": bias[f], "value": total}


@cached
def keras_conv2d(x, weights, bias=None, stride=1, padding="valid", dilation=1):
    """The same computation by a Keras Conv2D with these weights: x (H, W, C), weights (k, k, C, F)."""
    import keras

    x, weights = np.asarray(x, "float32"), np.asarray(weights, "float32")
    single = x.ndim == 2  # one channel in, one filter out: a 2-D matrix back
    if single:
        x, weights = x[:, :, None], weights[:, :, None, None]
    if not isinstance(padding, str):  # p zeros on each side: what a ZeroPadding2D layer adds
        x, padding = np.pad(x, ((padding, padding), (padding, padding), (0, 0))), "valid"
    layer = keras.layers.Conv2D(weights.shape[-1], weights.shape[:2], strides=stride, padding=padding,
                                dilation_rate=dilation, use_bias=bias is not None)
    layer.build((1, *x.shape))
    layer.set_weights([weights] + ([np.asarray(bias, "float32")] if bias is not None else []))
    out = np.asarray(layer(x[None]))[0]
    return out[:, :, 0] if single else out


def keras_agrees(matrix, kernel, stride=1, padding="valid", dilation=1):
    """Whether a Keras Conv2D gives every value that `steps` wrote out."""
    ours = cross_correlate(matrix, kernel, stride, padding, dilation)
    theirs = keras_conv2d(matrix, kernel, None, stride, padding, dilation)
    return ours.shape == theirs.shape and bool(np.allclose(ours, theirs))


def sharing_table(cases=SHARING_CASES, lang=None):
    """Conv2D against a Dense layer from the same (flattened) input to the same number of outputs."""
    rows = []
    for (h, w, c), filters, k in cases:
        out = (output_length(h, k), output_length(w, k), filters)
        conv, dense = conv_params((k, k), c, filters), dense_params(h * w * c, int(np.prod(out)))
        rows.append([shape_text((h, w, c)), f"{filters}@{k}x{k}", shape_text(out), conv, dense, f"{dense / conv:,.0f}×"])
    lang = lang or language()
    return _words(*page_words(PAGE, lang)["sharing_columns"]), rows, ["l", "l", "l", "r", "r", "r"]


# (name, matrix, kernel, stride, padding, dilation): every single-channel example of the page.
EXAMPLES = (("seed-same", SEED_MATRIX, SEED_KERNEL, 1, "same", 1), ("five-valid", MATRIX_5X5, EDGE_KERNEL, 1, "valid", 1),
            ("five-stride", MATRIX_5X5, EDGE_KERNEL, 2, "same", 1), ("five-dilation", MATRIX_5X5, EDGE_KERNEL, 1, "valid", 2))


def agreement_table(lang=None):
    """Each example of the page computed by `steps` and by a Keras Conv2D: shapes and largest difference."""
    lang = lang or language()
    names, rows = page_words(PAGE, lang)["examples"], []
    for name, matrix, kernel, stride, padding, dilation in EXAMPLES:
        ours = cross_correlate(matrix, kernel, stride, padding, dilation)
        theirs = keras_conv2d(matrix, kernel, None, stride, padding, dilation)
        rows.append([*_words(names[name]), shape_text(ours.shape), shape_text(theirs.shape), *_compare(ours, theirs)])
    ours = conv_channels(CHANNELS_INPUT, CHANNELS_WEIGHTS, CHANNELS_BIAS)
    theirs = keras_conv2d(CHANNELS_INPUT, CHANNELS_WEIGHTS, CHANNELS_BIAS)
    rows.append([*_words(names["channels"]), shape_text(ours.shape), shape_text(theirs.shape), *_compare(ours, theirs)])
    return _words(*page_words(PAGE, lang)["agreement_columns"]), rows, ["l", "l", "l", "r", "c"]


def _compare(ours, theirs):
    if ours.shape != theirs.shape:
        return ["–", "✗"]
    difference = float(np.abs(ours - theirs).max())
    return [f"{difference:g}", agreement(difference == 0)]


def channel_table(row=0, col=0, f=0, lang=None):
    """One output cell of filter f written out: a multiply-add per input channel, the bias, the total."""
    worked = channel_terms(CHANNELS_INPUT, CHANNELS_WEIGHTS, CHANNELS_BIAS, row, col, f)
    text = page_words(PAGE, lang or language())
    rows = [[c, multiply_add(s), s["value"]] for c, s in enumerate(worked["channels"])]
    rows += [[*_words(text["bias"]), "", worked["bias"]],
             [*_words(f'{text["output"]} <bdi>{shape_text((row, col, f))}</bdi>'), "", worked["value"]]]
    return _words(*text["channel_columns"]), rows, ["l", "l", "r"]


def channel_equation(f):
    """Filter f of the channel example as display math: each channel correlated with its kernel, plus the bias."""
    x, w = np.asarray(CHANNELS_INPUT), np.asarray(CHANNELS_WEIGHTS)
    out = conv_channels(CHANNELS_INPUT, CHANNELS_WEIGHTS, CHANNELS_BIAS)[:, :, f]
    parts = [f"{bmatrix(x[:, :, c])} \\star {bmatrix(w[:, :, c, f])}" for c in range(x.shape[2])]
    return equation(" + ".join(parts), f"{CHANNELS_BIAS[f]:+d}", "=", bmatrix(out))
