"""Turn jupytext labs under docs/<lang>/labs/ back into executed notebook pages.

mkdocs-static-i18n rebuilds the file list after mkdocs-jupyter has claimed the
notebooks, so they would be copied raw and never executed (static-i18n issue #198).
After i18n's `on_files` this hook makes each lab a documentation page again, with the
language alternates the switcher needs; hooks/notebook_cache.py executes it and
mkdocs-jupyter renders it. The built page gets download links (the executed .ipynb, and
its jupytext .py, which hooks/lab_download.py writes), loses the CDN scripts nbconvert's template adds (MathJax,
Mermaid: this site must not fetch them), links nbconvert's CSS as a shared file, and
gets its plots as image files instead of base64 inside the page.
"""

import base64
import hashlib
import re
import shutil
from pathlib import Path, PurePosixPath

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

LABS = "labs/"
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
_PLOT_ALT = {"fa": "نمودار یا تصویری که خانهٔ کد بالا ساخته است", "en": "Plot or image produced by the code cell above"}
_DOWNLOAD = {"fa": "دریافت نوت‌بوک", "en": "Download the notebook"}
_STANDALONE = {  # what hooks/lab_download.py puts at the top of the downloads
    "fa": "نوت‌بوک دریافتی بدون کد این سایت هم اجرا می‌شود: خانهٔ نخست آن بسته‌های لازم را با نسخه‌هایشان "
          "فهرست می‌کند و خانهٔ دوم کدی را در خود دارد که این صفحه از <code>snippets</code> وارد (import) می‌کند.",
    "en": "The download runs without this site's code: its first cell lists the packages it needs, with "
          "their versions, and its second holds the code this page imports from <code>snippets</code>.",
}


class LabFile(File):
    """A jupytext script that is a page of the site."""

    def is_documentation_page(self):
        return True


def _is_lab(file):
    uri = getattr(file, "norm_src_uri", "")
    return uri.startswith(LABS) and uri.endswith(".py")


def _lab_file(norm_uri, lang, i18n, config):
    dest = str(PurePosixPath(norm_uri).with_suffix(".html"))
    if lang != i18n.default_language:
        dest = f"{lang}/{dest}"
    lab = LabFile(f"{lang}/{norm_uri}", config.docs_dir, config.site_dir,
                  config.use_directory_urls, dest_uri=dest)
    lab.locale = lab.localization = lang
    lab.locale_alternate_of = i18n.current_language
    lab.norm_src_uri = norm_uri
    lab.source_path = lab.abs_src_path  # hooks/notebook_cache.py points abs_src_path at the executed copy
    return lab


@event_priority(-200)  # after mkdocs-static-i18n's on_files (-100)
def on_files(files, config):
    i18n = config.plugins["i18n"]
    for file in [f for f in files if _is_lab(f)]:
        lab = _lab_file(file.norm_src_uri, file.locale, i18n, config)
        lab.alternates = {lang: _lab_file(file.norm_src_uri, lang, i18n, config)
                          for lang in i18n.build_languages}
        files.remove(file)
        files.append(lab)
    i18n.i18n_files_per_language[i18n.current_language] = files.documentation_pages()
    return files


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


def _image_files(html, page, config):
    """Write the notebook's inline images as WebP files with their size (shared, cached)."""
    from snippets.figures import figure_dir, store

    def to_file(match):
        stored = store(base64.b64decode(match.group(2)), "lab")
        for filename in filter(None, (stored.filename, stored.narrow)):
            target = Path(config.site_dir) / "assets" / "figures" / filename
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(figure_dir() / filename, target)
        alt = _PLOT_ALT.get(page.file.locale, _PLOT_ALT["en"])
        prefix = get_relative_url("assets/figures", page.url) + "/"
        return f'<img alt="{alt}" loading="lazy" decoding="async" {stored.attributes(prefix)}'

    return _INLINE_IMAGE.sub(to_file, html)


def _with_downloads(html, page):
    name = Path(page.file.src_uri).stem
    label = _DOWNLOAD.get(page.file.locale, _DOWNLOAD["en"])
    buttons = (f'<p class="lab-downloads">{label}: '
               f'<a class="md-button" href="{name}.ipynb" download>{name}.ipynb</a> '
               f'<a class="md-button" href="{name}.py" download>{name}.py</a></p>'
               f'<p class="lab-downloads lab-standalone">{_STANDALONE.get(page.file.locale, _STANDALONE["en"])}</p>')
    head, h1_end, body = html.partition("</h1>")  # the buttons go under the title
    return head + h1_end + buttons + body if h1_end else buttons + html


def on_page_content(html, page, config, **kwargs):
    if not isinstance(page.file, LabFile):
        return html
    html = _HEADING.sub(r'<h\1 id="\3">\2\4\3"', html)
    html = _PAGE_LINK.sub(r'href="\1.html\2"', html)
    _explicit_ids(page.toc)
    page.title = _MARKER.sub("", page.title or "")
    # MathJax's configuration goes too: hooks/katex.py typesets math at build time.
    html = _SCRIPT.sub(lambda m: "" if _REMOTE.search(m.group(0)) or "x-mathjax-config" in m.group(0)
                       else m.group(0), html)
    # Code that scrolls sideways must be reachable from the keyboard.
    html = html.replace('<div class="highlight-ipynb', '<div tabindex="0" class="highlight-ipynb')
    html = _image_files(_shared_stylesheet(html, page, config), page, config)
    return _with_downloads(html, page)
