"""snippets.locally_connected: a Keras 3 LocallyConnected2D equal to tf_keras' own."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

keras = pytest.importorskip("keras")
from snippets.locally_connected import LocallyConnected2D, compare_with_tf_keras  # noqa: E402


@pytest.mark.parametrize("shape, filters, kernel, strides", [
    ((7, 7, 10), 2, 3, 1),            # the course's layer
    ((8, 8, 3), 4, 3, 2),
    ((9, 7, 2), 3, (2, 3), (2, 1)),   # non-square kernel and strides
    ((6, 5, 1), 1, 1, 1),             # 1x1: a per-position Dense
    ((10, 12, 4), 5, (4, 2), (3, 2)),
    ((3, 3, 2), 2, 3, 1),             # one position
])
def test_same_weights_same_outputs_as_tf_keras(shape, filters, kernel, strides):
    result = compare_with_tf_keras(shape, filters, kernel, strides)
    assert result["params"] == result["tf_keras_params"]
    assert result["shape"] == result["tf_keras_shape"]
    assert result["max_difference"] < 1e-5


@settings(max_examples=10, deadline=None)
@given(rows=st.integers(1, 9), cols=st.integers(1, 9), channels=st.integers(1, 4), filters=st.integers(1, 4),
       kh=st.integers(1, 4), kw=st.integers(1, 4), sh=st.integers(1, 3), sw=st.integers(1, 3))
def test_random_settings_agree_with_tf_keras(rows, cols, channels, filters, kh, kw, sh, sw):
    if kh > rows or kw > cols:
        return  # no position fits: both layers refuse (tested below)
    result = compare_with_tf_keras((rows, cols, channels), filters, (kh, kw), (sh, sw), seed=rows * cols)
    assert result["params"] == result["tf_keras_params"]
    assert result["shape"] == result["tf_keras_shape"]
    assert result["max_difference"] < 1e-5


def test_weights_are_not_shared_between_positions():
    layer = LocallyConnected2D(2, 3)
    layer.build((None, 7, 7, 10))
    assert [tuple(w.shape) for w in layer.weights] == [(25, 90, 2), (5, 5, 2)]
    assert layer.count_params() == 4550


def test_each_output_position_depends_only_on_its_own_weights():
    # Zero every kernel but position (1, 2)'s: only that output position may change with the input.
    keras.utils.set_random_seed(0)
    layer = LocallyConnected2D(1, 2)
    layer.build((None, 4, 4, 1))
    kernel = np.zeros(layer.kernel.shape, "float32")
    kernel[1 * 3 + 2] = 1.0
    layer.set_weights([kernel, np.zeros(layer.bias.shape, "float32")])
    out = np.asarray(layer(np.arange(16, dtype="float32").reshape(1, 4, 4, 1)))[0, :, :, 0]
    assert np.count_nonzero(out) == 1 and out[1, 2] == 6 + 7 + 10 + 11


def test_refuses_padding_same_and_windows_larger_than_the_input():
    with pytest.raises(ValueError):
        LocallyConnected2D(2, 3, padding="same")
    with pytest.raises(ValueError):
        LocallyConnected2D(2, 5).build((None, 3, 3, 1))


def test_trains_inside_a_keras_model_and_round_trips_its_config():
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input((6, 6, 2)), LocallyConnected2D(3, 3, strides=1), keras.layers.Flatten(),
                              keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(0.01), loss="mse")
    x = np.random.default_rng(0).normal(size=(16, 6, 6, 2)).astype("float32")
    y = x.sum(axis=(1, 2, 3))[:, None]
    losses = model.fit(x, y, epochs=5, batch_size=16, verbose=0).history["loss"]
    assert losses[-1] < losses[0]
    config = model.layers[0].get_config()
    copy = LocallyConnected2D.from_config(config)
    assert (copy.filters, copy.kernel_size, copy.strides) == (3, (3, 3), (1, 1))
