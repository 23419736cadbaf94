"""Serve the figures that executed blocks drew (see snippets/figures.py).

Blocks print `<img src="@figures/NAME.png">` (NAME differs by language where the figure
has words); `link_figures` makes the link relative to each page and returns the figures
the page used, which `copy_figures` copies into `assets/figures/` of the built site, once
for both languages.
"""

import re
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url


def link_figures(html, page):
    """(html with figure links relative to the page, names of the figures it uses)."""
    from snippets.figures import PREFIX, figure_dir

    if PREFIX not in html:
        return html, set()
    used = {re.split(r'[\s"]', part, 1)[0] for part in html.split(PREFIX)[1:]}  # src and srcset
    for name in used:
        if not (figure_dir() / name).exists():
            raise PluginError(f"{page.file.src_uri}: figure {name} was not drawn")
    return html.replace(PREFIX, get_relative_url("assets/figures", page.url) + "/"), used


def copy_figures(names, site_dir):
    """Copy the figures the pages used into the built site."""
    from snippets.figures import figure_dir

    target = Path(site_dir) / "assets" / "figures"
    target.mkdir(parents=True, exist_ok=True)
    for name in sorted(names):
        shutil.copyfile(figure_dir() / name, target / name)
