"""Execute each lab's code once, and give its outputs to every language's notebook.

The Persian and English versions of a lab share their code cells (only the prose is
translated), so the code runs once per build, and once at all while neither it nor the
`snippets` modules it imports nor the library versions change. The outputs go through
the one execution cache (cnn_site/cache.py: memo, then disk under
$SITE_CACHE_DIR/notebooks, then a run) and are merged into each language's notebook,
which mkdocs-jupyter then only renders (`execute: false`) — jupyter-cache's split of
hashing code cells and merging outputs, with the `snippets` fingerprint in the key.
A failing cell stops the build with the lab's name and the cell's traceback.
"""

import hashlib
import re
import subprocess

import jupytext
import nbclient
from mkdocs.exceptions import PluginError

from cnn_site.cache import CACHE, code_fingerprint, executing, imported_snippets, library_versions
from cnn_site.quiet import VERBOSE, is_noise

NAMESPACE = "notebooks"
_FORMAT = "3"  # bump when this module changes what it stores (3: no start-up noise, streams joined)


def _code(notebook):
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def _key(notebook, source):
    code = "\n# %% ----\n".join(cell.source for cell in _code(notebook))
    parts = [_FORMAT, code, code_fingerprint(imported_snippets(source)), repr(sorted(library_versions().items()))]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _clean(outputs):
    """Drop stderr made only of TensorFlow's start-up notices, and join consecutive stream
    outputs: how a kernel splits its prints into messages varies from run to run."""
    cleaned = []
    for output in outputs:
        if output.get("name") == "stderr" and all(is_noise(l) for l in output["text"].splitlines()):
            continue
        previous = cleaned[-1] if cleaned else {}
        if output["output_type"] == "stream" and previous.get("output_type") == "stream" and previous["name"] == output["name"]:
            previous["text"] += output["text"]
        else:
            cleaned.append(output)
    return cleaned


def _execute(notebook, source_path):
    """Run every cell in a fresh kernel; return each code cell's (count, outputs)."""
    client = nbclient.NotebookClient(notebook, timeout=1800, kernel_name="python3",
                                     resources={"metadata": {"path": str(source_path.parent)}})
    # A kernel's own stderr carries only its start-up notices (transport warnings,
    # TensorFlow's C++ logging); cell output reaches the notebook through messages.
    try:
        client.execute(**({} if VERBOSE else {"stderr": subprocess.DEVNULL}))
    except nbclient.exceptions.CellExecutionError as error:
        plain = re.sub(r"\x1b\[[0-9;]*m", "", str(error))  # the traceback's terminal colours
        raise PluginError(f"lab notebook {source_path} failed:\n{plain}") from None
    return [(cell.execution_count, _clean(cell.outputs)) for cell in _code(notebook)]


def _outputs(notebook, text, source_path):
    """Each code cell's (count, outputs), and where they came from."""
    if not executing():
        return [(None, [])] * len(_code(notebook)), "skipped"
    return CACHE.get_or_compute(NAMESPACE, _key(notebook, text),
                                lambda: _execute(jupytext.reads(text, fmt="py:percent"), source_path))


def executed_notebook(source_path, dest_path):
    """Write source_path (jupytext) with outputs to dest_path; return how they were obtained."""
    text = source_path.read_text("utf-8")
    notebook = jupytext.reads(text, fmt="py:percent")
    outputs, how = _outputs(notebook, text, source_path)
    for cell, (count, cell_outputs) in zip(_code(notebook), outputs):
        cell.execution_count, cell.outputs = count, cell_outputs
    for number, cell in enumerate(notebook.cells):
        cell.id = f"cell-{number}"  # jupytext draws random ids: keep builds identical
    dest_path.parent.mkdir(parents=True, exist_ok=True)
    jupytext.write(notebook, dest_path)
    return how
