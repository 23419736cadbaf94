"""Typeset math at build time with KaTeX: pages ship HTML and MathML, no JavaScript.

Arithmatex (generic mode) leaves `<span class="arithmatex">\\(...\\)</span>` and
`<div class="arithmatex">\\[...\\]</div>`; lab notebooks leave `$...$` and `$$...$$` in
their Markdown cells. Each formula is rendered by the KaTeX in cnn_site/vendor/katex.min.js,
run by V8 from PyPI's `mini-racer` (no JavaScript runtime on the machine is assumed),
inside its `.arithmatex` wrapper so the site's CSS still applies. Renders are cached on
disk (`$SITE_CACHE_DIR/katex-<version>.json`), so a warm build never starts V8. A formula
that does not parse fails the build, naming the page and the formula. KaTeX's CSS and
fonts are linked on pages that have math only; the renderer notes the characters its
formulas draw, to which cnn_site/site/math_fonts.py cuts KaTeX's fonts.
"""

import atexit
import hashlib
import html
import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

KATEX_JS = Path(__file__).resolve().parent.parent / "vendor" / "katex.min.js"
CSS = "assets/vendor/katex/katex.min.css"
FONTS = "assets/vendor/katex/fonts"
_ARITHMATEX = re.compile(r'<(span|div) class="arithmatex">(?:\\\((.*?)\\\)|\\\[(.*?)\\\])</\1>', re.S)
# Lab Markdown cells: $$display$$ or $inline$, outside <code> and <pre>.
_CELL = re.compile(r'(<div class="[^"]*jp-RenderedMarkdown[^"]*"[^>]*>)(.*?)(</div>)', re.S)
_CODE = re.compile(r"(<(code|pre)\b.*?</\2>)", re.S)
_DOLLARS = re.compile(r"\$\$(.+?)\$\$|(?<![\\$])\$([^$\n]+?)\$", re.S)
_MATHML = re.compile(r'<span class="katex-mathml">.*?</math></span>', re.S)
_TAG = re.compile(r"<[^>]*>")
_RENDER = """
function render(tex, display) {
  try { return "+" + katex.renderToString(tex, {displayMode: display, throwOnError: true}); }
  catch (e) { return "!" + String(e.message); }
}
"""


class KatexError(ValueError):
    """A formula that KaTeX cannot parse."""


class Renderer:
    """KaTeX in V8, started on the first formula that is not in the cache."""

    def __init__(self, cache_file=None):
        self.cache_file = cache_file
        self.cache = json.loads(cache_file.read_text("utf-8")) if cache_file and cache_file.exists() else {}
        self.changed = False
        self.characters = set()  # drawn by the formulas rendered so far, for the font subset
        self._context = None

    def _engine(self):
        if self._context is None:
            from py_mini_racer import MiniRacer

            self._context = MiniRacer()
            atexit.register(self.close)  # an open V8 context keeps the interpreter from exiting
            self._context.eval(KATEX_JS.read_text("utf-8") + _RENDER)
        return self._context

    def render(self, tex, display):
        key = hashlib.sha256(f"{int(display)}{tex}".encode()).hexdigest()
        if key not in self.cache:
            result = str(self._engine().call("render", tex, display))
            if result[0] == "!":
                raise KatexError(f"{'$$' if display else '$'}{tex}{'$$' if display else '$'}: {result[1:]}")
            self.cache[key] = result[1:]
            self.changed = True
        self.characters |= drawn_characters(self.cache[key])
        return self.cache[key]

    def close(self):
        if self._context is not None:
            self._context.close()
            self._context = None

    def save(self):
        if self.changed and self.cache_file:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.cache_file.with_suffix(".tmp")
            tmp.write_text(json.dumps(self.cache, sort_keys=True), "utf-8")
            tmp.replace(self.cache_file)
            self.changed = False


