"""What a convolution computes (snippets/operation.py), held to a Keras Conv2D."""

import numpy as np
import pytest

from snippets import operation as op
from snippets.formulas import output_length, padding_sides
from snippets.i18n import page_words
from snippets.keras_shapes import keras_single_layers

STRINGS = {lang: page_words("what-a-convolution-computes", lang) for lang in ("en", "fa")}


def _random_cases(n=40, seed=3):
    rng = np.random.default_rng(seed)
    for _ in range(n):
        size, k = int(rng.integers(3, 8)), int(rng.integers(1, 4))
        stride = int(rng.integers(1, 3))
        dilation = 1 if stride > 1 else int(rng.integers(1, 3))
        padding = ["valid", "same", int(rng.integers(0, 3))][int(rng.integers(0, 3))]
        if output_length(size, k, stride, padding, dilation) <= 0:
            continue
        matrix = rng.integers(-9, 10, size=(size, size + int(rng.integers(0, 2))))
        yield matrix, rng.integers(-3, 4, size=(k, k)), stride, padding, dilation


def test_sliding_by_hand_gives_keras_conv2d_values_on_random_cases():
    cases = list(_random_cases())
    assert len(cases) > 30
    for matrix, kernel, stride, padding, dilation in cases:
        ours = op.cross_correlate(matrix, kernel, stride, padding, dilation)
        theirs = op.keras_conv2d.uncached(matrix, kernel, None, stride, padding, dilation)
        assert ours.shape == theirs.shape, (matrix.shape, kernel.shape, stride, padding, dilation)
        np.testing.assert_allclose(ours, theirs)


def test_several_channels_and_filters_with_bias_give_keras_values():
    rng = np.random.default_rng(0)
    for _ in range(5):
        x = rng.integers(-5, 6, size=(6, 5, 3))
        w = rng.integers(-2, 3, size=(3, 3, 3, 4))
        b = tuple(rng.integers(-3, 4, size=4).tolist())
        for padding in ("valid", "same"):
            np.testing.assert_allclose(op.conv_channels(x, w, b, padding=padding),
                                       op.keras_conv2d.uncached(x, w, b, padding=padding))


def test_steps_follow_the_shapes_page_output_length_and_padding():
    for matrix, kernel, stride, padding, dilation in _random_cases(20, seed=5):
        cells = op.steps(matrix, kernel, stride, padding, dilation)
        rows = output_length(matrix.shape[0], kernel.shape[0], stride, padding, dilation)
        cols = output_length(matrix.shape[1], kernel.shape[1], stride, padding, dilation)
        assert len(cells) == rows * cols and cells[-1]["out"] == (rows - 1, cols - 1)
        assert all(len(s["taps"]) == kernel.size for s in cells)


@pytest.mark.parametrize("size,kernel,stride", [(5, 3, 1), (5, 3, 2), (6, 3, 2), (10, 4, 1), (7, 1, 3)])
def test_same_padding_sides_put_the_odd_zero_after(size, kernel, stride):
    before, after = padding_sides(size, kernel, stride, "same")
    assert after - before in (0, 1)
    assert output_length(size + before + after, kernel, stride) == output_length(size, kernel, stride, "same")


def test_each_written_multiply_add_evaluates_to_its_output():
    for s in op.steps(op.SEED_MATRIX, op.SEED_KERNEL, padding="same"):
        expression, result = op.multiply_add(s).split(" = ")
        assert eval(expression.replace("·", "*")) == int(result) == s["value"]


def test_the_seed_example_pads_the_notes_matrix_with_one_zero_all_round():
    x = op.padded_input(op.SEED_MATRIX, op.SEED_KERNEL, padding="same")
    assert x.shape == (5, 5) and x[1:4, 1:4].tolist() == [list(r) for r in op.SEED_MATRIX]
    assert x[0].tolist() == [0] * 5 and x[:, -1].tolist() == [0] * 5


def test_every_example_of_the_page_agrees_with_keras():
    headers, rows, _ = op.agreement_table(lang="en")
    assert len(rows) == len(op.EXAMPLES) + 1
    assert [row[-1] for row in rows] == ["✓"] * len(rows)


def test_dense_parameter_counts_are_keras_counts_on_the_small_case():
    [(shape, filters, k)] = [c for c in op.SHARING_CASES if c[0] == (5, 5, 1)]
    _, [row] = op.sharing_table(cases=((shape, filters, k),), lang="en")[:2]
    out = output_length(shape[0], k) ** 2 * filters
    [(_, flat), (_, dense), (_, conv)] = keras_single_layers((
        ({"layer": "Flatten"}, shape), ({"layer": "Dense", "units": out}, (int(np.prod(shape)),)),
        ({"layer": "Conv2D", "filters": filters, "kernel_size": k}, shape)))
    assert (row[3], row[4]) == (conv, flat + dense)


def test_channel_table_adds_channels_and_bias():
    _, rows, _ = op.channel_table(lang="en")
    assert rows[-1][2] == sum(r[2] for r in rows[:-1])
    assert rows[-1][2] == op.conv_channels(op.CHANNELS_INPUT, op.CHANNELS_WEIGHTS, op.CHANNELS_BIAS)[0, 0, 0]


def test_both_languages_have_the_same_strings():
    def keys(d):
        return {k: keys(v) if isinstance(v, dict) else len(v) if isinstance(v, list) else None for k, v in d.items()}
    assert keys(STRINGS["fa"]) == keys(STRINGS["en"])
