"""Make the repository's `snippets` package importable by executed blocks and lab kernels."""

import os
import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parent.parent)


def on_config(config):
    if ROOT not in sys.path:
        sys.path.insert(0, ROOT)
    # Notebook kernels are separate processes: they find `snippets` through PYTHONPATH.
    paths = os.environ.get("PYTHONPATH", "").split(os.pathsep)
    if ROOT not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join([ROOT, *filter(None, paths)])
    if not config.plugins["i18n"].building:
        _forget_snippets()
    return config


def _forget_snippets():
    """Under `mkdocs serve`, re-import edited snippets modules at each rebuild.

    snippets.cache stays: it holds the memo, whose keys include each module's source.
    """
    for name in [n for n in sys.modules if n.startswith("snippets.") and n != "snippets.cache"]:
        del sys.modules[name]
