"""Mend what axe-core finds in Material's own templates.

The search overlay is a `role="dialog"` without an accessible name; give it one in the
page's language.
"""

_SEARCH_LABEL = {"fa": "جست‌وجو", "en": "Search"}


def label_search_dialog(output, lang):
    """Give Material's search dialog an accessible name in the page's language."""
    label = _SEARCH_LABEL[lang]
    return output.replace('data-md-component="search" role="dialog"',
                          f'data-md-component="search" role="dialog" aria-label="{label}"', 1)
