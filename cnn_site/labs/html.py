"""The page nbconvert renders for a lab, made a page of this site.

It gets download links (the executed .ipynb, and its jupytext .py, which download.py
writes), loses the CDN scripts nbconvert's template adds (MathJax,
Mermaid: this site must not fetch them), links nbconvert's CSS as a shared file, and
gets its plots as image files instead of base64 inside the page.
"""

import base64
import hashlib
import re
import shutil
from pathlib import Path

from mkdocs.utils import get_relative_url

from cnn_site.strings import text

_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.DOTALL)
# nbconvert's MathJax tag (an empty src here) and its Mermaid loader (imports from a CDN).
_REMOTE = re.compile(r'src="(?:(?:https?:)?//[^"]*)?"|import\("https?://|= "https?://')
# Notebook Markdown has no attr_list: "## Title { #id }" arrives as text; make it the id.
_HEADING = re.compile(r'<h([1-6]) id="[^"]*">(.*?)\s*\{\s*#([\w-]+)\s*\}(<a class="anchor-link" href="#)[^"]*"')
_MARKER = re.compile(r"\s*\{\s*#([\w-]+)\s*\}\s*$")
# Notebook Markdown links to pages as the pages link to each other (x.md#a); nbconvert
# leaves them as they are, so they are pointed at the built pages here.
_PAGE_LINK = re.compile(r'href="((?![a-z]+:)[^"#]*?)\.md(#[^"]*)?"')
_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL)
_INLINE_IMAGE = re.compile(r'<img alt="[^"]*" class="[^"]*" src="data:image/(png|jpeg);base64,([^"]+)"')


def _explicit_ids(toc):
    """Give table-of-contents entries the ids written in their headings."""
    for item in toc:
        match = _MARKER.search(item.title)
        if match:
            item.id, item.title = match.group(1), _MARKER.sub("", item.title)
        _explicit_ids(item.children)


def _shared_stylesheet(html, page, config):
    """Move nbconvert's inline CSS (about 0.6 MB a lab) to one file that all labs share."""
    css = "\n".join(_STYLE.findall(html))
    name = f"assets/css/notebook-{hashlib.sha256(css.encode()).hexdigest()[:12]}.css"
    target = Path(config.site_dir) / name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(css, "utf-8")
    return f'<link rel="stylesheet" href="{get_relative_url(name, page.url)}">' + _STYLE.sub("", html)


def _image_files(html, page, config, lang):
    """Write the notebook's inline images as WebP files with their size (shared, cached)."""
    from snippets.figures import figure_dir, store  # the figure store that executed blocks use

    def to_file(match):
        stored = store(base64.b64decode(match.group(2)), "lab")
        for filename in filter(None, (stored.filename, stored.narrow)):
            target = Path(config.site_dir) / "assets" / "figures" / filename
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(figure_dir() / filename, target)
        alt = text(lang, "plot_alt")
        prefix = get_relative_url("assets/figures", page.url) + "/"
        return f'<img alt="{alt}" loading="lazy" decoding="async" {stored.attributes(prefix)}'

    return _INLINE_IMAGE.sub(to_file, html)


def _with_downloads(html, page, lang):
    name = Path(page.file.src_uri).stem
    label = text(lang, "download_label")
    buttons = (f'<p class="lab-downloads">{label}: '
               f'<a class="md-button" href="{name}.ipynb" download>{name}.ipynb</a> '
               f'<a class="md-button" href="{name}.py" download>{name}.py</a></p>'
               f'<p class="lab-downloads lab-standalone">{text(lang, "standalone")}</p>')
    head, h1_end, body = html.partition("</h1>")  # the buttons go under the title
    return head + h1_end + buttons + body if h1_end else buttons + html


def lab_html(html, page, config, lang):
    """A lab page's HTML as this site serves it (see the module's docstring)."""
    html = _HEADING.sub(r'<h\1 id="\3">\2\4\3"', html)
    html = _PAGE_LINK.sub(r'href="\1.html\2"', html)
    _explicit_ids(page.toc)
    page.title = _MARKER.sub("", page.title or "")
    # MathJax's configuration goes too: cnn_site/pages/mathml.py typesets math at build time.
    html = _SCRIPT.sub(lambda m: "" if _REMOTE.search(m.group(0)) or "x-mathjax-config" in m.group(0)
                       else m.group(0), html)
    # Code that scrolls sideways must be reachable from the keyboard.
    html = html.replace('<div class="highlight-ipynb', '<div tabindex="0" class="highlight-ipynb')
    html = _image_files(_shared_stylesheet(html, page, config), page, config, lang)
    return _with_downloads(html, page, lang)
