"""snippets.pooling: Keras pooling agrees with a NumPy sliding-window reference."""

import numpy as np
import pytest

from snippets import pooling
from snippets.pooling import SEED_MATRIX, pool2d


def reference(matrix, reduce, size, stride):
    m = np.asarray(matrix, dtype="float64")
    n_rows = (m.shape[0] - size) // stride + 1
    n_cols = (m.shape[1] - size) // stride + 1
    return np.array([[reduce(m[i * stride:i * stride + size, j * stride:j * stride + size])
                      for j in range(n_cols)] for i in range(n_rows)])


def test_seed_matrix_max_pooled_with_stride_one():
    assert pool2d(SEED_MATRIX).tolist() == [[162, 232], [243, 252]]


def test_seed_matrix_average_pooled_with_stride_one():
    assert pool2d(SEED_MATRIX, "average").tolist() == [[122.5, 156.5], [116.5, 127.5]]


@pytest.mark.parametrize("kind, reduce", [("max", np.max), ("average", np.mean)])
@pytest.mark.parametrize("shape, size, stride", [((6, 6), 2, 2), ((7, 5), 3, 1), ((9, 8), 3, 2)])
def test_random_matrices_match_the_reference(kind, reduce, shape, size, stride):
    matrix = np.random.default_rng(0).integers(0, 256, size=shape)
    np.testing.assert_allclose(pool2d(matrix, kind, size, stride), reference(matrix, reduce, size, stride), rtol=1e-6)


def test_seed_matrix_min_pooled_is_minus_max_of_minus():
    assert pool2d(SEED_MATRIX, "min").tolist() == [[93, 93], [26, 26]]


def test_same_padding_average_leaves_padded_cells_out():
    # Windows: {131, 162, 104, 93}, {232, 139}, {243, 26}, {252}.
    assert pool2d(SEED_MATRIX, "average", 2, 2, "same").tolist() == [[122.5, 185.5], [134.5, 252]]
    assert pool2d(SEED_MATRIX, "max", 2, 2, "same").tolist() == [[162, 232], [243, 252]]
    assert pool2d(SEED_MATRIX, "min", 2, 2, "same").tolist() == [[93, 139], [26, 252]]


def test_four_by_four_by_hand():
    m = pooling.MATRIX_4X4
    assert pool2d(m, "max", 2, 2).tolist() == [[6, 9], [4, 8]]
    assert pool2d(m, "average", 2, 2).tolist() == [[3.75, 4.75], [2.5, 4.5]]
    assert pool2d(m, "min", 2, 2).tolist() == [[1, 1], [1, 0]]
    assert pool2d(m, "max", 3, 1).tolist() == [[8, 9], [8, 8]]


@pytest.mark.parametrize("kind", ["max", "average", "min"])
@pytest.mark.parametrize("shape, size, stride, padding", [
    ((6, 6), 2, 2, "same"), ((7, 5), 3, 2, "same"), ((5, 5), 3, 1, "same"), ((9, 8), 2, 3, "valid"), ((4, 4), 3, 2, "same")])
def test_numpy_reference_equals_keras(kind, shape, size, stride, padding):
    matrix = np.random.default_rng(1).integers(0, 256, size=shape)
    np.testing.assert_allclose(pool2d(matrix, kind, size, stride, padding),
                               pooling.pool2d_numpy(matrix, kind, size, stride, padding), rtol=1e-6)


def test_every_variant_on_the_page_agrees():
    rows = pooling.variant_rows(SEED_MATRIX, pooling.SEED_VARIANTS)
    rows += pooling.variant_rows(pooling.MATRIX_4X4, pooling.VARIANTS_4X4)
    assert len(rows) == 12 and all(r[-1] is True for r in rows)


def test_global_pooling_of_the_seed_matrix():
    assert pooling.global_rows(SEED_MATRIX) == [["max", 252, 252], ["average", 153.56, 153.56], ["min", 26, 26]]


def test_pooling_layers_have_no_parameters():
    assert set(pooling.pooling_params().values()) == {0}


def test_pooling_cuts_downstream_multiply_adds_by_four():
    (_, _, _, before), (_, _, _, after) = pooling.downstream_rows()
    assert before == 56 * 56 * 9 * 64 * 64 and before == 4 * after


def test_shift_change_shrinks_with_the_window():
    change = {r[0]: r[2] for r in pooling.shift_change_rows()}
    steps = ["Conv2D + ReLU", "MaxPooling2D(2)", "MaxPooling2D(4)", "MaxPooling2D(8)", "GlobalAveragePooling2D"]
    assert all(a > b for a, b in zip([change[s] for s in steps], [change[s] for s in steps[1:]]))
    assert change["Conv2D + ReLU"] > 0.8 and change["GlobalMaxPooling2D"] < 0.01 and change["GlobalAveragePooling2D"] < 0.01


def test_gap_head_has_hw_times_fewer_weights():
    assert pooling.head_params((7, 7, 512), 1000) == {"Flatten": 7 * 7 * 512 * 1000 + 1000,
                                                      "GlobalAveragePooling2D": 512 * 1000 + 1000}
    assert pooling.head_params((4, 4, 256), 100) == {"Flatten": 409_700, "GlobalAveragePooling2D": 25_700}


def test_only_global_pooling_accepts_any_input_size():
    rows = dict(pooling.any_size_rows())
    assert rows["GlobalAveragePooling2D"].count("(1, 10)") == 3
    assert rows["Flatten"].startswith("`ValueError")


def test_operation_counts_and_overlapping_pooling_exercise():
    assert pooling.operation_rows([3]) == [["3x3", "8 comparisons", "8 additions + 1 multiplication"]]
    assert pool2d(np.zeros((13, 13)), "max", 3, 2).shape == (6, 6)


def test_camera_figure_is_png():
    assert pooling.camera_figure()[:4] == b"\x89PNG"


def test_max_keeps_presence_and_average_dilutes_it():
    rows = {row[0]: row[1:] for row in pooling.presence_rows()}
    assert rows["feature (1.0) in 1 of 4 cells"] == (1.0, 0.25)
    assert rows["feature (1.0) in 4 of 4 cells"] == (1.0, 1.0)
    max_mean, average_mean = rows["noise only: mean"]
    max_std, average_std = rows["noise only: standard deviation"]
    assert max_mean > 0.9 and abs(average_mean) < 0.05  # the max of noise is biased upwards
    assert average_std == pytest.approx(0.5, abs=0.02) and max_std > average_std  # averaging 4 halves the spread


def test_pooling_shrinks_only_the_dense_layer_after_flatten():
    rows = {row[0]: row[1:] for row in pooling.flatten_head_rows()}
    assert rows["Conv2D"][0] == rows["Conv2D"][1] == (3 * 3 * 3 + 1) * 16
    assert rows["MaxPooling2D"][1] == 0
    assert rows["Dense"] == ((32 * 32 * 16 + 1) * 10, (16 * 16 * 16 + 1) * 10)
