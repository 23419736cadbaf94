"""One strict build of the whole site per test session, and a local server over it."""

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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LANGUAGES = {"fa": "", "en": "en/"}  # language -> folder of its pages in the built site


def build_site(config_dir, site_dir, cache_dir=None):
    """Run `mkdocs build --strict`; return the finished process (output in .stdout).

    Without a cache_dir the build is cold: SITE_CACHE=off, so everything executes.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_CACHE": "on" if cache_dir else "off",
           "SITE_CACHE_DIR": str(cache_dir or Path(site_dir).with_name(Path(site_dir).name + "-cache"))}
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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(site):
    """Base URL of an HTTP server on localhost that serves the built site."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


SMALL_SITE = ("index.md", "labs/max-pooling.py")  # one executed block, one lab: quick to build


def copy_project(dest, pages=SMALL_SITE):
    """Copy what a build reads (config, hooks, snippets, docs) to dest, for a test to change.

    Only `pages` (paths under docs/<lang>/, in both languages) are kept, and the nav is
    left out so that MkDocs lists just those; pages=None copies the whole site.
    """
    for name in ("hooks", "snippets", "docs", "overrides"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
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


CHROMIUM = "/usr/bin/chromium"  # Debian's; Playwright cannot download a browser here
CHROMIUM_ARGS = ["--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
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
