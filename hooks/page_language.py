"""Tell the render helpers which language the page being built is in (snippets/i18n.py).

mkdocs-static-i18n builds every language in one process, one after another; a page's
executed blocks run while its Markdown is converted, after this event.
"""


def on_page_markdown(markdown, page, config, **kwargs):
    from snippets.i18n import set_language

    set_language(getattr(page.file, "locale", None) or config.theme["language"])
    return markdown
