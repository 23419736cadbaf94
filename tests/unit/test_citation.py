"""Every page can be cited: APA 7 and BibTeX with its own address, the authors, version and
licences of CITATION.cff, the page's last change in the page's calendar, and the day the
reader retrieved it, filled in by the browser when the box is opened.

Here, without a build: CITATION.cff and cnn_site/pages/citation.py. The cite box of every
built page: tests/site/test_cite_box.py; the retrieval date in Chromium:
tests/browser/test_cite_box_dates.py."""

import datetime
import json
import re
from types import SimpleNamespace

import bibtexparser
import jsonschema
import pytest
import yaml

from cnn_site.pages import citation
from cnn_site.strings import STRINGS
from tests.support.project import LANGUAGES, ROOT, default_site_url

CFF = yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))
SCHEMA = json.loads((ROOT / "tests" / "data" / "citation-cff-1.2.0.schema.json").read_text("utf-8"))
MONTHS_EN = "January February March April May June July August September October November December".split()
MONTHS_FA = "فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند".split()
# The APA 7 pattern for a web page whose content changes: Author. (Year, Month Day). Title
# (Version). Site Name. Retrieved Month Day, Year, from URL; and its Persian form.
APA = {
    "en": re.compile(rf"(?P<authors>.+?)\. \((?P<year>\d{{4}}), (?P<month>{'|'.join(MONTHS_EN)}) (?P<day>[1-9]\d?)\)\. "
                     r"(?P<title>.+) \(Version (?P<version>[^()]+)\)\. (?P<site>.+)\. "
                     r"Retrieved (?P<retrieved>.+), from (?P<url>https?://\S+)"),
    "fa": re.compile(rf"(?P<authors>.+?)\. \((?P<year>[۰-۹]{{4}})، (?P<day>[۱-۹][۰-۹]?) (?P<month>{'|'.join(MONTHS_FA)})\)\. "
                     r"(?P<title>.+) \(نسخهٔ (?P<version>[^()]+)\)\. (?P<site>.+)\. "
                     r"بازیابی‌شده در (?P<retrieved>.+) از (?P<url>https?://\S+)"),
}
PERSON = {"family-names": "Rossum", "given-names": "Guido Maria", "name-particle": "van"}
ENTITY = {"name": "The authors of Convolutional networks, step by step"}


def _facts(lang, authors=(ENTITY,), day=datetime.date(2026, 11, 28)):
    return {"title": "Pooling", "site": "Convolutional networks", "url": "https://example.org/en/pooling.html",
            "authors": list(authors), "version": "1.0.0", "licences": ["MIT"], "day": day, "lang": lang,
            "path": f"{lang}/pooling"}


# --- CITATION.cff: one source, valid ------------------------------------------------------

def test_citation_cff_is_valid_and_has_what_pages_cite():
    jsonschema.Draft7Validator(SCHEMA).validate(CFF)
    assert CFF["authors"] and CFF["version"] and CFF["license"]
    assert CFF["url"] == default_site_url()  # the main deployment's, as the file says


def test_published_citation_cff_names_the_address_it_was_built_for(tmp_path):
    (tmp_path / "site").mkdir()
    config = SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"),
                             site_url="https://mirror.example/cnn/")
    citation.publish_cff(config)
    published = yaml.safe_load((tmp_path / "site" / "CITATION.cff").read_text("utf-8"))
    assert published == {**CFF, "url": "https://mirror.example/cnn/"}
    jsonschema.Draft7Validator(SCHEMA).validate(published)


def test_published_citation_cff_needs_a_url_line(tmp_path):
    (tmp_path / "CITATION.cff").write_text("cff-version: 1.2.0\n", "utf-8")
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path),
                             site_url="https://x.example/")
    with pytest.raises(ValueError, match="url"):
        citation.publish_cff(config)


@pytest.mark.parametrize("inner_build", [True, False])
def test_citation_cff_is_published_once_not_per_language(tmp_path, inner_build):
    from cnn_site.plugin import SitePlugin

    plugin = SitePlugin()
    config = SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path),
                             site_url="https://x.example/", plugins={"i18n": SimpleNamespace(building=inner_build)})
    plugin.ctx.config = config
    plugin._on_post_build_cff(config=config)
    assert (tmp_path / "CITATION.cff").exists() is not inner_build


# --- authors, dates, formats (no build) ---------------------------------------------------

@pytest.mark.parametrize("author, apa, bibtex", [
    (ENTITY, ENTITY["name"], "{" + ENTITY["name"] + "}"),
    (PERSON, "van Rossum, G. M.", "van Rossum, Guido Maria"),
    ({"family-names": "Ng"}, "Ng", "Ng"),
    ({"family-names": "King", "given-names": "Martin Luther", "name-suffix": "Jr."}, "King, M. L., Jr.",
     "King, Jr., Martin Luther"),
])
def test_authors_in_apa_and_bibtex(author, apa, bibtex):
    assert citation.apa_author(author) == apa and citation.bibtex_author(author) == bibtex


@pytest.mark.parametrize("count, lang, expected", [
    (1, "en", "A0, B."),
    (2, "en", "A0, B., & A1, B."),
    (3, "fa", "A0, B.، A1, B.، و A2, B."),
    (21, "en", ", ".join(f"A{i}, B." for i in range(19)) + ", . . . A20, B."),
])
def test_apa_author_lists(count, lang, expected):
    authors = [{"family-names": f"A{i}", "given-names": "Bea"} for i in range(count)]
    assert citation.apa_authors(authors, lang) == expected


@pytest.mark.parametrize("day, lang, expected", [
    (datetime.date(2026, 11, 28), "en", "(2026, November 28)"),
    (datetime.date(2026, 11, 28), "fa", "(۱۴۰۵، ۷ آذر)"),
    (datetime.date(2026, 3, 21), "fa", "(۱۴۰۵، ۱ فروردین)"),
])
def test_apa_dates(day, lang, expected):
    assert citation.apa_date(day, lang) == expected


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("authors", [(ENTITY,), (PERSON, ENTITY)])
def test_apa_follows_the_web_page_pattern(lang, authors):
    text = citation.apa(_facts(lang, authors))
    match = APA[lang].fullmatch(text)
    assert match, text
    assert match["retrieved"] == STRINGS[lang]["cite"]["today"]  # cite.js fills it in
    assert ". ." not in text.replace(". . .", "")  # "G. M." is not followed by a second period


@pytest.mark.parametrize("lang", LANGUAGES)
def test_bibtex_parses_and_carries_dates(lang):
    library = bibtexparser.parse_string(citation.bibtex(_facts(lang, (PERSON, ENTITY))))
    assert library.failed_blocks == [] and len(library.entries) == 1
    fields = {k: v.value for k, v in library.entries[0].fields_dict.items()}  # outer braces removed
    assert fields["author"] == "van Rossum, Guido Maria and {" + ENTITY["name"] + "}"
    assert (fields["year"], fields["month"], fields["date"]) == ("2026", "nov", "2026-11-28")
    assert fields["urldate"] == citation.ISO_TODAY and fields["title"] == "{Pooling}"
    assert fields["langid"] == {"fa": "persian", "en": "english"}[lang]
    assert ("۷ آذر ۱۴۰۵" if lang == "fa" else "November 28, 2026") in fields["note"]
