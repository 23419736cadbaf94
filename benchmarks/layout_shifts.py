"""Which elements move while a page loads on a phone over a slow line, and by how much.

`python benchmarks/layout_shifts.py SITE_DIR [PAGE ...]` serves a built site with gzip,
opens each page (every page of both languages by default) in headless Chromium as a
412 px phone over simulated slow 4G (150 ms, 1.6 Mbit/s) with a 4x slower CPU, and prints
each layout shift with its time, its score and the elements it moved (their rectangles
before -> after). Harsher than Lighthouse's CLS, which loads the page at full speed and
only simulates the slow line; and Lighthouse 12's own "layout-shifts" audit fails with
Debian's Chromium. The sum per page is the page's CLS as a reader on that line sees it.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: tests.support
from bench import _pages  # noqa: E402  every content page of both languages, as make bench measures them
from tests.support.browser import launch_chromium  # noqa: E402
from tests.support.serve import serve  # noqa: E402

RECORD = """
window.__shifts = [];
new PerformanceObserver(list => { for (const e of list.getEntries()) window.__shifts.push({
  time: Math.round(e.startTime), value: e.value, input: e.hadRecentInput,
  moved: e.sources.map(s => {
    const n = s.node, r = rect => [rect.x, rect.y, rect.width, rect.height].map(Math.round).join(",");
    const name = !n ? "?" : n.nodeType === 3 ? `text "${n.textContent.trim().slice(0, 30)}"` : `${n.nodeName.toLowerCase()}.${n.className}`;
    return `${name} [${r(s.previousRect)}] -> [${r(s.currentRect)}]`;
  })}) }).observe({type: "layout-shift", buffered: true});
"""
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}


def shifts(url, browser):
    """The layout shifts of one page load, as recorded by the page.

    All of them count: nothing here touches the page, although Chromium marks some shifts
    of an emulated phone's first second "after input" (Lighthouse counted those same shifts).
    """
    context = browser.new_context(viewport={"width": 412, "height": 823}, device_scale_factor=1.75, is_mobile=True)
    page = context.new_page()
    page.add_init_script(RECORD)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(url, wait_until="load")
    page.wait_for_timeout(2500)  # fonts, Material's script and the sitemaps it fetches
    found = page.evaluate("window.__shifts")
    context.close()
    return found


def main(site, pages):
    from playwright.sync_api import sync_playwright

    from lighthouse import GzipHandler

    server = serve(site, GzipHandler)
    try:
        with sync_playwright() as p:
            browser = launch_chromium(p)
            for page in pages:
                found = shifts(server.url + page, browser)
                print(f"{page}: CLS {sum(s['value'] for s in found):.3f}")
                for s in found:
                    marked = " (marked after input)" if s["input"] else ""
                    print(f"  {s['time']} ms  {s['value']:.4f}{marked}  " + "; ".join(s["moved"]))
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    site = Path(sys.argv[1])
    main(site, sys.argv[2:] or _pages(site))
