"""Convolution-arithmetic animations, after Dumoulin & Visin (2016), computed at build time.

Each animation is a grid (the input as the kernel sees it: with its padding zeros, and
for a transposed convolution with the zeros inserted between input cells), an output
grid, and one frame per output cell: the grid cells under the kernel. The page shows
frame 0 as a static SVG (what prints and what a reader without JavaScript sees);
docs/assets/js/conv-stepper.js steps through the frames. Output sizes come from
snippets.formulas, the functions of the shapes page; tests hold them to Keras.
"""

import html
import json
import re

import numpy as np

from snippets.i18n import language, page_words  # the page being built, its words
from snippets.operation import multiply_add, padded_input, steps
from snippets.formulas import output_length, transposed_output_length

PAGE = "what-a-convolution-computes"  # whose words (snippets/strings/*.yml) the captions use
# (id, input size, kernel, stride, padding, dilation, transposed): the guide's figures.
CASES = (("valid", 4, 3, 1, "valid", 1, False), ("same", 5, 3, 1, "same", 1, False),
         ("full", 5, 3, 1, 2, 1, False), ("stride", 5, 3, 2, 1, 1, False),
         ("dilation", 7, 3, 1, "valid", 2, False), ("transposed", 2, 3, 2, "valid", 1, True))
CELL, GAP = 24, 3  # SVG units per cell and between cells
VALUE_CELL = 34  # cells that show a number


def case(name):
    """The parameters of one animation, by its id."""
    [found] = [c for c in CASES if c[0] == name]
    return dict(zip(("id", "size", "kernel", "stride", "padding", "dilation", "transposed"), found))


def output_size(c):
    """Output size along each axis, from the formulas of the shapes page."""
    if c["transposed"]:
        return transposed_output_length(c["size"], c["kernel"], c["stride"], c["padding"])
    return output_length(c["size"], c["kernel"], c["stride"], c["padding"], c["dilation"])


def _transposed_grid(size, kernel, stride):
    """A transposed convolution as a direct one: stride - 1 zeros between inputs, kernel - 1 around."""
    grid = np.zeros((size - 1) * stride + 1, dtype=int)
    grid[::stride] = 1
    grid = np.pad(grid, kernel - 1)
    return np.outer(grid, grid)


def animation(c):
    """Grid of cell kinds (1 input, 0 added zero), output size and frames (taps, output cell)."""
    ones = np.ones((c["kernel"], c["kernel"]), dtype=int)
    if c["transposed"]:
        grid = _transposed_grid(c["size"], c["kernel"], c["stride"])
        cells = steps(grid, ones)
    else:
        square = np.ones((c["size"], c["size"]), dtype=int)
        grid = padded_input(square, ones, c["stride"], c["padding"], c["dilation"])
        cells = steps(square, ones, c["stride"], c["padding"], c["dilation"])
    size = output_size(c)
    if len(cells) != size * size:
        raise ValueError(f"animation {c['id']}: {len(cells)} frames, but the formula gives {size} x {size}")
    return {"grid": grid, "output": size, "frames": [(s["taps"], s["out"]) for s in cells]}


def _cells(kinds, css, on=(), values=None, cell=CELL):
    """Rects of a grid, row by row (class from kind, "cs-on" where the kernel is), then their numbers."""
    rects, texts = [], []
    for r, row in enumerate(kinds):
        for c, kind in enumerate(row):
            x, y = c * (cell + GAP), r * (cell + GAP)
            state = " cs-on" if (r, c) in on else ""
            rects.append(f'<rect class="{css[kind]}{state}" x="{x}" y="{y}" width="{cell}" height="{cell}"/>')
            if values is not None:
                texts.append(f'<text x="{x + cell / 2:g}" y="{y + cell / 2:g}">{values[r][c]}</text>')
    return rects + texts


def _svg(n_rows, n_cols, body, label, css_class, cell=CELL):
    width, height = n_cols * (cell + GAP) - GAP, n_rows * (cell + GAP) - GAP
    return (f'<svg class="{css_class}" viewBox="-1 -1 {width + 2} {height + 2}" width="{width + 2}" '
            f'height="{height + 2}" role="img" aria-label="{html.escape(label)}">{"".join(body)}</svg>')


