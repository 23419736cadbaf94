"""Every word a reader sees in computed tables and figures is in the page's language:
the catalogue, the table helper and the figure font (tests/site/test_localized_pages.py
walks every built page of both languages)."""

import re

import pytest

from snippets import i18n
from snippets.i18n import Phrase, kept_words, latin_words
from snippets.render import table


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
