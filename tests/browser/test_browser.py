"""What a reader's browser does with the home pages: headless Chromium via Playwright."""

from urllib.parse import urlparse

import pytest

from tests.support.browser import open_page, search



@pytest.mark.parametrize("path, lang, direction", [("", "fa", "rtl"), ("en/", "en", "ltr")])
@pytest.mark.parametrize("name", ["index.html", "labs/max-pooling.html"])
def test_page_loads_locally_without_errors(browser, server, path, lang, direction, name):
    page, errors, hosts = open_page(browser, server + path + name)
    assert errors == []
    assert hosts == {"127.0.0.1"}
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [lang, direction]
    font = page.evaluate("getComputedStyle(document.querySelector('.md-content h1')).fontFamily")
    fetched = page.evaluate("[...document.fonts].some(f => f.family.includes('Vazirmatn') && f.status === 'loaded')")
    assert font.split(",")[0].strip('"') == "Vazirmatn"  # for Persian script; Latin: the reader's own font
    assert page.evaluate("document.fonts.check('16px Vazirmatn', 'کانولوشن')") == fetched
    assert fetched == (lang == "fa")  # English: Vazirmatn only for Persian words, and none is shown here
    page.context.close()


@pytest.mark.parametrize("path", ["", "en/"])
def test_math_is_typeset_left_to_right(browser, server, path):
    page, _, _ = open_page(browser, server + path + "index.html")
    assert page.locator(".arithmatex math").count() >= 1
    assert page.evaluate("getComputedStyle(document.querySelector('.arithmatex')).direction") == "ltr"
    page.context.close()


def test_the_colour_scheme_toggle_switches_to_dark_and_back(browser, server):
    # The build drops one rule from Material's palette stylesheet (cnn_site/site/palette_css.py).
    page, _, _ = open_page(browser, server + "en/index.html")
    scheme = lambda: page.evaluate("document.body.dataset.mdColorScheme")
    background = "getComputedStyle(document.body).backgroundColor"
    assert scheme() == "default"
    light = page.evaluate(background)
    page.locator('label[for="__palette_1"]').click()
    assert scheme() == "slate"
    page.wait_for_function(f"{background} !== {light!r}")  # dark, after any transition
    page.locator('label[for="__palette_0"]').click()
    assert scheme() == "default"
    page.wait_for_function(f"{background} === {light!r}")
    page.context.close()


@pytest.mark.parametrize("path", ["", "en/"])
def test_matrices_are_drawn_in_the_math_font_with_brackets_that_grow(browser, server, path):
    page, _, _ = open_page(browser, server + path + "what-a-convolution-computes.html")
    page.evaluate("document.fonts.ready")
    assert page.evaluate("""document.fonts.check('16px "Site Math"', '[1]')""")  # loaded from the site
    assert page.evaluate("getComputedStyle(document.querySelector('math')).fontFamily").startswith('"Site Math"')
    # In a matrix of three rows or more, the bracket is as tall as the rows; drawn in a font
    # without a MATH table it would stay one line high.
    heights = page.evaluate("""[...document.querySelectorAll('mrow:has(> mtable)')].filter(r => r.querySelectorAll('mtr').length >= 3)
        .map(r => [r.querySelector('mo[fence]').getBoundingClientRect().height, r.querySelector('mn').getBoundingClientRect().height])""")
    assert heights and all(bracket > 2.5 * digit for bracket, digit in heights), heights
    page.context.close()


def test_persian_notebook_text_reads_right_to_left(browser, server):
    page, _, _ = open_page(browser, server + "labs/max-pooling.html")
    style = page.evaluate("(s => [s.direction, s.textAlign])(getComputedStyle(document.querySelector('.jp-MarkdownCell p')))")
    assert style == ["rtl", "right"]
    assert page.evaluate("getComputedStyle(document.querySelector('.jp-OutputArea pre')).direction") == "ltr"
    page.context.close()


def test_code_reads_left_to_right_on_persian_pages(browser, server):
    page, _, _ = open_page(browser, server + "index.html")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-typeset pre')).direction") == "ltr"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-typeset p')).direction") == "rtl"
    page.context.close()


