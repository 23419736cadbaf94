"""Every page exists in every language: fail the build naming what is missing.

mkdocs-static-i18n would quietly fall back to the Persian page at the English address.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError


def _pages(folder):
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.suffix in {".md", ".py"}}


def on_config(config):
    i18n = config.plugins["i18n"]
    if i18n.building:
        return config
    docs = Path(config.docs_dir)
    pages = {lang: _pages(docs / lang) for lang in i18n.build_languages}
    missing = [f"docs/{lang}/{page}" for lang in sorted(pages)
               for page in sorted(set().union(*pages.values()) - pages[lang])]
    if missing:
        raise PluginError("missing translations (each page needs one per language): " + ", ".join(missing))
    return config
