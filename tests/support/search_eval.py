"""Type the query set of tests/data/search_queries.yml into a built site's search box.

Used by tests/browser/test_search_box.py, and on its own to measure any built site:

    .venv/bin/python -m tests.support.search_eval SITE_DIR        # served over http://127.0.0.1
    .venv/bin/python -m tests.support.search_eval SITE_DIR --file # opened from disk (file://)
"""

import sys
from pathlib import Path
from urllib.parse import urljoin

import yaml

from tests.support.browser import SEARCH_FIRST, launch_chromium, search
from tests.support.project import ROOT
from tests.support.serve import serve

QUERIES = ROOT / "tests" / "data" / "search_queries.yml"
TOP = SEARCH_FIRST  # an expected page must be among the first TOP result pages


def load_queries():
    return yaml.safe_load(QUERIES.read_text("utf-8"))["queries"]


def page_of(url, root):
    """The page path of a result URL relative to the language root, or None if outside it."""
    url = url.split("#")[0].split("?")[0]
    return url[len(root):] if url.startswith(root) else None


def run(browser, base, queries):
    """Run every query; return one record per query (hit, other-language results, top pages)."""
    records = []
    for q in queries:
        root = urljoin(base, "en/" if q["lang"] == "en" else "")
        page = browser.new_page()
        page.goto(root + "index.html", wait_until="load")
        urls = search(page, q["query"])
        page.close()
        pages = [page_of(u, root) for u in urls]
        other = [u for u, p in zip(urls, pages) if p is None or (q["lang"] == "fa" and p.startswith("en/"))]
        first = next((i for i, p in enumerate(pages[:TOP]) if p in q["expect"]), None)
        # A lab that is not expected may not outrank the topic page that explains the query.
        lab_first = first is not None and any(p and p.startswith("labs/") for p in pages[:first])
        records.append({**q, "top": pages[:TOP], "other": other, "hit": first is not None and not lab_first})
    return records


def summary(records):
    hits = sum(r["hit"] for r in records)
    lines = [f"{'ok ' if r['hit'] else 'MISS'} {r['lang']} {r['kind']:<15} {r['query']!r:<28} -> {r['top']}"
             + (f"  OTHER LANGUAGE: {r['other'][:2]}" if r["other"] else "") for r in records]
    mixed = sum(bool(r["other"]) for r in records)
    lines.append(f"{hits}/{len(records)} = {100 * hits / len(records):.1f}% with an expected page in the "
                 f"top {TOP}; {mixed} queries listed pages of the other language")
    return "\n".join(lines)


def main(site, from_disk=False):
    from playwright.sync_api import sync_playwright

    site = Path(site).resolve()
    server = None if from_disk else serve(site)
    with sync_playwright() as p:
        browser = launch_chromium(p)
        print(summary(run(browser, server.url if server else site.as_uri() + "/", load_queries())))
        browser.close()
    if server:
        server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1], "--file" in sys.argv[2:])
