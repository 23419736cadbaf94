"""Load the vendored KaTeX only on pages that contain math."""

import re
from pathlib import Path

import jupytext
from mkdocs.utils import get_relative_url

_CSS = ["assets/vendor/katex/katex.min.css"]
_JS = ["assets/vendor/katex/katex.min.js", "assets/vendor/katex/auto-render.min.js",
       "assets/js/katex-init.js"]
_TEX = re.compile(r"\$[^$\n]+\$|\\\(|\\\[")


def _lab_has_math(path):
    """True when a lab notebook's Markdown cells contain TeX."""
    cells = jupytext.read(path).cells
    return any(c.cell_type == "markdown" and _TEX.search(c.source) for c in cells)


def _has_math(html, page):
    if 'class="arithmatex"' in html:
        return True
    return Path(page.file.src_uri).suffix == ".py" and _lab_has_math(page.file.abs_src_path)


def on_post_page(output, page, config, **kwargs):
    if not _has_math(output, page):
        return output
    url = lambda path: get_relative_url(path, page.url or ".")
    css = "".join(f'<link rel="stylesheet" href="{url(p)}">' for p in _CSS)
    js = "".join(f'<script src="{url(p)}" defer></script>' for p in _JS)
    return output.replace("</head>", css + "</head>", 1).replace("</body>", js + "</body>", 1)
