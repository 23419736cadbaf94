"""Find a headless Chromium for the browser tests (installing one when none is there), launch
it, open a page, and type into a page's search box. Used by tests/browser and benchmarks/.

Finding a browser: tried in this order, the first that gives a browser wins:
1. the path in $CHROMIUM;
2. `chromium`, `chromium-browser` or `google-chrome` on PATH;
3. Playwright's own download (`python -m playwright install chromium`);
4. Debian's or Ubuntu's package (`apt-get install chromium`), when running as root.
Nothing found is an error with one line that says how to install a browser: a run
without a browser is a failed run, never a run that skips the browser tests.
"""

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

NAMES = ("chromium", "chromium-browser", "google-chrome")
APT_PACKAGES = ("chromium", "fonts-dejavu-core")  # the browser, and a font for Latin text
HOW_TO_INSTALL = ("no headless Chromium found: install one (Debian/Ubuntu: `sudo apt-get install chromium`; "
                  "elsewhere: `.venv/bin/python -m playwright install chromium`) or set CHROMIUM=/path/to/chrome")


class BrowserNotFound(RuntimeError):
    pass


@dataclass
class Found:
    path: str
    how: str  # one line for the start of the test run


def _run(command, timeout, env=None):
    """Run a command quietly; True when it succeeded."""
    try:
        return subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env=env, timeout=timeout, check=False).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _playwright_chromium():
    """The browser Playwright downloaded, if it has one."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        path = p.chromium.executable_path
    return path if path and Path(path).exists() else None


def _is_debian_root():
    return hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get") is not None


def find_browser(environ=os.environ, which=shutil.which, run=_run,
                 playwright_path=_playwright_chromium, debian_root=_is_debian_root):
    """Return a Found browser, installing one if needed; raise BrowserNotFound otherwise."""
    if environ.get("CHROMIUM"):
        path = environ["CHROMIUM"]
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            raise BrowserNotFound(f"CHROMIUM={path} is not an executable file")
        return Found(path, f"browser: {path} (from $CHROMIUM)")
    for name in NAMES:
        if path := which(name):
            return Found(path, f"browser: {path} (`{name}` on PATH)")
    if run([sys.executable, "-m", "playwright", "install", "chromium"], timeout=600) and (path := playwright_path()):
        return Found(path, f"browser: {path} (installed by `playwright install chromium`)")
    if debian_root():
        env = {**environ, "DEBIAN_FRONTEND": "noninteractive"}
        if run(["apt-get", "update", "-qq"], timeout=600, env=env) and run(
                ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *APT_PACKAGES], timeout=900, env=env):
            for name in NAMES:
                if path := which(name):
                    return Found(path, f"browser: {path} (installed with `apt-get install chromium`)")
    raise BrowserNotFound(HOW_TO_INSTALL)


# --- driving it ----------------------------------------------------------------------------

CHROMIUM_ARGS = ["--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def launch_chromium(playwright, path=None):
    """Headless Chromium through a started Playwright: the browser at path, or the one found."""
    return playwright.chromium.launch(executable_path=path or find_browser().path, args=CHROMIUM_ARGS)


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


def page_opener(browser, ready=None):
    """A fixture's body: yields open(url) -> page (open_page, then `ready` awaited where the
    function says so); afterwards closes every page and returns their (errors, hosts)."""
    opened = []

    def opener(url):
        page, errors, hosts = open_page(browser, url)
        if ready and ready(url):
            page.wait_for_function(ready(url))
        opened.append((page, errors, hosts))
        return page

    return opener, opened


def close_pages(opened):
    """Close the pages of a page_opener; return every error and host they had."""
    for page, _, _ in opened:
        page.context.close()
    return [e for _, errors, _ in opened for e in errors], set().union(*(h for _, _, h in opened))


SEARCH_FIRST = 3  # search() waits for at least this many results (or all, if fewer)


def search(page, query, every=False):
    """Type `query` into Material's search box; return the result pages' URLs, best first.

    Material lists ten results and adds more as the list scrolls: every=True scrolls until
    all are listed.
    """
    meta = ".md-search-result__meta"
    page.wait_for_selector(meta, state="attached")
    # Remember the placeholder, to tell when results have replaced it.
    page.eval_on_selector(meta, "m => m.dataset.placeholder = m.textContent.trim()")
    field = page.locator(".md-search__input")
    field.first.click()
    field.fill(query)
    field.press("End")  # Material searches on key-up: end with a real key press
    # Wait for the answer: the count replaces the placeholder, then the first items appear.
    page.wait_for_function(
        """top => { const m = document.querySelector('.md-search-result__meta');
                    if (!m || m.textContent.trim() === m.dataset.placeholder) return false;
                    const found = parseInt(m.textContent.replace(/[^0-9]/g, '') || '0', 10);
                    return document.querySelectorAll('.md-search-result__item').length >= Math.min(found, top); }""",
        arg=SEARCH_FIRST, timeout=10000)
    # The click's focus sent an empty query first; its answer may arrive after the field
    # was filled (and show "no results"). Answers come in order: wait until they settle.
    seen = []
    while (len(seen) < 3 or len(set(seen[-3:])) > 1) and len(seen) < 40:
        page.wait_for_timeout(250)
        seen.append(page.evaluate("() => document.querySelector('.md-search-result__meta').textContent + '|' + "
                                  "[...document.querySelectorAll('.md-search-result__item > a:first-child')]"
                                  ".map(a => a.href).join(' ')"))
    links = ".md-search-result__list > .md-search-result__item > a:first-child"
    count = 0
    while every and page.locator(links).count() > count:
        count = page.locator(links).count()
        page.locator(".md-search__scrollwrap").evaluate("e => e.scrollTop = e.scrollHeight")
        page.wait_for_timeout(300)
    return page.eval_on_selector_all(links, "links => links.map(a => a.href)")
