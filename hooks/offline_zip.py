"""`mkdocs build` also packs the whole site, both languages, into one zip for offline study.

Unzipped anywhere, `index.html` opens from disk with search, fonts, math, figures and
labs working (the offline plugin makes that possible). The home page links to it.
"""

import zipfile
from pathlib import Path

from mkdocs.plugins import event_priority

NAME = "cnn-step-by-step-offline.zip"
_state = {"command": None}


def on_startup(command, dirty, **kwargs):
    _state["command"] = command


@event_priority(-200)  # last: after every other hook has finished writing the site
def on_post_build(config):
    if _state["command"] != "build" or config.plugins["i18n"].building:
        return
    site = Path(config.site_dir)
    target = site / "download" / NAME
    target.parent.mkdir(exist_ok=True)
    # The sitemaps only serve search engines and carry the build date: leave them out.
    files = sorted(p for p in site.rglob("*") if p.is_file() and p != target and not p.name.startswith("sitemap.xml"))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            # A fixed timestamp: the same site gives the same zip.
            info = zipfile.ZipInfo(f"cnn-step-by-step/{path.relative_to(site).as_posix()}", (2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
