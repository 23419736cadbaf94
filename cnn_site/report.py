"""The execution report: every executed block and lab, timed, with where its results came from.

Written to $SITE_CACHE_DIR/execution-report.json (default .cache/) after the build, like
sphinx-gallery's execution times, with a summary of the slowest blocks in the build's log.
Lab notebooks count as one block ("notebook") each. SITE_EXECUTE=off skips every block:
a quick preview of the prose, and the floor that benchmarks/bench.py compares real builds with.
"""

import json
import logging
import sys
from collections import Counter

log = logging.getLogger("mkdocs.plugins.cnn_site.report")


def summary(records, total):
    """The log's summary: counts by source, then the ten slowest blocks."""
    by_source = Counter(r["cache"] for r in records)
    lines = [f"Executed {len(records)} blocks in {sum(r['seconds'] for r in records):.1f} s "
             f"(build {total:.1f} s): " + ", ".join(f"{n} {k}" for k, n in sorted(by_source.items())),
             f"{'seconds':>8}  {'cache':<8}  page · block"]
    for r in sorted(records, key=lambda r: -r["seconds"])[:10]:
        lines.append(f"{r['seconds']:8.2f}  {r['cache']:<8}  {r['page']} · {r['block']}")
    return "\n".join(lines)


def write(path, records, total):
    """Write the JSON report and log its summary; return the summary."""
    report = {"build_seconds": round(total, 3), "tensorflow_imported": "tensorflow" in sys.modules,
              "blocks": records}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=1, ensure_ascii=False), "utf-8")
    text = summary(records, total)
    log.info("%s\nReport: %s", text, path)
    return text
