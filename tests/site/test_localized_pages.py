"""Every word a reader sees in computed tables and figures is in the page's language,
on every built page of both languages (tests/unit/test_localized.py: the catalogue, the
table helper and the figure font)."""

import copy

from snippets.i18n import latin_words
from tests.support.pages import is_persian, page_paths, soup


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
             if is_persian(text := _words(part))]
    assert not found, "\n".join(found[:40])


def test_persian_tables_read_right_to_left_with_ltr_numbers(site):
    tables = [t for page in page_paths(site, "fa") for t in soup(site, "fa", page).select("article .computed-table")]
    assert len(tables) >= 50
    for wrapper in tables:
        assert not wrapper.find_parent(class_="ltr") and "ltr" not in wrapper.get("class", [])
        for cell in wrapper.select("td"):
            text = cell.get_text(strip=True)
            if text and not is_persian(text):
                assert cell.find("span", attrs={"dir": "ltr"}), cell


def test_figures_with_words_have_one_file_per_language_and_others_share_one(site):
    def sources(lang, page):
        return [img["src"].rsplit("/", 1)[1] for img in soup(site, lang, page).select("figure.computed-figure img")]

    fa, en = sources("fa", "convolution-types.html"), sources("en", "convolution-types.html")
    assert len(fa) == len(en) == 2 and not set(fa) & set(en)  # activity and direction names, axis labels
    assert sources("fa", "pooling.html") == sources("en", "pooling.html")  # only code names in it
