"""Turn jupytext labs under docs/<lang>/labs/ back into executed notebook pages.

mkdocs-static-i18n rebuilds the file list after mkdocs-jupyter has claimed the
notebooks, so they would be copied raw and never executed (static-i18n issue #198).
After i18n's `on_files` each lab becomes a documentation page again (a `LabFile`), with
the language alternates the switcher needs; its code is executed (execute.py) into a copy
under the cache, which mkdocs-jupyter renders.
"""

import time
from pathlib import Path, PurePosixPath

from mkdocs.structure.files import File

from cnn_site.cache import cache_dir
from cnn_site.labs.execute import executed_notebook
from cnn_site.progress import PROGRESS


class LabFile(File):
    """A jupytext script that is a page of the site.

    source_path: the jupytext script in docs/ (abs_src_path moves to the executed copy);
    execution: (seconds, where its outputs came from), once executed.
    """

    source_path: str
    execution: tuple = None

    def is_documentation_page(self):
        return True


def is_lab(file):
    """The one test of "is this page a lab?"."""
    return isinstance(file, LabFile)


def _lab_file(norm_uri, lang, ctx, config):
    dest = str(PurePosixPath(norm_uri).with_suffix(".html"))
    if lang != ctx.default_language:
        dest = f"{lang}/{dest}"
    lab = LabFile(f"{lang}/{norm_uri}", config.docs_dir, config.site_dir,
                  config.use_directory_urls, dest_uri=dest)
    lab.source_path = lab.abs_src_path
    return ctx.localise(lab, lang, norm_uri)


def lab_pages(files, ctx, config):
    """Replace i18n's raw lab files with LabFile pages, and tell i18n about them."""
    for file in [f for f in files if ctx.is_lab_source(f)]:
        lab = _lab_file(file.norm_src_uri, file.locale, ctx, config)
        lab.alternates = {lang: _lab_file(file.norm_src_uri, lang, ctx, config) for lang in ctx.languages}
        files.remove(file)
        files.append(lab)
    ctx.replace_pages(files)
    return files


def execute_labs(files):
    """Execute each lab page (or take its outputs from the cache); point it at the executed copy."""
    for file in filter(is_lab, files):
        start = time.perf_counter()
        PROGRESS.running(f"{file.src_uri} (lab)")
        dest = cache_dir() / "notebooks" / "executed" / Path(file.src_uri).with_suffix(".ipynb")
        how = executed_notebook(Path(file.source_path), dest)
        PROGRESS.finished(how)
        file.abs_src_path = str(dest)  # mkdocs-jupyter renders the executed copy
        file.execution = (time.perf_counter() - start, how)
    return files