def drawn_characters(rendered):
    """The characters KaTeX's HTML draws in its fonts (its MathML, read by screen readers only, aside)."""
    return set(html.unescape(_TAG.sub("", _MATHML.sub("", rendered))))


def version():
    return re.search(r'version:"([^"]+)"', KATEX_JS.read_text("utf-8")).group(1)


def typeset_arithmatex(text, renderer):
    """Replace Arithmatex's TeX with KaTeX's HTML, keeping the `.arithmatex` wrappers."""

    def one(match):
        tag, inline, display = match.groups()
        tex = html.unescape(inline if display is None else display).strip()
        return f'<{tag} class="arithmatex">{renderer.render(tex, display is not None)}</{tag}>'

    return _ARITHMATEX.sub(one, text)


def typeset_dollars(text, renderer):
    """Typeset $...$ and $$...$$ in notebook Markdown cells (never inside code)."""

    def formula(match):
        display = match.group(1) is not None
        tex = html.unescape(match.group(1) if display else match.group(2)).strip()
        return f'<span class="arithmatex">{renderer.render(tex, display)}</span>'  # inside a <p>

    def cell(match):
        parts = _CODE.split(match.group(2))
        body = "".join(p if i % 3 else _DOLLARS.sub(formula, p) for i, p in enumerate(parts) if i % 3 != 2)
        return match.group(1) + body + match.group(3)

    return _CELL.sub(cell, text)


def open_renderer():
    """A renderer whose renders persist in the disk cache (unless SITE_CACHE=off)."""
    from cnn_site.cache import cache_dir, disk_enabled

    return Renderer(cache_dir() / f"katex-{version()}.json" if disk_enabled() else None)


def typeset(html_text, src_uri, renderer, lab):
    """The page's math typeset; a formula that does not parse fails the build, naming the page."""
    try:
        out = typeset_arithmatex(html_text, renderer)
        if lab:
            out = typeset_dollars(out, renderer)
    except KatexError as error:
        raise PluginError(f"{src_uri}: formula does not parse: {error}") from None
    return out


# KaTeX's CSS hides a formula's text until its font has arrived (font-display: block), laying
# it out meanwhile in another font's widths: when the font comes, lines of text with inline
# math re-wrap (a layout shift of about 0.05 on a phone). Each page therefore preloads the
# fonts its formulas draw in: for each font, the classes of KaTeX's HTML that katex.min.css
# draws in it (all class names of one element; any formula draws in KaTeX_Main).
FONT_CLASSES = {
    "KaTeX_Main-Regular": [{"katex"}],
    "KaTeX_Math-Italic": [{"mathnormal"}],
    "KaTeX_Main-Bold": [{"mathbf"}, {"textbf"}],
    "KaTeX_Size1-Regular": [{"delimsizing", "size1"}, {"delim-size1"}, {"op-symbol", "small-op"}],
    "KaTeX_Size2-Regular": [{"delimsizing", "size2"}, {"op-symbol", "large-op"}],
    "KaTeX_Size3-Regular": [{"delimsizing", "size3"}],
    "KaTeX_Size4-Regular": [{"delimsizing", "size4"}, {"delim-size4"}],
}
_CLASS = re.compile(r'class="([^"]*)"')


def fonts_to_preload(output):
    """The KaTeX fonts (paths in the site) that this page's formulas draw in; none without math."""
    if 'class="katex' not in output:
        return []
    classes = {frozenset(value.split()) for value in _CLASS.findall(output)}
    return [f"{FONTS}/{font}.woff2" for font, needs in FONT_CLASSES.items()
            if any(need <= names for need in needs for names in classes)]


def link_stylesheet(output, page_url):
    """Link KaTeX's CSS from pages that have math, and only from them."""
    if 'class="katex' not in output:
        return output
    link = f'<link rel="stylesheet" href="{get_relative_url(CSS, page_url or ".")}">'
    return output.replace("</head>", link + "</head>", 1)
