"""Stop the build at the first executed block that fails, naming its page and block id.

markdown-exec only logs a warning (with the block id, without the page) and pastes the
traceback into the page; a strict build would fail only at the very end. This hook
adds the page to that warning and aborts the build when the page is done.
"""

import logging
import re

from mkdocs.exceptions import PluginError

_LOGGER = "mkdocs.plugins.markdown_exec._internal.formatters.base"
_BLOCK = re.compile(r"Execution of (\w+) code block (?:'([^']*)' )?exited")
_state = {"page": None, "failures": []}


class _PageFilter(logging.Filter):
    """Prefix markdown-exec's warnings with the page being rendered, and remember them."""

    def filter(self, record):
        page = _state["page"] or "?"
        match = _BLOCK.search(str(record.msg))
        if match:
            _state["failures"].append(match.group(2) or f"(unnamed {match.group(1)} block)")
        record.msg = f"{page}: {record.msg}"
        return True


_FILTER = _PageFilter()


def on_config(config):
    logger = logging.getLogger(_LOGGER)
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)
    return config


def on_page_markdown(markdown, page, **kwargs):
    _state["page"], _state["failures"] = page.file.src_uri, []
    return markdown


def on_page_content(html, page, **kwargs):
    if _state["failures"]:
        blocks = ", ".join(f"'{b}'" for b in _state["failures"])
        raise PluginError(f"{page.file.src_uri}: executed block {blocks} failed (traceback above)")
    return html
