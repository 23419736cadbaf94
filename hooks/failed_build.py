"""A failed build leaves no site behind that could pass for a complete one.

MkDocs writes pages as it goes; when a later page fails, the earlier ones stay in
site/. On `mkdocs build` (not `serve`, which keeps showing the last good build) this
hook removes the output folder of a build that failed.
"""

import shutil

_state = {"command": None, "site_dir": None}


def on_startup(command, dirty, **kwargs):
    _state["command"] = command


def on_config(config):
    if _state["site_dir"] is None:  # the first language's build: the site's root
        _state["site_dir"] = config.site_dir
    return config


def on_build_error(error, **kwargs):
    if _state["command"] == "build" and _state["site_dir"]:
        shutil.rmtree(_state["site_dir"], ignore_errors=True)
