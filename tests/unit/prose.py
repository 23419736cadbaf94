"""Numbers stated in the prose of a page (not in code, links or sources), in either language."""

import re

PERSIAN = str.maketrans("۰۱۲۳۴۵۶۷۸۹٫٬", "0123456789.,")
NUMBER = re.compile(r"(?<![\w.#/-])\d+(?:,\d{3})*(?:\.\d+)?(?!\d|[.,]\d)")
STRIP = [
    re.compile(r"\A---\n.*?\n---\n", re.S),  # front matter
    re.compile(r"^([ \t]*)(```|~~~).*?^\1\2", re.S | re.M),  # fenced blocks, executed or not
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"<[^>]*>"),  # HTML tags and their attributes
    re.compile(r"`[^`\n]*`"),  # inline code: identifiers and literals, not claims
    re.compile(r"\]\([^)]*\)"),  # link targets
    re.compile(r"^#+ [^\n]*\{ #sources \}.*\Z", re.S | re.M),  # the list of sources, to the end
    re.compile(r"\{ #[\w-]+ \}"),  # heading ids
    re.compile(r"\\(?:mathrm|text|operatorname)\{[^}]*\}"),  # names inside math
]


def lab_markdown(source):
    """The Markdown cells of a jupytext percent-format lab, without their leading '# '."""
    lines, in_markdown = [], False
    for line in source.splitlines():
        if line.startswith("# %%"):
            in_markdown = "[markdown]" in line
        elif in_markdown and line.startswith("#"):
            lines.append(line[2:])
    return "\n".join(lines)


def prose(text):
    """The text of a Markdown page without what is not prose; Persian digits made Latin."""
    text = text.translate(PERSIAN).replace("{,}", ",")
    for pattern in STRIP:
        text = pattern.sub(" ", text)
    return text


def numbers(text):
    """Every number in a page's prose as written (thousands separators kept), in order."""
    return NUMBER.findall(prose(text))


def value(number):
    """The numeric value of a number as written: "1,797" -> 1797, "0.7250" -> 0.725."""
    return float(number.replace(",", ""))


def is_exempt(number):
    """Small whole numbers (sizes, counts, ordinals: "3 x 3", "2 layers", exercise 1) and years."""
    v = value(number)
    return v.is_integer() and (v <= 12 or (1990 <= v <= 2030 and "," not in number))
