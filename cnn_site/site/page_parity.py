"""Every page exists in every language: fail the build naming what is missing.

mkdocs-static-i18n would quietly fall back to the Persian page at the English address.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError


def _pages(folder):
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.suffix in {".md", ".py"}}


def missing_translations(docs_dir, languages):
    """Pages (as docs/<lang>/<page>) that exist in some language but not in this one."""
    docs = Path(docs_dir)
    pages = {lang: _pages(docs / lang) for lang in languages}
    return [f"docs/{lang}/{page}" for lang in sorted(pages) for page in sorted(set().union(*pages.values()) - pages[lang])]


def check_page_parity(docs_dir, languages):
    missing = missing_translations(docs_dir, languages)
    if missing:
        raise PluginError("missing translations (each page needs one per language): " + ", ".join(missing))
