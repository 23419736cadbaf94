"""Hand-made image filters: the kernels of the course notes, applied with Keras and OpenCV."""

import numpy as np

from cnn_site.cache import cached
from snippets.data import load_image
from snippets.i18n import localized
from snippets.plotting import grid, png, show
from snippets.render import bmatrix, equation

LAPLACIAN = ((0, 1, 0), (1, -4, 1), (0, 1, 0))
SOBEL_Y = ((-1, -2, -1), (0, 0, 0), (1, 2, 1))
SOBEL_X = ((-1, 0, 1), (-2, 0, 2), (-1, 0, 1))
BOX_DIVISORS = (1, 9, 500)  # the three divisors of the notes' box kernel
BLUR_SIZES = (3, 7, 15)

# Column labels of the tables, in English; table() prints them in the page's language
# (snippets/strings/).
KERNEL_COLUMNS = ["kernel", "sum of weights", "same after flip", "same after transpose"]
AGREEMENT_COLUMNS = ["kernel", "inside, default borders", "border pixels, default borders",
                     "all, cv2 BORDER_CONSTANT", "all, np.pad reflect + Keras valid", "largest abs output"]
FLIP_COLUMNS = ["kernel", "same after flip", "max abs(flipped - original)", "flipped output is",
                "max abs(Keras flipped - scipy convolve2d)"]
DIVISOR_COLUMNS = ["divisor", "mean", "max", "ratio to /9", "max abs diff to /9 after min-max",
                   "uint8 levels", "uint8 at 255 (%)"]
BLUR_COLUMNS = ["kernel", "size", "sigma", "mean", "edge width 10-90 % (px)"]
NEGATIVE_COLUMNS = ["kernel", "min", "max", "negative pixels (%)", "abs response lost by clipping (%)"]
STEP_COLUMNS = ["bright side", "max abs G_x", "max abs G_y", "max magnitude", "direction at edge (deg)"]
PROFILE_COLUMNS = ["x", "intensity", "laplacian"]


def box_kernel(size=3, divisor=None):
    """A size x size kernel of ones divided by divisor (size * size by default: the mean)."""
    return np.ones((size, size), dtype="float32") / np.float32(divisor or size * size)


# The four kernels of the notes, by the names used in code, tables and figures.
KERNELS = {"box/9": box_kernel(3, 9), "laplacian": np.array(LAPLACIAN, "float32"),
           "sobel_y": np.array(SOBEL_Y, "float32"), "sobel_x": np.array(SOBEL_X, "float32")}


def kernel_equations():
    """The kernels as display math: the box kernel with its three divisors, then the others."""
    ones = np.ones((3, 3))
    boxes = ",\\quad ".join(f"\\tfrac{{1}}{{{d}}}{bmatrix(ones)}" for d in BOX_DIVISORS)
    return "".join([equation(r"K_{\text{box}} \in \left\{", boxes, r"\right\}"),
                    equation(r"K_{\text{Laplacian}} =", bmatrix(LAPLACIAN), r",\quad G_y =",
                             bmatrix(SOBEL_Y), r",\quad G_x =", bmatrix(SOBEL_X))])


def kernel_rows():
    """Per kernel: its sum (1 keeps brightness, 0 answers only to change) and its symmetry."""
    return [[name, f"{float(k.sum()):g}", bool(np.array_equal(k, np.flip(k))), bool(np.array_equal(k, k.T))]
            for name, k in KERNELS.items()]


@cached
def keras_filter(image, kernels, padding="same"):
    """Apply kernels with one Conv2D layer whose weights are set by hand."""
    import keras

    # Conv2D kernel shape: (rows, cols, input channels, filters)
    weights = np.stack(kernels, axis=-1)[:, :, np.newaxis, :]
    height, width = np.shape(image)
    model = keras.Sequential([
        keras.Input(shape=(height, width, 1)),
        keras.layers.Conv2D(len(kernels), weights.shape[:2],
                            padding=padding, use_bias=False),
    ])
    model.set_weights([weights.astype("float32")])
    batch = np.reshape(image, (1, height, width, 1)).astype("float32")
    return model.predict(batch, verbose=0)[0]  # (height, width, filters)


