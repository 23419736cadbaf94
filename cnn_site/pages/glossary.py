"""Write the glossary table of each language from terminology.yml (snippets/glossary.py).

The glossary pages hold a marker; the table replaces it before Markdown is converted, so
MkDocs checks and rewrites its links like any other.
"""

from mkdocs.exceptions import PluginError

MARKER = "<!-- glossary: generated from terminology.yml by cnn_site/pages/glossary.py -->"


def fill_glossary(markdown, src_uri, lang):
    """The glossary page's Markdown with its table in place of the marker; other pages as they are."""
    if src_uri.rsplit("/", 1)[-1] != "glossary.md":
        return markdown
    if MARKER not in markdown:
        raise PluginError(f"{src_uri}: the glossary marker is missing")
    from snippets.glossary import glossary

    return markdown.replace(MARKER, glossary(lang))
