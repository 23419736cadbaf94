"""Build-time and page-weight benchmark: `make bench`.

On a copy of the project, in one run on one machine, it measures
  (a) a cold build (empty cache), (b) a warm rebuild with nothing changed,
  (c) the floor: the same site built with execution switched off (SITE_EXECUTE=off),
  (d) a rebuild after a prose-only edit, (e) a rebuild after touching one snippets
  module (and how many blocks re-executed), (f) the bytes a browser (headless
  Chromium) transfers for each page on a first visit, served with gzip as GitHub Pages
  serves it, beside a bare Material page built with the same MkDocs (the reference:
  median page <= 2x, largest <= 3x), and (g) Lighthouse's mobile scores
  for every page, served with gzip, beside a bare Material page built with the same
  MkDocs: medians of 3 runs (benchmarks/lighthouse.py; LIGHTHOUSE_RUNS sets the number,
  BENCH_LIGHTHOUSE=off skips it).
It prints a table and writes it to benchmarks/RESULTS.md with the date, machine and versions.
"""

import datetime
import importlib.metadata
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: tests.support, shared with the tests
from tests.support.browser import launch_chromium  # noqa: E402
from tests.support.pages import page_paths  # noqa: E402
from tests.support.project import LANGUAGES, ROOT, build_site, copy_project  # noqa: E402
from tests.support.serve import Server, serve  # noqa: E402

RESULTS = ROOT / "benchmarks" / "RESULTS.md"
PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "markdown-exec", "mkdocs-jupyter",
            "tensorflow", "keras", "keras-tuner", "numpy")


def build(project, cache, **env):
    """One strict build with the cache at `cache`; return (wall seconds, execution report)."""
    start = time.perf_counter()
    result = build_site(project, project / "site", cache_dir=cache, extra_env=env)
    seconds = time.perf_counter() - start
    if result.returncode:
        sys.exit(f"the build failed:\n{result.stdout[-4000:]}")
    return seconds, json.loads((cache / "execution-report.json").read_text("utf-8"))


def build_times(work, site_url):
    """Every build for the address the site is then served from, as the deploy workflow builds."""
    project, cache = copy_project(work / "project", pages=None), work / "cache"
    floor_project = copy_project(work / "floor", pages=None)
    rows = {}
    rows["cold"] = build(project, cache, SITE_URL=site_url)
    rows["warm"] = build(project, cache, SITE_URL=site_url)
    rows["floor"] = build(floor_project, work / "floor-cache", SITE_EXECUTE="off", SITE_URL=site_url)
    with open(project / "docs" / "en" / "index.md", "a", encoding="utf-8") as page:
        page.write("\nOne more sentence of prose.\n")
    rows["prose edit"] = build(project, cache, SITE_URL=site_url)
    with open(project / "snippets" / "pooling.py", "a", encoding="utf-8") as module:
        module.write("\n# touched by the benchmark\n")
    rows["snippets edit"] = build(project, cache, SITE_URL=site_url)
    return rows, project / "site"


def _pages(site):
    """Every content page of both languages, relative to the site."""
    return sorted(folder + page for lang, folder in LANGUAGES.items() for page in page_paths(site, lang))


KINDS = {"document": "HTML", "stylesheet": "CSS", "script": "JS", "font": "fonts", "image": "images"}


def page_weights(server, pages):
    """Bytes a fresh headless Chromium transfers for each page (gzip as GitHub Pages serves), by kind."""
    from playwright.sync_api import sync_playwright

    weights = {}
    with sync_playwright() as p:
        browser = launch_chromium(p)
        for page_path in pages:
            context = browser.new_context()  # an empty browser cache for each page
            page = context.new_page()
            fetched = []
            page.on("requestfinished", lambda r: fetched.append(r))
            page.goto(server.url + page_path, wait_until="networkidle")
            weights[page_path] = kinds = dict.fromkeys([*KINDS.values(), "other"], 0)
            for request in fetched:  # "other": the favicon, the sitemaps, a search index once searched
                kinds[KINDS.get(request.resource_type, "other")] += request.sizes()["responseBodySize"]  # as sent
            context.close()
        browser.close()
    return weights


def bare_material(work):
    """A one-page Material site built with the same MkDocs: the reference for page weight."""
    project = work / "bare"
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: Bare\ntheme:\n  name: material\n", "utf-8")
    (project / "docs" / "index.md").write_text("# Bare\n\n" + "A paragraph of plain text. " * 40 + "\n", "utf-8")
    result = build_site(project, project / "site")
    if result.returncode:
        sys.exit(f"the bare Material build failed:\n{result.stdout[-4000:]}")
    return project / "site"


