"""Window arithmetic and parameter counts: the formulas every page uses, defined once.

Along one axis a window (a kernel or a pool) of size `kernel`, moved by `stride`, spread by
`dilation`, over an input of length `size`; `padding` is "valid", "same" or an int p >= 0
(p zeros on each side). The page's JavaScript calculator (docs/assets/js/shape-calculator.js)
implements the same rules; tests hold both to Keras.
"""

import math


def dilated(kernel, dilation=1):
    """The extent of a dilated kernel: k + (k - 1)(d - 1) input cells."""
    return kernel + (kernel - 1) * (dilation - 1)


def output_length(size, kernel, stride=1, padding="valid", dilation=1):
    """Output length along one axis: Dumoulin & Visin (2016) relationships 6 and 15; Keras' 'same'."""
    if padding == "same":
        return -(-size // stride)  # ceil(i / s): Keras pads whatever the kernel needs
    pad = 0 if padding == "valid" else padding
    return (size + 2 * pad - dilated(kernel, dilation)) // stride + 1


def padding_sides(size, kernel, stride=1, padding="valid", dilation=1):
    """(before, after) zeros along one axis; for "same", the odd one goes after, as in Keras."""
    if padding != "same":
        pad = 0 if padding == "valid" else padding
        return pad, pad
    total = max((output_length(size, kernel, stride, "same") - 1) * stride + dilated(kernel, dilation) - size, 0)
    return total // 2, total - total // 2


def transposed_output_length(size, kernel, stride=1, padding="valid"):
    """Output length of a transposed convolution (Keras' Conv2DTranspose, no output_padding)."""
    if padding == "same":
        return size * stride
    return size * stride + max(kernel - stride, 0)


def conv_params(kernel_size, in_channels, filters, use_bias=True):
    """Weights of a convolution: one kernel per filter over all input channels, plus one bias each.

    kernel_size has one entry per spatial axis: (3, 3) for Conv2D, (3,) for Conv1D.
    """
    return (math.prod(kernel_size) * in_channels + int(use_bias)) * filters


def locally_connected_params(out_spatial, kernel_size, in_channels, filters):
    """Weights of a locally connected layer: a convolution's weights at every output position."""
    return math.prod(out_spatial) * conv_params(kernel_size, in_channels, filters)


def dense_params(in_features, units):
    """Weights of a Dense layer: a units x inputs matrix plus one bias per unit."""
    return (in_features + 1) * units
