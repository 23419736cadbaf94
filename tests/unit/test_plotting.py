"""snippets.plotting: figures drawn off-screen, as the same PNG bytes every time."""

import numpy as np

from snippets.plotting import grid, png, pyplot, show


def test_pyplot_draws_off_screen():
    assert pyplot().get_backend().lower() == "agg"


def test_grid_has_no_ticks_unless_asked():
    fig, axes = grid(2, 3)
    assert axes.shape == (2, 3) and all(not ax.get_xticks().size for ax in axes.flat)
    assert np.allclose(fig.get_size_inches(), (6.9, 4.6))
    _, axes = grid(1, 2, ticks=True)
    assert axes[0, 0].get_xticks().size
    pyplot().close("all")


def test_signed_values_get_a_diverging_map_centred_on_zero():
    _, axes = grid(1, 2)
    values = np.linspace(-10, 30, 400).reshape(20, 20)
    signed, grey = show(axes[0, 0], values, "s", signed=True), show(axes[0, 1], values, "g")
    assert signed.get_cmap().name == "RdBu_r" and signed.get_clim()[0] == -signed.get_clim()[1]
    assert grey.get_cmap().name == "gray" and axes[0, 1].get_title() == "g"
    pyplot().close("all")


def test_png_is_identical_from_run_to_run():
    def draw():
        fig, ax = pyplot().subplots(figsize=(2, 2))
        ax.plot([0, 1, 2], [0, 1, 4])
        return png(fig)

    first, second = draw(), draw()
    assert first[:8] == b"\x89PNG\r\n\x1a\n" and first == second
