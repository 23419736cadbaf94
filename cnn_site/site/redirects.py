"""Old addresses keep working after a page is renamed, in every language.

mkdocs-redirects resolves targets without mkdocs-static-i18n's folder layout (it sends
the Persian address to `fa/index.html`, which does not exist), so this module does the
same job from the plugin's `redirects` option in mkdocs.yml: `old-name.md: new-name.md`, paths as
under docs/<lang>/. Each language gets a small page that forwards to its own new page.
"""

import html
import posixpath
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError

_PAGE = ('<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{target}</title>'
         '<link rel="canonical" href="{target}"><meta http-equiv="refresh" content="0; url={target}">'
         '</head><body><a href="{target}">{target}</a></body></html>\n')


def _html(path):
    return str(PurePosixPath(path).with_suffix(".html"))


def write_redirects(site_dir, redirects, folders):
    """A forwarding page at each old address, in each language's folder (see language_folders)."""
    site = Path(site_dir)
    for old, new in redirects.items():
        for lang, folder in folders.items():
            source, target = folder + _html(old), folder + _html(new)
            if not (site / target).exists():
                raise PluginError(f"redirect {old} -> {new}: {target} does not exist")
            relative = posixpath.relpath(target, posixpath.dirname(source) or ".")
            (site / source).parent.mkdir(parents=True, exist_ok=True)
            (site / source).write_text(_PAGE.format(lang=lang, target=html.escape(relative)), "utf-8")