@cached
def opencv_filter(image, kernel, border="DEFAULT"):
    """Apply one kernel with cv2.filter2D; border names a cv2.BORDER_* mode."""
    import cv2

    return cv2.filter2D(np.float32(image), cv2.CV_32F, np.float32(kernel),
                        borderType=getattr(cv2, f"BORDER_{border}"))


def border_mask(shape, width=1):
    """True on the outer `width` pixels of an image, where a kernel overhangs the edge."""
    mask = np.ones(shape, bool)
    mask[width:-width, width:-width] = False
    return mask


def _max_diff(a, b, where=None):
    """Largest absolute difference: 2 decimals, or 3 significant digits when below 1."""
    diff = np.abs(np.asarray(a, "float64") - np.asarray(b, "float64"))
    largest = float(diff[where].max() if where is not None else diff.max())
    return float(f"{largest:.3g}") if largest < 1 else round(largest, 2)


def filter_bank(image):
    """The four kernels applied by Keras (zero padding) and by OpenCV (reflect and zero borders)."""
    names = list(KERNELS)
    by_keras = keras_filter(image, tuple(KERNELS.values()))
    return {"keras": {n: by_keras[:, :, i] for i, n in enumerate(names)},
            "opencv": {n: opencv_filter(image, KERNELS[n]) for n in names},
            "opencv_zero": {n: opencv_filter(image, KERNELS[n], "CONSTANT") for n in names}}


@cached  # the whole table at once: a warm build reads one entry
def agreement_rows(image):
    """Largest |Keras - OpenCV| per kernel: inside, at the border, and with matched borders."""
    bank, rim = filter_bank(image), border_mask(np.shape(image))
    # The other way round: pad like OpenCV (reflect-101 = numpy "reflect"), then Keras "valid".
    padded = np.pad(np.asarray(image, "float32"), 1, mode="reflect")
    valid = keras_filter(padded, tuple(KERNELS.values()), padding="valid")
    rows = []
    for i, name in enumerate(KERNELS):
        keras_out, cv_out = bank["keras"][name], bank["opencv"][name]
        rows.append([name, _max_diff(keras_out, cv_out, ~rim), _max_diff(keras_out, cv_out, rim),
                     _max_diff(keras_out, bank["opencv_zero"][name]), _max_diff(valid[:, :, i], cv_out),
                     round(float(np.abs(keras_out).max()), 2)])
    return rows


@cached
def textbook_convolution(image, kernel):
    """True convolution (the kernel flipped) with zero padding, by SciPy: the reference."""
    from scipy.signal import convolve2d

    return convolve2d(np.asarray(image, "float64"), np.asarray(kernel, "float64"), mode="same",
                      boundary="fill").astype("float32")


@cached
def flip_rows(image):
    """Per kernel: does flipping it (true convolution) change the output, and how."""
    bank, rows = filter_bank(image), []
    flipped = keras_filter(image, tuple(np.flip(k) for k in KERNELS.values()))
    for i, (name, k) in enumerate(KERNELS.items()):
        corr, conv = bank["keras"][name], flipped[:, :, i]
        relation = "identical" if np.allclose(conv, corr) else "negated" if np.allclose(conv, -corr) else "other"
        rows.append([name, bool(np.array_equal(k, np.flip(k))), _max_diff(conv, corr),
                     relation, _max_diff(conv, textbook_convolution(image, k))])
    return rows


@cached
def uint8_filter(image, kernel):
    """cv2.filter2D on 8-bit pixels with an 8-bit result: what a plain `ddepth=-1` call returns."""
    import cv2

    return cv2.filter2D(np.clip(np.rint(image), 0, 255).astype(np.uint8), -1, np.asarray(kernel, "float32"))


