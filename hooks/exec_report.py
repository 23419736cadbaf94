"""Time every executed block and lab notebook; write a JSON report, print a summary.

Each record: page, language, block id, seconds, and where its results came from:
"computed" (ran now), "disk" (on-disk cache), "memo" (already computed in this build,
by the other language), "none" (the block calls no cached function), "skipped". Lab notebooks count as one
block each. SITE_EXECUTE=off skips every block: a quick preview of the prose, and the
floor that benchmarks/bench.py compares real builds with. The report goes
to $SITE_CACHE_DIR/execution-report.json (default .cache/), like sphinx-gallery's
execution times.
"""

import functools
import json
import logging
import sys
import time
from collections import Counter

from _progress import PROGRESS, count_work  # hooks/_progress.py: the live progress display
from markdown_exec._internal.formatters import python as markdown_exec_python
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.exec_report")
_state = {"page": None, "lang": None, "records": [], "start": 0.0}


def _source(delta):
    for how in ("computed", "corrupt", "disk", "memo"):
        if delta[how]:
            return "computed" if how == "corrupt" else how
    return "none"


def _timed(run):
    """Wrap markdown-exec's Python runner to record each block."""

    @functools.wraps(run)
    def wrapper(code, *args, **kwargs):
        from snippets.cache import executing, stats

        block = kwargs.get("id") or "(no id)"
        if not executing():
            _record(block, 0.0, "skipped")
            return ""
        PROGRESS.running(f"{_state['page']} · {block}")
        before, start = Counter(stats), time.perf_counter()
        try:
            return run(code, *args, **kwargs)
        finally:
            _record(block, time.perf_counter() - start, _source(stats - before))

    return wrapper


def _record(block, seconds, source):
    _state["records"].append({"page": _state["page"], "language": _state["lang"],
                              "block": block, "seconds": round(seconds, 3), "cache": source})
    if block != "notebook":  # labs report their own progress (hooks/notebook_cache.py)
        PROGRESS.finished(source)


def on_config(config):
    if not config.plugins["i18n"].building:  # the first language: a new build begins
        _state.update(records=[], start=time.perf_counter())
        PROGRESS.start(count_work(config.docs_dir))
    if not hasattr(markdown_exec_python._run_python, "__wrapped__"):
        markdown_exec_python._run_python = _timed(markdown_exec_python._run_python)
    return config


def on_page_markdown(markdown, page, config, **kwargs):
    _state["page"] = page.file.src_uri
    _state["lang"] = getattr(page.file, "locale", None) or config.theme["language"]
    if hasattr(page.file, "execution"):  # a lab, executed by hooks/notebook_cache.py
        _record("notebook", *page.file.execution)
    return markdown


def _summary(records, total):
    by_source = Counter(r["cache"] for r in records)
    lines = [f"Executed {len(records)} blocks in {sum(r['seconds'] for r in records):.1f} s "
             f"(build {total:.1f} s): " + ", ".join(f"{n} {k}" for k, n in sorted(by_source.items())),
             f"{'seconds':>8}  {'cache':<8}  page · block"]
    for r in sorted(records, key=lambda r: -r["seconds"])[:10]:
        lines.append(f"{r['seconds']:8.2f}  {r['cache']:<8}  {r['page']} · {r['block']}")
    return "\n".join(lines)


@event_priority(-150)  # after mkdocs-static-i18n has built the other languages
def on_post_build(config):
    if config.plugins["i18n"].building:
        return
    from snippets.cache import cache_dir

    PROGRESS.close()
    total = time.perf_counter() - _state["start"]
    report = {"build_seconds": round(total, 3), "tensorflow_imported": "tensorflow" in sys.modules,
              "blocks": _state["records"]}
    path = cache_dir() / "execution-report.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=1, ensure_ascii=False), "utf-8")
    log.info("%s\nReport: %s", _summary(_state["records"], total), path)
