"""Every page can be cited: APA 7 and BibTeX with its own address, the authors, version and
licences of CITATION.cff, the page's last change in the page's calendar, and the day the
reader retrieved it, filled in by the browser when the box is opened."""

import datetime
import json
import re
import sys
import zipfile
from types import SimpleNamespace

import bibtexparser
import jsonschema
import pytest
import yaml

from conftest import LANGUAGES, ROOT, SITE_URL, default_site_url, page_paths, soup

from cnn_site.pages import citation
from cnn_site.strings import STRINGS
from cnn_site.pages.last_updated import solar_hijri

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


# --- the built site -----------------------------------------------------------------------

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


# --- in the browser: the retrieval date, the section anchor -------------------------------

def _open_box(browser, url, instant, timezone="UTC"):
    context = browser.new_context(timezone_id=timezone)
    page = context.new_page()
    page.clock.set_fixed_time(instant)
    page.goto(url, wait_until="networkidle")
    page.locator("details.cite-page summary").click()
    page.wait_for_function("[...document.querySelectorAll('details.cite-page code')]"
                           ".every(code => !code.textContent.includes(code.dataset.citePlaceholder))")
    codes = page.locator("details.cite-page code")
    return page, codes.nth(0).text_content(), codes.nth(1).text_content()


@pytest.mark.browser
@pytest.mark.parametrize("lang, retrieved", [("fa", "بازیابی‌شده در ۹ آذر ۱۴۰۵ از"),
                                             ("en", "Retrieved November 30, 2026, from")])
def test_opening_the_box_fills_in_todays_date_in_the_pages_calendar(browser, server, lang, retrieved):
    # 21:00 UTC on 29 November is already 30 November (00:30) in Tehran: the reader's own day.
    page, apa, bibtex = _open_box(browser, f"{server}{LANGUAGES[lang]}pooling.html",
                                  datetime.datetime(2026, 11, 29, 21, 0, tzinfo=datetime.timezone.utc), "Asia/Tehran")
    assert retrieved in apa and APA[lang].fullmatch(apa)
    fields = bibtexparser.parse_string(bibtex).entries[0].fields_dict
    assert fields["urldate"].value == "2026-11-30"
    page.context.close()


@pytest.mark.browser
def test_box_keeps_the_placeholder_until_opened(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "en/pooling.html", wait_until="networkidle")
    assert STRINGS["en"]["cite"]["today"] in page.locator("details.cite-page code").first.text_content()
    context.close()


@pytest.mark.browser
def test_browser_and_build_agree_on_the_solar_hijri_calendar(browser, server):
    """ICU's Persian calendar in Chromium against persiantools, day by day across two Nowruz."""
    page, _, _ = _open_box(browser, server + "pooling.html", datetime.datetime(2026, 3, 21, 12, 0))
    start = datetime.date(2025, 3, 1)
    days = [start + datetime.timedelta(days=n) for n in range(420)]
    in_browser = page.evaluate("""days => days.map(d => new Intl.DateTimeFormat(
        document.querySelector('details.cite-page').dataset.citeLocale,
        {year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC'}).format(new Date(d)))""",
                               [d.isoformat() for d in days])
    assert in_browser == [solar_hijri(d) for d in days]
    assert in_browser[days.index(datetime.date(2026, 3, 21))] == "۱ فروردین ۱۴۰۵"
    page.context.close()


@pytest.mark.browser
def test_offline_zip_fills_in_the_retrieval_date_from_disk(browser, site, tmp_path):
    with zipfile.ZipFile(site / "download" / "cnn-step-by-step-offline.zip") as archive:
        archive.extractall(tmp_path)
    root = tmp_path / "cnn-step-by-step"
    assert (root / "CITATION.cff").exists()
    for path, retrieved in (("index.html", "بازیابی‌شده در ۱ فروردین ۱۴۰۵ از"),
                            ("en/index.html", "Retrieved March 21, 2026, from")):
        page, apa, bibtex = _open_box(browser, (root / path).as_uri(), datetime.datetime(2026, 3, 21, 12, 0))
        assert retrieved in apa and "urldate = {2026-03-21}" in bibtex
        page.context.close()


@pytest.mark.browser
def test_citation_follows_the_section_in_the_address(browser, server):
    page, apa, bibtex = _open_box(browser, server + "en/index.html#offline", datetime.datetime(2026, 3, 21, 12, 0))
    assert bibtex.count(f"{SITE_URL}en/index.html#offline") == 1
    assert "Retrieved March 21, 2026" in apa
    page.evaluate("location.hash = 'audience'")
    page.wait_for_function("document.querySelector('details.cite-page code').textContent.endsWith('#audience')")
    assert "Retrieved March 21, 2026" in page.locator("details.cite-page code").first.text_content()
    page.context.close()