def box_outputs(image):
    """The 3x3 box kernel with each divisor of the notes, applied by Keras."""
    outputs = keras_filter(image, tuple(box_kernel(3, d) for d in BOX_DIVISORS))
    return {d: outputs[:, :, i] for i, d in enumerate(BOX_DIVISORS)}


def rescale(values):
    """Min-max rescaling to 0-1, what imshow does to a float image by default."""
    values = np.asarray(values, "float64")
    return (values - values.min()) / (values.max() - values.min())


@cached
def divisor_rows(image):
    """Per divisor: brightness, ratio to /9, difference after rescaling, and 8-bit levels left."""
    outputs, rows = box_outputs(image), []
    for d, out in outputs.items():
        ratio = float(np.median(out / outputs[9]))  # every pixel: the same number
        as_uint8 = uint8_filter(image, box_kernel(3, d))
        rows.append([f"/{d}", round(float(out.mean()), 2), round(float(out.max()), 2), round(ratio, 6),
                     _max_diff(rescale(out), rescale(outputs[9])), int(np.unique(as_uint8).size),
                     round(100 * float((as_uint8 == 255).mean()), 1)])
    return rows


def step_image(direction="right", size=16):
    """A dark (0) / bright (255) step; direction is where the bright side lies."""
    image = np.zeros((size, size), "float32")
    half = size // 2
    sides = {"right": (slice(None), slice(half, None)), "left": (slice(None), slice(None, half)),
             "down": (slice(half, None), slice(None)), "up": (slice(None, half), slice(None))}
    if direction == "down-right":  # a diagonal edge
        image[np.add.outer(np.arange(size), np.arange(size)) >= size] = 255
    else:
        image[sides[direction]] = 255
    return image


@cached
def gaussian_kernel(size, sigma):
    """A size x size Gaussian kernel (sum 1), from OpenCV's 1-D one."""
    import cv2

    g = cv2.getGaussianKernel(size, sigma, cv2.CV_32F)
    return (g @ g.T).astype("float32")


def blur_kernels():
    """Box and Gaussian kernels by name: (kernel, size, sigma); sigma = size / 6 keeps +-3 sigma inside."""
    kernels = {"identity 1x1": (box_kernel(1), 1, None)}  # no blur: the baseline
    kernels |= {f"box {s}x{s}": (box_kernel(s), s, None) for s in BLUR_SIZES}
    kernels["box 3x3 /500"] = (box_kernel(3, 500), 3, None)
    kernels |= {f"gaussian {s}x{s}": (gaussian_kernel(s, s / 6), s, s / 6) for s in BLUR_SIZES}
    # The same sigma in a bigger kernel: a Gaussian's blur is set by sigma, not by its size.
    kernels["gaussian 15x15, sigma 7/6"] = (gaussian_kernel(15, 7 / 6), 15, 7 / 6)
    return kernels


def _crossing(profile, level):
    """Where a rising profile first reaches level, interpolated between pixels."""
    i = int(np.argmax(profile >= level))
    return i - 1 + (level - profile[i - 1]) / (profile[i] - profile[i - 1])


def edge_width(kernel):
    """10-90 % rise distance (pixels) of an ideal step after filtering: how much it blurs."""
    row = opencv_filter(step_image("right", 64), kernel, "REPLICATE")[32].astype("float64")
    profile = (row - row.min()) / (row.max() - row.min())  # the divisor cancels here
    return float(_crossing(profile, 0.9) - _crossing(profile, 0.1))


@cached
def blur_rows(image):
    """Per blur kernel: size, sigma, mean brightness and edge width."""
    rows = []
    for name, (k, size, sigma) in blur_kernels().items():
        out = opencv_filter(image, k, "REFLECT_101")
        rows.append([name, size, "-" if sigma is None else round(sigma, 2), round(float(out.mean()), 2),
                     round(edge_width(k), 2)])
    return rows


