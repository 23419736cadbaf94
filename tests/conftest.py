"""One strict build of the whole site per test session, and a local server over it.

The site is built for the address it is served at (SITE_URL = this server), as on the
hosted site, so absolute links (hreflang, canonical, cite box) stay on this machine.
"""

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from support.browser import BrowserNotFound, find_browser

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LANGUAGES = {"fa": "", "en": "en/"}  # language -> folder of its pages in the built site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _SiteServer(http.server.ThreadingHTTPServer):
    """Bound when the tests start, so that the site can be built for its address."""

    def finish_request(self, request, client_address):
        _QuietHandler(request, client_address, self, directory=str(self.directory))

    directory = ROOT / "site"  # until the build fixture names its folder


def default_site_url():
    """The address mkdocs.yml falls back to when $SITE_URL is not set."""
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    return re.search(r"^site_url: !ENV \[SITE_URL, '([^']+)'\]$", config, re.M).group(1)


SERVER = _SiteServer(("127.0.0.1", 0), _QuietHandler, bind_and_activate=True)
SITE_URL = f"http://127.0.0.1:{SERVER.server_address[1]}/"


def build_site(config_dir, site_dir, cache_dir=None, site_url=SITE_URL, extra_env=()):
    """Run `mkdocs build --strict`; return the finished process (output in .stdout).

    Without a cache_dir the build is cold: SITE_CACHE=off, so everything executes.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_CACHE": "on" if cache_dir else "off",
           "SITE_CACHE_DIR": str(cache_dir or Path(site_dir).with_name(Path(site_dir).name + "-cache")),
           "SITE_URL": site_url, **dict(extra_env)}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        cwd=config_dir, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The built site, both languages."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site_dir)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout[-6000:]}"
    return site_dir


def pytest_collection_modifyitems(items):
    """Mark tests by what they need: `site` (the full build), `browser` (Chromium)."""
    for item in items:
        needs = set(getattr(item, "fixturenames", ()))
        if needs & {"site", "server"}:
            item.add_marker("site")
        if "browser" in needs:
            item.add_marker("browser")


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


def page_paths(site, lang):
    """Paths (relative to the language's folder) of the content pages of one language."""
    base = site / LANGUAGES[lang]
    skip = {"404.html"}
    return sorted(
        p.relative_to(base).as_posix() for p in base.rglob("*.html")
        if p.name not in skip and not p.relative_to(site).as_posix().startswith(("assets/", "search/"))
        and (lang != "fa" or not p.relative_to(site).as_posix().startswith("en/"))
    )


@functools.cache
def _soup(path):
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def soup(site, lang, page):
    return _soup(site / LANGUAGES[lang] / page)


@pytest.fixture(scope="session")
def server(site):
    """Base URL (SITE_URL) of an HTTP server on localhost that serves the built site."""
    SERVER.directory = site
    threading.Thread(target=SERVER.serve_forever, daemon=True).start()
    yield SITE_URL
    SERVER.shutdown()


SMALL_SITE = ("index.md", "labs/max-pooling.py")  # one executed block, one lab: quick to build


def copy_project(dest, pages=SMALL_SITE):
    """Copy what a build reads (config, build package, snippets, docs) to dest, for a test to change.

    Only `pages` (paths under docs/<lang>/, in both languages) are kept, and the nav is
    left out so that MkDocs lists just those; pages=None copies the whole site.
    """
    for name in ("cnn_site", "snippets", "docs", "overrides"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(ROOT / "terminology.yml", dest / "terminology.yml")  # search learns its terms
    shutil.copyfile(ROOT / "CITATION.cff", dest / "CITATION.cff")
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    if pages is not None:
        for lang in LANGUAGES:
            for path in (dest / "docs" / lang).rglob("*"):
                if path.is_file() and path.relative_to(dest / "docs" / lang).as_posix() not in pages:
                    path.unlink()
        config = re.sub(r"^nav:\n(?:[ -].*\n)*", "", config, flags=re.M)
    (dest / "mkdocs.yml").write_text(config, "utf-8")
    return dest


@pytest.fixture
def docs_copy(tmp_path):
    return copy_project(tmp_path)


def append(path, text):
    path.write_text(path.read_text("utf-8") + text, "utf-8")


CHROMIUM_ARGS = ["--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ["CHROMIUM"], args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def open_page(browser, url):
    """Open a URL in a fresh context; return the page, its errors and every host it asked."""
    page = browser.new_context().new_page()
    errors, hosts = [], set()
    # A failed load shows up twice: as a failed request or response (with its URL, kept)
    # and as a console line "Failed to load resource" (without it, dropped).
    page.on("console", lambda m: errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: errors.append(f"failed: {r.url} {r.failure}"))
    page.on("response", lambda r: errors.append(f"{r.status}: {r.url}") if r.status >= 400 else None)
    page.on("request", lambda r: hosts.add(urlparse(r.url).hostname or r.url.split(":", 1)[0]))
    page.goto(url, wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    return page, errors, hosts
