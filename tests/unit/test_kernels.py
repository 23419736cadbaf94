"""snippets.kernels: padding arithmetic equals Keras', even kernels shift, stacks of 3x3 are cheaper."""

import ast

import numpy as np
import pytest

from snippets import kernels
from snippets.formulas import output_length
from snippets.pooling import SEED_MATRIX


@pytest.mark.parametrize("n, k, s", [(10, 3, 1), (10, 4, 1), (10, 2, 1), (11, 3, 2), (9, 4, 2), (7, 7, 3)])
def test_output_length_equals_keras(n, k, s):
    import keras

    for padding in ("valid", "same"):
        out = keras.layers.Conv2D(1, (k, 1), strides=(s, 1), padding=padding)(np.zeros((1, n, 1, 1), "float32"))
        assert out.shape[1] == output_length(n, k, s, padding)


@pytest.mark.parametrize("stack", [(3,), (3, 3), (3, 3, 3), (5,), (7,), (2, 2), (4, 3)])
def test_receptive_field_formula_equals_measurement(stack):
    assert kernels.receptive_field(list(stack)) == kernels.measured_receptive_field(stack)


def test_receptive_field_with_a_stride_two_pooling():
    assert kernels.receptive_field([3, 3, 2, 3, 3], [1, 1, 2, 1, 1]) == 14  # exercise 2


def test_even_kernels_shift_half_a_pixel_per_layer_odd_ones_do_not():
    rows = {r[0]: r[2:] for r in kernels.centre_shift_rows()}
    assert rows["3x3"] == rows["5x5"] == [0.0, 0.0, 0.0]
    assert rows["2x2"] == rows["4x4"] == [-0.5, -1.0, -2.0]


def test_seed_windows_have_a_pixel_centre_only_for_odd_kernels():
    rows = kernels.window_rows(SEED_MATRIX)
    by = {(r[0], r[2]): r for r in rows}
    assert by[("3x3", "(1, 1)")][3] == str([list(r) for r in SEED_MATRIX]) and by[("3x3", "(1, 1)")][4] == "(1, 1)"
    assert by[("2x2", "(0, 0)")][3] == "[[131, 162], [104, 93]]" and by[("2x2", "(0, 0)")][4] == "(0.5, 0.5)"
    assert kernels.padded(SEED_MATRIX, 2).shape == (4, 4) and kernels.padded(SEED_MATRIX, 3).shape == (5, 5)


def test_factorisation_counts():
    c = 64
    for row, n in zip(kernels.factorisation_rows(channels=c), (3, 5, 7)):
        assert row[1] == n * n * c * c + c and row[3] == 2 * (n * c * c + c)


def test_stacks_of_3x3_are_cheaper_with_more_relus():
    rows = kernels.stack_rows(channels=64)
    assert [r[3] for r in rows] == [102_464, 73_856, 200_768, 110_784]
    assert [r[4] for r in rows] == [1, 2, 1, 3]
    assert round(rows[1][3] / rows[0][3], 2) == 0.72 and round(rows[3][3] / rows[2][3], 2) == 0.55  # as the page says
    assert kernels.params([("conv", 32, 5)], (16, 16, 32)) == 25_632  # exercise 1
    assert kernels.params([("conv", 32, 3), ("conv", 32, 3)], (16, 16, 32)) == 18_496


def test_size_rows_grow_with_k_squared():
    rows = kernels.size_rows(channels=64)
    assert [r[1] - 64 for r in rows] == [k * k * 64 * 64 for k in (1, 3, 5, 7, 9, 11)]


def test_axis_rows_formula_equals_keras():
    for row in kernels.axis_rows():
        assert ast.literal_eval(row[2])[:2] == ast.literal_eval(row[3])


def test_vgg_trace_halves_space_and_doubles_channels():
    rows = kernels.vgg_rows()
    pools = [r for r in rows if r[0] == "MaxPooling2D"]
    assert [r[1] for r in pools] == ["(32, 32, 16)", "(16, 16, 32)", "(8, 8, 64)", "(4, 4, 128)"]
    assert [r[3] for r in rows if r[0] == "Conv2D"][-1] == 73_856  # exercise 4
    assert all(r[3] == 0 for r in pools)


def test_impulse_figure_is_png():
    assert kernels.impulse_figure()[:4] == b"\x89PNG"


def test_factorised_pair_is_bounded_by_its_middle_channels():
    """The page: rank of one channel pair min(C_mid, n), of the whole kernel min(C_mid, C n)."""
    rows = {row[1]: row for row in kernels.rank_rows() if row[1] != ""}
    for mid, (_, _, pair_rank, whole_rank, bound) in rows.items():
        assert pair_rank == min(mid, 3) and whole_rank == bound == min(mid, 12)
    assert rows[1][2] == 1  # one middle channel: only separable kernels
    [square] = [row for row in kernels.rank_rows() if row[1] == ""]
    assert square[2:] == (3, 12, 12)  # a free 3x3 layer: full rank


def test_composed_kernel_of_one_layer_is_its_own_kernel_flipped():
    import keras

    layer = keras.layers.Conv2D(2, (3, 3), padding="same", use_bias=False)
    layer.build((None, 9, 9, 3))
    kernel = kernels.composed_kernel([layer], 3)  # (C_out, C_in, 3, 3)
    expected = np.transpose(np.asarray(layer.kernel), (3, 2, 0, 1))[:, :, ::-1, ::-1]
    np.testing.assert_allclose(kernel, expected, atol=1e-6)


def test_same_padding_with_stride_two_is_uneven_for_an_odd_kernel():
    """The page: a 3x3 kernel with stride 2 on 32 pixels gets (0, 1); Keras agrees with the formula."""
    rows = {(n, k, s): (keras_pad, formula) for n, k, s, _, keras_pad, formula in kernels.stride_padding_rows()}
    assert all(keras_pad == formula for keras_pad, formula in rows.values())
    assert rows[(32, 3, 2)] == ("(0, 1)", "(0, 1)") and rows[(32, 3, 1)] == ("(1, 1)", "(1, 1)")


def test_neighbouring_pixels_are_most_related():
    correlations = [c for _, c in kernels.neighbour_correlation_rows()]
    assert correlations == sorted(correlations, reverse=True) and correlations[0] > 0.95
