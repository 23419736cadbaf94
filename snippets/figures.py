"""Figures as image files, never base64 inside a page; one file per language where the
figure has words (drawn by a `@localized` function, snippets/i18n.py), else one shared.

A snippets function draws with matplotlib and returns `png(fig)` (snippets/plotting.py: bytes, cacheable);
the page block prints `figure(png_bytes, "name", alt="...")`. The figure is stored once,
as WebP (lossless or quality 90, whichever is smaller: about a fifth of the PNG), named
by the PNG's content, in $SITE_CACHE_DIR/figures; cnn_site/pages/figures.py copies it to
`assets/figures/` in the built site and points the page's `@figures/` links at it. The
<img> carries the figure's width and height, so the page does not move when it arrives;
a figure wider than 800 px also gets a 640 px copy that phones fetch instead (srcset).
Alt text and caption are the page's words, in its language.
"""

import hashlib
import html
import io
from typing import NamedTuple, Optional

from cnn_site.cache import cache_dir

PREFIX = "@figures/"  # resolved to a path relative to the page by cnn_site/pages/figures.py


def figure_dir():
    return cache_dir() / "figures"


NARROW = 640  # px: a phone's column (about 370 CSS px) at 1.75 device pixels per CSS pixel
# How wide a figure is drawn: the whole column on phones and tablets, about 700 CSS px
# beside both sidebars.
SIZES = "(min-width: 76.25em) 700px, (min-width: 60em) 75vw, 100vw"


class Stored(NamedTuple):
    filename: str
    width: int
    height: int
    narrow: Optional[str]  # a NARROW-px copy for phones, for figures wider than 1.25 NARROW

    def attributes(self, prefix):
        """src, srcset, sizes, width and height of an <img> that shows this figure."""
        srcset = (f' srcset="{prefix}{self.narrow} {NARROW}w, {prefix}{self.filename} {self.width}w" sizes="{SIZES}"'
                  if self.narrow else "")
        return f'src="{prefix}{self.filename}"{srcset} width="{self.width}" height="{self.height}"'


def webp(image):
    """A PIL image as WebP: lossless or quality 90, whichever is smaller."""
    encoded = []
    for options in ({"lossless": True}, {"quality": 90}):
        buffer = io.BytesIO()
        image.save(buffer, format="WEBP", method=6, **options)
        encoded.append(buffer.getvalue())
    return min(encoded, key=len)


def _write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.with_suffix(".tmp").write_bytes(data)
    path.with_suffix(".tmp").replace(path)


def store(png_bytes, name):
    """Store an image once, as WebP named by its PNG's content (and a narrow copy if wide)."""
    from PIL import Image

    stem = f"{name}-{hashlib.sha256(png_bytes).hexdigest()[:12]}"
    path, narrow = figure_dir() / f"{stem}.webp", figure_dir() / f"{stem}-{NARROW}w.webp"
    if not path.exists():  # encoding takes a while: once per figure, not once per build
        _write(path, webp(Image.open(io.BytesIO(png_bytes))))
    with Image.open(path) as image:  # reads the header only
        width, height = image.size
    if width > 1.25 * NARROW and not narrow.exists():
        small = Image.open(io.BytesIO(png_bytes)).resize((NARROW, round(height * NARROW / width)), Image.LANCZOS)
        _write(narrow, webp(small))
    return Stored(path.name, width, height, narrow.name if width > 1.25 * NARROW else None)


def asset(data, name, suffix):
    """Store other bytes a page needs (a script, data) under a content-addressed name;
    return the link a page prints (`@figures/...`)."""
    filename = f"{name}-{hashlib.sha256(data).hexdigest()[:12]}.{suffix}"
    path = figure_dir() / filename
    if not path.exists():
        _write(path, data)
    return PREFIX + filename


def figure(png_bytes, name, alt, caption=None):
    """Store the figure under a content-addressed name; return the HTML that shows it."""
    stored = store(png_bytes, name)
    caption_html = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    return (f'<figure class="computed-figure"><img {stored.attributes(PREFIX)} alt="{html.escape(alt)}" '
            f'loading="lazy" decoding="async">{caption_html}</figure>')
