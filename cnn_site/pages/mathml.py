"""Typeset math at build time with Temml: pages ship MathML, drawn by the browser, no JavaScript.

Arithmatex (generic mode) leaves `<span class="arithmatex">\\(...\\)</span>` and
`<div class="arithmatex">\\[...\\]</div>`; lab notebooks leave `$...$` and `$$...$$` in
their Markdown cells. Each formula is rendered to MathML by the Temml in
cnn_site/vendor/temml.min.js, run by V8 from PyPI's `mini-racer` (no JavaScript runtime on
the machine is assumed), inside its `.arithmatex` wrapper so the site's CSS still applies.
MathML is about one element per symbol (KaTeX's HTML, used before, took three times as many
and a MathML copy for screen readers besides): the page with the most math, "What a
convolution computes", went from 5,871 elements to 2,641, and a phone's browser does about
half the style work on it (benchmarks/RESULTS.md). Renders are cached on disk
(`$SITE_CACHE_DIR/temml-<version>.json`), so a warm build never starts V8. A formula that
does not parse fails the build, naming the page and the formula. Temml's CSS is linked, and
the math font preloaded, on pages that have math only; the renderer notes the characters
its formulas draw, to which cnn_site/site/math_fonts.py cuts the font.
"""

import atexit
import hashlib
import html
import json
import re
import unicodedata
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

TEMML_JS = Path(__file__).resolve().parent.parent / "vendor" / "temml.min.js"
CSS = "assets/vendor/temml/temml.css"
FONT = "assets/vendor/temml/site-math.woff2"  # written by the build (cnn_site/site/math_fonts.py)
_ARITHMATEX = re.compile(r'<(span|div) class="arithmatex">(?:\\\((.*?)\\\)|\\\[(.*?)\\\])</\1>', re.S)
# Lab Markdown cells: $$display$$ or $inline$, outside <code> and <pre>.
_CELL = re.compile(r'(<div class="[^"]*jp-RenderedMarkdown[^"]*"[^>]*>)(.*?)(</div>)', re.S)
_CODE = re.compile(r"(<(code|pre)\b.*?</\2>)", re.S)
_DOLLARS = re.compile(r"\$\$(.+?)\$\$|(?<![\\$])\$([^$\n]+?)\$", re.S)
_ANNOTATION = re.compile(r"<annotation\b.*?</annotation>", re.S)
_TAG = re.compile(r"<[^>]*>")
# A one-character <mi> without a mathvariant: the browser draws it in math italic.
_ITALIC_MI = re.compile(r"<mi>([^<&]|&[^;]+;)</mi>")
# annotate: the TeX source rides along in <annotation>, for copying and for assistive tools.
_RENDER = """
function render(tex, display) {
  try { return "+" + temml.renderToString(tex, {displayMode: display, annotate: true, throwOnError: true}); }
  catch (e) { return "!" + String(e.message); }
}
"""


class MathError(ValueError):
    """A formula that Temml cannot parse."""


class Renderer:
    """Temml in V8, started on the first formula that is not in the cache."""

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
            self._context.eval(TEMML_JS.read_text("utf-8") + _RENDER)
        return self._context

    def render(self, tex, display):
        key = hashlib.sha256(f"{int(display)}{tex}".encode()).hexdigest()
        if key not in self.cache:
            result = str(self._engine().call("render", tex, display))
            if result[0] == "!":
                raise MathError(f"{'$$' if display else '$'}{tex}{'$$' if display else '$'}: {result[1:]}")
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
    """The characters a formula's MathML draws (its TeX source, in <annotation>, aside).

    A one-letter variable (`<mi>x</mi>`) is drawn as MATHEMATICAL ITALIC SMALL X, the
    form the browser gives it (MathML Core's `text-transform: math-auto`): the font needs
    that character and not the upright x.
    """
    mathml = _ANNOTATION.sub("", rendered)
    letters = {italic(html.unescape(m)) for m in _ITALIC_MI.findall(mathml)}
    return letters | set(html.unescape(_TAG.sub("", _ITALIC_MI.sub("", mathml))))


def italic(char):
    """The MATHEMATICAL ITALIC form of a Latin or Greek letter (itself if it has none)."""
    if char == "h":
        return "\u210e"  # PLANCK CONSTANT stands in the italic alphabet's gap
    words = unicodedata.name(char, "").split()
    if len(words) == 4 and words[0] in ("LATIN", "GREEK") and words[2] == "LETTER":  # LATIN SMALL LETTER X
        try:
            return unicodedata.lookup(f"MATHEMATICAL ITALIC {words[1]} {words[3]}")
        except KeyError:
            return char
    return char


def version():
    return re.search(r'version:"([^"]+)"', TEMML_JS.read_text("utf-8")).group(1)


def typeset_arithmatex(text, renderer):
    """Replace Arithmatex's TeX with MathML, keeping the `.arithmatex` wrappers."""

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

    return Renderer(cache_dir() / f"temml-{version()}.json" if disk_enabled() else None)


def typeset(html_text, src_uri, renderer, lab):
    """The page's math typeset; a formula that does not parse fails the build, naming the page."""
    try:
        out = typeset_arithmatex(html_text, renderer)
        if lab:
            out = typeset_dollars(out, renderer)
    except MathError as error:
        raise PluginError(f"{src_uri}: formula does not parse: {error}") from None
    return out


def has_math(output):
    return "<math" in output


def fonts_to_preload(output):
    """The math font (its path in the site) on a page with math; none without.

    The font is preloaded, so that it has usually arrived when formulas are first drawn:
    a formula drawn in a fallback font first would change its width when the font came.
    """
    return [FONT] if has_math(output) else []


def link_stylesheet(output, page_url):
    """Link Temml's CSS from pages that have math, and only from them."""
    if not has_math(output):
        return output
    link = f'<link rel="stylesheet" href="{get_relative_url(CSS, page_url or ".")}">'
    return output.replace("</head>", link + "</head>", 1)
