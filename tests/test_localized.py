"""Every word a reader sees in computed tables and figures is in the page's language.

Unit tests (no build) check the catalogue, the table helper and the figure font; the
built-site tests walk every page of both languages.
"""

import copy
import re

import pytest

from conftest import page_paths, soup
from snippets import i18n
from snippets.i18n import Phrase, kept_words, latin_words
from snippets.render import table

PERSIAN = re.compile("[\u0600-\u06ff]")


@pytest.fixture
def persian_page():
    i18n.set_language("fa")
    yield
    i18n.set_language("en")


def test_headers_and_labels_are_translated_on_persian_pages(persian_page):
    text = table(["layer", "params"], [["standing", 3], ["Conv2D", 11070]])
    assert "| لایه | پارامترها |" in text
    assert "| ایستادن |" in text and '<span dir="ltr">11,070</span>' in text and '<span dir="ltr">Conv2D</span>' in text


def test_persian_tables_run_right_to_left_and_english_ones_as_before(persian_page):
    assert '<div class="computed-table" markdown>' in table(["layer"], [["x"]])
    assert "| --- |" in table(["layer"], [["x"]])  # text columns start at the right
    i18n.set_language("en")
    assert table(["layer", "params"], [["Dense", 11070]]).splitlines()[2:5] == [
        "| layer | params |", "| :--- | ---: |", "| Dense | 11,070 |"]


def test_an_untranslated_header_fails_on_a_persian_page(persian_page):
    with pytest.raises(KeyError, match="no fa label for 'a header nobody translated'"):
        table(["a header nobody translated"], [[1]])


def test_phrases_are_filled_in_after_translation(persian_page):
    phrase = Phrase("{n} comparisons", n=8)
    assert phrase == "8 comparisons"
    assert "| ۸ مقایسه |" not in table(["window"], [[phrase]]) and "| 8 مقایسه |" in table(["window"], [[phrase]])


def test_every_persian_label_is_free_of_latin_words_other_than_code():
    for english, persian in i18n.strings("fa").items():
        assert not latin_words(persian), (english, persian)


def test_persian_figures_use_the_sites_vazirmatn_and_a_shaping_matplotlib():
    from matplotlib import font_manager, ft2font

    from snippets.fonts import text_style

    assert ft2font.__libraqm_version__  # joins Persian letters and orders right-to-left runs
    with text_style("fa"):
        path = font_manager.findfont(font_manager.FontProperties())
    assert path.endswith("Vazirmatn-Regular.ttf")


def _words(cell):
    """Text of a cell or caption without its code (on a copy: the parsed pages are shared)."""
    cell = copy.copy(cell)
    for code in cell.select("code"):
        code.decompose()
    return cell.get_text(" ", strip=True)


def _localized_parts(site, lang):
    for page in page_paths(site, lang):
        article = soup(site, lang, page).select_one("article")
        if article is None:
            continue
        for cell in article.select(".computed-table :is(th, td)"):
            yield page, "table", cell
        for caption in article.select("figure.computed-figure figcaption"):
            yield page, "caption", caption


def test_persian_tables_and_captions_have_no_latin_words_but_code(site):
    found = [f"{page} {kind}: {text!r} {latin_words(text)}" for page, kind, part in _localized_parts(site, "fa")
             if latin_words(text := _words(part))]
    assert not found, "\n".join(found[:40])


def test_english_tables_and_captions_have_no_persian_words(site):
    found = [f"{page} {kind}: {text!r}" for page, kind, part in _localized_parts(site, "en")
             if PERSIAN.search(text := _words(part))]
    assert not found, "\n".join(found[:40])


def test_persian_tables_read_right_to_left_with_ltr_numbers(site):
    tables = [t for page in page_paths(site, "fa") for t in soup(site, "fa", page).select("article .computed-table")]
    assert len(tables) >= 50
    for wrapper in tables:
        assert not wrapper.find_parent(class_="ltr") and "ltr" not in wrapper.get("class", [])
        for cell in wrapper.select("td"):
            text = cell.get_text(strip=True)
            if text and not PERSIAN.search(text):
                assert cell.find("span", attrs={"dir": "ltr"}), cell


def test_figures_with_words_have_one_file_per_language_and_others_share_one(site):
    def sources(lang, page):
        return [img["src"].rsplit("/", 1)[1] for img in soup(site, lang, page).select("figure.computed-figure img")]

    fa, en = sources("fa", "convolution-types.html"), sources("en", "convolution-types.html")
    assert len(fa) == len(en) == 2 and not set(fa) & set(en)  # activity and direction names, axis labels
    assert sources("fa", "pooling.html") == sources("en", "pooling.html")  # only code names in it


def test_the_allow_list_holds_only_code_words():
    assert kept_words() and all(re.fullmatch(r"[A-Za-z][A-Za-z0-9_.\-]*", w) for w in kept_words())


def test_markup_in_a_label_is_not_a_latin_word():
    assert latin_words("<bdi>خانهٔ خروجی</bdi>") == []
    assert latin_words("<code>x</code> output") == ["output"]


def test_page_words_have_the_same_ids_in_both_languages():
    from snippets.i18n import page_words

    def ids(node, path=""):
        return {path} if not isinstance(node, dict) else set().union(*(ids(v, f"{path}/{k}") for k, v in node.items()))

    en, fa = (page_words("what-a-convolution-computes", lang) for lang in ("en", "fa"))
    assert ids(en) == ids(fa) and en["play"] == "Play" and fa["play"] == "پخش"