def lighthouse_table(site, bare, server):
    import lighthouse

    results = lighthouse.audit(site, _pages(site), server)
    reference = lighthouse.audit(bare, ["index.html"])["index.html"]
    runs = reference["runs"]
    worst = {"performance": min(r["performance"] for r in results.values()),
             "TBT ms": max(r["TBT ms"] for r in results.values()), "CLS": max(r["CLS"] for r in results.values())}
    over = sorted(page for page, r in results.items() if r["TBT ms"] > 150)
    return "\n".join([
        f"Lighthouse {lighthouse.LIGHTHOUSE.split('@')[1]}, mobile profile (simulated slow 4G, 4x slower CPU), "
        f"each page served with gzip from localhost; every figure is the median of {runs} runs, made in rounds "
        "over the pages (LIGHTHOUSE_RUNS), with the range of the blocking time beside it. Targets: "
        "performance >= 95, TBT <= 150 ms, CLS <= 0.05. KiB is what Lighthouse's own load fetched; "
        "the page-weight table above is the measure of bytes.", "",
        lighthouse.table({"bare Material page (reference)": reference, **results}), "",
        f"Worst medians: performance {worst['performance']:.0f}, TBT {worst['TBT ms']:.0f} ms, "
        f"CLS {worst['CLS']:.3f}. TBT above 150 ms on {len(over)} of {len(results)} pages"
        + (f": {', '.join(over)}." if over else ".")])


def _execution_seconds(report, language):
    return sum(r["seconds"] for r in report["blocks"] if r["language"] == language)


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines()
                if l.startswith("model name")), platform.processor())
    return f"{platform.system()} {platform.machine()}, {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def table(rows, weights, reference):
    floor = rows["floor"][0]
    cold = rows["cold"][1]
    recomputed = sum(r["cache"] == "computed" for r in rows["snippets edit"][1]["blocks"])
    lines = ["| build | seconds | / floor | target | note |", "| --- | ---: | ---: | --- | --- |"]
    notes = {"cold": f"execution: fa {_execution_seconds(cold, 'fa'):.2f} s, en {_execution_seconds(cold, 'en'):.2f} s",
             "warm": f"TensorFlow imported: {rows['warm'][1]['tensorflow_imported']}",
             "floor": "SITE_EXECUTE=off", "prose edit": "one sentence added to en/index.md",
             "snippets edit": f"{recomputed} of {len(rows['snippets edit'][1]['blocks'])} blocks re-executed"}
    targets = {"warm": "<= 1.2", "prose edit": "<= 1.3"}
    for name, (seconds, _) in rows.items():
        lines.append(f"| {name} | {seconds:.2f} | {seconds / floor:.2f} | {targets.get(name, '')} | {notes[name]} |")
    return "\n".join(lines + ["", weight_table(weights, reference)])


def weight_table(weights, reference):
    """KiB per page and kind, the bare Material page first; median and largest against it."""
    kinds = list(reference)
    bare = sum(reference.values())
    totals = {page: sum(by_kind.values()) for page, by_kind in weights.items()}
    median, largest = statistics.median(totals.values()), max(totals.values())

    def row(name, by_kind, total):
        cells = " | ".join(f"{by_kind[k] / 1024:.0f}" if by_kind else "" for k in kinds)
        return f"| {name} | {cells} | {total / 1024:.0f} | {total / bare:.2f} |"

    lines = ["Page weight: KiB a browser with an empty cache transfers for a first visit to each page, served "
             "with gzip as GitHub Pages serves it (targets: median page <= 2x, largest <= 3x the bare Material "
             "page, a one-page site built with the same MkDocs; the search index is fetched once a reader "
             "opens search, and is not counted).", "",
             "| page | " + " | ".join(kinds) + " | total | / bare |", "| --- |" + " ---: |" * (len(kinds) + 2),
             row("**bare Material page** (reference)", reference, bare)]
    lines += [row(page, by_kind, totals[page]) for page, by_kind in sorted(weights.items())]
    lines += [row("**median**", {}, median), row("**largest**", {}, largest)]
    return "\n".join(lines)


def main():
    from lighthouse import GzipHandler

    server = Server(handler=GzipHandler)  # bound now: the site is built for its address, then served
    with tempfile.TemporaryDirectory() as tmp:
        rows, site = build_times(Path(tmp), server.url)
        server.directory = site
        server.start()
        bare = serve(bare_material(Path(tmp)), GzipHandler)
        weights = page_weights(server, _pages(site))
        reference = page_weights(bare, ["index.html"])["index.html"]
        bare.shutdown()
        scores = lighthouse_table(site, bare.directory, server) \
            if os.environ.get("BENCH_LIGHTHOUSE", "on") != "off" else "Lighthouse: skipped (BENCH_LIGHTHOUSE=off)."
        server.shutdown()
    versions = ", ".join(f"{p} {importlib.metadata.version(p)}" for p in PACKAGES)
    text = (f"# Benchmark results\n\nMeasured {datetime.date.today()} by `make bench` on {machine()}.\n"
            f"Versions: {versions}.\n\nTimes are wall-clock seconds of `mkdocs build --strict` "
            f"(both languages), including Python's start-up.\n\n{table(rows, weights, reference)}\n\n{scores}\n")
    history = RESULTS.read_text("utf-8").partition("\n## History")[1:] if RESULTS.exists() else ()
    RESULTS.write_text(text + "".join(history), "utf-8")  # measured before/after notes are kept
    print(text)


if __name__ == "__main__":
    main()
