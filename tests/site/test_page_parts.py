"""What the convolution-types, kernel-size and pooling pages share, in both languages: computed
figures with alt text, folded exercises, a sources section, right-to-left tables on Persian pages."""

import re

import pytest

from tests.support.pages import is_persian, soup
from tests.support.project import LANGUAGES

PAGES = ("convolution-types.html", "kernel-size.html", "pooling.html")
FIGURES = {"convolution-types.html": ["accelerometer-windows", "moving-square-clips"],
           "kernel-size.html": ["impulse-responses"], "pooling.html": ["camera-pooled"]}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_figures_are_files_with_alt_text_in_the_page_language(site, lang, page):
    images = soup(site, lang, page).select("article figure.computed-figure img")
    names = [re.sub(r"-[0-9a-f]{12}\.(?:png|webp)$", "", img["src"].rsplit("/", 1)[-1]) for img in images]
    assert names == FIGURES[page]
    for img in images:
        assert (site / "assets" / "figures" / img["src"].rsplit("/", 1)[-1]).is_file()
        assert is_persian(img["alt"]) == (lang == "fa") and len(img["alt"]) > 30
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


@pytest.mark.parametrize("page", PAGES)
def test_tables_read_right_to_left_and_math_left_to_right_on_persian_pages(site, page):
    page_soup = soup(site, "fa", page)
    assert all(not table.find_parent("div", class_="ltr") for table in page_soup.select("article .computed-table table"))
    assert page_soup.select("article .arithmatex")
