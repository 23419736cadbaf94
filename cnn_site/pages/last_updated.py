"""A visible "last updated" line on every page, in the page's calendar.

The date is the day of the page's last commit, as mkdocs-git-revision-date-localized-plugin
reads it (configured in mkdocs.yml to fall back to the build date where there is no git
history: a copied tree, an unpacked archive, a page not committed yet). Material prints
`page.meta.git_revision_date_localized` under the page; `set_updated_line` writes it in the page's
calendar: Persian pages in the Solar Hijri calendar with Persian digits and month names
and the Gregorian date in parentheses (persiantools for the calendar, Babel for the
Gregorian month names), English pages in the Gregorian calendar. citation.py cites
the same date (`changed_on`).
"""

import datetime
import logging

from babel.dates import format_date
from mkdocs_git_revision_date_localized_plugin.dates import get_date_formats
from persiantools import digits
from persiantools.jdatetime import JalaliDate

from cnn_site.strings import text

PLUGIN = "git-revision-date-localized"


def _inform(record):
    """The plugin warns about shallow clones on CI (GitHub Actions' default depth of 1),
    which would fail a strict build; pages then carry their one commit's date. Say so,
    but at info level: a build from a shallow clone must still succeed."""
    record.levelno, record.levelname = logging.INFO, "INFO"
    return True


logging.getLogger("mkdocs.plugins.mkdocs_git_revision_date_localized_plugin.ci").addFilter(_inform)


def solar_hijri(day, with_year=True):
    """'۱ فروردین ۱۴۰۵' for 21 March 2026."""
    jalali = JalaliDate(day)
    text = f"{jalali.day} {jalali.strftime('%B', locale='fa')}" + (f" {jalali.year}" if with_year else "")
    return digits.en_to_fa(text)


def gregorian(day, lang):
    """'November 28, 2026' in English, '۲۸ نوامبر ۲۰۲۶' in Persian."""
    if lang == "fa":
        return digits.en_to_fa(format_date(day, "d MMMM y", locale="fa"))
    return format_date(day, "MMMM d, y", locale="en")


def long_date(day, lang):
    """A date as a reader of the page's language writes it."""
    if lang == "fa":
        return f"{solar_hijri(day)} ({gregorian(day, 'fa')})"
    return gregorian(day, "en")


def changed_on(page, config):
    """The day the page last changed, as the git-revision-date-localized plugin reads it."""
    plugin = config.plugins[PLUGIN]
    from cnn_site.labs.files import is_lab

    if is_lab(page.file):
        lab_source = page.file.source_path  # the plugin would see the executed copy (excluded in mkdocs.yml): ask about the source
        _, stamp = plugin.util.get_git_commit_timestamp(lab_source)
        iso = get_date_formats(stamp, time_zone=plugin.config["timezone"])["iso_date"]
    else:
        iso = page.meta["git_revision_date_localized_raw_iso_date"]
    return datetime.date.fromisoformat(iso)


def set_updated_line(page, config, lang):
    """Put the "last updated" line, in the page's calendar, where Material prints the date."""
    day = changed_on(page, config)
    page.meta["git_revision_date_localized"] = (
        f'<span class="page-updated">{text(lang, "last_updated")}: '
        f'<time datetime="{day.isoformat()}">{long_date(day, lang)}</time></span>')
