"""Execute each lab's code once, and give its outputs to every language's notebook.

The Persian and English versions of a lab share their code cells (only the prose is
translated), so the code runs once per build, and once at all while neither it nor the
`snippets` modules it imports nor the library versions change. The outputs are stored
like snippets/cache.py stores results (checksummed, atomic, under
$SITE_CACHE_DIR/notebooks, turned off by SITE_CACHE=off) and merged into each
language's notebook, which mkdocs-jupyter then only renders (`execute: false`).
A failing cell stops the build with the lab's name and the cell's traceback.
"""

import hashlib
import os
import re
import subprocess
import time
from pathlib import Path

import jupytext
import nbclient
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from _progress import PROGRESS  # hooks/_progress.py: the live progress display
from _startup_noise import is_noise  # hooks/_startup_noise.py: TensorFlow's start-up notices

_memo = {}
_FORMAT = "3"  # bump when this hook changes what it stores (3: no start-up noise, streams joined)


def _code(notebook):
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def _key(notebook, source):
    from snippets.cache import code_fingerprint, imported_snippets, library_versions

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
    quiet = os.environ.get("SITE_VERBOSE", "").lower() not in {"1", "on", "true", "yes"}
    try:
        client.execute(**({"stderr": subprocess.DEVNULL} if quiet else {}))
    except nbclient.exceptions.CellExecutionError as error:
        plain = re.sub(r"\x1b\[[0-9;]*m", "", str(error))  # the traceback's terminal colours
        raise PluginError(f"lab notebook {source_path} failed:\n{plain}") from None
    return [(cell.execution_count, _clean(cell.outputs)) for cell in _code(notebook)]


def _outputs(notebook, text, source_path):
    """Each code cell's (count, outputs), and where they came from."""
    from snippets.cache import cache_dir, disk_enabled, executing, read_entry, write_entry

    if not executing():
        return [(None, [])] * len(_code(notebook)), "skipped"
    key = _key(notebook, text)
    if key in _memo:
        return _memo[key], "memo"
    entry = cache_dir() / "notebooks" / f"{key[:40]}.pkl"
    if disk_enabled() and entry.exists():
        try:
            _memo[key] = read_entry(entry)
            return _memo[key], "disk"
        except Exception:  # partial or corrupt: run it again
            pass
    _memo[key] = _execute(jupytext.reads(text, fmt="py:percent"), source_path)
    if disk_enabled():
        write_entry(entry, _memo[key])
    return _memo[key], "computed"


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


@event_priority(-250)  # after hooks/labs.py has made the labs pages again (-200)
def on_files(files, config):
    from snippets.cache import cache_dir

    for file in files:
        if getattr(file, "source_path", None):
            start = time.perf_counter()
            PROGRESS.running(f"{file.src_uri} (lab)")
            dest = cache_dir() / "notebooks" / "executed" / Path(file.src_uri).with_suffix(".ipynb")
            how = executed_notebook(Path(file.source_path), dest)
            PROGRESS.finished(how)
            file.abs_src_path = str(dest)  # mkdocs-jupyter renders the executed copy
            file.execution = (time.perf_counter() - start, how)
    return files
