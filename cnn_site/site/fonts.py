"""Serve Vazirmatn cut down to the Persian characters and weights the built site uses, and preload it.

The vendored variable font (docs/assets/fonts/vazirmatn/, SIL OFL 1.1, no reserved font
name: subsetting is allowed) covers several scripts and weights 100-900. The site draws
only Persian script in it (fonts.css gives it the unicode-range of PERSIAN; Latin text,
on both languages' pages, is drawn in the reader's own font), in the weights the theme
asks for (WEIGHTS: Material's headings 300, text 400, bold 700). After both languages are
built, every Persian-script character of the built HTML and of the site's own scripts,
plus the Persian alphabet and digits (so that a reader's search query still shows in the
font), goes to fontTools' subsetter, keeping the features that shape and join Persian;
then the weight axis is cut to WEIGHTS. The subset replaces the file under the same name;
it is cached by its inputs. Each page of a language drawn in it (TEXT_FONT_LANGUAGES),
served over HTTP, preloads the font, so that it has usually arrived when text is first
drawn (fonts.css draws the text once, never swapping it); the offline copy, opened from
file://, does not preload (a CORS preload fails there).
"""

import hashlib
import html
import io
import json
import shutil
from pathlib import Path

from mkdocs.utils import get_relative_url

from cnn_site.cache import cache_dir

FONT = "assets/fonts/vazirmatn/Vazirmatn-Variable.woff2"
# The languages whose pages draw their text in Vazirmatn: their pages preload it. English
# pages fetch it only where they show Persian words.
TEXT_FONT_LANGUAGES = {"fa"}
# The characters drawn in Vazirmatn: the unicode-range of its @font-face in fonts.css
# (Arabic script and its presentation forms, ZWNJ/ZWJ and the direction marks).
PERSIAN = [(0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0x200C, 0x200F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]
WEIGHTS = (300, 700)  # the font-weight range of its @font-face in fonts.css
ALWAYS = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكۀةئأؤءًٌٍَُِّْ۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩،؛؟\u200c\u200d"


def is_persian(char):
    return any(low <= ord(char) <= high for low, high in PERSIAN)


def characters(site, seen=()):
    """The Persian-script characters seen in the pages, the site's other HTML (404) and its scripts."""
    chars = set(ALWAYS) | set(seen)
    for path in [*site.glob("*.html"), *(site / "assets" / "js").glob("*.js")]:
        chars |= set(html.unescape(path.read_text("utf-8", errors="ignore")))
    return {c for c in chars if is_persian(c)}


# fontTools' default features: Arabic joining (init, medi, fina, isol), ligatures, marks,
# kerning; not small capitals or old-style figures, which the site never asks for.
FEATURES = ("tnum",)  # beyond those: the shape calculator asks for tabular figures


def subset(font_bytes, chars, extra_features=FEATURES, rename=None, **settings):
    """The font with only the glyphs these characters need (shaping features kept), as WOFF2.

    settings: fontTools subsetter options other than its defaults; rename: a new family
    name, for a font whose licence asks that a changed copy be renamed.
    """
    from fontTools import subset as ft

    options = ft.Options(flavor="woff2", **settings)
    options.layout_features += list(extra_features)
    options.drop_tables += ["FFTM"]  # FontForge's time stamps: nothing a browser reads
    font = ft.load_font(io.BytesIO(font_bytes), options)
    subsetter = ft.Subsetter(options)
    subsetter.populate(unicodes=sorted(map(ord, chars)))
    subsetter.subset(font)
    if rename:
        _rename(font, rename)
    out = io.BytesIO()
    ft.save_font(font, out, options)
    return out.getvalue()


def _rename(font, family):
    postscript = family.replace(" ", "") + "-Regular"
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 6, 16):  # family, unique id, full name, PostScript name, typographic family
            names.setName(postscript if record.nameID == 6 else family, record.nameID,
                          record.platformID, record.platEncID, record.langID)
    if "CFF " in font:
        font["CFF "].cff.fontNames = [postscript]


def cached_font(stem, inputs, make):
    """The font made by make(), kept in the cache under a key of its inputs (bytes): its path."""
    cached = cache_dir() / "fonts" / f"{stem}-{hashlib.sha256(inputs).hexdigest()[:16]}.woff2"
    if not cached.exists():
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.with_suffix(".tmp").write_bytes(make())
        cached.with_suffix(".tmp").replace(cached)
    return cached


def limit_weights(font_bytes, weights=WEIGHTS):
    """The variable font (WOFF2) with its weight axis cut to this range."""
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    font = TTFont(io.BytesIO(font_bytes), recalcTimestamp=False)  # the same bytes from every build
    font = instancer.instantiateVariableFont(font, {"wght": weights})
    font.flavor = "woff2"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def page_characters(output):
    """The characters a built page shows."""
    return set(html.unescape(output))


def text_font(language):
    """The text font to preload on a page of this language: [FONT], or none."""
    return [FONT] if language in TEXT_FONT_LANGUAGES else []


def preload_fonts(output, page_url, paths):
    """The page with a preload of each font (paths relative to the site), for pages served over HTTP."""
    if not paths:
        return output
    hrefs = json.dumps([get_relative_url(path, page_url or ".") for path in paths])
    # Written by a one-line script: from file:// (the offline copy) a CORS preload fails loudly.
    preload = (f'<script>location.protocol!=="file:"&&{hrefs}.forEach(h=>document.head.appendChild(Object.assign('
               'document.createElement("link"),{rel:"preload",as:"font",type:"font/woff2",crossOrigin:"anonymous",href:h})))'
               '</script>')
    return output.replace("<link", preload + "<link", 1)


def subset_site_font(docs_dir, site_dir, seen):
    """Replace the built site's font with its subset for the characters seen and WEIGHTS (cached)."""
    source = (Path(docs_dir) / FONT).read_bytes()
    target = Path(site_dir) / FONT
    chars = "".join(sorted(characters(Path(site_dir), seen)))
    cached = cached_font("vazirmatn", source + f"{chars}{WEIGHTS}".encode("utf-8"),
                         lambda: limit_weights(subset(source, chars)))
    shutil.copyfile(cached, target)
