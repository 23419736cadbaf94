"""KaTeX's fonts cut down to the characters the site's formulas draw.

KaTeX's CSS names twenty fonts (docs/assets/vendor/katex/fonts/, SIL OFL 1.1, no reserved
font name: subsetting is allowed); a math page fetches the few its formulas use, each
whole (KaTeX_Main-Regular alone is 25 KiB) although the site's formulas draw a few dozen
characters. After both languages are built, each font is cut to the characters that
KaTeX's HTML draws in any formula of the site (the renderer collects them,
cnn_site/pages/katex.py), plus the digits and parentheses of equation numbers, which
KaTeX's CSS writes itself. The subsets replace the files under the same names; they are
cached by their inputs.
"""

import hashlib
import shutil
from pathlib import Path

from cnn_site.cache import cache_dir
from cnn_site.pages.katex import FONTS
from cnn_site.site.fonts import subset

ALWAYS = "()0123456789"  # equation numbers: `content: "(" counter(katexEqnNo) ")"` in katex.min.css


def subset_math_fonts(docs_dir, site_dir, characters):
    """Replace each KaTeX font of the built site by its subset for these characters (cached)."""
    chars = "".join(sorted(set(characters) | set(ALWAYS)))
    folder = cache_dir() / "fonts"
    for source in sorted((Path(docs_dir) / FONTS).glob("*.woff2")):
        data = source.read_bytes()
        key = hashlib.sha256(data + chars.encode("utf-8")).hexdigest()[:16]
        cached = folder / f"{source.stem}-{key}.woff2"
        if not cached.exists():
            folder.mkdir(parents=True, exist_ok=True)
            cached.with_suffix(".tmp").write_bytes(subset(data, chars))
            cached.with_suffix(".tmp").replace(cached)
        shutil.copyfile(cached, Path(site_dir) / FONTS / source.name)