@cached
def negative_rows(image):
    """Per signed kernel: range, share of negative pixels, share of |response| that clipping drops."""
    rows = []
    for name, out in filter_bank(image)["opencv"].items():
        if name.startswith("box"):
            continue
        lost = np.abs(np.minimum(out, 0)).sum() / np.abs(out).sum()
        rows.append([name, float(out.min()), float(out.max()), round(100 * float((out < 0).mean()), 1),
                     round(100 * float(lost), 1)])
    return rows


def gradient(gx, gy):
    """Gradient magnitude and direction (degrees; 0 = right, 90 = down: image rows grow downwards)."""
    gx, gy = np.asarray(gx, "float64"), np.asarray(gy, "float64")
    return np.hypot(gx, gy), np.degrees(np.arctan2(gy, gx))


@cached
def step_rows(directions=("right", "down", "left", "up", "down-right")):
    """Sobel x and y on synthetic steps: the largest responses and the gradient direction at the edge."""
    rows = []
    for direction in directions:
        image = step_image(direction)
        gx, gy = (opencv_filter(image, KERNELS[n], "REPLICATE") for n in ("sobel_x", "sobel_y"))
        magnitude, angle = gradient(gx, gy)
        at_edge = magnitude == magnitude.max()
        rows.append([direction, float(np.abs(gx).max()), float(np.abs(gy).max()), round(float(magnitude.max()), 1),
                     round(float(np.median(angle[at_edge])), 1)])
    return rows


@cached
def laplacian_profile(width=8):
    """Pixels across a vertical dark-to-bright step: intensity and Laplacian response."""
    image = step_image("right", 2 * width)
    response = opencv_filter(image, KERNELS["laplacian"], "REPLICATE")
    row = width  # any row: the step is the same on every row
    return [[x, float(image[row, x]), float(response[row, x])] for x in range(width - 3, width + 3)]


# Figures. Panels carry only code names; captions in the page's language explain them.

@localized
@cached
def results_figure(image, corner=24, *, tr):
    """Original; Keras and OpenCV outputs of the four kernels; |difference| in the top-left corner."""
    bank = filter_bank(image)
    fig, axes = grid(3, 5)
    show(axes[0, 0], image, tr("image"))
    for ax in axes[1:, 0]:
        ax.axis("off")
    for col, name in enumerate(KERNELS, start=1):
        signed = not name.startswith("box")
        show(axes[0, col], bank["keras"][name], tr(name), signed)
        show(axes[1, col], bank["opencv"][name], tr(name), signed)
        diff = np.abs(bank["keras"][name] - bank["opencv"][name])[:corner, :corner]
        show(axes[2, col], diff, f"{name} [:{corner}, :{corner}]", cmap="magma", vmin=0)
        axes[2, col].set_xticks([0, corner - 1])
        axes[2, col].set_yticks([0, corner - 1])
    for row, label in enumerate(["Keras Conv2D", "cv2.filter2D", "|Keras - OpenCV|"]):
        axes[row, 1].set_ylabel(tr(label))
    return png(fig)


@localized
@cached
def divisor_figure(image, *, tr):
    """The box kernel /1, /9, /500: on a fixed 0-255 scale (top) and min-max rescaled (bottom)."""
    fig, axes = grid(2, 3)
    for col, (d, out) in enumerate(box_outputs(image).items()):
        show(axes[0, col], out, f"/{d}", vmin=0, vmax=255)
        show(axes[1, col], out, f"/{d}")
    axes[0, 0].set_ylabel(tr("vmin=0, vmax=255"))
    axes[1, 0].set_ylabel(tr("min-max"))
    return png(fig)


@cached
def blur_figure(image):
    """Box (top) and Gaussian (bottom) blurs of growing size."""
    fig, axes = grid(2, len(BLUR_SIZES), size=2.6)
    kernels = blur_kernels()
    for col, size in enumerate(BLUR_SIZES):
        for row, kind in enumerate(("box", "gaussian")):
            k, _, sigma = kernels[f"{kind} {size}x{size}"]
            title = f"{kind} {size}x{size}" + (f", sigma={sigma:.2f}" if sigma else "")
            show(axes[row, col], opencv_filter(image, k, "REFLECT_101"), title, vmin=0, vmax=255)
    return png(fig)


