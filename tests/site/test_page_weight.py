"""What a first visit fetches: sized WebP figures, font subsets that cover the pages (text and
math), no markdown-exec assets that no page uses."""

import json
import re
from pathlib import PurePosixPath

from PIL import Image

from tests.support.pages import page_paths, soup
from tests.support.project import LANGUAGES, ROOT


def all_pages(site):
    return [(lang, page) for lang in LANGUAGES for page in page_paths(site, lang)]


def _local(site, lang, page, url):
    return site / PurePosixPath(LANGUAGES[lang] + page).parent / url


def test_figures_are_webp_with_their_true_width_height_and_srcset(site):
    seen = narrow = 0
    for lang, page in all_pages(site):
        for img in soup(site, lang, page).select("article img"):
            path = _local(site, lang, page, img["src"])
            with Image.open(path) as image:
                assert image.format == "WEBP", (lang, page, img["src"])
                assert (int(img["width"]), int(img["height"])) == image.size, (lang, page, img["src"])
            for candidate in filter(str.strip, img.get("srcset", "").split(",")):
                url, descriptor = candidate.split()
                with Image.open(_local(site, lang, page, url)) as image:
                    assert f"{image.width}w" == descriptor, (lang, page, url)
            seen += 1
            narrow += img.has_attr("srcset")
    assert seen >= 10 and narrow >= 4  # computed figures and lab plots; the wide ones have phone copies
    assert not list((site / "assets" / "figures").glob("*.png"))


def _shown_text(page_soup):
    """What a reader can see drawn in the text font: text and the attributes browsers show."""
    text = page_soup.get_text()
    for attribute in ("alt", "title", "placeholder", "aria-label", "value"):
        text += "".join(e[attribute] for e in page_soup.select(f"[{attribute}]") if isinstance(e[attribute], str))
    return text


def _preloaded_fonts(site, lang, page):
    """The fonts a page preloads (by the one-line script of cnn_site/site/fonts.py)."""
    scripts = [json.loads(m) for s in soup(site, lang, page).select("head script:not([src])")
               for m in re.findall(r'(\[[^\]]*\])\.forEach\(h=>document\.head\.appendChild', s.get_text())]
    assert len(scripts) <= 1, (lang, page)
    return scripts[0] if scripts else []


def test_math_pages_preload_the_math_font_and_other_pages_do_not(site):
    for lang, page in all_pages(site):
        math_fonts = [h for h in _preloaded_fonts(site, lang, page) if "/temml/" in h]
        if soup(site, lang, page).select("math"):
            assert [h.rsplit("/", 1)[1] for h in math_fonts] == ["site-math.woff2"], (lang, page)
        else:
            assert not math_fonts, (lang, page)
        for href in _preloaded_fonts(site, lang, page):
            assert _local(site, lang, page, href).is_file(), (lang, page, href)


def test_font_subset_covers_every_persian_character_of_every_page(site):
    from fontTools.ttLib import TTFont

    from cnn_site.site import fonts

    font_path = "assets/fonts/vazirmatn/Vazirmatn-Variable.woff2"
    full = set(TTFont(ROOT / "docs" / font_path).getBestCmap())
    font = TTFont(site / font_path)
    served = set(font.getBestCmap())
    assert (site / font_path).stat().st_size < 0.4 * (ROOT / "docs" / font_path).stat().st_size
    assert {ord(c) for c in "سلامپچژگکی۰۹،"} <= served and ord("a") not in served  # Latin: the reader's font
    [weight] = font["fvar"].axes
    assert (weight.axisTag, weight.minValue, weight.maxValue) == ("wght", *fonts.WEIGHTS)
    for lang, page in all_pages(site):
        used = {ord(c) for c in _shown_text(soup(site, lang, page)) if fonts.is_persian(c)}
        missing = (used & full) - served
        assert not missing, (lang, page, "".join(map(chr, sorted(missing))))
        preloaded = [_local(site, lang, page, href).resolve() for href in _preloaded_fonts(site, lang, page)]
        assert ((site / font_path).resolve() in preloaded) == (lang == "fa"), (lang, page)  # English: its reader's font


def test_lab_pages_link_a_notebook_stylesheet_cut_to_what_they_use(site):
    [sheet] = (site / "assets" / "css").glob("notebook-*.css")
    css = sheet.read_text("utf-8")
    assert len(css) < 60_000  # nbconvert's whole stylesheet is about 600 kB
    assert ".jp-InputPrompt" in css and ".highlight-ipynb .k{" in css
    assert ".jp-FileBrowser" not in css and ".jp-Dialog" not in css
    for lang in LANGUAGES:
        lab = soup(site, lang, "labs/max-pooling.html")
        assert lab.select_one(f'link[rel="stylesheet"][href$="{sheet.name}"]')
        assert not lab.select('script[type="text/x-mathjax-config"]')


def test_the_math_font_is_a_subset_that_keeps_every_character_a_formula_draws(site):
    from fontTools.ttLib import TTFont

    from cnn_site.pages.mathml import italic
    from cnn_site.site.math_fonts import SOURCE

    drawn, formulas = set(), 0
    for lang, page in all_pages(site):
        for formula in soup(site, lang, page).select("math"):  # (the parsed page is shared: read only)
            for text in formula.find_all(string=True):
                if text.parent.name == "annotation":
                    continue  # the TeX source: carried, not drawn
                if text.parent.name == "mi" and len(text) == 1 and not text.parent.get("mathvariant"):
                    text = italic(text)  # a one-letter variable is drawn in math italic
                drawn |= set(text)
            formulas += 1
    assert formulas > 100 and set("0123456789=×𝑘") <= drawn
    served = site / "assets" / "vendor" / "temml" / "site-math.woff2"
    lost = {ord(c) for c in drawn} - set(TTFont(served).getBestCmap())
    assert not lost, "".join(map(chr, sorted(lost)))
    assert served.stat().st_size < 0.15 * SOURCE.stat().st_size


def test_no_page_links_markdown_exec_pyodide_assets(site):
    for lang, page in all_pages(site):
        linked = [tag.get("src") or tag.get("href") for tag in soup(site, lang, page).select("script[src], link[href]")]
        assert not [url for url in linked if "_markdown_exec_" in url], (lang, page)
    assert not list((site / "assets").glob("_markdown_exec_*"))
