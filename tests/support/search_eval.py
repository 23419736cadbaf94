"""Type the query set of tests/data/search_queries.yml into a built site's search box.

Used by tests/test_search.py, and on its own to measure any built site:

    .venv/bin/python tests/search_eval.py SITE_DIR        # served over http://127.0.0.1
    .venv/bin/python tests/search_eval.py SITE_DIR --file # opened from disk (file://)
"""

import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

import yaml

QUERIES = Path(__file__).parent / "data" / "search_queries.yml"
TOP = 3  # an expected page must be among the first TOP result pages


def load_queries():
    return yaml.safe_load(QUERIES.read_text("utf-8"))["queries"]


def search(page, query):
    """Type `query` into the search box; return the result pages' URLs (one per page, best first)."""
    field = page.locator(".md-search__input")
    field.first.click()
    field.fill(query)
    field.press("End")  # Material searches on key-up: end with a real key press
    # Wait for the answer: the count replaces the placeholder, then the first items appear.
    page.wait_for_function(
        """top => { const m = document.querySelector('.md-search-result__meta');
                    if (!m || m.textContent.trim() === m.dataset.placeholder) return false;
                    const found = parseInt(m.textContent.replace(/[^0-9]/g, '') || '0', 10);
                    return document.querySelectorAll('.md-search-result__item').length >= Math.min(found, top); }""",
        arg=TOP, timeout=10000)
    # The click's focus sent an empty query first; its answer may arrive after the field
    # was filled (and show "no results"). Answers come in order: wait until they settle.
    seen = []
    while (len(seen) < 3 or len(set(seen[-3:])) > 1) and len(seen) < 40:
        page.wait_for_timeout(250)
        seen.append(page.evaluate("() => document.querySelector('.md-search-result__meta').textContent + '|' + "
                                  "[...document.querySelectorAll('.md-search-result__item > a:first-child')]"
                                  ".map(a => a.href).join(' ')"))
    return page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item > a:first-child", "links => links.map(a => a.href)")


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
        # Remember the placeholder, to tell when results have replaced it.
        page.wait_for_selector(".md-search-result__meta", state="attached")
        page.eval_on_selector(".md-search-result__meta", "m => m.dataset.placeholder = m.textContent.trim()")
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
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM_ARGS, _QuietHandler, find_browser

    site = Path(site).resolve()
    httpd = None
    if from_disk:
        base = site.as_uri() + "/"
    else:
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_browser().path, args=CHROMIUM_ARGS)
        print(summary(run(browser, base, load_queries())))
        browser.close()
    if httpd:
        httpd.shutdown()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main(sys.argv[1], "--file" in sys.argv[2:])
