"""The content package (`snippets`) as executed blocks and lab kernels see it.

Blocks run in the build's process, lab kernels in their own: both import `snippets` from
the project being built (the folder of mkdocs.yml), through sys.path and PYTHONPATH.
Under `mkdocs serve`, edited `snippets` modules are imported again at each rebuild (the
execution cache lives in cnn_site, so its memo survives; its keys include each module's
source). Render helpers print in the page's language (snippets/i18n.py).
"""

import os
import sys


def make_importable(root):
    """Put the project's folder first on sys.path and on the kernels' PYTHONPATH."""
    root = str(root)
    if root not in sys.path:
        sys.path.insert(0, root)
    paths = os.environ.get("PYTHONPATH", "").split(os.pathsep)
    if root not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join([root, *filter(None, paths)])


def forget_snippets():
    """Drop imported `snippets` modules, so that a rebuild imports the edited ones."""
    for name in [n for n in sys.modules if n.startswith("snippets.")]:
        del sys.modules[name]


def set_page_language(lang):
    """Tell the render helpers which language the page being built is in."""
    from snippets.i18n import set_language

    set_language(lang)
