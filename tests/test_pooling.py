"""snippets.pooling: Keras pooling agrees with a NumPy sliding-window reference."""

import numpy as np
import pytest

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
