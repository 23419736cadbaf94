"""Tables in the scroll wrapper Material gives them, written at build time, not moved at start.

When a page starts, Material's bundle takes every table without a class out of the page
and puts it back inside `<div class="md-typeset__scrollwrap"><div class="md-typeset__table">`,
so that a wide table scrolls sideways on a phone. A table taken out and put back loses its
style and layout, and the browser computes both again while the page is starting: on a
phone's CPU, that is most of the blocking time of a page with long tables (the glossary,
shapes-and-parameters; benchmarks/RESULTS.md, History).

The build writes the same wrapper around each such table and gives the table the class
`data-table`, so Material leaves it where it is. Material styles only tables without a
class (`.md-typeset table:not([class])`); the built site's copy of Material's stylesheet
styles `data-table` by the same rules, with the same specificity. If Material's next
version no longer has that selector, the build fails and says so.
"""

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

CLASS = "data-table"
SELECTOR = "table:not([class])"
STYLED = f"table:is(:not([class]),.{CLASS})"
_TAG = re.compile(r"<table\b([^>]*)>|</table>")
_HAS_CLASS = re.compile(r"(?:^|\s)class\s*=")  # not data-class=


def wrap_tables(html):
    """The page's HTML with every table that has no class wrapped as Material would wrap it."""
    out, closing, start = [], [], 0
    for match in _TAG.finditer(html):
        out.append(html[start:match.start()])
        start = match.end()
        if match.group(0) == "</table>":
            out.append("</table>" + (closing.pop() if closing else ""))
        elif _HAS_CLASS.search(match.group(1)):
            out.append(match.group(0))
            closing.append("")
        else:
            out.append(f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
                       f'<table class="{CLASS}"{match.group(1)}>')
            closing.append("</div></div>")
    return "".join(out) + html[start:]


def style_wrapped_tables(site_dir):
    """Material's table rules, in the built site's copy of its stylesheet, also for `data-table`."""
    sheets = sorted((Path(site_dir) / "assets" / "stylesheets").glob("main.*.min.css"))
    if not sheets:
        raise PluginError("Material's stylesheet (assets/stylesheets/main.*.min.css) is missing")
    for sheet in sheets:
        text = sheet.read_text("utf-8")
        if STYLED in text and SELECTOR not in text:
            continue  # done already (`mkdocs serve --dirty`)
        if SELECTOR not in text:
            raise PluginError(f"{sheet.name} has changed: it no longer styles tables with '{SELECTOR}', "
                              "which cnn_site/pages/tables.py extends to the tables it wraps")
        sheet.write_text(text.replace(SELECTOR, STYLED), "utf-8")
