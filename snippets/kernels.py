"""Kernel sizes: padding arithmetic, the shift of even kernels, stacks of small kernels."""

import numpy as np

from cnn_site.cache import cached
from snippets.data import camera
from snippets.formulas import output_length, padding_sides
from snippets.i18n import localized
from snippets.plotting import png, pyplot


def receptive_field(kernels, strides=None):
    """Input pixels one output pixel sees through a stack of convolutions, along one axis."""
    strides = strides or [1] * len(kernels)
    field, jump = 1, 1
    for k, s in zip(kernels, strides):
        field += (k - 1) * jump  # each layer widens the view by k - 1 steps of the layer below
        jump *= s
    return field


@cached
def trace(spec, input_shape):
    """Build a Keras model from (kind, *args) tuples; one row per layer: class, output shape, params."""
    import keras

    L = keras.layers
    make = {"conv": lambda f, k: L.Conv2D(f, k, padding="same", activation="relu"),
            "valid": lambda f, k: L.Conv2D(f, k, activation="relu"),
            "pool": lambda p: L.MaxPooling2D(p), "gap": L.GlobalAveragePooling2D,
            "flatten": L.Flatten, "dense": lambda n: L.Dense(n, activation="softmax")}
    model = keras.Sequential([keras.Input(input_shape)] + [make[kind](*args) for kind, *args in spec])
    return [(type(layer).__name__, tuple(layer.output.shape[1:]), layer.count_params()) for layer in model.layers]


def params(spec, input_shape):
    """Total trainable parameters of the model that `trace` builds."""
    return sum(p for _, _, p in trace(spec, input_shape))


def size_rows(sizes=(1, 3, 5, 7, 9, 11), channels=64, hw=32):
    """Parameters of one k x k convolution, C channels in and out: they grow with k squared."""
    rows = []
    for k in sizes:
        count = params([("conv", channels, k)], (hw, hw, channels))
        rows.append([f"{k}x{k}", count, f"{count / params([('conv', channels, 3)], (hw, hw, channels)):.2f}"])
    return rows


def axis_rows(kernels=((3, 3), (1, 7), (7, 1), (7, 7)), input_shape=(32, 32, 1)):
    """padding="valid" output shapes: the same rule along H and along W, each with its own k."""
    rows = []
    for k in kernels:
        [(_, shape, _)] = trace((("valid", 8, k),), input_shape)
        rows.append([f"{k[0]}x{k[1]}", str(input_shape), str(shape),
                     str(tuple(output_length(n, kn) for n, kn in zip(input_shape, k)))])
    return rows


def factorisation_rows(sizes=(3, 5, 7), channels=64, hw=32):
    """An n x n convolution against 1 x n followed by n x 1: Keras' parameter counts."""
    rows = []
    for n in sizes:
        square = params([("conv", channels, (n, n))], (hw, hw, channels))
        pair = params([("conv", channels, (1, n)), ("conv", channels, (n, 1))], (hw, hw, channels))
        rows.append([f"{n}x{n}", square, f"1x{n} + {n}x1", pair, f"{pair / square:.0%}"])
    return rows


def stack_rows(channels=64, hw=32):
    """One big kernel against a stack of 3x3 kernels with the same receptive field."""
    rows = []
    for big, n_small in ((5, 2), (7, 3)):
        for kernels in ([big], [3] * n_small):
            spec = [("conv", channels, k) for k in kernels]
            rows.append([" + ".join(f"{k}x{k}" for k in kernels), receptive_field(kernels),
                         measured_receptive_field(tuple(kernels)), params(spec, (hw, hw, channels)),
                         len(kernels)])
    return rows


def _conv_stack(image, kernel, layers, weights=None):
    """Apply `layers` Keras Conv2D layers (padding="same", no bias) with fixed weights to a 2-D image."""
    import keras

    weights = np.ones(kernel) / np.prod(kernel) if weights is None else np.asarray(weights, "float32")
    x = np.asarray(image, "float32")[None, :, :, None]
    for _ in range(layers):
        layer = keras.layers.Conv2D(1, kernel, padding="same", use_bias=False)
        layer.build(x.shape)
        layer.set_weights([weights.reshape(*weights.shape, 1, 1)])
        x = np.asarray(layer(x))
    return x[0, :, :, 0]


