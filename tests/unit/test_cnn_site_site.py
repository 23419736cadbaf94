"""cnn_site/site: the steps that run on the built site, once every language is built; no build."""

import re
import zipfile

import pytest
from mkdocs.exceptions import PluginError

from cnn_site.site import fonts, offline_zip, page_parity, redirects, search_index, sitemap
from tests.support.project import ROOT

FOLDERS = {"fa": "", "en": "en/"}


def test_a_page_missing_in_one_language_is_named(tmp_path):
    for path in ("fa/a.md", "fa/labs/l.py", "en/a.md", "fa/only.md"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x")
    assert page_parity.missing_translations(tmp_path, ["fa", "en"]) == ["docs/en/labs/l.py", "docs/en/only.md"]
    with pytest.raises(PluginError, match="missing translations .*docs/en/only.md"):
        page_parity.check_page_parity(tmp_path, ["fa", "en"])
    (tmp_path / "en/only.md").write_text("x")
    (tmp_path / "en/labs").mkdir()
    (tmp_path / "en/labs/l.py").write_text("x")
    page_parity.check_page_parity(tmp_path, ["fa", "en"])


def test_every_folder_with_pages_gets_the_sitemap(tmp_path):
    for path in ("index.html", "en/index.html", "en/labs/a.html", "assets/x.css"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x")
    (tmp_path / "sitemap.xml").write_text("<urlset/>")
    sitemap.copy_sitemaps(tmp_path)
    assert (tmp_path / "en/sitemap.xml").read_text() == (tmp_path / "en/labs/sitemap.xml").read_text() == "<urlset/>"
    assert not (tmp_path / "assets/sitemap.xml").exists()


def test_a_redirect_forwards_in_every_language_and_a_missing_target_fails(tmp_path):
    for path in ("labs/max-pooling.html", "en/labs/max-pooling.html"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x")
    redirects.write_redirects(tmp_path, {"old/pool.md": "labs/max-pooling.py"}, FOLDERS)
    assert 'url=../labs/max-pooling.html"' in (tmp_path / "old/pool.html").read_text()
    assert '<html lang="en">' in (tmp_path / "en/old/pool.html").read_text()
    with pytest.raises(PluginError, match="redirect a.md -> gone.md: gone.html does not exist"):
        redirects.write_redirects(tmp_path, {"a.md": "gone.md"}, FOLDERS)


def test_the_offline_zip_is_the_same_for_the_same_site_and_has_no_hreflang(tmp_path):
    (tmp_path / "index.html").write_text('<head><link rel="alternate" href="https://x/" hreflang="fa"></head>')
    (tmp_path / "sitemap.xml").write_text("<urlset/>")
    offline_zip.write_zip(tmp_path, "site.zip")
    first = (tmp_path / "download/site.zip").read_bytes()
    offline_zip.write_zip(tmp_path, "site.zip")
    assert (tmp_path / "download/site.zip").read_bytes() == first
    with zipfile.ZipFile(tmp_path / "download/site.zip") as archive:
        assert archive.namelist() == ["cnn-step-by-step/index.html"]
        assert archive.read("cnn-step-by-step/index.html") == b"<head></head>"


def test_search_points_each_language_at_its_own_index():
    assert search_index.language_folders(["fa", "en"], "fa") == FOLDERS
    config = '<script id="__config" type="application/json">{"base": "..", "x": 1}</script>'
    assert '"base": "../en/"' in search_index.point_search_at(config, "en/")
    assert search_index.point_search_at(config, "") == config
    box = '<details class="quote cite-page">'
    assert search_index.exclude_citation(box) == '<details data-search-exclude class="quote cite-page">'


def test_the_font_is_preloaded_over_http_only_and_the_subset_keeps_persian(tmp_path):
    out = fonts.preload_fonts("<head><link rel=x>", "en/pooling.html", [fonts.FONT, "assets/a.woff2"])
    assert out.startswith('<head><script>location.protocol!=="file:"&&') and out.endswith("<link rel=x>")
    assert '["../assets/fonts/vazirmatn/Vazirmatn-Variable.woff2", "../assets/a.woff2"].forEach' in out
    assert fonts.text_font("fa") == [fonts.FONT] and fonts.text_font("en") == []  # English: the reader's font
    assert fonts.preload_fonts("<head><link rel=x>", "pooling.html", []) == "<head><link rel=x>"
    assert fonts.page_characters("<p>ک&amp;</p>") >= {"ک", "&"}
    assert {"ک", "۵", "\u200c"} <= fonts.characters(tmp_path) and "a" not in fonts.characters(tmp_path)


def test_the_font_face_draws_what_the_subset_keeps():
    """fonts.css's unicode-range and weight range are the ones the build cuts the font to."""
    css = (ROOT / "docs" / "assets" / "css" / "fonts.css").read_text("utf-8")
    ranges = re.search(r"unicode-range: ([^;]+);", css).group(1)
    assert ranges == ", ".join(f"U+{low:04X}-{high:04X}" for low, high in fonts.PERSIAN)
    assert re.search(r"font-weight: (\d+) (\d+);", css).groups() == tuple(map(str, fonts.WEIGHTS))


def test_the_weight_cut_keeps_the_font_the_same_from_build_to_build():
    import io

    from fontTools.ttLib import TTFont

    persian = fonts.subset((ROOT / "docs" / fonts.FONT).read_bytes(), set("سلام"))
    cut = TTFont(io.BytesIO(fonts.limit_weights(persian)))
    [weight] = cut["fvar"].axes
    assert (weight.minValue, weight.maxValue) == fonts.WEIGHTS
    assert cut["head"].modified == TTFont(io.BytesIO(persian))["head"].modified  # no time stamp of its own


def test_a_page_with_math_preloads_the_math_font_and_links_temml_css():
    from cnn_site.pages import mathml

    page = "<html><head></head><body><p><math><mi>k</mi></math></p></body></html>"
    assert mathml.fonts_to_preload(page) == [mathml.FONT] and mathml.fonts_to_preload("<p>no math</p>") == []
    assert 'href="../assets/vendor/temml/temml.css"' in mathml.link_stylesheet(page, "en/")
    assert mathml.link_stylesheet("<head></head><p>no math</p>", "en/") == "<head></head><p>no math</p>"


def test_the_math_font_is_cut_to_the_characters_the_formulas_draw(tmp_path, monkeypatch):
    from fontTools.ttLib import TTFont

    from cnn_site.pages import mathml
    from cnn_site.site import math_fonts

    monkeypatch.setenv("SITE_CACHE_DIR", str(tmp_path / "cache"))
    renderer = mathml.Renderer()
    try:
        renderer.render(r"\beta \times 3 = \left[\frac{a}{b}\right]", False)
    finally:
        renderer.close()
    drawn = renderer.characters
    assert {"𝛽", "×", "3", "[", "𝑎"} <= drawn and "\\" not in drawn and "t" not in drawn  # not the TeX, not the tags
    assert "β" not in drawn and "a" not in drawn  # a one-letter variable is drawn in math italic
    math_fonts.subset_math_font(tmp_path / "site", drawn)
    served = tmp_path / "site" / mathml.FONT
    assert served.stat().st_size < 0.2 * math_fonts.SOURCE.stat().st_size
    font = TTFont(served)
    cmap = set(font.getBestCmap())
    assert {ord("×"), ord("3"), ord("["), ord("𝑎"), ord("𝛽")} <= cmap
    assert ord("β") not in cmap and ord("Q") not in cmap and ord("𝑄") not in cmap
    assert "MATH" in font and font["name"].getDebugName(1) == math_fonts.NAME  # renamed, as the licence asks
    constructions = font["MATH"].table.MathVariants.VertGlyphConstruction
    assert constructions and max(len(c.MathGlyphVariantRecord) for c in constructions) > 3  # [ in bigger sizes


def test_italic_letters_are_the_mathematical_italic_alphabet():
    from cnn_site.pages.mathml import italic

    assert [italic(c) for c in "aZhβΘ3×"] == ["𝑎", "𝑍", "ℎ", "𝛽", "𝛩", "3", "×"]


def test_the_palette_rule_that_restyles_every_element_is_dropped_from_materials_stylesheet(tmp_path):
    from pathlib import Path

    import material

    from cnn_site.site import palette_css

    [original] = (Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("palette.*.min.css")
    sheets = tmp_path / "assets" / "stylesheets"
    sheets.mkdir(parents=True)
    built = sheets / original.name
    built.write_text(original.read_text("utf-8"), "utf-8")
    assert palette_css.RULE in built.read_text("utf-8")  # Material's stylesheet has it, as written
    palette_css.drop_switching_rule(tmp_path)
    once = built.read_text("utf-8")
    assert "data-md-color-switching" not in once.replace(palette_css.DONE, "") and "[data-md-color-scheme=slate]" in once
    assert len(original.read_text("utf-8")) - len(once) < 2 * len(palette_css.RULE)  # nothing else went
    palette_css.drop_switching_rule(tmp_path)  # a second run over the same file (serve --dirty)
    assert built.read_text("utf-8") == once
    built.write_text("[data-md-color-switching] *{transition:none}", "utf-8")
    with pytest.raises(PluginError, match="has changed"):
        palette_css.drop_switching_rule(tmp_path)
