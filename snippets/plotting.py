"""Matplotlib for the site's figures: drawn off-screen, returned as reproducible PNG bytes.

A figure function gets pyplot from `pyplot()` (which picks the off-screen Agg backend,
here and nowhere else), draws, and returns `png(fig)`; snippets/figures.py stores those
bytes and prints the <img> that shows them. `grid` and `show` are the panels of the
image figures.
"""

import io

import numpy as np


def pyplot():
    """matplotlib.pyplot, drawing off-screen (the Agg backend): no window, same pixels everywhere."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def png(fig, dpi=110):
    """The figure as PNG bytes, identical from build to build (no timestamp, no software tag)."""
    plt = pyplot()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()


def grid(rows, cols, size=2.3, ticks=False):
    """A rows x cols grid of axes (no ticks unless asked), drawn off-screen."""
    fig, axes = pyplot().subplots(rows, cols, figsize=(cols * size, rows * size), squeeze=False)
    for ax in axes.flat if not ticks else []:
        ax.set_xticks([])
        ax.set_yticks([])
    return fig, axes


def show(ax, values, title="", signed=False, **kwargs):
    """Grey levels for images, a diverging map centred on 0 for signed responses."""
    if signed:  # the 99.5th percentile, not the maximum: a few extreme pixels would wash out the rest
        limit = float(np.percentile(np.abs(values), 99.5)) or 1.0
        kwargs = {"cmap": "RdBu_r", "vmin": -limit, "vmax": limit, **kwargs}
    image = ax.imshow(values, **{"cmap": "gray", **kwargs})
    ax.set_title(title, fontsize=9)
    return image
