"""Lab notebooks are executed at build time, in both languages, and can be downloaded."""

import jupytext
import pytest

from conftest import LANGUAGES, soup


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lab_page_shows_output_only_execution_produces(site, lang):
    outputs = [o.get_text() for o in soup(site, lang, "labs/max-pooling.html").select(".jp-OutputArea-output")]
    assert "(1, 2, 2, 1)" in "".join(outputs)
    assert "Keras and NumPy agree: [[162, 232], [243, 252]]" in "".join(outputs)
    assert "Keras and NumPy agree: [[" not in (site / LANGUAGES[lang] / "labs/max-pooling.py").read_text("utf-8")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lab_notebook_downloads(site, lang):
    folder = site / LANGUAGES[lang] / "labs"
    links = {a["href"] for a in soup(site, lang, "labs/max-pooling.html").select(".lab-downloads a[download]")}
    assert links == {"max-pooling.ipynb", "max-pooling.py"}
    notebook = jupytext.read(folder / "max-pooling.ipynb")
    assert notebook.cells[0].cell_type == "markdown"
    assert any("MaxPooling2D" in c.source for c in notebook.cells if c.cell_type == "code")
    assert jupytext.read(folder / "max-pooling.py").cells[0].source == notebook.cells[0].source
