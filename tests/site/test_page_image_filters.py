"""The built image-filters page, in both languages: figures, tables, outputs."""

from pathlib import PurePosixPath

import pytest

from snippets.i18n import t
from tests.support.pages import is_persian, soup, table_with
from tests.support.project import LANGUAGES

PAGE = "image-filters.html"
FIGURES = ["filters-results", "filters-divisor", "filters-blur", "filters-display",
           "filters-gradient", "filters-laplacian"]
ENGLISH = ["inside, default borders", "all, cv2 BORDER_CONSTANT", "all, np.pad reflect + Keras valid",
           "border pixels, default borders"]


def _table(page_soup, header, lang):
    """English headers and rows (lists of cell texts) of the first table with a column named
    header (in the page's language)."""
    english = {t(h, lang): h for h in ENGLISH}
    headers, *rows = table_with(page_soup, lang, column=header)
    return [english.get(h, h) for h in headers], rows


@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_shows_every_figure_as_a_file(site, lang):
    page_soup = soup(site, lang, PAGE)
    images = page_soup.select("article figure.computed-figure img")
    names = [PurePosixPath(img["src"]).name.rsplit("-", 1)[0] for img in images]
    assert names == FIGURES
    for img in images:
        assert not img["src"].startswith("data:")
        assert (site / LANGUAGES[lang] / img["src"]).resolve().is_file(), img["src"]
        assert is_persian(img["alt"]) == (lang == "fa"), img["alt"]
    captions = page_soup.select("article figure.computed-figure figcaption")
    assert len(captions) == len(FIGURES)
    assert "base64" not in (site / LANGUAGES[lang] / PAGE).read_text("utf-8")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_shows_the_agreement_table(site, lang):
    headers, rows = _table(soup(site, lang, PAGE), "inside, default borders", lang)
    assert [r[0] for r in rows] == [t(k, lang) for k in ("box/9", "laplacian", "sobel_y", "sobel_x")]
    column = {h: [float(r[i].replace(",", "")) for r in rows] for i, h in enumerate(headers) if i}
    assert max(column["inside, default borders"]) < 1e-3
    assert max(column["all, cv2 BORDER_CONSTANT"]) < 1e-3
    assert max(column["all, np.pad reflect + Keras valid"]) < 1e-3
    assert min(column["border pixels, default borders"]) > 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_shows_the_divisor_and_blur_evidence(site, lang):
    page_soup = soup(site, lang, PAGE)
    _, divisors = _table(page_soup, "ratio to /9", lang)
    assert [(r[0], r[3]) for r in divisors] == [("/1", "9"), ("/9", "1"), ("/500", "0.018")]
    _, blurs = _table(page_soup, "edge width 10-90 % (px)", lang)
    widths = {r[0]: r[4] for r in blurs}
    assert widths[t("box 3x3", lang)] == widths[t("box 3x3 /500", lang)] == "2.4"
    assert widths[t("box 15x15", lang)] == "12"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_sections_and_math(site, lang):
    page_soup = soup(site, lang, PAGE)
    ids = {h.get("id") for h in page_soup.select("article h2, article h3")}
    assert {"kernels", "agreement", "borders", "cross-correlation", "divisor", "blur-size",
            "negative-responses", "sobel-edges", "gradient", "laplacian-sign", "sources"} <= ids
    math = " ".join(m.get_text() for m in page_soup.select(".arithmatex"))
    assert r"\tfrac{1}{500}" in math and "-4" in math
