"""cnn_site's core: the plugin's context, the block watcher, the report, the content path; no build."""

import logging
import sys
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from cnn_site import blocks, content, report
from cnn_site.context import BuildContext
from cnn_site.labs.files import LabFile, is_lab


def config(building, site_dir="/site"):
    i18n = SimpleNamespace(building=building, build_languages=["fa", "en"], default_language="fa",
                           current_language="en" if building else "fa", i18n_files_per_language={})
    return SimpleNamespace(plugins={"i18n": i18n}, site_dir=site_dir, theme={"language": "fa"},
                           config_file_path="/project/mkdocs.yml")


def test_the_context_knows_when_a_site_build_begins_and_ends():
    ctx = BuildContext()
    assert ctx.configure(config(False, "/site")) and ctx.outer_build
    assert not ctx.configure(config(True, "/site/en")) and not ctx.outer_build
    assert ctx.site_dir == "/site" and ctx.languages == ["fa", "en"] and ctx.default_language == "fa"
    assert ctx.language(SimpleNamespace(locale="en")) == "en" and ctx.language(SimpleNamespace()) == "fa"
    assert str(ctx.root) == "/project"


def test_only_lab_files_are_labs():
    lab = LabFile("en/labs/a.py", "/docs", "/site", False, dest_uri="en/labs/a.html")
    assert is_lab(lab) and lab.is_documentation_page() and lab.execution is None
    assert not is_lab(SimpleNamespace(src_uri="en/labs/a.py"))


def test_a_failed_block_is_named_with_its_page():
    watcher = blocks.BlockWatcher()
    watcher.start_page("fa/pooling.md", "fa")
    record = logging.LogRecord("x", logging.WARNING, "", 0, "Execution of python code block 'pool-table' exited with errors", None, None)
    assert watcher.filter(record) and record.msg.startswith("fa/pooling.md: Execution")
    with pytest.raises(PluginError, match="fa/pooling.md: executed block 'pool-table' failed"):
        watcher.check_page()
    watcher.start_page("fa/kernel-size.md", "fa")
    watcher.check_page()  # a new page starts clean


def test_a_block_reports_the_most_expensive_source_of_its_values():
    from collections import Counter

    assert blocks.cache_source(Counter(memo=2, disk=1)) == "disk"
    assert blocks.cache_source(Counter(memo=1, computed=1)) == "computed"
    assert blocks.cache_source(Counter(corrupt=1, computed=1)) == "corrupt"
    assert blocks.cache_source(Counter()) == "none"


def test_the_report_is_written_and_summarised_slowest_first(tmp_path):
    records = [{"page": "fa/a.md", "language": "fa", "block": b, "seconds": s, "cache": c}
               for b, s, c in (("fast", 0.1, "memo"), ("slow", 9.0, "computed"))]
    summary = report.write(tmp_path / "r.json", records, 12.0)
    assert summary.splitlines()[0] == "Executed 2 blocks in 9.1 s (build 12.0 s): 1 computed, 1 memo"
    assert "fa/a.md · slow" in summary.splitlines()[2]
    assert '"build_seconds": 12.0' in (tmp_path / "r.json").read_text()


def test_snippets_come_from_the_project_being_built(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.setenv("PYTHONPATH", "/elsewhere")
    content.make_importable(tmp_path)
    content.make_importable(tmp_path)  # once
    assert sys.path[0] == str(tmp_path) and sys.path.count(str(tmp_path)) == 1
    assert content.os.environ["PYTHONPATH"].split(content.os.pathsep) == [str(tmp_path), "/elsewhere"]
    import snippets.render  # noqa: F401

    loaded = {name: module for name, module in sys.modules.items() if name.startswith("snippets.")}
    try:
        content.forget_snippets()
        assert "snippets.render" not in sys.modules and "cnn_site.cache" in sys.modules
    finally:
        sys.modules.update(loaded)  # the other tests keep the modules they imported


def test_start_up_notices_are_noise_and_other_lines_are_not():
    from cnn_site.quiet import is_noise

    assert is_noise("E0000 00:00:1700000000.1 123 cuda_executor.cc:1 failed call to cuInit: UNKNOWN ERROR")
    assert is_noise("WARNING: All log messages before absl::InitializeLog() is called are written to STDERR")
    assert is_noise("   ")
    assert not is_noise("Traceback (most recent call last):")
    assert not is_noise("ValueError: kernel larger than input")


def test_progress_counts_every_block_and_lab_of_both_languages(tmp_path):
    from cnn_site.progress import BuildProgress, count_work

    for lang in ("fa", "en"):
        (tmp_path / lang / "labs").mkdir(parents=True)
        (tmp_path / lang / "a.md").write_text('```python exec="on" id="x"\nprint(1)\n```\n\n```python\nnot run\n```\n')
        (tmp_path / lang / "labs" / "l.py").write_text("# %%\n")
    assert count_work(tmp_path) == 4
    progress = BuildProgress(stream=open(tmp_path / "log", "w"))
    progress.start(4)
    progress.running("fa/a.md · x")
    assert progress.status_line().startswith("executing 0/4 (") and "fa/a.md · x" in progress.status_line()
    progress.finished("computed")
    progress.finished("memo")
    assert progress.status_line().startswith("executing 2/4") and "1 computed, 1 memo" in progress.status_line()
    progress.close()


def test_labs_become_pages_in_every_language_and_i18n_is_told(tmp_path):
    from mkdocs.structure.files import File, Files

    from cnn_site.labs.files import lab_pages

    raw = File("en/labs/a.py", str(tmp_path), str(tmp_path / "site"), False)
    raw.norm_src_uri, raw.locale = "labs/a.py", "en"
    page = File("en/b.md", str(tmp_path), str(tmp_path / "site"), False)
    ctx = BuildContext()
    ctx.configure(config(True))
    files = lab_pages(Files([raw, page]), ctx, SimpleNamespace(docs_dir=str(tmp_path), site_dir=str(tmp_path / "site"),
                                                                use_directory_urls=False))
    [lab] = [f for f in files if is_lab(f)]
    assert lab.dest_uri == "en/labs/a.html" and lab.locale == "en" and lab.source_path.endswith("en/labs/a.py")
    assert {lang: alt.dest_uri for lang, alt in lab.alternates.items()} == {"fa": "labs/a.html", "en": "en/labs/a.html"}
    assert raw not in list(files) and lab in ctx.i18n.i18n_files_per_language["en"]


def test_with_execution_off_a_lab_is_skipped_not_run(tmp_path, monkeypatch):
    from cnn_site.labs.execute import executed_notebook

    monkeypatch.setenv("SITE_EXECUTE", "off")
    source = tmp_path / "l.py"
    source.write_text("# %% [markdown]\n# Title\n\n# %%\nraise SystemExit('must not run')\n")
    assert executed_notebook(source, tmp_path / "out" / "l.ipynb") == "skipped"
    assert '"outputs": []' in (tmp_path / "out" / "l.ipynb").read_text()
