"""The offline zip works from file://, with no server and no network: pages, fonts,
math, labs and search (the offline plugin inlines the index; iframe-worker runs it)."""

import zipfile

import pytest

from tests.support.browser import open_page, search
from tests.support.pages import soup

SAMPLE = ["index.html", "en/index.html", "labs/max-pooling.html", "en/labs/max-pooling.html"]


def _errors_that_matter(errors):
    # Material fetches sitemap.xml to map language links; file:// forbids that fetch
    # (a CORS error), and the switcher's links, written into each page, work without it.
    return [e for e in errors if "sitemap.xml" not in e]


@pytest.fixture(scope="module")
def offline(site, tmp_path_factory):
    """The offline zip, unzipped: what a reader opens from disk."""
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site / "download" / "cnn-step-by-step-offline.zip") as archive:
        archive.extractall(folder)
    return folder / "cnn-step-by-step"


@pytest.mark.parametrize("name", SAMPLE)
def test_page_opens_from_disk(browser, offline, name):
    page, errors, hosts = open_page(browser, (offline / name).as_uri())
    assert _errors_that_matter(errors) == []
    assert hosts == {"file"}
    vazirmatn = "[...document.fonts].some(f => f.family.includes('Vazirmatn') && f.status === 'loaded')"
    assert page.evaluate(vazirmatn) == (not name.startswith("en/"))  # English pages: the reader's own font
    page.context.close()


# Each language searches its own index (search/search_index.js, en/search/...), normalised
# queries and transliterations included.
@pytest.mark.parametrize("name, query, expected", [("index.html", "لایه", "index.html"),
                                                   ("index.html", "پدینگ", "kernel-size.html"),
                                                   ("index.html", "۹۲۸۲۳۴", "shapes-and-parameters.html"),
                                                   ("en/index.html", "MaxPooling2D", "en/labs/max-pooling.html"),
                                                   ("en/index.html", "928,234", "en/shapes-and-parameters.html")])
def test_search_works_from_disk(browser, offline, name, query, expected):
    page, _, _ = open_page(browser, (offline / name).as_uri())
    hrefs = search(page, query)
    assert (offline / expected).as_uri() in {h.split("?")[0].split("#")[0] for h in hrefs}, hrefs
    assert all(h.startswith((offline / "en").as_uri()) == name.startswith("en/") for h in hrefs), hrefs
    page.context.close()


def test_offline_zip_holds_both_languages_without_links_to_the_hosted_site(offline):
    names = {p.relative_to(offline).as_posix() for p in offline.rglob("*") if p.is_file()}
    assert {"index.html", "en/index.html", "labs/max-pooling.ipynb", "search/search_index.js",
            "en/search/search_index.js"} <= names
    for name in SAMPLE:
        assert 'hreflang="en"' not in (offline / name).read_text("utf-8").split("</head>")[0], name


def test_offline_zip_opens_from_disk_with_search(browser, offline):
    page, errors, hosts = open_page(browser, (offline / "en" / "index.html").as_uri())
    assert _errors_that_matter(errors) == [] and hosts == {"file"}
    hrefs = search(page, "Keras")
    assert all(h.startswith((offline / "en").as_uri() + "/") for h in hrefs), hrefs
    page.context.close()


def test_home_pages_link_the_offline_zip(site):
    for lang, href in (("fa", "download/cnn-step-by-step-offline.zip"), ("en", "../download/cnn-step-by-step-offline.zip")):
        assert soup(site, lang, "index.html").select_one(f'a[download][href="{href}"]')
