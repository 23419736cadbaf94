"""Figures as image files shared by both languages, never base64 inside a page.

A snippets function draws with matplotlib and returns `png(fig)` (bytes: cacheable);
the page block prints `figure(png_bytes, "name", alt="...")`. The figure is stored once,
as WebP (lossless or quality 90, whichever is smaller: about a fifth of the PNG), named
by the PNG's content, in $SITE_CACHE_DIR/figures; hooks/figures.py copies it to
`assets/figures/` in the built site and points the page's `@figures/` links at it. The
<img> carries the figure's width and height, so the page does not move when it arrives.
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


def webp(png_bytes):
    """The image as WebP: lossless or quality 90, whichever is smaller."""
    from PIL import Image

    image = Image.open(io.BytesIO(png_bytes))
    encoded = []
    for options in ({"lossless": True}, {"quality": 90}):
        buffer = io.BytesIO()
        image.save(buffer, format="WEBP", method=6, **options)
        encoded.append(buffer.getvalue())
    return min(encoded, key=len)


def store(png_bytes, name):
    """Store an image once, as WebP named by its PNG's content; return (file name, width, height)."""
    from PIL import Image

    filename = f"{name}-{hashlib.sha256(png_bytes).hexdigest()[:12]}.webp"
    path = figure_dir() / filename
    if not path.exists():  # encoding takes a while: once per figure, not once per build
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(webp(png_bytes))
        tmp.replace(path)
    with Image.open(path) as image:  # reads the header only
        return filename, *image.size


def figure(png_bytes, name, alt, caption=None):
    """Store the figure under a content-addressed name; return the HTML that shows it."""
    filename, width, height = store(png_bytes, name)
    caption_html = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    return (f'<figure class="computed-figure"><img src="{PREFIX}{filename}" alt="{html.escape(alt)}" '
            f'width="{width}" height="{height}" loading="lazy" decoding="async">{caption_html}</figure>')
