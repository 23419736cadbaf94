"""Reading a built site: its pages, their parsed HTML, their tables, their language."""

import functools
import re

from bs4 import BeautifulSoup

from tests.support.project import LANGUAGES, ROOT

PERSIAN = re.compile("[\u0600-\u06ff]")  # the Arabic block: Persian letters and digits


def is_persian(text):
    """True when text has a Persian (Arabic-block) letter or digit."""
    return bool(PERSIAN.search(text))


def built_pages():
    """The built page of every Markdown page and lab, from docs/fa (docs/en mirrors it): no build needed."""
    fa = ROOT / "docs" / "fa"
    return sorted(p.relative_to(fa).with_suffix(".html").as_posix()
                  for p in fa.rglob("*") if p.suffix == ".md" or (p.suffix == ".py" and p.parent.name == "labs"))


def page_paths(site, lang):
    """Paths (relative to the language's folder) of the content pages of one language."""
    base = site / LANGUAGES[lang]
    return sorted(
        p.relative_to(base).as_posix() for p in base.rglob("*.html")
        if p.name != "404.html" and not p.relative_to(site).as_posix().startswith(("assets/", "search/"))
        and (lang != "fa" or not p.relative_to(site).as_posix().startswith("en/"))
    )


@functools.cache
def _soup(path):
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def soup(site, lang, page):
    """A built page, parsed once per session: read it, never change it."""
    return _soup(site / LANGUAGES[lang] / page)


def tables(page_soup):
    """Each table of a page's article as a list of rows of cell texts, the header row first."""
    return [[[cell.get_text(strip=True) for cell in row.select("th, td")] for row in table.select("tr")]
            for table in page_soup.select("article table")]


def table_with(page_soup, lang, header=(), column=None):
    """The first table whose header row starts with `header` and, if given, has a column named
    `column`: English labels, as the code writes them; the page shows them in its language
    (snippets.i18n)."""
    from snippets.i18n import t

    header = [t(h, lang) for h in header]
    found = [rows for rows in tables(page_soup)
             if rows[0][:len(header)] == header and (column is None or t(column, lang) in rows[0])]
    assert found, f"no table whose header starts with {header}" + (f" and has {column!r}" if column else "")
    return found[0]
