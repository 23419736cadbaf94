"""The glossary, generated from terminology.yml (one term per concept, DESIGN rule 5).

cnn_site/pages/glossary.py puts `glossary(lang)` into each language's glossary page: one row per
concept, linking to the section that explains it; the link's text is that page's title.
"""

import functools
import re
from pathlib import Path

import yaml

from snippets.i18n import language

ROOT = Path(__file__).resolve().parent.parent
_TITLE = re.compile(r"^#\s+(.*?)\s*(\{[^}]*\})?\s*$", re.M)


@functools.cache
def terms():
    return yaml.safe_load((ROOT / "terminology.yml").read_text("utf-8"))["terms"]


@functools.cache
def page_title(lang, page):
    """The first heading of docs/<lang>/<page>, without its { #id }."""
    return _TITLE.search((ROOT / "docs" / lang / page).read_text("utf-8")).group(1)


def persian(term):
    """The Persian term, with accepted second terms in parentheses."""
    return term["fa"] + (f" ({'، '.join(term['fa_also'])})" if term["fa_also"] else "")


HEADERS = {"fa": ["فارسی", "English", "معنا", "توضیح در"],
           "en": ["English", "Persian (فارسی)", "meaning", "explained in"]}


def glossary(lang=None):
    """The glossary table in lang (default: the page's language), as Markdown."""
    lang = lang or language()
    rows = []
    for term in terms():
        page = term["page"].partition("#")[0]
        link = f"[{page_title(lang, page)}]({term['page']})"
        first, second = (persian(term), term["en"]) if lang == "fa" else (term["en"], persian(term))
        rows.append(f"| {first} | {second} | {term['meaning'][lang]} | {link} |")
    head = HEADERS[lang]
    return "\n".join(["| " + " | ".join(head) + " |", "| " + " | ".join([":---"] * 4) + " |", *rows])