def test_language_switcher_opens_the_counterpart(browser, server):
    page, _, _ = open_page(browser, server + "labs/max-pooling.html")
    page.goto(page.evaluate("document.querySelector('a.md-select__link[hreflang=en]').href"))
    assert page.url == server + "en/labs/max-pooling.html"
    assert page.evaluate("document.documentElement.lang") == "en"
    page.context.close()


@pytest.mark.parametrize("query", ["لایه", "شبکه"])
def test_persian_search_finds_words_joined_by_zwnj(browser, server, query):
    # On the home page these appear only joined to a suffix by a ZWNJ ("لایه‌های").
    page, _, _ = open_page(browser, server + "index.html")
    assert "/index.html" in {urlparse(h).path for h in search(page, query, every=True)}
    page.context.close()


# An Arabic kaf/yeh for the Persian letters; Persian or Arabic-Indic digits for Latin ones.
@pytest.mark.parametrize("typed, meant", [("كرنل", "کرنل"), ("يادگيري", "یادگیری"), ("Conv۲D", "Conv2D"), ("Conv٢D", "Conv2D")])
def test_search_forgives_letter_variants_and_digits(browser, server, typed, meant):
    page, _, _ = open_page(browser, server + "index.html")
    found = search(page, typed, every=True)
    page.context.close()
    page, _, _ = open_page(browser, server + "index.html")
    assert found and found == search(page, meant, every=True)
    page.context.close()



@pytest.mark.parametrize("name", ["image-filters.html", "shapes-and-parameters.html", "kernel-size.html", "tuners.html"])
def test_persian_inline_math_never_breaks_and_tables_start_at_the_right(browser, server, name):
    page = browser.new_context(viewport={"width": 390, "height": 800}).new_page()
    page.goto(server + name, wait_until="networkidle")
    lines = page.evaluate("[...document.querySelectorAll('article span.arithmatex')].map(m => m.getClientRects().length)")
    assert lines and set(lines) == {1}  # each inline formula is one box on one line
    first, second = page.evaluate("[...document.querySelector('article .computed-table th').parentElement.children]"
                                  ".slice(0, 2).map(th => th.getBoundingClientRect().right)")
    assert first > second  # the first column is at the right
    page.context.close()


def _phone_page(browser, url, before_load=None):
    """The page on a 412 px phone, loaded; before_load: a script run before the page's own."""
    page = browser.new_context(viewport={"width": 412, "height": 823}).new_page()
    if before_load:
        page.add_init_script(before_load)
    page.goto(url, wait_until="networkidle")
    return page


# Rectangles of the article's elements that are drawn (not inside a closed <details>).
_RECTS = """window.cvDrawn.map(e => {
    const r = e.getBoundingClientRect(); return [e.tagName, Math.round(r.top + scrollY), Math.round(r.height)] })"""
_SKIPPABLE = "[...document.querySelectorAll('.md-content__inner *')].filter(e => getComputedStyle(e).contentVisibility === 'auto')"


@pytest.mark.parametrize("name", ["shapes-and-parameters.html", "en/what-a-convolution-computes.html",
                                  "en/image-filters.html", "pooling.html"])
def test_blocks_far_from_the_screen_wait_and_lay_out_to_the_same_pixels(browser, server, name):
    # site.css gives long pages' blocks content-visibility: auto. Off screen they are skipped...
    page = _phone_page(browser, server + name)
    skippable = page.evaluate(f"{_SKIPPABLE}.length")
    assert skippable >= 10
    last = page.evaluate(f"{_SKIPPABLE}.filter(e => e.tagName !== 'DETAILS' && e.firstElementChild).at(-1)"
                         ".firstElementChild.checkVisibility({contentVisibilityAuto: true})")
    assert last is False  # the last block's content is not rendered yet
    # ...and the containment that comes with it moves nothing: the same page with every such
    # block contained and rendered, and with none contained, lays out to the same pixels.
    page.evaluate(f"{_SKIPPABLE}.forEach(e => e.classList.add('cv-probe'))")
    page.add_style_tag(content=".cv-probe { content-visibility: visible !important; contain: none !important }")
    page.evaluate("window.cvDrawn = [...document.querySelectorAll('.md-content__inner *')].filter(e => e.checkVisibility())")
    free = page.evaluate(_RECTS)
    page.add_style_tag(content=".cv-probe { contain: layout style paint !important }")
    contained = page.evaluate(_RECTS)
    assert len(free) > 200
    moved = [(a, b) for a, b in zip(free, contained) if a != b]
    assert not moved, moved[:3]
    page.context.close()