@localized
@cached
def display_figure(image, *, tr):
    """Four ways to show a signed response: clip, absolute value, min-max, diverging map."""
    fig, axes = grid(2, 4)
    outputs = filter_bank(image)["opencv"]  # reflected borders: no false edge around the frame
    for row, name in enumerate(("laplacian", "sobel_x")):
        out = outputs[name]
        show(axes[row, 0], np.clip(out, 0, 255), tr("clip(0, 255)"), vmin=0, vmax=255)
        show(axes[row, 1], np.abs(out), tr("abs"), vmin=0, vmax=255)
        show(axes[row, 2], out, tr("min-max"))
        bar = show(axes[row, 3], out, tr("RdBu_r, 0 = white"), signed=True)  # colours clip past the 99.5th percentile
        fig.colorbar(bar, ax=axes[row, 3], fraction=0.046, pad=0.04)
        axes[row, 0].set_ylabel(tr(name))
    return png(fig)


@cached
def gradient_figure(image, box=(24, 76, 64)):
    """Gradient magnitude, direction (hue) where the edge is strong, and arrows on a crop."""
    outputs = filter_bank(image)["opencv"]  # reflected borders: no false edge around the frame
    magnitude, angle = gradient(outputs["sobel_x"], outputs["sobel_y"])
    strong = magnitude > 0.25 * np.percentile(magnitude, 99)
    fig, axes = grid(1, 3, size=3.2)
    show(axes[0, 0], magnitude, "|G| = hypot(G_x, G_y)", vmax=np.percentile(magnitude, 99))
    bar = show(axes[0, 1], np.ma.masked_where(~strong, angle), "atan2(G_y, G_x)", cmap="hsv",
                vmin=-180, vmax=180)
    axes[0, 1].set_facecolor("black")
    fig.colorbar(bar, ax=axes[0, 1], fraction=0.046, pad=0.04, ticks=[-180, -90, 0, 90, 180])
    top, left, side = box
    show(axes[0, 2], image[top:top + side, left:left + side], f"[{top}:{top + side}, {left}:{left + side}]")
    ys, xs = np.mgrid[0:side:4, 0:side:4]
    gx, gy = (outputs[n][top:top + side:4, left:left + side:4] for n in ("sobel_x", "sobel_y"))
    keep = strong[top:top + side:4, left:left + side:4]
    length = np.hypot(gx, gy)[keep]  # unit arrows: only the direction is shown here
    axes[0, 2].quiver(xs[keep], ys[keep], gx[keep] / length, gy[keep] / length, color="red",
                      angles="xy", scale_units="xy", scale=0.3, width=0.006)
    return png(fig)


@localized
@cached
def laplacian_figure(width=16, sigma=1.5, *, tr):
    """A softened dark-to-bright step and its Laplacian: positive on the dark side, negative on the bright."""
    image = opencv_filter(step_image("right", 2 * width), gaussian_kernel(9, sigma), "REPLICATE")
    response = opencv_filter(image, KERNELS["laplacian"], "REPLICATE")
    x = np.arange(2 * width)
    fig, axes = grid(2, 1, ticks=True)
    fig.set_size_inches(6.4, 4.2)
    axes[0, 0].plot(x, image[width], "k.-")
    axes[0, 0].set_ylabel(tr("intensity"))
    axes[1, 0].bar(x, response[width], color=np.where(response[width] > 0, "tab:red", "tab:blue"))
    axes[1, 0].axhline(0, color="grey", lw=0.8)
    axes[1, 0].set_ylabel(tr("laplacian"))
    for ax in axes.flat:
        ax.axvline(width - 0.5, color="grey", ls=":")
        ax.set_xticks(x[::4])
        ax.set_xlim(-1, 2 * width)  # bars and line on the same x axis
    axes[1, 0].set_xlabel(tr("x (px)"))
    return png(fig)