def _digits(text, lang):
    return text.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")) if lang == "fa" else text


def caption(c, lang):
    """What an animation shows, in the page's language, with its sizes from the formulas."""
    text = page_words(PAGE, lang)
    sizes = text["sizes"].format(i=c["size"], k=c["kernel"], s=c["stride"], o=output_size(c))
    return f'{text["cases"][c["id"]]}<br>{_digits(sizes, lang)}'


def _frames_json(frames, n_cols, out_cols, texts=None):
    data = [{"t": [r * n_cols + col for r, col in taps], "o": out[0] * out_cols + out[1]} for taps, out in frames]
    for item, extra in zip(data, texts or []):
        item["s"] = extra
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def _stepper(grid, frames, out_size, lang, title, in_values=None, out_values=None, texts=None, cell=CELL):
    """The HTML of one animation: two SVG grids at frame 0, its frames as JSON, its controls."""
    text = page_words(PAGE, lang)
    n = len(grid)
    kinds = [[int(v) for v in row] for row in grid]
    body = _cells(kinds, {0: "cs-zero", 1: "cs-in"}, set(frames[0][0]), in_values, cell)
    out = _cells([[1] * out_size] * out_size, {1: "cs-out"}, {frames[0][1]}, out_values, cell)
    status = text["step"].format(n=1, total=len(frames))
    label = re.sub(r"<[^>]+>", " ", title).replace("  ", " ")  # the caption's words, without markup
    button = lambda cls, words: f'<button type="button" class="md-button {cls}">{words}</button>'
    numbers = " cs-values" if in_values is not None else ""
    return (f'<figure class="conv-stepper{numbers}" data-step="{html.escape(text["step"])}" '
            f'data-play="{text["play"]}" data-pause="{text["pause"]}">'
            f'<div class="cs-grids" dir="ltr">{_svg(n, n, body, text["input"] + ": " + label, "cs-input", cell)}'
            f'<span class="cs-arrow" aria-hidden="true">→</span>'
            f'{_svg(out_size, out_size, out, text["output"], "cs-output", cell)}</div>'
            f'<figcaption>{title}</figcaption>'
            f'<div class="cs-controls" hidden>{button("cs-prev", text["previous"])}{button("cs-play", text["play"])}'
            f'{button("cs-next", text["next"])}</div>'
            f'<p class="cs-status" aria-live="polite"><span class="cs-count">{_digits(status, lang)}</span>'
            f'{"" if not texts else "<br><code class=cs-sum>" + html.escape(texts[0]) + "</code>"}</p>'
            f'<script type="application/json">{_frames_json(frames, n, out_size, texts)}</script></figure>')


def arithmetic_stepper(name, lang=None):
    """One of the guide's animations (CASES) as a stepper, captioned in the page's language."""
    c = case(name)
    a = animation(c)
    lang = lang or language()
    return _stepper(a["grid"], a["frames"], a["output"], lang, caption(c, lang))


def arithmetic_steppers(lang=None):
    """All the guide's animations, one after the other."""
    return "\n\n".join(arithmetic_stepper(name, lang or language()) for name, *_ in CASES)


def values_stepper(matrix, kernel, title, stride=1, padding="valid", dilation=1, lang=None):
    """A stepper with numbers: the padded input's values, each output revealed with its multiply-add.

    title is a key of the page's strings.
    """
    lang = lang or language()
    title = html.escape(page_words(PAGE, lang)[title])
    cells = steps(matrix, kernel, stride, padding, dilation)
    x = padded_input(matrix, kernel, stride, padding, dilation)
    grid = padded_input(np.ones(np.shape(matrix), dtype=int), kernel, stride, padding, dilation)
    size = cells[-1]["out"][0] + 1
    out_values = [[None] * size for _ in range(size)]
    for s in cells:
        out_values[s["out"][0]][s["out"][1]] = s["value"]
    frames = [(s["taps"], s["out"]) for s in cells]
    return _stepper(grid, frames, size, lang, title, x.tolist(), out_values, [multiply_add(s) for s in cells],
                    cell=VALUE_CELL)
