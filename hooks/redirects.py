"""Old addresses keep working after a page is renamed, in every language.

mkdocs-redirects resolves targets without mkdocs-static-i18n's folder layout (it sends
the Persian address to `fa/index.html`, which does not exist), so this hook does the
same job from `extra.redirects` in mkdocs.yml: `old-name.md: new-name.md`, paths as
under docs/<lang>/. Each language gets a small page that forwards to its own new page.
"""

import html
import posixpath
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

_PAGE = ('<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{target}</title>'
         '<link rel="canonical" href="{target}"><meta http-equiv="refresh" content="0; url={target}">'
         '</head><body><a href="{target}">{target}</a></body></html>\n')


def _html(path):
    return str(PurePosixPath(path).with_suffix(".html"))


@event_priority(-150)  # after mkdocs-static-i18n has built every language
def on_post_build(config):
    i18n = config.plugins["i18n"]
    if i18n.building:
        return
    site = Path(config.site_dir)
    for old, new in (config.extra.get("redirects") or {}).items():
        for lang in i18n.build_languages:
            folder = "" if lang == i18n.default_language else f"{lang}/"
            source, target = folder + _html(old), folder + _html(new)
            if not (site / target).exists():
                raise PluginError(f"redirect {old} -> {new}: {target} does not exist")
            relative = posixpath.relpath(target, posixpath.dirname(source) or ".")
            (site / source).parent.mkdir(parents=True, exist_ok=True)
            (site / source).write_text(_PAGE.format(lang=lang, target=html.escape(relative)), "utf-8")
