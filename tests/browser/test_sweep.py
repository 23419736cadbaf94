"""Every page of both languages in a real browser: loads cleanly, fetches nothing from
other hosts, and has no serious or critical accessibility violation (axe-core)."""

from pathlib import Path

import pytest

from conftest import LANGUAGES, ROOT, open_page

pytestmark = pytest.mark.browser


def source_pages():
    """The built page of every Markdown page and lab, from docs/fa (docs/en mirrors it)."""
    fa = ROOT / "docs" / "fa"
    return sorted(str(p.relative_to(fa).with_suffix(".html").as_posix())
                  for p in fa.rglob("*") if p.suffix == ".md" or (p.suffix == ".py" and p.parent.name == "labs"))


PAGES = [(lang, page) for lang in LANGUAGES for page in source_pages()]


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


@pytest.mark.parametrize("lang, name", PAGES)
def test_images_have_alt_text_in_the_page_language(site, lang, name):
    from conftest import soup

    for img in soup(site, lang, name).select("article img"):
        alt = img.get("alt", "").strip()
        assert alt, f"{lang}/{name}: {img.get('src')} has no alt text"
        has_persian = any("\u0600" <= ch <= "\u06ff" for ch in alt)
        assert has_persian == (lang == "fa"), f"{lang}/{name}: alt text {alt!r} is not in {lang}"
