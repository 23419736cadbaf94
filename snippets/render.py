"""Turn computed values into Markdown that a page prints."""

import numpy as np


def _number(value):
    value = float(value)
    return str(int(value)) if value.is_integer() else f"{value:g}"


def bmatrix(values):
    """A 2-D array as a display-math matrix (typeset by KaTeX, always left to right)."""
    rows = [" & ".join(_number(v) for v in row) for row in np.asarray(values)]
    return "\\begin{bmatrix} " + r" \\ ".join(rows) + " \\end{bmatrix}"


def equation(*parts):
    """Display math made of LaTeX parts, as a Markdown block."""
    return "\n$$\n" + " ".join(parts) + "\n$$\n"


def table(headers, rows, align=None):
    """A Markdown table of computed values, read left to right on Persian pages too.

    Numbers are right-aligned unless align ("l", "r", "c" per column) says otherwise.
    """
    align = align or ["r" if rows and isinstance(v, (int, float, Measured)) else "l" for v in rows[0]]
    rule = {"l": ":---", "r": "---:", "c": ":---:"}
    lines = ["| " + " | ".join(map(str, headers)) + " |", "| " + " | ".join(rule[a] for a in align) + " |"]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return '<div class="ltr" markdown>\n\n' + "\n".join(lines) + "\n\n</div>"


def _cell(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    return f"{value:,}" if isinstance(value, int) else _number(value)


class Measured(str):
    """Markup of a measured number: a table right-aligns it like one."""


def measured(value):
    """A value measured while building (a wall time) that differs from run to run.

    Search leaves it out (data-search-exclude) and tests/test_determinism.py masks it.
    """
    return Measured(f'<span class="measured" data-search-exclude>{value}</span>')
