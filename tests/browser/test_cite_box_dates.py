"""The cite box in Chromium: opening it fills in the reader's today in the page's calendar
(also from the offline zip, from file://), and it follows the section in the address."""

import datetime
import zipfile

import bibtexparser
import pytest

from cnn_site.pages.last_updated import solar_hijri
from cnn_site.strings import STRINGS
from tests.support.project import LANGUAGES
from tests.support.session import SITE_URL
from tests.unit.test_citation import APA


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


def test_box_keeps_the_placeholder_until_opened(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "en/pooling.html", wait_until="networkidle")
    assert STRINGS["en"]["cite"]["today"] in page.locator("details.cite-page code").first.text_content()
    context.close()


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


def test_citation_follows_the_section_in_the_address(browser, server):
    page, apa, bibtex = _open_box(browser, server + "en/index.html#offline", datetime.datetime(2026, 3, 21, 12, 0))
    assert bibtex.count(f"{SITE_URL}en/index.html#offline") == 1
    assert "Retrieved March 21, 2026" in apa
    page.evaluate("location.hash = 'audience'")
    page.wait_for_function("document.querySelector('details.cite-page code').textContent.endsWith('#audience')")
    assert "Retrieved March 21, 2026" in page.locator("details.cite-page code").first.text_content()
    page.context.close()
