"""Give each language folder the sitemap that Material's language switcher fetches.

Material requests `sitemap.xml` relative to the current language's root (`en/`),
while mkdocs-static-i18n writes a single sitemap, with every language, at the site
root. Without a copy, every English page logs a 404.
"""

import shutil
from pathlib import Path

from mkdocs.plugins import event_priority


@event_priority(-150)  # after mkdocs-static-i18n has built the other languages (-100)
def on_post_build(config):
    i18n = config.plugins["i18n"]
    if i18n.building:  # an inner, per-language build: the sitemap is not final yet
        return
    root = Path(config.site_dir)
    for lang in i18n.build_languages:
        if lang != i18n.default_language:
            shutil.copyfile(root / "sitemap.xml", root / lang / "sitemap.xml")
