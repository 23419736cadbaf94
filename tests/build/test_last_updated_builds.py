"""The "last updated" line on a small site built with git history (each page's last commit,
the labs by their jupytext sources), without it (the build date), and from a shallow clone."""

import datetime
import os
import subprocess

import bibtexparser
import pytest

from tests.support.pages import page_paths, soup
from tests.support.project import LANGUAGES, build_site, copy_project

PAGES_DAY, LABS_DAY = datetime.date(2026, 3, 21), datetime.date(2026, 11, 28)


def _git(cwd, *args, day=None):
    env = {**os.environ}
    if day:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{day.isoformat()}T10:00:00+00:00"
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
                   cwd=cwd, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    """A small copy of the project in git: pages committed on PAGES_DAY, labs on LABS_DAY."""
    repo = copy_project(tmp_path_factory.mktemp("history"))
    _git(repo, "init", "-q")
    _git(repo, "add", "--", ".", ":!docs/*/labs/*")
    _git(repo, "commit", "-q", "-m", "pages", day=PAGES_DAY)
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "labs", day=LABS_DAY)
    return repo


def _build(config_dir, site_dir, monkeypatch):
    monkeypatch.setenv("SITE_EXECUTE", "off")  # the dates need no executed code
    result = build_site(config_dir, site_dir, cache_dir=site_dir.with_name("cache"))
    assert result.returncode == 0, result.stdout[-4000:]
    site_dir.joinpath("build.log").write_text(result.stdout, "utf-8")
    return site_dir


def _updated(site, lang, page):
    line = soup(site, lang, page).select_one(".md-source-file .page-updated")
    return datetime.date.fromisoformat(line.select_one("time")["datetime"]), line.get_text()


def test_dates_come_from_each_pages_last_commit(history, tmp_path, monkeypatch):
    site = _build(history, tmp_path / "site", monkeypatch)
    assert _updated(site, "fa", "index.html") == (PAGES_DAY, "آخرین به‌روزرسانی: ۱ فروردین ۱۴۰۵ (۲۱ مارس ۲۰۲۶)")
    assert _updated(site, "en", "index.html") == (PAGES_DAY, "Last updated: March 21, 2026")
    # The labs' pages are built from executed copies outside git: their jupytext source's date.
    assert _updated(site, "fa", "labs/max-pooling.html") == (LABS_DAY, "آخرین به‌روزرسانی: ۷ آذر ۱۴۰۵ (۲۸ نوامبر ۲۰۲۶)")
    assert _updated(site, "en", "labs/max-pooling.html") == (LABS_DAY, "Last updated: November 28, 2026")
    for lang in LANGUAGES:  # the citation cites the same day
        for page in page_paths(site, lang):
            bibtex = soup(site, lang, page).select("details.cite-page code")[1].get_text()
            cited = bibtexparser.parse_string(bibtex).entries[0].fields_dict["date"].value
            assert cited == _updated(site, lang, page)[0].isoformat()


def test_a_shallow_clone_builds(history, tmp_path, monkeypatch):
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", "--depth", "1", history.as_uri(), str(clone))
    monkeypatch.setenv("GITHUB_ACTIONS", "true")  # where the plugin warns about shallow clones
    site = _build(clone, tmp_path / "site", monkeypatch)
    # One commit is all the clone knows: every page carries its date.
    assert {_updated(site, lang, page)[0] for lang in LANGUAGES for page in page_paths(site, lang)} == {LABS_DAY}
    assert "fetch-depth: 0" in (site / "build.log").read_text("utf-8")  # said, at info level


def test_without_git_history_pages_carry_the_build_date(docs_copy, tmp_path, monkeypatch):
    before = datetime.datetime.now(datetime.timezone.utc).date()
    site = _build(docs_copy, tmp_path / "site", monkeypatch)
    after = datetime.datetime.now(datetime.timezone.utc).date()
    for lang in LANGUAGES:
        for page in page_paths(site, lang):
            assert before <= _updated(site, lang, page)[0] <= after