def test_a_code_block_gets_its_copy_button_when_it_comes_near_the_screen(browser, server):
    # mkdocs.yml: content.lazy. The last code block of a long page has no button at load.
    page = _phone_page(browser, server + "en/kernel-size.html")
    last = page.locator(".md-content__inner > div.highlight").last
    assert last.locator(".md-code__button").count() == 0
    last.scroll_into_view_if_needed()
    last.locator(".md-code__button").wait_for(state="attached")
    page.context.close()


def test_every_wide_table_is_reachable_by_keyboard_and_only_those_once_seen(browser, server):
    # scroll-regions.js: every table wrapper and code block starts with a tab stop; once on
    # screen, a table wrapper that does not scroll sideways loses it.
    page = _phone_page(browser, server + "shapes-and-parameters.html")
    wraps = page.locator(".md-typeset__scrollwrap")
    assert wraps.count() >= 5
    assert page.evaluate("[...document.querySelectorAll('.md-typeset__scrollwrap')].every(w => w.tabIndex === 0)")
    assert page.evaluate("[...document.querySelectorAll('.md-content__inner > div.highlight code')].at(-1).tabIndex") == 0
    state = []
    shown = [i for i in range(wraps.count()) if wraps.nth(i).evaluate("w => !w.closest('details:not([open])')")]
    assert len(shown) >= 5
    for i in shown:  # each one read while on screen (off screen, it is not laid out)
        wraps.nth(i).scroll_into_view_if_needed()
        # a tab stop exactly where the table overflows, within 3 s of coming on screen
        settled = "w => (w.scrollWidth > w.clientWidth) === w.hasAttribute('tabindex')"
        page.wait_for_function(settled, arg=wraps.nth(i).element_handle(), timeout=3000)
        state.append(wraps.nth(i).evaluate("w => [w.scrollWidth > w.clientWidth, w.hasAttribute('tabindex')]"))
    assert {scrolls for scrolls, _ in state} == {True, False}  # this page has both kinds on a phone
    page.context.close()


@pytest.mark.parametrize("name", ["glossary.html", "en/shapes-and-parameters.html"])
def test_tables_stay_where_the_build_wrapped_them_and_look_as_material_draws_them(browser, server, name):
    # cnn_site/pages/tables.py: the build writes Material's scroll wrapper around each table
    # and gives the table a class, so that Material's start leaves it in place.
    page = _phone_page(browser, server + name)
    counts = page.evaluate("""[document.querySelectorAll('.md-content__inner table').length,
        document.querySelectorAll('.md-typeset__scrollwrap > .md-typeset__table > table.data-table').length,
        document.querySelectorAll('.md-typeset__scrollwrap .md-typeset__scrollwrap').length]""")
    assert counts[0] >= 1 and counts == [counts[0], counts[0], 0]  # every table wrapped once, none twice
    # The same tables without the class are styled by Material's own rule (table:not([class])):
    # they look the same, to the pixel.
    page.evaluate("document.querySelectorAll('.md-content__inner').forEach(a => a.style.contentVisibility = 'visible')")
    article = page.locator(".md-content__inner")
    built = article.screenshot(animations="disabled")
    page.evaluate("document.querySelectorAll('table.data-table').forEach(t => t.removeAttribute('class'))")
    assert page.locator("table.data-table").count() == 0
    assert article.screenshot(animations="disabled") == built
    page.context.close()


@pytest.mark.parametrize("name", ["index.html", "glossary.html", "en/glossary.html"])
def test_the_first_screen_of_a_phone_does_not_jump_while_the_page_loads(browser, server, name):
    # site.css skips blocks only from the 13th on. With every block skippable, Chromium drew
    # blocks of the first screen at their placeholder height for a frame: 0.05-0.28 here.
    page = _phone_page(browser, server + name, before_load=(
        "window.cls = 0; new PerformanceObserver(list => { for (const e of list.getEntries()) "
        "window.cls += e.value }).observe({type: 'layout-shift', buffered: true})"))
    assert page.evaluate("window.cls") < 0.01
    page.context.close()
