"""Math typeset at build time (cnn_site/pages/mathml.py): Temml's MathML in the page, no build needed."""

import pytest
from bs4 import BeautifulSoup

from cnn_site.pages import mathml


@pytest.fixture(scope="module")
def renderer():
    r = mathml.Renderer()
    yield r
    r.close()


def test_arithmatex_spans_become_mathml_inside_their_wrappers(renderer):
    page = ('<p>area <span class="arithmatex">\\(h \\times w &lt; 9\\)</span></p>'
            '<div class="arithmatex">\\[\\begin{bmatrix} 1 & 2 \\end{bmatrix}\\]</div>')
    soup = BeautifulSoup(mathml.typeset_arithmatex(page, renderer), "html.parser")
    inline, display = soup.select(".arithmatex")
    assert inline.name == "span" and display.name == "div"
    assert inline.math.get("display") is None and display.math["display"] == "block"
    assert inline.select_one("annotation").get_text() == "h \\times w < 9"  # unescaped before typesetting
    assert [cell.get_text() for cell in display.select("mtd")] == ["1", "2"]  # a matrix, not text
    assert [mo.get_text() for mo in display.select("mo[fence]")] == ["[", "]"]  # brackets the font stretches
    assert "\\(" not in soup.get_text(" ").replace(inline.select_one("annotation").get_text(), "")


def test_a_formula_that_does_not_parse_names_itself(renderer):
    with pytest.raises(mathml.MathError, match=r"\\frac\{1\}\{.*end of input"):
        mathml.typeset_arithmatex('<span class="arithmatex">\\(\\frac{1}{\\)</span>', renderer)


def test_notebook_dollars_are_typeset_outside_code(renderer):
    cell = ('<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown"><p>cost $k^2 c$ per filter, '
            'shell <code>echo $HOME $PATH</code>, and $$\\sum_i x_i$$</p></div><p>$not a cell$</p>')
    soup = BeautifulSoup(mathml.typeset_dollars(cell, renderer), "html.parser")
    assert [a.get_text() for a in soup.select(".arithmatex annotation")] == ["k^2 c", "\\sum_i x_i"]
    assert soup.select_one("code").get_text() == "echo $HOME $PATH"
    assert soup.select('.arithmatex math[display="block"]') and "$not a cell$" in soup.get_text()


def test_renders_are_cached_on_disk_and_reused_without_v8(tmp_path):
    first = mathml.Renderer(tmp_path / "math.json")
    html = first.render("a^2 + b^2", False)
    first.save()
    first.close()
    second = mathml.Renderer(tmp_path / "math.json")
    assert second.render("a^2 + b^2", False) == html
    assert second._context is None and not second.changed  # answered from the cache file
