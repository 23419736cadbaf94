"""Fixtures and pytest hooks only; what tests and benchmarks share is in tests/support/.

Tests are grouped by what they need, one folder each: unit/ (no build), build/ (small
copies of the project, built for one behaviour), site/ (the one full build of the
session) and browser/ (headless Chromium over that build). The folder is the test's
marker (`-m unit`, `-m "not browser"`...), and a test that asks for more than its folder
allows is an error at collection.
"""

import os

import pytest

from tests.support.browser import BrowserNotFound, find_browser, launch_chromium
from tests.support.layers import layer_of, misplaced
from tests.support.project import ROOT, build_site, copy_project
from tests.support.session import SERVER, SITE_URL


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The built site, both languages, made for SITE_URL (the session's server).

    It uses the project's execution cache (.cache/, or $SITE_CACHE_DIR), as `make build`
    does: on a fresh clone it computes everything and the unit tests that run after it
    (tests/unit/ comes last) read the same results instead of computing them again. The
    cold build is tests/site/test_determinism.py's, compared with this one.
    """
    from cnn_site.cache import cache_dir

    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site_dir, cache_dir=cache_dir(), site_url=SITE_URL)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout[-6000:]}"
    return site_dir


@pytest.fixture(scope="session")
def server(site):
    """Base URL (SITE_URL) of an HTTP server on localhost that serves the built site."""
    SERVER.directory = site
    SERVER.start()
    yield SITE_URL
    SERVER.shutdown()


@pytest.fixture
def docs_copy(tmp_path):
    """A small copy of the project (home page and one lab) for a test to change and build."""
    return copy_project(tmp_path)


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium driven by Playwright (the one pytest_collection_finish found)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_chromium(p, os.environ["CHROMIUM"])
        yield browser
        browser.close()


def pytest_collection_modifyitems(items):
    """Mark each test by its folder; refuse a test that needs more than its folder allows."""
    wrong = []
    for item in items:
        parts = item.path.relative_to(ROOT / "tests").parts
        if why := misplaced(parts, getattr(item, "fixturenames", ())):
            wrong.append(f"{item.nodeid}: {why}")
        else:
            item.add_marker(layer_of(parts))
    if wrong:
        raise pytest.UsageError("tests in the wrong folder:\n" + "\n".join(wrong))


def pytest_collection_finish(session):
    """Find (or install) a browser before anything runs, when a selected test needs one."""
    if not any(item.get_closest_marker("browser") for item in session.items):
        return
    try:
        found = find_browser()
    except BrowserNotFound as error:
        pytest.exit(f"cannot run the browser tests: {error}", returncode=4)
    os.environ["CHROMIUM"] = found.path
    session.config.get_terminal_writer().line(found.how)
