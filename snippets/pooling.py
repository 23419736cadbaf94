"""Pooling layers applied to small matrices with Keras, a NumPy reference, and what pooling buys."""

import numpy as np

from cnn_site.cache import cached
from snippets.data import camera
from snippets.formulas import output_length, padding_sides
from snippets.i18n import Phrase
from snippets.plotting import png, pyplot

# The 3x3 matrix of the original course notes (question 1).
SEED_MATRIX = ((131, 162, 232), (104, 93, 139), (243, 26, 252))
# A 4x4 example for stride and padding variants.
MATRIX_4X4 = ((1, 3, 2, 9), (5, 6, 1, 7), (4, 2, 8, 0), (3, 1, 4, 6))
# (kind, pool_size, strides, padding) shown on the pooling page.
SEED_VARIANTS = tuple((kind, 2, stride, padding) for stride, padding in ((1, "valid"), (2, "same"))
                      for kind in ("max", "average", "min"))
VARIANTS_4X4 = (("max", 2, 2, "valid"), ("average", 2, 2, "valid"), ("min", 2, 2, "valid"),
                ("max", 3, 1, "valid"), ("average", 3, 2, "same"), ("max", 3, 1, "same"))

_LAYERS = {"max": "MaxPooling2D", "average": "AveragePooling2D", "min": "MaxPooling2D"}
_GLOBAL = {"max": "GlobalMaxPooling2D", "average": "GlobalAveragePooling2D", "min": "GlobalMaxPooling2D"}
_REDUCE = {"max": np.max, "average": np.mean, "min": np.min}


@cached
def pool2d(matrix, kind="max", pool_size=2, strides=1, padding="valid"):
    """Pool a 2-D matrix with a Keras pooling layer and return the pooled 2-D array."""
    import keras

    layer = getattr(keras.layers, _LAYERS[kind])(pool_size=pool_size, strides=strides, padding=padding)
    sign = -1 if kind == "min" else 1  # Keras has no min pooling: min(x) = -max(-x)
    x = sign * np.asarray(matrix, dtype="float32")[np.newaxis, :, :, np.newaxis]
    return sign * np.asarray(layer(x))[0, :, :, 0] + 0.0  # + 0.0 turns -0.0 into 0.0


def pool2d_numpy(matrix, kind="max", pool_size=2, strides=1, padding="valid"):
    """The same pooling by hand: windows sliced from the matrix, padding cells left out."""
    m = np.asarray(matrix, dtype="float64")
    starts = [_starts(n, pool_size, strides, padding) for n in m.shape]
    # A window that hangs over the padding simply has fewer cells (Keras ignores padded cells).
    return np.array([[_REDUCE[kind](m[max(i, 0):i + pool_size, max(j, 0):j + pool_size])
                      for j in starts[1]] for i in starts[0]])


def _starts(n, size, stride, padding):
    """First index of each window along one axis; negative when padding comes before."""
    before, _ = padding_sides(n, size, stride, padding)  # the odd padding cell goes after
    return [k * stride - before for k in range(output_length(n, size, stride, padding))]


@cached
def global_pool(matrix, kind="max"):
    """One number per channel: a Keras global pooling layer over the whole matrix."""
    import keras

    sign = -1 if kind == "min" else 1
    x = sign * np.asarray(matrix, dtype="float32")[np.newaxis, :, :, np.newaxis]
    return float(sign * np.asarray(getattr(keras.layers, _GLOBAL[kind])()(x))[0, 0])


def variant_rows(matrix, variants):
    """Keras and NumPy side by side for (kind, pool_size, strides, padding) variants."""
    rows = []
    for kind, size, stride, padding in variants:
        keras_out, numpy_out = pool2d(matrix, kind, size, stride, padding), pool2d_numpy(matrix, kind, size, stride, padding)
        rows.append([kind, size, stride, padding, compact(keras_out), bool(np.allclose(keras_out, numpy_out))])
    return rows


