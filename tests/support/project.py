"""The repository, a copy of it for a test to change, and `mkdocs build --strict` of either."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = {"fa": "", "en": "en/"}  # language -> folder of its pages in the built site
SMALL_SITE = ("index.md", "labs/max-pooling.py")  # one executed block, one lab: quick to build
COPIED_FOLDERS = ("cnn_site", "snippets", "docs", "overrides")  # what a build reads, besides the files below
COPIED_FILES = ("terminology.yml", "CITATION.cff")  # search learns the terms; the cite box reads the file
# Material prints a banner about MkDocs 2 on every run: every build made here goes without it.
MKDOCS_ENV = {"NO_MKDOCS_2_WARNING": "1"}


def default_site_url():
    """The address mkdocs.yml falls back to when $SITE_URL is not set."""
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    return re.search(r"^site_url: !ENV \[SITE_URL, '([^']+)'\]$", config, re.M).group(1)


def copy_project(dest, pages=SMALL_SITE):
    """Copy what a build reads (config, build package, snippets, docs) to dest, for a test to change.

    Only `pages` (paths under docs/<lang>/, in both languages) are kept, and the nav is
    left out so that MkDocs lists just those; pages=None copies the whole site.
    """
    dest = Path(dest)
    for name in COPIED_FOLDERS:
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in COPIED_FILES:
        shutil.copyfile(ROOT / name, dest / name)
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    if pages is not None:
        for lang in LANGUAGES:
            for path in (dest / "docs" / lang).rglob("*"):
                if path.is_file() and path.relative_to(dest / "docs" / lang).as_posix() not in pages:
                    path.unlink()
        config = re.sub(r"^nav:\n(?:[ -].*\n)*", "", config, flags=re.M)
    (dest / "mkdocs.yml").write_text(config, "utf-8")
    return dest


def build_site(config_dir, site_dir, cache_dir=None, site_url=None, extra_env=()):
    """Run `mkdocs build --strict` in config_dir; return the finished process (output in .stdout).

    Without a cache_dir the build is cold: SITE_CACHE=off, so everything executes.
    Without a site_url, $SITE_URL is left as it is (mkdocs.yml has a fallback).
    """
    site_dir = Path(site_dir)
    env = {**os.environ, **MKDOCS_ENV, "SITE_CACHE": "on" if cache_dir else "off",
           "SITE_CACHE_DIR": str(cache_dir or site_dir.with_name(site_dir.name + "-cache")),
           **({"SITE_URL": site_url} if site_url else {}), **dict(extra_env)}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        cwd=config_dir, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )


def append(path, text):
    """Add text at the end of a file (a test's edit of a copied page or module)."""
    path.write_text(path.read_text("utf-8") + text, "utf-8")
