"""A downloaded lab runs outside the repository: snippets code copied in, packages listed."""

import importlib.metadata
import json
import re
import subprocess
import sys

import jupytext
import numpy as np
import pytest

from tests.support.project import LANGUAGES, ROOT

from cnn_site.labs.download import for_jupyter, setup_note, standalone
from cnn_site.labs.inline import inline, requirements

LABS = ("max-pooling", "image-filters", "keras-tuner")


def lab(name, lang="en"):
    return jupytext.read(ROOT / "docs" / lang / "labs" / f"{name}.py")


def code_of(notebook):
    return [cell.source for cell in notebook.cells if cell.cell_type == "code"]


def run_isolated(code, cwd):
    """Run code with `python -I` (no PYTHONPATH, no script folder on sys.path) in cwd; return its stdout."""
    env = {"PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-I", "-c", code], cwd=cwd, env=env, text=True, capture_output=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("name", LABS)
def test_inlined_labs_import_nothing_from_snippets(name):
    inlined = inline(code_of(lab(name)))
    code = "\n".join([inlined.setup, *inlined.cells])
    assert "snippets" in " ".join(code_of(lab(name)))  # the repository's lab does import it
    assert not re.search(r"^\s*(from|import) snippets\b", code, re.M)
    assert "@cached" not in code and "cnn_site" not in code
    compile(code, name, "exec")
    assert inlined.modules[0] == "snippets/__init__.py"  # its start-up settings (TensorFlow's) come first


def test_setup_cell_defines_the_same_values_without_the_repository(tmp_path):
    """The copied definitions, run where `snippets` cannot be imported, give snippets' own values."""
    from snippets.filters import KERNELS, load_image
    from snippets.pooling import SEED_MATRIX
    from snippets.tuners import digits

    setup = inline(["from snippets.filters import KERNELS, load_image\n"
                    "from snippets.pooling import SEED_MATRIX\nfrom snippets.tuners import digits\n"]).setup
    probe = ("import importlib.util, json\nassert importlib.util.find_spec('snippets') is None\n" + setup +
             "\nprint(json.dumps({'seed': SEED_MATRIX, 'kernels': {k: v.tolist() for k, v in KERNELS.items()},"
             " 'image': float(load_image().sum()), 'labels': digits()['test'][1].tolist()}))")
    values = json.loads(run_isolated(probe, tmp_path))
    assert values["seed"] == [list(row) for row in SEED_MATRIX]
    assert values["kernels"] == {k: v.tolist() for k, v in KERNELS.items()}
    assert values["image"] == float(load_image().sum())
    assert values["labels"] == digits()["test"][1].tolist()


def test_dependencies_come_before_what_uses_them():
    setup = inline(["from snippets.filters import KERNELS"]).setup
    assert setup.index("def box_kernel") < setup.index("KERNELS = ") and setup.index("LAPLACIAN = ") < setup.index("KERNELS = ")
    assert setup.index("import numpy as np") < setup.index("def box_kernel")
    assert "def load_image" not in setup  # only what KERNELS needs


def test_snippets_import_becomes_a_pointer_to_the_setup_cell():
    cells = inline(["import numpy as np\nfrom snippets.pooling import (\n    SEED_MATRIX,\n)\nx = np.array(SEED_MATRIX)"]).cells
    assert cells == ["import numpy as np\n# SEED_MATRIX: from snippets/pooling.py, defined in the first code cell\n"
                     "x = np.array(SEED_MATRIX)"]


@pytest.mark.parametrize("cell, message", [("import snippets.pooling", "not `import snippets"),
                                           ("from cnn_site.cache import cached", "only in a build"),
                                           ("from snippets.pooling import NOTHING_HERE", "NOTHING_HERE"),
                                           ("if True:\n    from snippets.pooling import SEED_MATRIX", "top level")])
def test_what_cannot_be_copied_fails_loudly(cell, message):
    with pytest.raises((ValueError, ImportError), match=message):
        inline([cell])


def test_requirements_are_the_installed_versions_of_what_the_code_imports():
    packages = requirements(["import os\nimport cv2\nfrom sklearn.datasets import load_digits\nimport keras"])
    assert set(packages) == {"opencv-python-headless", "scikit-learn", "keras", "tensorflow"}  # keras needs a backend
    assert packages == {name: importlib.metadata.version(name) for name in packages}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_standalone_notebook_starts_with_packages_in_the_page_language(lang):
    notebook = standalone(lab("max-pooling", lang), lang)
    note, setup = notebook.cells[0], notebook.cells[1]
    assert note.cell_type == "markdown" and setup.cell_type == "code"
    assert f"pip install keras=={importlib.metadata.version('keras')} numpy==" in note.source
    assert ("پیش از اجرا" in note.source) == (lang == "fa") and ("Before you run it" in note.source) == (lang == "en")
    assert all(c.source.startswith('<div dir="rtl">') == (lang == "fa") for c in notebook.cells if c.cell_type == "markdown")
    assert "SEED_MATRIX = " in setup.source
    assert lab("max-pooling", lang).cells[0].source[:10] in notebook.cells[2].source[:40]  # then the lab itself
    assert not any("{ #" in cell.source for cell in notebook.cells)  # heading ids are for the site only
    assert notebook.metadata["kernelspec"]["name"] == "python3"


def test_note_lists_modules_with_the_language_separator():
    assert "`a.py`، `b.py`" in setup_note({"numpy": "2"}, ["a.py", "b.py"], "fa")
    assert "`numpy==2`" in setup_note({"numpy": "2"}, ["a.py"], "en")
    assert "snippets" not in setup_note({"numpy": "2"}, [], "en")  # a lab that imports nothing from it
    assert np  # numpy is imported by the lab code these tests read


def test_markdown_for_jupyter_has_no_heading_ids_and_absolute_site_links():
    page = "https://example.org/site/en/labs/keras-tuner.html"
    text = "## The data { #data }\nSee [the tuners](../tuners.md#grid), [a figure](fig.png), [x](https://a.b/c.md), [top](#data)."
    assert for_jupyter(text, page) == ("## The data\nSee [the tuners](https://example.org/site/en/tuners.html#grid), "
                                       "[a figure](https://example.org/site/en/labs/fig.png), [x](https://a.b/c.md), [top](#data).")
    assert for_jupyter(text) == text.replace(" { #data }", "")  # no site address: links stay as written
    assert for_jupyter("## داده { #data }", lang="fa") == '<div dir="rtl">\n\n## داده\n\n</div>'
