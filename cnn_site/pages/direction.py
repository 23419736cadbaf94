"""Put the text direction Material writes on <body> onto <html> too.

Material sets `dir` on <body> only; screen readers, the browser's own UI and CSS that
matches `[dir]` from the root expect it on <html>, beside `lang`.
"""

import re

_BODY_DIR = re.compile(r'<body[^>]*\bdir="(rtl|ltr)"')


def html_direction(output):
    """The page with <body>'s dir copied onto <html>."""
    match = _BODY_DIR.search(output)
    if not match:
        return output
    return output.replace("<html ", f'<html dir="{match.group(1)}" ', 1)
