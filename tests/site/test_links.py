"""Every internal link and anchor of the built site resolves, in both languages.

The strict build checks links written in Markdown; this crawls the HTML, so it also
covers links made by the theme, the language switcher, executed blocks and labs."""

import functools
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from tests.support.session import SITE_URL


def _base_path():
    """The path of site_url: the 404 page links from there, since it may be served anywhere."""
    return urlsplit(SITE_URL).path


@functools.cache
def _ids(path):
    page = BeautifulSoup(path.read_text("utf-8"), "html.parser")
    return {e["id"] for e in page.find_all(id=True)} | {a["name"] for a in page.find_all("a", attrs={"name": True})}


def _internal_links(site):
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for tag in soup.find_all(["a", "link"], href=True):
            href = tag["href"]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            yield page, href, parts


def test_every_internal_link_and_anchor_resolves(site):
    broken, checked, base = [], 0, _base_path()
    for page, href, parts in _internal_links(site):
        checked += 1
        if parts.path.startswith(base):
            target = site / unquote(parts.path[len(base):])
        else:
            target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            broken.append(f"{page.relative_to(site)}: {href} (no such file)")
        elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _ids(target):
            broken.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    assert checked > 100
    assert not broken, "\n".join(broken)