def impulse(size=21):
    """A black image with one white pixel in the middle."""
    image = np.zeros((size, size))
    image[size // 2, size // 2] = 1.0
    return image


@cached
def impulse_response(kernel, layers, size=21):
    """The impulse after `layers` box filters of size kernel x kernel, padding="same"."""
    return _conv_stack(impulse(size), (kernel, kernel), layers)


@cached
def measured_receptive_field(kernels, size=31):
    """Width of the region an impulse reaches through a stack of box kernels: the receptive field, measured."""
    x = impulse(size)
    for k in kernels:
        x = _conv_stack(x, (k, k), 1)
    return int((x[size // 2] > 0).sum())


def centre_of_mass(image):
    """(row, column) of the centre of mass of a non-negative image."""
    rows, cols = np.indices(image.shape)
    return float((rows * image).sum() / image.sum()), float((cols * image).sum() / image.sum())


def centre_shift_rows(kernels=(2, 3, 4, 5), layers=(1, 2, 4), size=21):
    """How far the centre of an impulse moves (in pixels, per axis) after box filters."""
    rows = []
    for k in kernels:
        shifts = [centre_of_mass(impulse_response(k, n, size))[0] - size // 2 for n in layers]
        rows.append([f"{k}x{k}", str(padding_sides(size, k, 1, "same"))] + [round(s, 3) + 0.0 for s in shifts])  # no -0.0
    return rows


def window_rows(matrix, kernels=(3, 2), positions=((0, 0), (1, 1))):
    """Which padded window each output pixel reads under padding="same", and the window's centre."""
    rows = []
    for k in kernels:
        m, before = padded(matrix, k), [padding_sides(n, k, 1, "same")[0] for n in np.shape(matrix)]
        for r, c in positions:
            window = m[r:r + k, c:c + k].tolist()  # output pixel (r, c) reads the window starting here
            centre = tuple(f"{i - b + (k - 1) / 2:g}" for i, b in zip((r, c), before))
            rows.append([f"{k}x{k}", str(padding_sides(np.shape(matrix)[0], k, 1, "same")), str((r, c)), str(window),
                         "(" + ", ".join(centre) + ")"])
    return rows


def padded(matrix, kernel):
    """The matrix with the zeros padding="same" adds for a kernel x kernel convolution."""
    m = np.asarray(matrix)
    return np.pad(m, [padding_sides(n, kernel, 1, "same") for n in m.shape])


@localized
@cached
def impulse_figure(kernels=(3, 2), layers=(1, 2, 4), size=21, *, tr):
    """Impulse responses of stacked box filters; the cross marks where the impulse was."""
    plt = pyplot()

    fig, axes = plt.subplots(len(kernels), len(layers), figsize=(2.4 * len(layers), 2.4 * len(kernels)))
    c, r = size // 2, 5  # show the 11 x 11 pixels around the impulse
    for row, k in zip(axes, kernels):
        for ax, n in zip(row, layers):
            response = impulse_response(k, n, size)
            ax.imshow(response[c - r:c + r + 1, c - r:c + r + 1], cmap="magma")
            ax.plot(r, r, "c+", ms=16, mew=2)
            row_c, col_c = centre_of_mass(response)
            ax.plot(col_c - c + r, row_c - c + r, "o", color="lime", mec="black", ms=6)
            ax.set_title(f"{k}x{k}, " + tr("layers={n}").format(n=n), fontsize=9)
            ax.set_xticks([]), ax.set_yticks([])
    return png(fig)


VGG_STYLE = (("conv", 16, 3), ("conv", 16, 3), ("pool", 2), ("conv", 32, 3), ("conv", 32, 3), ("pool", 2),
             ("conv", 64, 3), ("conv", 64, 3), ("pool", 2), ("conv", 128, 3), ("pool", 2), ("gap",),
             ("dense", 10))


def vgg_rows(input_shape=(64, 64, 3)):
    """Shape trace of a small VGG-style network: H x W shrink while channels grow."""
    rows = [["input", str(input_shape), int(np.prod(input_shape)), 0]]
    for name, shape, count in trace(VGG_STYLE, input_shape):
        rows.append([name, str(shape), int(np.prod(shape)), count])
    return rows


def composed_kernel(layers, channels_in, size=None):
    """The kernel of a stack of linear Conv2D layers (padding="same", no bias), read from impulses.

    Returns an array (C_out, C_in, kh, kw): channel j of an impulse in input channel i is the
    (flipped) kernel from i to j, which has the same rank as the kernel itself.
    """
    reach = sum(layer.kernel_size[0] - 1 for layer in layers) + 1, sum(layer.kernel_size[1] - 1 for layer in layers) + 1
    size = size or 2 * max(reach) + 1
    x = np.zeros((channels_in, size, size, channels_in), "float32")
    x[np.arange(channels_in), size // 2, size // 2, np.arange(channels_in)] = 1.0  # one impulse per input channel
    for layer in layers:
        x = np.asarray(layer(x))
    rows, cols = np.nonzero(np.abs(x).sum(axis=(0, 3)) > 0)
    return np.transpose(x[:, rows.min():rows.max() + 1, cols.min():cols.max() + 1, :], (3, 0, 1, 2))


def kernel_rank(kernel):
    """Rank of a (C_out, C_in, kh, kw) kernel reshaped to a (C_out * kh) x (C_in * kw) matrix."""
    c_out, c_in, kh, kw = kernel.shape
    return int(np.linalg.matrix_rank(kernel.transpose(0, 2, 1, 3).reshape(c_out * kh, c_in * kw), tol=1e-4))


@cached
def rank_rows(n=3, channels=4, middles=(1, 2, 3, 4, 8, 16), seed=0):
    """A 1 x n then n x 1 pair (random weights, nothing between) against an n x n Conv2D.

    Per number of intermediate channels C_mid: the rank of one channel pair's n x n kernel
    (1 means separable, n is any n x n kernel), and the rank of the whole kernel as a
    (C_out * n) x (C_in * n) matrix, which the pair bounds by C_mid.
    """
    import keras

    keras.utils.set_random_seed(seed)
    conv = lambda c, k: keras.layers.Conv2D(c, k, padding="same", use_bias=False)  # noqa: E731
    rows = []
    for mid in middles:
        kernel = composed_kernel([conv(mid, (1, n)), conv(channels, (n, 1))], channels)
        rows.append((f"1x{n} ({mid}) + {n}x1", mid, kernel_rank(kernel[:1, :1]), kernel_rank(kernel),
                     min(mid, channels * n)))
    kernel = composed_kernel([conv(channels, (n, n))], channels)
    rows.append((f"{n}x{n}", "", kernel_rank(kernel[:1, :1]), kernel_rank(kernel), channels * n))
    return rows


@cached
def keras_same_padding(n, kernel, stride):
    """(before, after) zeros Keras' Conv1D adds with padding="same", read from its output.

    The input is 1, 2, ..., n and the kernel picks its last tap, so output 0 is the input
    value at position kernel - 1 - before; the last window then ends `after` cells past the input.
    """
    import keras

    layer = keras.layers.Conv1D(1, kernel, strides=stride, padding="same", use_bias=False)
    layer.build((1, n, 1))
    layer.set_weights([np.eye(kernel)[-1].reshape(kernel, 1, 1)])
    out = np.asarray(layer(np.arange(1, n + 1, dtype="float32").reshape(1, n, 1)))[0, :, 0]
    before = kernel - int(round(out[0]))
    last_end = (len(out) - 1) * stride - before + kernel - 1  # input index the last window's last tap reads
    return before, last_end - (n - 1)


def stride_padding_rows(cases=((32, 3, 1), (32, 3, 2), (31, 3, 2), (32, 5, 2), (32, 2, 1), (32, 2, 2))):
    """padding="same" per (input, kernel, stride): Keras' (before, after) against padding_sides."""
    return [(n, k, s, output_length(n, k, s, "same"), str(keras_same_padding(n, k, s)), str(padding_sides(n, k, s, "same")))
            for n, k, s in cases]


@cached
def neighbour_correlation_rows(distances=(1, 2, 4, 8, 16, 32)):
    """Correlation between the camera photograph's pixels and the pixels d columns to their right."""
    image = camera(512)  # full size; a correlation does not see the scale
    return [(d, round(float(np.corrcoef(image[:, :-d].ravel(), image[:, d:].ravel())[0, 1]), 3)) for d in distances]
