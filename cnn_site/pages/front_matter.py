"""Fail on front matter that does not parse, instead of printing it as page text.

MkDocs drops YAML front matter it cannot parse without a word and renders it as text.
"""

import re

import yaml
from mkdocs.exceptions import PluginError

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)(?:---|\.\.\.)\s*\n", re.DOTALL)


def check_front_matter(markdown, src_uri):
    """Raise, naming the page, when the Markdown still starts with front matter (MkDocs could not read it)."""
    match = _FRONT_MATTER.match(markdown)  # still there: MkDocs could not read it
    if match:
        try:
            yaml.safe_load(match.group(1))
            problem = "it is not a mapping of keys to values"
        except yaml.YAMLError as error:
            problem = str(error).replace("\n", " ")
        raise PluginError(f"{src_uri}: malformed front matter: {problem}")
