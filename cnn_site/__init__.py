"""The site's build machinery: a local MkDocs plugin (`cnn-site` in mkdocs.yml).

Everything MkDocs calls lives here; nothing a page imports does, except the execution
cache (`cnn_site.cache.cached`), which `snippets` functions use as a decorator.
The plugin class and the order of events: plugin.py. The map: ARCHITECTURE.md.
"""
