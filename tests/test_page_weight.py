"""What a first visit fetches: sized WebP figures, a font subset that covers the pages."""

from pathlib import PurePosixPath

from PIL import Image

from conftest import LANGUAGES, page_paths, soup


def all_pages(site):
    return [(lang, page) for lang in LANGUAGES for page in page_paths(site, lang)]


def _local(site, lang, page, url):
    return site / PurePosixPath(LANGUAGES[lang] + page).parent / url


def test_figures_are_webp_with_their_true_width_and_height(site):
    seen = 0
    for lang, page in all_pages(site):
        for img in soup(site, lang, page).select("article img"):
            path = _local(site, lang, page, img["src"])
            with Image.open(path) as image:
                assert image.format == "WEBP", (lang, page, img["src"])
                assert (int(img["width"]), int(img["height"])) == image.size, (lang, page, img["src"])
            seen += 1
    assert seen >= 10  # computed figures and lab plots
    assert not list((site / "assets" / "figures").glob("*.png"))
