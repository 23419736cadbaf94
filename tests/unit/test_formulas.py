"""snippets.formulas: the window arithmetic and parameter counts every page uses, against Keras."""

import numpy as np
import pytest

from snippets.formulas import (conv_params, dense_params, dilated, locally_connected_params, output_length,
                               padding_sides, transposed_output_length)


@pytest.mark.parametrize("n, k", [(7, 2), (7, 3), (7, 4), (7, 5), (10, 4)])
def test_same_padding_is_what_keras_does(n, k):
    # A kernel with a single 1 in its first tap copies the input shifted by the padding before it.
    import keras

    layer = keras.layers.Conv2D(1, (k, 1), padding="same", use_bias=False)
    x = np.arange(1, n + 1, dtype="float32").reshape(1, n, 1, 1)
    layer.build(x.shape)
    weights = np.zeros((k, 1, 1, 1), "float32")
    weights[0] = 1
    layer.set_weights([weights])
    before, after = padding_sides(n, k, 1, "same")
    expected = np.concatenate([np.zeros(before), np.arange(1, n + 1)])[:n]
    assert np.array_equal(np.asarray(layer(x))[0, :, 0, 0], expected)
    assert before + after == k - 1


def test_same_padding_exercise():
    assert padding_sides(10, 4, 1, "same") == (1, 2)  # the odd zero goes after


def test_explicit_and_valid_padding_are_symmetric():
    assert padding_sides(10, 3, 2, 2) == (2, 2) and padding_sides(10, 3, 2, "valid") == (0, 0)


def test_dilation_spreads_the_kernel():
    assert [dilated(3, d) for d in (1, 2, 3)] == [3, 5, 7]
    assert output_length(7, 3, 1, "valid", 2) == 3 and output_length(5, 4, 1, 2) == 6  # D&V figures


def test_same_padding_with_dilation_pads_the_dilated_extent():
    assert sum(padding_sides(7, 3, 1, "same", 3)) == dilated(3, 3) - 1


@pytest.mark.parametrize("size, kernel, stride, padding", [(2, 3, 2, "valid"), (4, 3, 1, "valid"), (5, 2, 2, "same")])
def test_transposed_length_equals_keras(size, kernel, stride, padding):
    import keras

    out = keras.layers.Conv1DTranspose(1, kernel, strides=stride, padding=padding)(np.zeros((1, size, 1), "float32"))
    assert out.shape[1] == transposed_output_length(size, kernel, stride, padding)


@pytest.mark.parametrize("dims", [1, 2, 3])
def test_conv_params_in_any_dimension_and_without_bias(dims):
    import keras

    layer = getattr(keras.layers, f"Conv{dims}D")(8, 3, use_bias=False)
    layer.build((None, *(9,) * dims, 4))
    assert layer.count_params() == conv_params((3,) * dims, 4, 8, use_bias=False) == 3 ** dims * 4 * 8
    assert conv_params((3,) * dims, 4, 8) == 3 ** dims * 4 * 8 + 8


def test_locally_connected_and_dense_counts():
    assert locally_connected_params((5, 5), (3, 3), 10, 2) == 25 * conv_params((3, 3), 10, 2) == 4_550
    assert dense_params(50, 10) == 510
