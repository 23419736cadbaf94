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
