"""Absolute hreflang alternates, and an x-default, in every page's <head>.

mkdocs-static-i18n writes each page's counterparts as relative links
(`en/kernel-size.html`); search engines, and Lighthouse's SEO audit, need absolute
addresses. They are made from `site_url` (set with $SITE_URL), and the default language
(Persian) is also the `x-default`. The language switcher in the page keeps its relative
links, so the site still works from disk; the offline zip drops these tags
(cnn_site/site/offline_zip.py).
"""

import re
from urllib.parse import urljoin

ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]+)">')


def absolute_alternates(html, page_url, site_url, default_lang):
    """Rewrite each hreflang alternate of html to an absolute address; add x-default."""
    here = urljoin(site_url, page_url)
    links = {lang: urljoin(here, href) for href, lang in ALTERNATE.findall(html)}
    if not links:
        return html
    tags = [f'<link rel="alternate" href="{href}" hreflang="{lang}">' for lang, href in links.items()]
    if default_lang in links:
        tags.append(f'<link rel="alternate" href="{links[default_lang]}" hreflang="x-default">')
    first = iter([True])  # the first tag's place gets them all, the others go
    return ALTERNATE.sub(lambda m: "\n    ".join(tags) if next(first, False) else "", html)

