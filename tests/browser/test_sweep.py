"""Every page of both languages in a real browser: loads cleanly, fetches nothing from
other hosts, and has no serious or critical accessibility violation (axe-core)."""

import pytest

from tests.support.browser import open_page
from tests.support.pages import built_pages
from tests.support.project import LANGUAGES

PAGES = [(lang, page) for lang in LANGUAGES for page in built_pages()]


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def _violations(axe, page):
    results = axe.run(page, options={"resultTypes": ["violations"]}).response["violations"]
    return [f"{v['impact']}: {v['id']} ({v['help']}) at {[n['target'] for n in v['nodes']][:3]}"
            for v in results if v["impact"] in {"serious", "critical"}]


@pytest.mark.parametrize("lang, name", PAGES)
def test_page_is_clean_local_and_accessible(browser, server, axe, lang, name):
    url = server + LANGUAGES[lang] + name
    page, errors, hosts = open_page(browser, url)
    assert errors == []
    assert hosts == {"127.0.0.1"}
    assert page.evaluate("document.documentElement.lang") == lang
    page.context.close()
    # Contrast must hold in both palettes; Material picks one from the reader's setting
    # on a first visit, so each palette gets a fresh browser context.
    for scheme, palette in (("light", "default"), ("dark", "slate")):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        assert page.evaluate("document.body.dataset.mdColorScheme") == palette
        violations = _violations(axe, page)
        context.close()
        assert violations == [], f"{scheme}:\n" + "\n".join(violations)
