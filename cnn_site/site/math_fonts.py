"""The math font: Latin Modern Math cut down to the characters the site's formulas draw.

Formulas are MathML (cnn_site/pages/mathml.py), drawn by the browser in an OpenType math
font: its MATH table tells how to place scripts and fractions and how to grow brackets
around a matrix. The vendored Latin Modern Math (cnn_site/vendor/latinmodern-math.woff2,
GUST Font License, docs/assets/vendor/temml/GUST-FONT-LICENSE.txt) is Computer Modern,
the face of TeX and of KaTeX; whole, it is 383 KiB. After both languages are built it is
cut to the characters the formulas draw (the renderer collects them; a one-letter variable
in its math-italic form, as the browser draws it), with every size of each bracket and the
pieces that the MATH table lists, and renamed "Site Math": the licence requests a new name
for a changed font. The subset is written to FONT, where Temml's CSS looks for it; it is
cached by its inputs.
"""

import shutil
from pathlib import Path

from cnn_site.pages.mathml import FONT
from cnn_site.site.fonts import cached_font, subset

SOURCE = Path(__file__).resolve().parent.parent / "vendor" / "latinmodern-math.woff2"
NAME = "Site Math"
# How fonts.subset cuts it (fontTools' subsetter options); part of the cache key.
SETTINGS = {
    "layout_features": ["*"],  # ssty (smaller forms in scripts), dtls, flac: the math features
    "hinting": False,  # with desubroutinize, 45 -> 39 KiB; a phone's screen needs no hints
    "desubroutinize": True,
}


def subset_math_font(site_dir, characters):
    """Write the site's math font: the subset for these characters (cached)."""
    chars = "".join(sorted(characters))
    data = SOURCE.read_bytes()
    cached = cached_font("site-math", data + f"{chars}{NAME}{SETTINGS}".encode("utf-8"),
                         lambda: subset(data, chars, rename=NAME, **SETTINGS))
    target = Path(site_dir) / FONT
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, target)
