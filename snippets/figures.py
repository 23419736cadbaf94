"""Figures as PNG files, never base64 inside a page; one file per language where the
figure has words (drawn by a `@localized` function, snippets/i18n.py), else one shared.

A snippets function draws with matplotlib and returns `png(fig)` (bytes: cacheable);
the page block prints `figure(png_bytes, "name", alt="...")`. The PNG is stored once,
named by its content, in $SITE_CACHE_DIR/figures; hooks/figures.py copies it to
`assets/figures/` in the built site and points the page's `@figures/` links at it.
Alt text and caption are the page's words, in its language.
"""

import hashlib
import html
import io

from snippets.cache import cache_dir

PREFIX = "@figures/"  # resolved to a path relative to the page by hooks/figures.py


def png(fig, dpi=110):
    """The figure as PNG bytes, identical from build to build (no timestamp, no software tag)."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()


def figure_dir():
    return cache_dir() / "figures"


def stored(data, name, suffix):
    """Store bytes under a content-addressed name; return the link a page prints (`@figures/...`)."""
    filename = f"{name}-{hashlib.sha256(data).hexdigest()[:12]}.{suffix}"
    path = figure_dir() / filename
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return PREFIX + filename


def figure(png_bytes, name, alt, caption=None):
    """Store the PNG under a content-addressed name; return the HTML that shows it."""
    caption_html = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    return (f'<figure class="computed-figure"><img src="{stored(png_bytes, name, "png")}" alt="{html.escape(alt)}" '
            f'loading="lazy">{caption_html}</figure>')
