"""The labs: executed at build time, in both languages, with their downloads, which run
outside the repository."""

import base64
import hashlib
import json
import os
import shutil
from pathlib import Path

import jupytext
import nbclient
import nbformat
import pytest

from tests.support.pages import soup
from tests.support.project import LANGUAGES, ROOT

from cnn_site.labs.execute import _clean  # the build's own view of a kernel's noise


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
    note = soup(site, lang, "labs/max-pooling.html").select_one(".lab-standalone").get_text()
    assert ("بدون کد این سایت" in note) == (lang == "fa") and ("without this site's code" in note) == (lang == "en")
    notebook = jupytext.read(folder / "max-pooling.ipynb")
    assert notebook.cells[0].cell_type == "markdown" and "pip install keras==" in notebook.cells[0].source
    assert any("MaxPooling2D" in c.source for c in notebook.cells if c.cell_type == "code")
    assert [c.source for c in jupytext.read(folder / "max-pooling.py").cells] == [c.source for c in notebook.cells]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_image_filters_lab_runs_both_methods_and_can_be_downloaded(site, lang):
    lab_soup = soup(site, lang, "labs/image-filters.html")
    outputs = "".join(o.get_text() for o in lab_soup.select(".jp-OutputArea-output"))
    assert "(256, 256) float32" in outputs
    assert "kernel: (3, 3, 1, 4)  output: (256, 256, 4)" in outputs
    assert "largest |Keras - OpenCV|: 0.0" in outputs
    assert len(lab_soup.select(".jp-OutputArea-output img")) >= 3  # the lab's own plots
    links = {a["href"] for a in lab_soup.select(".lab-downloads a[download]")}
    assert links == {"image-filters.ipynb", "image-filters.py"}
    assert (site / LANGUAGES[lang] / "labs" / "image-filters.ipynb").is_file()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_keras_tuner_lab_was_executed(site, lang):
    text = soup(site, lang, "labs/keras-tuner.html").get_text()
    assert "Search space summary" in text and "test accuracy:" in text


PROBE = ("import importlib.util, json, os, sys\n"
         "print(json.dumps({'snippets': str(importlib.util.find_spec('snippets')), 'cwd': os.getcwd(), 'path': sys.path}))")


def page_outputs(site, lang, name):
    """Each code cell's outputs on a lab page: its text, and its images by content hash."""
    cells = soup(site, lang, f"labs/{name}.html").select(".jp-CodeCell[id]")  # nbconvert nests a copy without id
    return [[img["src"].rsplit("lab-", 1)[1].split(".")[0] if (img := out.find("img")) else out.get_text().strip()
             for out in cell.select(".jp-OutputArea-output")] for cell in cells]


def notebook_outputs(notebook):
    """The same view of an executed notebook: streams joined, images by hash (as cnn_site/labs/html.py names them)."""
    cells = []
    for cell in (c for c in notebook.cells if c.cell_type == "code"):
        shown = []
        for output in _clean(cell.outputs):
            png = output.get("data", {}).get("image/png")
            text = output.get("text") or output.get("data", {}).get("text/plain", "")
            shown.append(hashlib.sha256(base64.b64decode(png)).hexdigest()[:12] if png else text.strip())
        cells.append(shown)
    return cells


def run_outside(path):
    """Execute a notebook in its folder, in a kernel that neither PYTHONPATH nor cwd lead to the repository."""
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(PROBE))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH" and not k.startswith(("TF_", "KERAS_"))}
    client = nbclient.NotebookClient(notebook, timeout=900, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute(env=env)
    probe = json.loads(notebook.cells.pop().outputs[0]["text"])
    assert probe["snippets"] == "None" and probe["cwd"] == str(path.parent)
    folders = [Path(p or probe["cwd"]).resolve() for p in probe["path"]]  # the venv may live in the repository
    assert not any(f == ROOT.resolve() or (f / "snippets").exists() for f in folders), probe["path"]
    return notebook


@pytest.mark.parametrize("name", ["max-pooling", "image-filters", "keras-tuner"])
def test_downloaded_notebook_runs_outside_the_repository(site, name, tmp_path):
    """Each language's download, copied into an empty folder, runs and prints what its page shows.

    The languages share their code (only prose is translated): it runs once per distinct code.
    """
    runs = {}
    for lang in LANGUAGES:
        folder = tmp_path / lang
        folder.mkdir()
        download = shutil.copy(site / LANGUAGES[lang] / "labs" / f"{name}.ipynb", folder)
        code = tuple(c.source for c in nbformat.read(download, as_version=4).cells if c.cell_type == "code")
        if code not in runs:
            runs[code] = notebook_outputs(run_outside(Path(download)))
        setup, *lab = runs[code]
        assert setup == [] and lab == page_outputs(site, lang, name), f"{lang}/labs/{name}.ipynb"
        assert any(lab)
