"""Persian text in matplotlib figures: the site's own Vazirmatn font.

matplotlib (3.11, built with libraqm) joins Persian letters and orders right-to-left
runs by itself; it only needs a font with the glyphs. The site vendors Vazirmatn as a
variable WOFF2 (docs/assets/fonts/vazirmatn/), which FreeType cannot open: it is
converted once to a static regular TTF under $SITE_CACHE_DIR/fonts.
"""

import contextlib
import functools
from pathlib import Path

from cnn_site.cache import cache_dir

WOFF2 = Path(__file__).resolve().parent.parent / "docs" / "assets" / "fonts" / "vazirmatn" / "Vazirmatn-Variable.woff2"
FAMILY = "Vazirmatn"


def vazirmatn_ttf():
    """Path of the static Vazirmatn Regular TTF, made from the vendored WOFF2 if missing."""
    path = cache_dir() / "fonts" / "Vazirmatn-Regular.ttf"
    if not path.exists():
        from fontTools.ttLib import TTFont
        from fontTools.varLib import instancer

        font = instancer.instantiateVariableFont(TTFont(WOFF2), {"wght": 400})
        font.flavor = None
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        font.save(tmp)
        tmp.replace(path)
    return path


@functools.cache
def _register():
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(vazirmatn_ttf()))


def text_style(lang):
    """matplotlib settings for text in lang: Vazirmatn for Persian, the defaults otherwise."""
    if lang != "fa":
        return contextlib.nullcontext()
    import matplotlib

    from snippets.plotting import pyplot

    pyplot()  # off-screen, before anything draws
    _register()
    return matplotlib.rc_context({"font.family": [FAMILY, "DejaVu Sans"]})
