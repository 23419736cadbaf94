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

import hashlib
import io
import shutil
from pathlib import Path

from cnn_site.cache import cache_dir
from cnn_site.pages.mathml import FONT

SOURCE = Path(__file__).resolve().parent.parent / "vendor" / "latinmodern-math.woff2"
NAME = "Site Math"
# fontTools' subsetter options beyond its defaults; part of the cache key.
SETTINGS = {
    "layout_features": ["*"],  # ssty (smaller forms in scripts), dtls, flac: the math features
    "drop_tables": ["FFTM"],  # FontForge's time stamps: nothing a browser reads
    "hinting": False,  # with desubroutinize, 45 -> 39 KiB; a phone's screen needs no hints
    "desubroutinize": True,
}


def subset(font_bytes, chars):
    """The math font with the glyphs these characters need, math table and features kept, renamed (WOFF2)."""
    from fontTools import subset as ft

    options = ft.Options(flavor="woff2", **SETTINGS)
    options.drop_tables = ft.Options().drop_tables + SETTINGS["drop_tables"]
    font = ft.load_font(io.BytesIO(font_bytes), options)
    subsetter = ft.Subsetter(options)  # its MATH closure keeps each bracket's bigger sizes and pieces
    subsetter.populate(unicodes=sorted(map(ord, chars)))
    subsetter.subset(font)
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 16):
            names.setName(NAME, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName(NAME.replace(" ", "") + "-Regular", 6, record.platformID, record.platEncID, record.langID)
    if "CFF " in font:
        font["CFF "].cff.fontNames = [NAME.replace(" ", "") + "-Regular"]
    out = io.BytesIO()
    ft.save_font(font, out, options)
    return out.getvalue()


def subset_math_font(site_dir, characters):
    """Write the site's math font: the subset for these characters (cached)."""
    chars = "".join(sorted(characters))
    data = SOURCE.read_bytes()
    key = hashlib.sha256(data + f"{chars}{NAME}{SETTINGS}".encode("utf-8")).hexdigest()[:16]
    cached = cache_dir() / "fonts" / f"site-math-{key}.woff2"
    if not cached.exists():
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.with_suffix(".tmp").write_bytes(subset(data, chars))
        cached.with_suffix(".tmp").replace(cached)
    target = Path(site_dir) / FONT
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, target)
