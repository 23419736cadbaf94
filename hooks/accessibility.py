"""Mend what axe-core finds in Material's own templates.

The search overlay is a `role="dialog"` without an accessible name; give it one in the
page's language.
"""

_SEARCH_LABEL = {"fa": "جست‌وجو", "en": "Search"}


def on_post_page(output, page, config, **kwargs):
    label = _SEARCH_LABEL.get(config.theme["language"], _SEARCH_LABEL["en"])
    return output.replace('data-md-component="search" role="dialog"',
                          f'data-md-component="search" role="dialog" aria-label="{label}"', 1)
