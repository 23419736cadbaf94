"""Math typeset at build time (cnn_site/pages/katex.py): KaTeX's HTML in the page, no build needed."""

import re

import pytest
from bs4 import BeautifulSoup

from cnn_site.pages import katex


@pytest.fixture(scope="module")
def renderer():
    r = katex.Renderer()
    yield r
    r.close()


def test_arithmatex_spans_become_katex_html_inside_their_wrappers(renderer):
    page = ('<p>area <span class="arithmatex">\\(h \\times w &lt; 9\\)</span></p>'
            '<div class="arithmatex">\\[\\begin{bmatrix} 1 & 2 \\end{bmatrix}\\]</div>')
    soup = BeautifulSoup(katex.typeset_arithmatex(page, renderer), "html.parser")
    inline, display = soup.select(".arithmatex")
    assert inline.name == "span" and display.name == "div"
    assert inline.select_one(".katex:not(.katex-display .katex)") and display.select_one(".katex-display")
    assert inline.select_one("annotation").get_text() == "h \\times w < 9"  # unescaped before typesetting
    assert re.sub(r"\W", "", display.select_one(".katex-html").get_text()) == "12"  # what is drawn
    assert "\\(" not in soup.get_text(" ").replace(inline.select_one("annotation").get_text(), "")


def test_a_formula_that_does_not_parse_names_itself(renderer):
    with pytest.raises(katex.KatexError, match=r"\\frac\{1\}\{.*KaTeX parse error"):
        katex.typeset_arithmatex('<span class="arithmatex">\\(\\frac{1}{\\)</span>', renderer)


def test_notebook_dollars_are_typeset_outside_code(renderer):
    cell = ('<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown"><p>cost $k^2 c$ per filter, '
            'shell <code>echo $HOME $PATH</code>, and $$\\sum_i x_i$$</p></div><p>$not a cell$</p>')
    soup = BeautifulSoup(katex.typeset_dollars(cell, renderer), "html.parser")
    assert [a.get_text() for a in soup.select(".arithmatex annotation")] == ["k^2 c", "\\sum_i x_i"]
    assert soup.select_one("code").get_text() == "echo $HOME $PATH"
    assert soup.select(".arithmatex .katex-display") and "$not a cell$" in soup.get_text()


def test_renders_are_cached_on_disk_and_reused_without_v8(tmp_path):
    first = katex.Renderer(tmp_path / "katex.json")
    html = first.render("a^2 + b^2", False)
    first.save()
    first.close()
    second = katex.Renderer(tmp_path / "katex.json")
    assert second.render("a^2 + b^2", False) == html
    assert second._context is None and not second.changed  # answered from the cache file
