"""The "last updated" line: the page's last commit (mkdocs-git-revision-date-localized-plugin),
Solar Hijri with the Gregorian date in parentheses on Persian pages, Gregorian on English
ones (cnn_site/pages/last_updated.py, without a build). The builds with and without git history:
tests/build/test_last_updated_builds.py."""

import datetime
import pytest

from cnn_site.pages.last_updated import gregorian, long_date, solar_hijri


@pytest.mark.parametrize("day, expected", [
    (datetime.date(2026, 3, 21), "۱ فروردین ۱۴۰۵"),   # Nowruz 1405
    (datetime.date(2026, 3, 20), "۲۹ اسفند ۱۴۰۴"),    # 1404 is a common year: 29 days in Esfand
    (datetime.date(2025, 3, 20), "۳۰ اسفند ۱۴۰۳"),    # 1403 is a leap year: 30 days in Esfand
    (datetime.date(2026, 11, 28), "۷ آذر ۱۴۰۵"),
    (datetime.date(2026, 11, 30), "۹ آذر ۱۴۰۵"),
    (datetime.date(2027, 1, 1), "۱۱ دی ۱۴۰۵"),
])
def test_solar_hijri_on_known_dates(day, expected):
    assert solar_hijri(day) == expected


def test_dates_in_each_language():
    day = datetime.date(2026, 3, 21)
    assert gregorian(day, "en") == long_date(day, "en") == "March 21, 2026"
    assert gregorian(day, "fa") == "۲۱ مارس ۲۰۲۶"
    assert long_date(day, "fa") == "۱ فروردین ۱۴۰۵ (۲۱ مارس ۲۰۲۶)"
    assert solar_hijri(day, with_year=False) == "۱ فروردین"
