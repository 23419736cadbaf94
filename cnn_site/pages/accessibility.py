"""Mend what axe-core finds in Material's own templates.

The search overlay is a `role="dialog"` without an accessible name; give it one in the
page's language.
"""

from cnn_site.strings import text


def label_search_dialog(output, lang):
    """Give Material's search dialog an accessible name in the page's language."""
    label = text(lang, "search_dialog")
    return output.replace('data-md-component="search" role="dialog"',
                          f'data-md-component="search" role="dialog" aria-label="{label}"', 1)
