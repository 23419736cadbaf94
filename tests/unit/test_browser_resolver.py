"""tests/support/browser.py finds a browser, or installs one, or says how to: each branch."""

import functools
import shutil

import pytest

from tests.support.browser import HOW_TO_INSTALL, BrowserNotFound, find_browser


def _executable(folder, name):
    path = folder / name
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return str(path)


@pytest.fixture
def empty_path(tmp_path):
    folder = tmp_path / "bin"
    folder.mkdir()
    return folder


def _find(folder, environ=None, run=None, playwright=None, debian_root=False):
    calls = []

    def fake_run(command, timeout, env=None):
        calls.append(command[:3])
        return run(command) if run else False

    found = find_browser(environ or {}, functools.partial(shutil.which, path=str(folder)), fake_run,
                         playwright or (lambda: None), lambda: debian_root)
    return found, calls


def test_the_environment_variable_comes_first(empty_path):
    _executable(empty_path, "chromium")
    mine = _executable(empty_path, "my-chrome")
    found, calls = _find(empty_path, environ={"CHROMIUM": mine})
    assert found.path == mine and "$CHROMIUM" in found.how and calls == []


def test_a_bad_environment_variable_is_an_error(empty_path):
    with pytest.raises(BrowserNotFound, match="CHROMIUM=/nowhere/chrome"):
        _find(empty_path, environ={"CHROMIUM": "/nowhere/chrome"})


@pytest.mark.parametrize("name", ["chromium", "chromium-browser", "google-chrome"])
def test_a_browser_on_path(empty_path, name):
    path = _executable(empty_path, name)
    found, calls = _find(empty_path)
    assert found.path == path and name in found.how and calls == []


def test_playwright_download_when_nothing_is_on_path(empty_path, tmp_path):
    downloaded = _executable(tmp_path, "chrome")
    found, calls = _find(empty_path, run=lambda command: True, playwright=lambda: downloaded)
    assert found.path == downloaded and "playwright install chromium" in found.how
    assert calls[0][1:] == ["-m", "playwright"]


def test_apt_when_the_download_fails_on_debian_as_root(empty_path):
    def run(command):  # playwright cannot download; apt-get installs the package
        if command[0] == "apt-get" and "install" in command:
            _executable(empty_path, "chromium")
            return True
        return command[0] == "apt-get"

    found, calls = _find(empty_path, run=run, debian_root=True)
    assert found.path == str(empty_path / "chromium") and "apt-get install chromium" in found.how
    assert [c[0] for c in calls][-2:] == ["apt-get", "apt-get"]


def test_no_apt_when_not_root_and_one_line_that_says_how(empty_path):
    with pytest.raises(BrowserNotFound) as error:
        _find(empty_path, debian_root=False)
    assert str(error.value) == HOW_TO_INSTALL and "\n" not in HOW_TO_INSTALL
    assert "apt-get install chromium" in HOW_TO_INSTALL and "playwright install chromium" in HOW_TO_INSTALL


def test_a_failed_apt_install_is_an_error(empty_path):
    with pytest.raises(BrowserNotFound):
        _find(empty_path, run=lambda command: command[1] == "update", debian_root=True)

