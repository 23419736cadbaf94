"""Progress of the code a build executes: a live bar on a terminal, plain lines elsewhere.

cnn_site/blocks.py (executed blocks) and cnn_site/labs/execute.py (labs) report each
piece of work as it starts and ends. On a terminal, rich draws
one bar (done / total, the block running now, elapsed time, computed vs cached); when
output is not a terminal (CI, a log file), a line is written every few seconds while
code runs. The total counts every executed block and lab of both languages.
"""

import logging
import re
import sys
import threading
import time
from collections import Counter
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.cnn_site.progress")
EXEC_FENCE = re.compile(r'^\s*(`{3,}|~{3,})\s*(?:python|py)\b[^\n]*\bexec="(?:on|1|true|yes)"', re.M)
HEARTBEAT = 5.0  # seconds between plain progress lines


def count_work(docs_dir):
    """Executed blocks in every page, plus one per lab notebook, in every language."""
    docs = Path(docs_dir)
    blocks = sum(len(EXEC_FENCE.findall(p.read_text("utf-8"))) for p in docs.rglob("*.md"))
    labs = sum(1 for p in docs.glob("*/labs/*.py"))
    return blocks + labs


class BuildProgress:
    def __init__(self, stream=sys.stderr):
        self.stream, self.bar, self.thread = stream, None, None
        self.total = self.done = 0
        self.sources, self.current, self.started, self.block_started = Counter(), None, 0.0, 0.0
        self.lock = threading.Lock()

    def start(self, total):
        self.close()
        self.total, self.done, self.sources, self.current = total, 0, Counter(), None
        self.started = time.perf_counter()
        if self.stream.isatty():
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn,
                                       TextColumn, TimeElapsedColumn)

            self.bar = Progress(SpinnerColumn(), TextColumn("executing"), BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), TextColumn("{task.fields[sources]}  {task.description}"),
                                console=Console(file=self.stream), transient=True)
            self.task = self.bar.add_task("", total=total, sources="")
            self.bar.start()
        else:
            self.stop = threading.Event()
            self.thread = threading.Thread(target=self._heartbeat, daemon=True)
            self.thread.start()

    def running(self, label):
        with self.lock:
            self.current, self.block_started = label, time.perf_counter()
        if self.bar:
            self.bar.update(self.task, description=label)

    def finished(self, source):
        with self.lock:
            self.done, self.current = self.done + 1, None
            self.sources[source] += 1
        if self.bar:
            self.bar.update(self.task, completed=self.done, sources=self.summary())

    def summary(self):
        return ", ".join(f"{n} {how}" for how, n in sorted(self.sources.items()))

    def status_line(self):
        with self.lock:
            now = time.perf_counter()
            line = f"executing {self.done}/{self.total} ({now - self.started:.0f} s"
            line += f"; {self.summary()})" if self.sources else ")"
            if self.current:
                line += f": {self.current} ({now - self.block_started:.0f} s)"
            return line

    def _heartbeat(self):
        last = None
        while not self.stop.wait(HEARTBEAT):
            state = (self.done, self.current)
            if state != last or self.current:  # something finished, or is still running
                log.info(self.status_line())
                last = state

    def close(self):
        if self.bar:
            self.bar.stop()
            self.bar = None
        if self.thread:
            self.stop.set()
            self.thread.join()
            self.thread = None
            log.info(self.status_line())  # the final count, however short the build


PROGRESS = BuildProgress()
