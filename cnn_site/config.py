"""The plugin's options, set under `plugins: - cnn-site:` in mkdocs.yml."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SiteConfig(Config):
    # The offline copy of the whole site, written by `mkdocs build` to site/download/.
    offline_zip = c.Type(str, default="cnn-step-by-step-offline.zip")
    # Renamed pages: old path -> new path, as under docs/<lang>/ (cnn_site/site/redirects.py).
    redirects = c.Type(dict, default={})
