"""$SITE_URL decides every absolute address the build writes: a fork that publishes
elsewhere gets correct citations, hreflang, canonical links and sitemap with no edit."""

import re

import pytest
from bs4 import BeautifulSoup

from tests.support.project import build_site, copy_project

URL = "https://example.org/course/"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("project"))
    out = project / "out"
    result = build_site(project, out, site_url=URL, extra_env={"SITE_EXECUTE": "off"})
    assert result.returncode == 0, result.stdout[-3000:]
    return out


def _head(out, path):
    return BeautifulSoup((out / path).read_text("utf-8"), "html.parser")


@pytest.mark.parametrize("path, page", [("index.html", "index.html"), ("en/labs/max-pooling.html", "labs/max-pooling.html")])
def test_hreflang_alternates_are_absolute_with_an_x_default(built, path, page):
    links = {l["hreflang"]: l["href"] for l in _head(built, path).select('head link[rel="alternate"][hreflang]')}
    assert links == {"fa": URL + page, "en": URL + "en/" + page, "x-default": URL + page}


def test_canonical_link_and_cite_box_use_the_address(built):
    page = _head(built, "en/labs/max-pooling.html")
    assert page.select_one('link[rel="canonical"]')["href"] == URL + "en/labs/max-pooling.html"
    assert URL + "en/labs/max-pooling.html" in page.select_one("details.cite-page").get_text()


def test_sitemap_lists_pages_at_the_address(built):
    sitemap = (built / "sitemap.xml").read_text("utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations and all(loc.startswith(URL) for loc in locations)
    assert URL + "en/index.html" in locations