def compact(matrix):
    """A small matrix on one line, rounded to 2 decimals: [[162, 232], [243, 252]]."""
    return "[" + ", ".join("[" + ", ".join(f"{round(float(v), 2):g}" for v in row) + "]" for row in matrix) + "]"


def global_rows(matrix):
    """Global max, average and min of a matrix: Keras layers against NumPy."""
    m = np.asarray(matrix, dtype="float64")
    return [[kind, round(global_pool(matrix, kind), 2), round(float(_REDUCE[kind](m)), 2)]
            for kind in ("max", "average", "min")]


@cached
def pooling_params():
    """Trainable parameters of each Keras pooling layer on a 32x32x16 feature map."""
    import keras

    L, x = keras.layers, keras.Input((32, 32, 16))
    layers = [L.MaxPooling2D(2), L.AveragePooling2D(2), L.GlobalMaxPooling2D(), L.GlobalAveragePooling2D()]
    return {type(layer).__name__: keras.Model(x, layer(x)).count_params() for layer in layers}


def operation_rows(sizes=(2, 3)):
    """Arithmetic per output cell of a k x k window: max needs comparisons, average additions."""
    return [[f"{k}x{k}", Phrase("{n} comparisons", n=k * k - 1), Phrase("{n} additions + 1 multiplication", n=k * k - 1)]
            for k in sizes]


