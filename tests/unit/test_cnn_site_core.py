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
    assert ctx.configure(config(False, "/site")) and ctx.outer_build_starting and ctx.all_languages_built
    assert not ctx.configure(config(True, "/site/en")) and not ctx.all_languages_built
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
