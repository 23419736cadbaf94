"""Executed blocks, watched through markdown-exec: the one place that touches its internals.

- **Timing.** markdown-exec's Python runner (`_run_python`) is wrapped so that every
  block is timed, reported to the progress display, and recorded with where its results
  came from: "computed" (ran now), "disk" (on-disk cache), "memo" (already computed in
  this build, by the other language), "corrupt" (a damaged disk entry, computed again),
  "none" (the block calls no cached function),
  "skipped" (SITE_EXECUTE=off). The records go to the execution report (cnn_site/report.py).
- **Failures.** markdown-exec only logs a warning (with the block id, without the page)
  and pastes the traceback into the page; a strict build would fail only at the very
  end. Its warnings get the page in front, and the build stops when the page is done,
  naming the page and the block id.
"""

import functools
import logging
import re
import time
from collections import Counter

from markdown_exec._internal.formatters import python as markdown_exec_python
from mkdocs.exceptions import PluginError

from cnn_site.cache import CACHE, executing
from cnn_site.progress import PROGRESS

LOGGER = "mkdocs.plugins.markdown_exec._internal.formatters.base"
_BLOCK = re.compile(r"Execution of (\w+) code block (?:'([^']*)' )?exited")


def cache_source(delta):
    """Where a block's results came from, given how the cache's counts changed while it ran."""
    return next((how for how in ("corrupt", "computed", "disk", "memo") if delta[how]), "none")


class BlockWatcher(logging.Filter):
    """Knows the page being rendered; records each block; collects the page's failures."""

    def __init__(self):
        super().__init__()
        self.page = self.language = None
        self.failures, self.records = [], []

    def install(self):
        """Idempotent: wrap markdown-exec's runner and filter its logger (once per process)."""
        logger = logging.getLogger(LOGGER)
        for old in [f for f in logger.filters if isinstance(f, BlockWatcher)]:
            logger.removeFilter(old)
        logger.addFilter(self)
        run = getattr(markdown_exec_python._run_python, "__wrapped__", markdown_exec_python._run_python)
        markdown_exec_python._run_python = self._timed(run)

    def filter(self, record):
        """Prefix markdown-exec's warnings with the page being rendered, and remember failures."""
        match = _BLOCK.search(str(record.msg))
        if match:
            self.failures.append(match.group(2) or f"(unnamed {match.group(1)} block)")
        record.msg = f"{self.page or '?'}: {record.msg}"
        return True

    def start_page(self, src_uri, language):
        self.page, self.language, self.failures = src_uri, language, []

    def check_page(self):
        """Raise, naming the page and its failed blocks, if any block of the page failed."""
        if self.failures:
            blocks = ", ".join(f"'{b}'" for b in self.failures)
            raise PluginError(f"{self.page}: executed block {blocks} failed (traceback above)")

    def record(self, block, seconds, source):
        self.records.append({"page": self.page, "language": self.language,
                             "block": block, "seconds": round(seconds, 3), "cache": source})

    def _timed(self, run):
        @functools.wraps(run)
        def wrapper(code, *args, **kwargs):
            block = kwargs.get("id") or "(no id)"
            if not executing():
                self.record(block, 0.0, "skipped")
                PROGRESS.finished("skipped")
                return ""
            PROGRESS.running(f"{self.page} · {block}")
            before, start = Counter(CACHE.stats), time.perf_counter()
            source = "none"
            try:
                return run(code, *args, **kwargs)
            finally:
                source = cache_source(CACHE.stats - before)
                self.record(block, time.perf_counter() - start, source)
                PROGRESS.finished(source)

        return wrapper
