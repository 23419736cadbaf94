"""Write the glossary table of each language from terminology.yml (snippets/glossary.py).

The glossary pages hold a marker; the table replaces it before Markdown is converted, so
MkDocs checks and rewrites its links like any other.
"""

from mkdocs.exceptions import PluginError

MARKER = "<!-- glossary: generated from terminology.yml by hooks/glossary.py -->"


def on_page_markdown(markdown, page, config, **kwargs):
    if page.file.src_uri.rsplit("/", 1)[-1] != "glossary.md":
        return markdown
    if MARKER not in markdown:
        raise PluginError(f"{page.file.src_uri}: the glossary marker is missing")
    from snippets.glossary import glossary

    lang = getattr(page.file, "locale", None) or config.theme["language"]
    return markdown.replace(MARKER, glossary(lang))
