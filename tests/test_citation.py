"""Every page can be cited: APA and BibTeX with its own stable address, version and date."""

import re

import bibtexparser
import pytest
import yaml

from conftest import LANGUAGES, ROOT, SITE_URL, default_site_url, open_page, page_paths, soup

SITE_URL = SITE_URL.rstrip("/")


def _citations(site, lang, page):
    box = soup(site, lang, page).select_one("details.cite-page")
    assert box is not None, f"{lang}/{page} has no citation"
    apa, bibtex = [code.get_text() for code in box.select("code")]
    return box, apa, bibtex


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_cites_its_own_address(site, lang):
    for page in page_paths(site, lang):
        box, apa, bibtex = _citations(site, lang, page)
        url = f"{SITE_URL}/{LANGUAGES[lang]}{page}"
        assert box["data-cite-url"] == url and apa.endswith(url)
        library = bibtexparser.parse_string(bibtex)
        assert library.failed_blocks == [] and len(library.entries) == 1
        fields = library.entries[0].fields_dict
        assert fields["url"].value == url and fields["language"].value == lang
        assert re.fullmatch(r"\{.+\}", fields["title"].value) and fields["title"].value.strip("{}") in apa
        assert re.fullmatch(r"\d{4}", fields["year"].value)


def test_citation_keys_are_unique(site):
    keys = [bibtexparser.parse_string(_citations(site, lang, page)[2]).entries[0].key
            for lang in LANGUAGES for page in page_paths(site, lang)]
    assert len(keys) == len(set(keys))


@pytest.mark.browser
def test_citation_follows_the_section_in_the_address(browser, server):
    page, _, _ = open_page(browser, server + "en/index.html#offline")
    codes = page.locator("details.cite-page code")
    assert codes.nth(1).text_content().count(f"{SITE_URL}/en/index.html#offline") == 1
    page.evaluate("location.hash = 'audience'")
    page.wait_for_function("document.querySelector('details.cite-page code').textContent.endsWith('#audience')")
    page.context.close()


def test_citation_cff_is_valid():
    import json

    import jsonschema

    schema = json.loads((ROOT / "tests" / "data" / "citation-cff-1.2.0.schema.json").read_text("utf-8"))
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))
    jsonschema.Draft7Validator(schema).validate(cff)
    assert cff["url"].rstrip("/") == default_site_url().rstrip("/")
