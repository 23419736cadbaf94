"""`mkdocs build` also packs the whole site, both languages, into one zip for offline study.

Unzipped anywhere, `index.html` opens from disk with search, fonts, math, figures and
labs working (the offline plugin makes that possible). The home page links to it.
"""

import re
import zipfile
from pathlib import Path

# Absolute hreflang alternates serve search engines; offline they would only make the
# theme fetch sitemaps from the hosted site (cnn_site/pages/alternates.py).
_HREFLANG = re.compile(rb'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]+">')


def write_zip(site_dir, name):
    """Pack the built site into site/download/<name> (the same site gives the same zip)."""
    site = Path(site_dir)
    target = site / "download" / name
    target.parent.mkdir(exist_ok=True)
    # The sitemaps only serve search engines and carry the build date: leave them out.
    files = sorted(p for p in site.rglob("*") if p.is_file() and p != target and not p.name.startswith("sitemap.xml"))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            # A fixed timestamp: the same site gives the same zip.
            info = zipfile.ZipInfo(f"cnn-step-by-step/{path.relative_to(site).as_posix()}", (2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            data = path.read_bytes()
            archive.writestr(info, _HREFLANG.sub(b"", data) if path.suffix == ".html" else data)
