"""Find a headless Chromium for the browser tests, installing one when none is there.

Tried in this order, the first that gives a browser wins:
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
