"""The built site: both languages, their attributes, executed output and local assets."""

import json
import re
from pathlib import PurePosixPath

import pytest
from bs4 import BeautifulSoup

from tests.support.pages import built_pages, is_persian, page_paths, soup
from tests.support.project import LANGUAGES
from tests.support.session import SITE_URL

DIRECTION = {"fa": "rtl", "en": "ltr"}
SITE_URL = SITE_URL.rstrip("/")


def all_pages(site):
    return [(lang, page) for lang in LANGUAGES for page in page_paths(site, lang)]


def test_every_page_exists_in_both_languages(site):
    fa, en = page_paths(site, "fa"), page_paths(site, "en")
    assert fa == en
    assert {"index.html", "labs/max-pooling.html"} <= set(fa)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_and_direction(site, lang):
    for page in page_paths(site, lang):
        html = soup(site, lang, page).html
        assert (html["lang"], html["dir"]) == (lang, DIRECTION[lang]), page
        assert soup(site, lang, page).body["dir"] == DIRECTION[lang], page


def test_no_traceback_or_error_output(site):
    for lang, page in all_pages(site):
        text = soup(site, lang, page).get_text()
        assert "Traceback (most recent call last)" not in text, f"{lang}/{page}"
        assert not soup(site, lang, page).select('[data-mime-type="application/vnd.jupyter.stderr"]')


def test_executed_block_output_is_on_the_home_page(site):
    # The max-pooled seed matrix exists only in the output of the executed block.
    for lang in LANGUAGES:
        math = soup(site, lang, "index.html").select_one(".arithmatex").get_text()
        assert r"\begin{bmatrix} 162 & 232 \\ 243 & 252 \end{bmatrix}" in math


def test_heading_ids_match_across_languages(site):
    for page in page_paths(site, "fa"):
        ids = [[h.get("id") for h in soup(site, lang, page).select("article :is(h1,h2,h3,h4,h5,h6)")]
               for lang in LANGUAGES]
        assert ids[0] == ids[1], page
        assert all(re.fullmatch(r"[a-z0-9-]+", i or "") for i in ids[0]), (page, ids[0])


def test_switcher_links_to_the_same_page_in_the_other_language(site):
    for lang, page in all_pages(site):
        links = {a["hreflang"]: a["href"] for a in soup(site, lang, page).select("a.md-select__link")}
        alternates = {l["hreflang"]: l["href"] for l in soup(site, lang, page).select('head link[rel="alternate"][hreflang]')}
        here = PurePosixPath(LANGUAGES[lang] + page).parent
        for other, folder in LANGUAGES.items():
            target = PurePosixPath(*(here / links[other]).parts)
            assert _normalise(target) == PurePosixPath(folder + page), (lang, page, other)
            # what search engines read: the same page, as an absolute address
            assert alternates[other] == f"{SITE_URL}/{folder}{page}", (lang, page, other)
        assert alternates["x-default"] == alternates["fa"] and len(alternates) == 3, (lang, page)


def _normalise(path):
    parts = []
    for part in path.parts:
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    return PurePosixPath(*parts)


def test_math_is_typeset_at_build_time_without_javascript(site):
    for lang, page in all_pages(site):
        page_soup = soup(site, lang, page)
        formulas = page_soup.select(".arithmatex")
        assert all(f.select_one("math > semantics > :not(annotation)") and f.select_one("math annotation") for f in formulas), f"{lang}/{page}"
        assert not re.search(r"\\[(\[]", "".join(f.find(string=True, recursive=False) or "" for f in formulas))
        sources = " ".join(s.get("src", "") for s in page_soup.select("script[src]"))
        inline = " ".join(s.get_text() for s in page_soup.select("script:not([src])"))
        assert not re.search("katex|temml|mathjax", sources, re.I) and "renderMathInElement" not in inline, f"{lang}/{page}"
        assert "temml.render" not in inline, f"{lang}/{page}"  # inline scripts name the math font only, to preload it
        loads_css = any("temml.css" in l.get("href", "") for l in page_soup.select("link[rel=stylesheet]"))
        assert loads_css == bool(formulas), f"{lang}/{page}"
    assert not list(site.rglob("*katex*")) and not list(site.rglob("*temml*.js"))
    assert soup(site, "fa", "index.html").select(".arithmatex math")  # at least one page has math


# An asset on another host: a script, style, font or image URL that starts with a scheme
# or with "//". Plain links to other sites (<a href>) are allowed: they are not fetched.
_REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")
_JS_FETCH = re.compile(r"""(?:import\(|src\s*=\s*|fetch\()\s*["'`]((?:https?:)?//[^"'`]+)""")


