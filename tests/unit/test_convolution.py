"""snippets.convolution: shapes and counts equal Keras' own; the two demos really learn."""

import numpy as np
import pytest

from snippets import convolution as conv
from snippets.formulas import conv_params


@pytest.mark.parametrize("dims, shape, filters, kernel", [
    (1, (128, 3), 8, 3), (1, (128, 3), 16, 5), (1, (128, 64), 64, 9), (2, (64, 64, 3), 8, 3),
    (2, (32, 32, 64), 128, 3), (3, (16, 64, 64, 3), 8, 3), (3, (8, 32, 32, 64), 128, 3)])
def test_formula_equals_keras_count(dims, shape, filters, kernel):
    got = conv.keras_conv(dims, shape, filters, kernel)
    assert got["params"] == conv_params((kernel,) * dims, shape[-1], filters)
    assert got["kernel"] == (kernel,) * dims + (shape[-1], filters)
    assert got["output"] == tuple(n - kernel + 1 for n in shape[:-1]) + (filters,)


def test_shape_rows_have_batch_axis_and_matching_counts():
    rows = conv.shape_rows([(1, (128, 3)), (2, (64, 64, 3)), (3, (16, 64, 64, 3))], filters=8, kernel=3)
    assert [r[2] for r in rows] == ["(32, 128, 3)", "(32, 64, 64, 3)", "(32, 16, 64, 64, 3)"]
    assert [r[4] for r in rows] == ["(32, 126, 8)", "(32, 62, 62, 8)", "(32, 14, 62, 62, 8)"]
    assert [(r[5], r[6]) for r in rows] == [(80, 80), (224, 224), (656, 656)]


def test_cost_table_grows_by_k_per_dimension():
    rows = conv.cost_rows([(1, (128,)), (2, (128, 128)), (3, (16, 128, 128))], kernel=3, c_in=16, c_out=32)
    assert [r[2] for r in rows] == [3 * 16 * 32 + 32, 9 * 16 * 32 + 32, 27 * 16 * 32 + 32]
    assert [r[5] for r in rows] == [128, 128 * 128, 16 * 128 * 128]
    assert rows[2][6] == 48 * rows[1][6]  # the page says: 48 times the multiply-adds of the 2-D layer


def test_a_wide_conv1d_has_more_weights_than_a_small_conv3d():
    rows = conv.counterexample_rows()
    assert rows[0][-1] == 36_928 and rows[2][-1] == 1_312


def test_exercise_answers():
    assert conv.keras_conv(1, (128, 3), 16, 5) == {"output": (124, 16), "kernel": (5, 3, 16), "params": 256}
    assert conv.keras_conv(2, (32, 32, 64), 128, 3)["params"] == 73_856
    assert conv.keras_conv(3, (8, 32, 32, 64), 128, 3)["params"] == 221_312


def test_accelerometer_data_is_seeded_and_balanced():
    x, y = conv.accelerometer_data(5, seed=3)
    x2, y2 = conv.accelerometer_data(5, seed=3)
    assert x.shape == (20, conv.STEPS, 3) and x.dtype == np.float32
    assert np.array_equal(x, x2) and np.array_equal(y, y2)
    assert np.bincount(y).tolist() == [5, 5, 5, 5]


def test_standing_is_quiet_and_jumping_has_landings():
    rng = np.random.default_rng(0)
    magnitude = lambda activity: np.linalg.norm(conv.accelerometer_window(activity, rng), axis=1)
    standing, jumping = magnitude("standing"), magnitude("jumping")
    assert abs(standing.mean() - 1) < 0.1 and standing.std() < 0.15  # gravity only, about 1 g
    assert jumping.max() > 2.5 and jumping.min() < 0.5  # landings and free fall


def test_activity_classifier_beats_ninety_percent():
    result = conv.train_activity_classifier()
    assert result["accuracy"] >= 0.9
    assert result["confusion"].sum() == 400 and result["confusion"].trace() == round(400 * result["accuracy"])


def test_activity_model_rows_match_the_page():
    rows = conv.activity_model_rows()
    assert rows[0] == ["Conv1D", "(120, 16)", 9 * 3 * 16 + 16]
    assert rows[-1] == ["Dense", "(4,)", 32 * 4 + 4]


def test_moving_square_moves_one_pixel_per_frame():
    clip = conv.moving_square_clip("right", np.random.default_rng(0))
    windows = np.lib.stride_tricks.sliding_window_view(clip[..., 0], (3, 3), axis=(1, 2)).sum(axis=(-1, -2))
    corners = [np.unravel_index(w.argmax(), w.shape) for w in windows]  # the brightest 3x3 window per frame
    assert clip.shape == (6, 16, 16, 1)
    assert [c[0] for c in corners] == [corners[0][0]] * 6 and np.all(np.diff([c[1] for c in corners]) == 1)


def test_conv3d_sees_direction_and_one_frame_does_not():
    results = conv.train_direction_classifiers()
    assert results["Conv3D (whole clip)"]["accuracy"] >= 0.9
    assert results["Conv2D (first frame)"]["accuracy"] <= 0.4
    # Given the frames as channels, a Conv2D learns the direction too: the page says "as well".
    assert results["Conv2D (frames as channels)"]["accuracy"] >= results["Conv3D (whole clip)"]["accuracy"] - 0.05


def test_stacked_conv2d_sees_all_frames_as_channels():
    models = conv.clip_models((6, 16, 16, 1), 4)
    stacked = models["Conv2D (frames as channels)"]
    conv2d = next(layer for layer in stacked.layers if type(layer).__name__ == "Conv2D")
    assert conv2d.kernel.shape == (3, 3, 6, 8)  # its first kernel spans the 6 frames


def test_figures_are_png():
    assert conv.accelerometer_figure()[:4] == b"\x89PNG"
    assert conv.clip_figure()[:4] == b"\x89PNG"
