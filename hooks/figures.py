"""Serve the figures that executed blocks drew (see snippets/figures.py).

Blocks print `<img src="@figures/NAME.png">` (NAME differs by language where the figure
has words); this hook makes the link relative to each page and copies the figures the
pages used into `assets/figures/` of the built site, once for both languages.
"""

import re
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

_used = set()


def on_config(config):
    if not config.plugins["i18n"].building:
        _used.clear()
    return config


def on_page_content(html, page, config, **kwargs):
    from snippets.figures import PREFIX, figure_dir

    if PREFIX not in html:
        return html
    for name in {re.split(r'[\s"]', part, 1)[0] for part in html.split(PREFIX)[1:]}:  # src and srcset
        if not (figure_dir() / name).exists():
            raise PluginError(f"{page.file.src_uri}: figure {name} was not drawn")
        _used.add(name)
    return html.replace(PREFIX, get_relative_url("assets/figures", page.url) + "/")


@event_priority(-150)  # after mkdocs-static-i18n has built the other languages
def on_post_build(config):
    if config.plugins["i18n"].building:
        return
    from snippets.figures import figure_dir

    target = Path(config.site_dir) / "assets" / "figures"
    target.mkdir(parents=True, exist_ok=True)
    for name in sorted(_used):
        shutil.copyfile(figure_dir() / name, target / name)
