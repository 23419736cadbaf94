"""ARCHITECTURE.md stays a true map: every hook and every snippets module is in it."""

import ast
import re

import pytest

from tests.support.project import ROOT

MAP = (ROOT / "ARCHITECTURE.md").read_text("utf-8")
MODULES = sorted(p.relative_to(ROOT).as_posix() for folder in ("hooks", "snippets")
                 for p in (ROOT / folder).glob("*.py") if p.name != "__init__.py")


@pytest.mark.parametrize("module", MODULES)
def test_every_module_has_a_row_in_the_map(module):
    assert re.search(rf"^\| `{re.escape(module)}` \|", MAP, re.M), f"ARCHITECTURE.md has no row for {module}"


def test_every_hook_in_the_map_is_loaded_by_mkdocs():
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    listed = re.findall(r"^\| `(hooks/[\w.]+)` \|", MAP, re.M)
    assert listed, "no hook rows"
    for hook in listed:
        helper = hook.startswith("hooks/_")  # a module the hooks import, not a hook
        assert hook in config or helper, f"{hook} is in the map but not in mkdocs.yml"


def test_nothing_points_outside_the_repository():
    for path in [ROOT / "README.md", ROOT / "ARCHITECTURE.md", *ROOT.glob("*.yml")]:
        assert "../shared" not in path.read_text("utf-8"), path


def test_each_hook_row_names_the_events_it_handles():
    for path, column in re.findall(r"^\| `(hooks/[\w.]+)` \| ([^|]*) \|", MAP, re.M):
        tree = ast.parse((ROOT / path).read_text("utf-8"))
        handled = sorted(n.name for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("on_"))
        assert sorted(re.findall(r"`(on_\w+)`", column)) == handled, path
