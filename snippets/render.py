"""Turn computed values into Markdown that a page prints."""

import ast
import inspect
import re
from pathlib import Path

import numpy as np

from snippets.i18n import Phrase, is_rtl, label, t

_PERSIAN = re.compile("[\u0600-\u06ff]")
_DEFINITION = re.compile(r"^(?:async def|def|class) ", re.M)
PACKAGE_DIR = Path(__file__).resolve().parent


def _number(value):
    value = float(value)
    return str(int(value)) if value.is_integer() else f"{value:g}"


def bmatrix(values):
    """A 2-D array as a display-math matrix (typeset to MathML at build time, always left to right)."""
    rows = [" & ".join(_number(v) for v in row) for row in np.asarray(values)]
    return "\\begin{bmatrix} " + r" \\ ".join(rows) + " \\end{bmatrix}"


def equation(*parts):
    """Display math made of LaTeX parts, as a Markdown block."""
    return "\n$$\n" + " ".join(parts) + "\n$$\n"


def table(headers, rows, align=None):
    """A Markdown table of computed values, its headers and labels in the page's language.

    Headers go through `label` (an untranslated header on a Persian page is an error);
    string cells are translated when the catalogue has them (category labels such as
    "standing"), other cells are printed as they are. On a right-to-left page the table
    runs right to left (first column at the right) and each cell without Persian letters
    (numbers, shapes, code) is an isolated left-to-right unit. Numbers are right-aligned
    unless align ("l", "r", "c" per column) says otherwise; "l" means the start of the
    line, which is the right on a Persian page.
    """
    rtl = is_rtl()
    align = align or ["r" if rows and isinstance(v, (int, float, Measured)) else "l" for v in rows[0]]
    rule = {"l": "---" if rtl else ":---", "r": "---:", "c": ":---:"}
    cells = [[_isolated(_cell(v)) if rtl else _cell(v) for v in row] for row in rows]
    lines = ["| " + " | ".join(label(h) for h in headers) + " |", "| " + " | ".join(rule[a] for a in align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in cells]
    return '<div class="computed-table" markdown>\n\n' + "\n".join(lines) + "\n\n</div>"


def _cell(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        if isinstance(value, Phrase):
            return value.translated()
        return t(str(value)) if not isinstance(value, Measured) else value
    return f"{value:,}" if isinstance(value, int) else _number(value)


def _isolated(text):
    """A cell without Persian letters, kept left to right inside a right-to-left table."""
    return text if _PERSIAN.search(text) or not text.strip() else f'<span dir="ltr">{text}</span>'


class Measured(str):
    """Markup of a measured number: a table right-aligns it like one."""


def measured(value):
    """A value measured while building (a wall time) that differs from run to run.

    Search leaves it out (data-search-exclude) and tests/test_determinism.py masks it.
    """
    return Measured(f'<span class="measured" data-search-exclude>{value}</span>')


def agreement(same):
    """The mark of an "agree" column: ✓ when two computations give the same answer, else ✗."""
    return "✓" if same else "✗"


def source(*definitions):
    """Functions or classes as one fenced Python block, each from its `def` or `class` line.

    A definition is the function or class itself (a `@cached` one shows its own code, without
    the decorator), or "module.Name" of a snippets module, read without importing the module
    (a Keras layer's module would import TensorFlow).
    """
    return "```python\n" + "\n\n".join(_definition(d).rstrip() for d in definitions) + "\n```"


def _definition(definition):
    if isinstance(definition, str):
        module, name = definition.rsplit(".", 1)
        text = (PACKAGE_DIR / f"{module}.py").read_text("utf-8")
        node = next(n for n in ast.parse(text).body if getattr(n, "name", None) == name)
        return ast.get_source_segment(text, node)  # from `def` or `class`: decorators are not part of it
    text = inspect.getsource(getattr(definition, "uncached", definition))
    return text[_DEFINITION.search(text).start():]
