"""Put a copy of the sitemap in every folder that holds pages.

Material fetches `sitemap.xml` relative to each `<link rel="alternate">` of a page.
mkdocs-static-i18n points those links at the page's counterparts (`../en/labs/x.html`),
so Material asks for `en/labs/sitemap.xml`, while i18n writes one sitemap, with every
language, at the site root. Without the copies every page logs a 404.
"""

import shutil
from pathlib import Path


def copy_sitemaps(site_dir):
    """Copy the root sitemap into every folder of the built site that holds pages."""
    root = Path(site_dir)
    for folder in {page.parent for page in root.rglob("*.html")} - {root}:
        shutil.copyfile(root / "sitemap.xml", folder / "sitemap.xml")