def _html_assets(page_soup):
    for tag, attr in (("script", "src"), ("img", "src"), ("source", "src"), ("iframe", "src"),
                      ("link", "href"), ("video", "src"), ("audio", "src")):
        for element in page_soup.find_all(tag):
            if tag == "link" and not set(element.get("rel", [])) & {"stylesheet", "preload", "icon", "modulepreload", "manifest"}:
                continue
            if element.get(attr):
                yield element[attr]
    for element in page_soup.find_all(style=True):
        yield from _CSS_URL.findall(element["style"])
    for style in page_soup.find_all("style"):
        yield from _CSS_URL.findall(style.get_text())
    for script in page_soup.find_all("script", src=False):
        yield from _JS_FETCH.findall(script.get_text())


def test_no_asset_is_fetched_from_another_host(site):
    offenders = []
    for path in site.rglob("*"):
        if path.suffix == ".html":
            urls = _html_assets(BeautifulSoup(path.read_text("utf-8"), "html.parser"))
        elif path.suffix == ".css":
            urls = _CSS_URL.findall(path.read_text("utf-8"))
        elif path.suffix == ".js":
            urls = _JS_FETCH.findall(path.read_text("utf-8"))
        else:
            continue
        offenders += [f"{path.relative_to(site)}: {u}" for u in urls if _REMOTE.match(u.strip())]
    assert not offenders, "\n".join(offenders)


def test_search_splits_on_zero_width_non_joiner(site):
    config = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["config"]
    words = re.split(config["separator"], "لایه\u200cهای «پولینگ»، گام؛")
    assert [w for w in words if w] == ["لایه", "های", "پولینگ", "گام"]


def test_the_404_page_speaks_both_languages(site):
    page = BeautifulSoup((site / "404.html").read_text("utf-8"), "html.parser")
    assert page.select_one("h1#not-found").get_text() == "صفحه پیدا نشد"
    english = page.select_one('article div[lang="en"]')
    assert english["dir"] == "ltr" and "Page not found" in english.get_text()
    hrefs = {a["href"] for a in page.select("article a")}
    assert {SITE_URL + "/", SITE_URL + "/en/index.html"} <= hrefs


@pytest.mark.parametrize("lang, name", [(lang, page) for lang in LANGUAGES for page in built_pages()])
def test_images_have_alt_text_in_the_page_language(site, lang, name):
    for img in soup(site, lang, name).select("article img"):
        alt = img.get("alt", "").strip()
        assert alt, f"{lang}/{name}: {img.get('src')} has no alt text"
        assert is_persian(alt) == (lang == "fa"), f"{lang}/{name}: alt text {alt!r} is not in {lang}"


def test_the_built_palette_stylesheet_has_no_rule_that_restyles_every_element(site):
    from cnn_site.site.palette_css import RULE

    [sheet] = (site / "assets" / "stylesheets").glob("palette.*.min.css")
    text = sheet.read_text("utf-8")
    assert RULE not in text and "[data-md-color-scheme=slate]" in text


def test_every_linked_script_waits_for_the_parsed_page_and_keeps_its_order(site):
    # overrides/main.html and the pages' own <script> tags: nothing a page links blocks the
    # parser (a phone draws the page before Material starts), and the offline search shim
    # still runs before Material's bundle, which runs before the site's own scripts.
    for path in site.rglob("*.html"):
        page = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        if page.select_one("meta[http-equiv=refresh]"):
            continue  # a redirect stub
        linked = page.find_all("script", src=True)
        where = path.relative_to(site)
        assert [s["src"] for s in linked if not s.has_attr("defer") or s.has_attr("async")] == [], where
        order = [s["src"].rsplit("/", 1)[-1] for s in linked]
        bundle = next(i for i, name in enumerate(order) if name.startswith("bundle."))
        assert order.index("shim.js") < bundle < order.index("search-normalize.js"), where


def test_box_titles_show_no_escaped_quotes(site):
    # An admonition's title is written between double quotes in Markdown; a \" inside it is
    # not unescaped, and the reader would see the backslash.
    for lang, page in all_pages(site):
        titles = soup(site, lang, page).select("article :is(summary, .admonition-title)")
        assert [t.get_text() for t in titles if '\\"' in t.get_text()] == [], f"{lang}/{page}"


def test_every_table_is_in_materials_wrapper_when_built_and_styled_by_materials_rules(site):
    # cnn_site/pages/tables.py: Material's start moves every table without a class into this
    # wrapper; built into the page, with a class, the table stays where it is.
    wrapped = 0
    for lang, page in all_pages(site):
        for table in soup(site, lang, page).select("article table"):
            if "data-table" in table.get("class", []):
                wrapped += 1
                inner, outer = table.parent, table.parent.parent
                assert (inner["class"], outer["class"]) == (["md-typeset__table"], ["md-typeset__scrollwrap"]), page
            assert table.has_attr("class"), f"{lang}/{page}: a table Material would move at start"
    assert wrapped >= 100
    [sheet] = (site / "assets" / "stylesheets").glob("main.*.min.css")
    text = sheet.read_text("utf-8")
    assert "table:not([class])" not in text and text.count("table:is(:not([class]),.data-table)") >= 10
