"""Serve Vazirmatn cut down to the characters the built site uses, and preload it.

The vendored variable font (docs/assets/fonts/vazirmatn/, SIL OFL 1.1, no reserved font
name: subsetting is allowed) covers several scripts; the pages need Persian, Latin and
some punctuation. After both languages are built, every character of the built HTML and
of the site's own scripts, plus printable ASCII and the Persian alphabet and digits (so
that a reader's search query still shows in the font), goes to fontTools' subsetter,
keeping the weight axis and the features that shape and join Persian.
The subset replaces the file under the same name; it is cached by its inputs. Each page
of a language drawn in it (TEXT_FONT_LANGUAGES), served over HTTP, preloads the font, so that it has usually arrived when text is first drawn
(fonts.css draws the text once, never swapping it); the offline copy, opened from file://,
does not preload (a CORS preload fails there).
"""

import hashlib
import html
import io
import json
import shutil
import unicodedata
from pathlib import Path

from mkdocs.utils import get_relative_url

from cnn_site.cache import cache_dir

FONT = "assets/fonts/vazirmatn/Vazirmatn-Variable.woff2"
# The languages whose pages draw their text in Vazirmatn (docs/assets/css/fonts.css): their
# pages preload it. English pages draw Latin text in the reader's own font and fetch
# Vazirmatn only for Persian words, when they show some.
TEXT_FONT_LANGUAGES = {"fa"}
ALWAYS = "".join(map(chr, range(0x20, 0x7F))) + "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكۀةئأؤءًٌٍَُِّْ" \
         "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩،؛؟«»\u200c\u200d\u00a0–—…×‌"



def characters(site, seen=()):
    """The characters seen in the pages, plus those of the site's other HTML (404) and scripts."""
    chars = set(ALWAYS) | set(seen)
    for path in [*site.glob("*.html"), *(site / "assets" / "js").glob("*.js")]:
        chars |= set(html.unescape(path.read_text("utf-8", errors="ignore")))
    return {c for c in chars if unicodedata.category(c) != "Cc"}  # bidi marks and ZWNJ stay


def subset(font_bytes, chars):
    """The font with only the glyphs these characters need (shaping features kept), as WOFF2."""
    from fontTools import subset as ft

    options = ft.Options()
    options.flavor = "woff2"
    # fontTools' default features: Arabic joining (init, medi, fina, isol), ligatures,
    # marks, kerning; not small capitals or old-style figures, which the site never asks for.
    options.layout_features += ["tnum"]  # the shape calculator asks for tabular figures
    font = ft.load_font(io.BytesIO(font_bytes), options)
    subsetter = ft.Subsetter(options)
    subsetter.populate(unicodes=sorted(map(ord, chars)))
    subsetter.subset(font)
    out = io.BytesIO()
    ft.save_font(font, out, options)
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
    """Replace the built site's font with its subset for the characters seen (cached by its inputs)."""
    source = (Path(docs_dir) / FONT).read_bytes()
    target = Path(site_dir) / FONT
    chars = "".join(sorted(characters(Path(site_dir), seen)))
    key = hashlib.sha256(source + chars.encode("utf-8")).hexdigest()[:16]
    cached = cache_dir() / "fonts" / f"vazirmatn-{key}.woff2"
    if not cached.exists():
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.with_suffix(".tmp").write_bytes(subset(source, chars))
        cached.with_suffix(".tmp").replace(cached)
    shutil.copyfile(cached, target)