def downstream_rows(hw=56, channels=64, kernel=3):
    """Multiply-adds of the next 3x3 convolution without and with a 2x2 pooling before it."""
    rows = []
    for label, size in (("no pooling", hw), ("MaxPooling2D(2)", hw // 2)):
        macs = size * size * kernel * kernel * channels * channels  # padding="same": one per weight per cell
        rows.append([label, f"{size}x{size}x{channels}", size * size * channels, macs])
    return rows


PRESENCE_WINDOWS = {"1 of 4 cells": ((1, 0), (0, 0)), "4 of 4 cells": ((1, 1), (1, 1)), "none": ((0, 0), (0, 0))}


@cached
def presence_rows(noise_side=200, seed=0):
    """Max against average pooling (Keras, 2x2): a feature in one cell, in all four, in none, and pure noise.

    The noise rows pool a map of standard normal values: the mean and the standard
    deviation of the pooled values over its (noise_side / 2) ** 2 windows.
    """
    rows = [(f"feature (1.0) in {name}" if name != "none" else "no feature", float(pool2d(w, "max", 2, 2)[0, 0]),
             float(pool2d(w, "average", 2, 2)[0, 0])) for name, w in PRESENCE_WINDOWS.items()]
    noise = np.random.default_rng(seed).standard_normal((noise_side, noise_side))
    pooled = {kind: pool2d(noise, kind, 2, 2) for kind in ("max", "average")}
    rows.append(("noise only: mean", *(round(float(pooled[k].mean()), 2) + 0.0 for k in ("max", "average"))))
    rows.append(("noise only: standard deviation", *(round(float(pooled[k].std()), 2) for k in ("max", "average"))))
    return rows


@cached
def flatten_head_rows(input_shape=(32, 32, 3), filters=16, units=10):
    """Conv2D -> [MaxPooling2D(2)] -> Flatten -> Dense: parameters per layer, without and with the pooling."""
    import keras

    def counts(pool):
        L = keras.layers
        layers = [L.Conv2D(filters, 3, padding="same")] + ([L.MaxPooling2D(2)] if pool else []) + \
            [L.Flatten(), L.Dense(units)]
        model = keras.Sequential([keras.Input(input_shape), *layers])
        return {type(layer).__name__: layer.count_params() for layer in model.layers}

    without, with_pool = counts(False), counts(True)
    rows = [(name, without.get(name, "–"), with_pool[name]) for name in with_pool]
    return rows + [("total", sum(without.values()), sum(with_pool.values()))]


def _relative_change(a, b):
    """||a - b|| / ||a||: how much of a changed."""
    return float(np.linalg.norm(a - b) / np.linalg.norm(a))


def _edge_filters(filters, shape):
    """A Conv2D + ReLU with random, seeded, zero-sum 3x3 filters: they see edges, not brightness."""
    import keras

    conv = keras.layers.Conv2D(filters, 3, activation="relu")
    conv.build(shape)
    weights, bias = conv.get_weights()
    conv.set_weights([weights - weights.mean(axis=(0, 1, 2), keepdims=True), bias])
    return conv


@cached
def shift_change_rows(pools=(2, 4, 8), shift=1, filters=8):
    """How much a 1-pixel shift of the photograph changes features, before and after pooling."""
    import keras

    keras.utils.set_random_seed(0)
    image = camera()
    crops = [image[16:240, s:s + 224] for s in (0, shift)]  # the same scene, moved sideways
    x = np.stack(crops)[..., None].astype("float32")
    features = np.asarray(_edge_filters(filters, x.shape)(x))
    stages = [("Conv2D + ReLU", lambda f: f)]
    stages += [(f"MaxPooling2D({p})", keras.layers.MaxPooling2D(p)) for p in pools]
    stages += [(f"AveragePooling2D({p})", keras.layers.AveragePooling2D(p)) for p in pools[:1]]
    stages += [("GlobalMaxPooling2D", keras.layers.GlobalMaxPooling2D()),
               ("GlobalAveragePooling2D", keras.layers.GlobalAveragePooling2D())]
    rows = []
    for name, stage in stages:
        out = np.asarray(stage(features))
        rows.append([name, str(out.shape[1:]), round(_relative_change(out[0], out[1]), 3)])
    return rows


@cached
def head_params(feature_shape, units):
    """Parameters of a Dense head after Flatten and after GlobalAveragePooling2D, from Keras."""
    import keras

    heads = {"Flatten": keras.layers.Flatten, "GlobalAveragePooling2D": keras.layers.GlobalAveragePooling2D}
    counts = {}
    for name, make in heads.items():
        model = keras.Sequential([keras.Input(feature_shape), make(), keras.layers.Dense(units)])
        counts[name] = model.count_params()
    return counts


def head_rows(cases=(((7, 7, 512), 1000), ((7, 7, 512), 10), ((8, 8, 64), 10))):
    """Flatten against global average pooling before the same Dense layer."""
    rows = []
    for shape, units in cases:
        counts = head_params(shape, units)
        ratio = counts["Flatten"] / counts["GlobalAveragePooling2D"]
        rows.append([str(shape), units, counts["Flatten"], counts["GlobalAveragePooling2D"], f"{ratio:.0f}x"])
    return rows


@cached
def any_size_rows(sizes=(32, 48, 64)):
    """Conv2D, then Flatten or GAP, then Dense, with the input size left open: what builds, what runs."""
    import keras

    rows = []
    for name in ("GlobalAveragePooling2D", "Flatten"):
        try:
            model = keras.Sequential([keras.Input((None, None, 3)), keras.layers.Conv2D(8, 3),
                                      getattr(keras.layers, name)(), keras.layers.Dense(10)])
        except ValueError as error:  # Dense needs a known input length to create its weights
            rows.append([name, f"`{type(error).__name__}: {str(error).split('(')[0].strip()}`"])
            continue
        outputs = [tuple(model(np.zeros((1, s, s, 3), "float32")).shape) for s in sizes]
        rows.append([name, ", ".join(f"{s}x{s} -> {o}" for s, o in zip(sizes, outputs))])
    return rows


@cached
def camera_figure():
    """The photograph, max-pooled 2x2 and average-pooled 8x8: smaller maps that keep the scene."""
    plt = pyplot()

    image = camera()
    fig, axes = plt.subplots(1, 3, figsize=(9, 3.2))
    views = [image, pool2d_numpy(image, "max", 2, 2), pool2d_numpy(image, "average", 8, 8)]
    for ax, view, title in zip(axes, views, ["camera()", 'pool2d_numpy("max", 2)', 'pool2d_numpy("average", 8)']):
        ax.imshow(view, cmap="gray")
        ax.set_title(f"{title} {view.shape}", fontsize=9)
        ax.set_xticks([]), ax.set_yticks([])
    return png(fig)
