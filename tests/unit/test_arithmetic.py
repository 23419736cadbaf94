"""The convolution-arithmetic animations (snippets/animations.py): sizes and frames held to Keras."""

import json
import re

import numpy as np
import pytest

from snippets import animations as ar
from snippets.keras_shapes import keras_single_layers
from snippets.operation import SEED_KERNEL, SEED_MATRIX, cross_correlate


def _keras_output_size(c):
    """Keras' own output size for the layer an animation draws."""
    if c["transposed"]:
        import keras

        layer = keras.layers.Conv2DTranspose(1, c["kernel"], strides=c["stride"], padding=c["padding"])
        return layer.compute_output_shape((1, c["size"], c["size"], 1))[1]
    spec = {"layer": "Conv2D", "filters": 1, "kernel_size": c["kernel"], "strides": c["stride"],
            "padding": c["padding"], "dilation_rate": c["dilation"]}
    [(shape, _)] = keras_single_layers(((spec, (c["size"], c["size"], 1)),))
    return shape[0]


@pytest.mark.parametrize("name", [c[0] for c in ar.CASES])
def test_each_animation_has_one_frame_per_cell_of_the_keras_output(name):
    c = ar.case(name)
    a = ar.animation(c)
    assert a["output"] == ar.output_size(c) == _keras_output_size(c)
    assert len(a["frames"]) == a["output"] ** 2
    assert sorted(out for _, out in a["frames"]) == [(r, col) for r in range(a["output"]) for col in range(a["output"])]


@pytest.mark.parametrize("name", [c[0] for c in ar.CASES])
def test_every_frame_lies_on_the_grid_and_covers_an_input_cell(name):
    a = ar.animation(ar.case(name))
    n = len(a["grid"])
    for taps, _ in a["frames"]:
        assert len(taps) == ar.case(name)["kernel"] ** 2
        assert all(0 <= r < n and 0 <= col < n for r, col in taps)
        assert any(a["grid"][r][col] == 1 for r, col in taps)


def test_the_transposed_animation_computes_what_keras_conv2d_transpose_computes():
    import keras

    c = ar.case("transposed")
    rng = np.random.default_rng(0)
    x = rng.normal(size=(c["size"], c["size"])).astype("float32")
    w = rng.normal(size=(c["kernel"], c["kernel"])).astype("float32")
    layer = keras.layers.Conv2DTranspose(1, c["kernel"], strides=c["stride"], use_bias=False)
    layer.build((1, c["size"], c["size"], 1))
    layer.set_weights([w[:, :, None, None]])
    theirs = np.asarray(layer(x[None, :, :, None]))[0, :, :, 0]
    spread = ar.animation(c)["grid"].astype("float32")  # 1 where an input value goes
    spread[spread == 1] = x.ravel()
    ours = cross_correlate(spread, w[::-1, ::-1])  # a direct convolution with the flipped kernel
    np.testing.assert_allclose(ours, theirs, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_the_stepper_html_holds_its_frames_and_shows_frame_zero(lang):
    html = ar.arithmetic_stepper("stride", lang)
    a = ar.animation(ar.case("stride"))
    frames = json.loads(re.search(r'<script type="application/json">(.*?)</script>', html).group(1))
    assert len(frames) == len(a["frames"]) == 9
    grids = re.findall(r"<svg .*?</svg>", html)
    assert [g.count("<rect") for g in grids] == [len(a["grid"]) ** 2, 9]
    assert grids[0].count("cs-on") == 9 and grids[1].count("cs-on") == 1
    assert ("مرحلهٔ ۱ از ۹" if lang == "fa" else "Step 1 of 9") in html


def test_the_numeric_stepper_writes_each_multiply_add():
    html = ar.values_stepper(SEED_MATRIX, SEED_KERNEL, "seed_stepper", padding="same", lang="en")
    frames = json.loads(re.search(r'<script type="application/json">(.*?)</script>', html).group(1))
    assert frames[4]["s"].endswith("= 59") and frames[4]["o"] == 4
    assert html.count("<text") == 25 + 9
