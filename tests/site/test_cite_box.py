"""The cite box of every built page, in both languages: its own address, the authors and
version of CITATION.cff and the page's last change in the page's calendar; and the
CITATION.cff the site publishes (tests/unit/test_citation.py: the formats, no build)."""

import datetime

import bibtexparser
import jsonschema
import pytest
import yaml

from cnn_site.pages import citation
from cnn_site.pages.last_updated import solar_hijri
from tests.support.pages import page_paths, soup
from tests.support.project import LANGUAGES
from tests.support.session import SITE_URL
from tests.unit.test_citation import APA, CFF, MONTHS_EN, SCHEMA


def _citations(site, lang, page):
    box = soup(site, lang, page).select_one("details.cite-page")
    assert box is not None, f"{lang}/{page} has no citation"
    apa, bibtex = [code.get_text() for code in box.select("code")]
    return box, apa, bibtex


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_cites_its_own_address_date_and_authors(site, lang):
    authors = citation.apa_authors(CFF["authors"], lang)
    for page in page_paths(site, lang):
        box, apa, bibtex = _citations(site, lang, page)
        url = f"{SITE_URL}{LANGUAGES[lang]}{page}"
        changed = datetime.date.fromisoformat(soup(site, lang, page).select_one(".page-updated time")["datetime"])
        match = APA[lang].fullmatch(apa)
        assert match, f"{lang}/{page}: {apa}"
        assert (match["url"], match["version"], box["data-cite-url"]) == (url, str(CFF["version"]), url)
        assert apa.startswith(authors) and match["title"] == soup(site, lang, page).select_one("h1").get_text().strip("¶ ")
        if lang == "en":
            assert (match["year"], match["month"], match["day"]) == (str(changed.year), MONTHS_EN[changed.month - 1], str(changed.day))
        else:
            day_month, year = solar_hijri(changed).rsplit(" ", 1)
            assert (match["year"], f"{match['day']} {match['month']}") == (year, day_month)
        library = bibtexparser.parse_string(bibtex)
        assert library.failed_blocks == [] and len(library.entries) == 1
        fields = library.entries[0].fields_dict
        assert fields["url"].value == url and fields["date"].value == changed.isoformat()
        assert fields["title"].value == "{" + match["title"] + "}"


def test_citation_keys_are_unique(site):
    keys = [bibtexparser.parse_string(_citations(site, lang, page)[2]).entries[0].key
            for lang in LANGUAGES for page in page_paths(site, lang)]
    assert len(keys) == len(set(keys))


def test_site_publishes_its_citation_cff_with_its_address(site):
    published = yaml.safe_load((site / "CITATION.cff").read_text("utf-8"))
    assert published["url"] == SITE_URL  # the address this build was made for
    jsonschema.Draft7Validator(SCHEMA).validate(published)
    for lang, href in (("fa", "CITATION.cff"), ("en", "../CITATION.cff")):
        assert soup(site, lang, "index.html").select_one(f'.cite-licence a[href="{href}"]')
