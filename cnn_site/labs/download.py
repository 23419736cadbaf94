"""The lab files a reader downloads run on their own, wherever they are opened.

In the repository a lab imports from `snippets`, which a reader of the hosted site does
not have. Next to each lab page `write_downloads` writes `<lab>.ipynb` (with the outputs of the
build's run) and `<lab>.py` (jupytext), both standalone: a first cell, in the page's
language, lists the packages the code imports at the versions the site was built with and
how to install them; a code cell holds what the lab uses from `snippets`, copied as source
by inline.py; the lab's own imports of `snippets` become comments that
point to it (inline.py). The repository's notebook stays short and keeps calling `snippets`.
"""

import copy
import re
import sys
from pathlib import Path
from urllib.parse import urljoin

import jupytext
import nbformat

from cnn_site.labs.inline import inline, requirements
from cnn_site.strings import text

_RTL = {"fa"}
# "## Title { #id }" gives the site its heading id; Jupyter would show it as text.
_HEADING_ID = re.compile(r"[ \t]*\{\s*#[\w-]+\s*\}[ \t]*$", re.M)
# A link to another page of the site, relative to the lab's page: "](../tuners.md#a)".
_RELATIVE_LINK = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:|#|/)([^)\s]+)\)")
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def setup_note(packages, modules, lang):
    """The first cell: Python and package versions, the install command, where the setup cell comes from."""
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    pins = [f"{name}=={version}" for name, version in packages.items()]
    note = text(lang, "setup_note").format(python=python, packages="\n".join(f"- `{pin}`" for pin in pins), pins=" ".join(pins))
    if modules:
        note += "\n\n" + text(lang, "copied_note").format(modules=text(lang, "list_separator").join(f"`{m}`" for m in modules))
    return note


def for_jupyter(markdown, page_url=None, lang="en"):
    """Markdown as Jupyter shows it: no heading ids, links to the site absolute (when its address is
    known), and Persian right to left (Jupyter sets no direction; blank lines keep the Markdown)."""
    markdown = _HEADING_ID.sub("", markdown)
    if page_url:
        html = lambda target: re.sub(r"\.md(?=#|$)", ".html", target)  # noqa: E731
        markdown = _RELATIVE_LINK.sub(lambda m: f"]({urljoin(page_url, html(m.group(1)))})", markdown)
    return f'<div dir="rtl">\n\n{markdown}\n\n</div>' if lang in _RTL else markdown


def standalone(notebook, lang, page_url=None):
    """A copy of an (executed) lab notebook that needs only the packages its first cell lists.

    page_url, the lab page's address on the hosted site, makes its links to other pages absolute.
    """
    notebook = copy.deepcopy(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    inlined = inline([cell.source for cell in code])
    for cell, source in zip(code, inlined.cells):
        cell.source = source
    packages = requirements([inlined.setup, *inlined.cells])
    head = [nbformat.v4.new_markdown_cell(setup_note(packages, inlined.modules, lang))]
    if inlined.setup:
        head.append(nbformat.v4.new_code_cell(inlined.setup))
    notebook.cells = head + notebook.cells
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = for_jupyter(cell.source, page_url, lang)
    for number, cell in enumerate(notebook.cells):
        cell.id = f"cell-{number}"  # fixed ids: the same file at every build
    notebook.metadata = {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    return notebook


def write_downloads(page, lang):
    """Write the lab page's standalone .ipynb and .py next to its HTML."""
    target = Path(page.file.abs_dest_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    notebook = standalone(nbformat.read(page.file.abs_src_path, as_version=4), lang, page.canonical_url)
    nbformat.write(notebook, target.with_suffix(".ipynb"))
    target.with_suffix(".py").write_text(jupytext.writes(notebook, fmt="py:percent"), "utf-8")
