"""The built convolution-types, kernel-size and pooling pages, in both languages."""

import re

import pytest

from snippets.i18n import t
from tests.support.pages import soup
from tests.support.project import LANGUAGES

PAGES = ("convolution-types.html", "kernel-size.html", "pooling.html")
PERSIAN = re.compile(r"[\u0600-\u06ff]")
FIGURES = {"convolution-types.html": ["accelerometer-windows", "moving-square-clips"],
           "kernel-size.html": ["impulse-responses"], "pooling.html": ["camera-pooled"]}


def tables(page_soup):
    """Each table as a list of rows of cell texts, header first."""
    return [[[c.get_text(strip=True) for c in tr.find_all(["th", "td"])] for tr in t.find_all("tr")]
            for t in page_soup.select("article table")]


def table_with(page_soup, header, lang):
    """The first table with a column named header (in the page's language)."""
    return next(rows for rows in tables(page_soup) if t(header, lang) in rows[0])


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_figures_are_files_with_alt_text_in_the_page_language(site, lang, page):
    images = soup(site, lang, page).select("article figure.computed-figure img")
    names = [re.sub(r"-[0-9a-f]{12}\.(?:png|webp)$", "", img["src"].rsplit("/", 1)[-1]) for img in images]
    assert names == FIGURES[page]
    for img in images:
        assert (site / "assets" / "figures" / img["src"].rsplit("/", 1)[-1]).is_file()
        assert bool(PERSIAN.search(img["alt"])) == (lang == "fa") and len(img["alt"]) > 30
    en_sources = [i["src"].rsplit("/", 1)[-1] for i in soup(site, "en", page).select("article figure img")]
    shared = [a == b for a, b in zip((i["src"].rsplit("/", 1)[-1] for i in images), en_sources)]
    assert shared == [lang == "en" or page == "pooling.html"] * len(en_sources)  # words in it: one file per language


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_exercises_have_closed_answers(site, lang, page):
    questions = soup(site, lang, page).select("article details.question")
    assert len(questions) >= 4
    for question in questions:
        assert not question.has_attr("open")
        answer = question.select_one("details.success")
        assert answer is not None and not answer.has_attr("open") and answer.get_text(strip=True)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_sources_section_links_out(site, lang, page):
    heading = soup(site, lang, page).select_one("article h2#sources")
    assert heading is not None
    links = heading.find_next("ul").select("a[href^='https://']")
    assert len(links) >= 3


@pytest.mark.parametrize("lang", LANGUAGES)
def test_convolution_page_numbers(site, lang):
    page = soup(site, lang, "convolution-types.html")
    shapes = table_with(page, "params (Keras)", lang)
    assert [row[-2] == row[-1] for row in shapes[1:]] == [True, True, True]
    assert "36,928" in page.get_text() and "1,312" in page.get_text()
    accuracy = table_with(page, "test accuracy", lang)
    assert float(accuracy[1][1].rstrip("%")) >= 90  # the Conv1D activity classifier
    directions = {row[0]: float(row[2].rstrip("%")) for row in table_with(page, "model", lang)[1:]}
    assert directions[t("Conv3D (whole clip)", lang)] >= 90 and directions[t("Conv2D (first frame)", lang)] <= 40
    assert directions[t("Conv2D (frames as channels)", lang)] >= 90


@pytest.mark.parametrize("lang", LANGUAGES)
def test_kernel_size_page_numbers(site, lang):
    page = soup(site, lang, "kernel-size.html")
    shifts = {row[0]: row[2:] for row in table_with(page, "shift, 1 layer", lang)[1:]}
    assert shifts["3x3"] == ["0", "0", "0"] and shifts["2x2"] == ["-0.5", "-1", "-2"]
    stacks = table_with(page, "ReLUs", lang)
    assert [row[3] for row in stacks[1:]] == ["102,464", "73,856", "200,768", "110,784"]
    assert all(row[1] == row[2] for row in stacks[1:])  # receptive field: formula = measurement


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pooling_page_numbers(site, lang):
    page = soup(site, lang, "pooling.html")
    variants = [row for rows in tables(page) if t("NumPy agrees", lang) in rows[0] for row in rows[1:]]
    assert len(variants) == 12 and all(row[-1] == t("True", lang) for row in variants)
    assert "[[122.5, 185.5], [134.5, 252]]" in [row[4] for row in variants]
    heads = table_with(page, "GAP + Dense", lang)
    assert heads[1][2:4] == ["25,089,000", "513,000"]
    assert {row[1] for row in table_with(page, "trainable parameters", lang)[1:]} == {"0"}


@pytest.mark.parametrize("page", PAGES)
def test_tables_read_right_to_left_and_math_left_to_right_on_persian_pages(site, page):
    page_soup = soup(site, "fa", page)
    assert all(not table.find_parent("div", class_="ltr") for table in page_soup.select("article .computed-table table"))
    assert page_soup.select("article .arithmatex")
