"""Make mkdocs-jupyter's notebook cache right for a bilingual site that imports snippets.

mkdocs-jupyter keys a cached notebook by its own text only, and after each build
deletes every entry that build did not use. Under mkdocs-static-i18n each language is
a build of its own, so each language evicted the other's notebooks and nothing was
ever reused. This hook
- adds to the key the code of the `snippets` modules the notebook imports and the
  library versions, exactly as snippets/cache.py does for executed blocks;
- marks every language's current notebooks as used, so that none evicts another;
- stores the entries under $SITE_CACHE_DIR/notebooks, and honours SITE_CACHE=off.
"""

import hashlib
from pathlib import Path

import mkdocs_jupyter.plugin as jupyter
from mkdocs.plugins import event_priority

_notebook_key = jupyter._compute_cache_key


def _key(nb_path, config, exec_nb):
    from snippets.cache import code_fingerprint, imported_snippets, library_versions

    modules = imported_snippets(Path(nb_path).read_text("utf-8"))
    parts = [_notebook_key(nb_path, config, exec_nb), code_fingerprint(modules),
             repr(sorted(library_versions().items()))]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


jupyter._compute_cache_key = _key  # looked up by name each time the plugin renders a notebook


def on_config(config):
    from snippets.cache import cache_dir, disk_enabled

    plugin = config.plugins["mkdocs-jupyter"]
    plugin.config["cache"] = disk_enabled()
    plugin.config["cache_dir"] = str(cache_dir() / "notebooks")
    return config


@event_priority(-50)  # after mkdocs-jupyter's own on_pre_build has emptied the set
def on_pre_build(config):
    plugin = config.plugins["mkdocs-jupyter"]
    if not plugin.config["cache"]:
        return
    for path in sorted(Path(config.docs_dir).glob("*/labs/*.py")):
        key = _key(str(path), plugin.config, plugin.config["execute"])
        plugin._used_cache_paths.add(jupyter._get_cache_path(plugin.config["cache_dir"], key))
