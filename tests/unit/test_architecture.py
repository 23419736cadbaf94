"""ARCHITECTURE.md stays a true map: every module of cnn_site/ and snippets/ is in it, and
its event table names every event the plugin handles."""

import ast
import re

import pytest

from tests.support.project import ROOT

MAP = (ROOT / "ARCHITECTURE.md").read_text("utf-8")
MODULES = sorted([*(p.relative_to(ROOT).as_posix() for p in (ROOT / "cnn_site").rglob("*.py") if p.name != "__init__.py"),
                  *(p.relative_to(ROOT).as_posix() for p in (ROOT / "snippets").glob("*.py") if p.name != "__init__.py")])
PLUGIN = ast.parse((ROOT / "cnn_site" / "plugin.py").read_text("utf-8"))


@pytest.mark.parametrize("module", MODULES)
def test_every_module_has_a_row_in_the_map(module):
    assert re.search(rf"^\| `{re.escape(module)}` \|", MAP, re.M), f"ARCHITECTURE.md has no row for {module}"


def test_the_map_names_no_module_that_does_not_exist():
    named = set(re.findall(r"`((?:cnn_site|snippets)/[\w/]+\.py)`", MAP))
    assert named and not {n for n in named if not (ROOT / n).exists()}


def _plugin_events():
    """The MkDocs events SitePlugin handles, with the priority of each handler."""
    cls = next(n for n in PLUGIN.body if isinstance(n, ast.ClassDef) and n.name == "SitePlugin")
    methods = {n.name: n for n in cls.body if isinstance(n, ast.FunctionDef)}

    def priority(method):
        for d in method.decorator_list:
            if isinstance(d, ast.Call) and getattr(d.func, "id", "") == "event_priority":
                return ast.literal_eval(d.args[0])
        return 0

    events = {(name, priority(m)) for name, m in methods.items() if name.startswith("on_")}
    for node in cls.body:  # on_x = CombinedEvent(_a, _b)
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and node.value.func.id == "CombinedEvent":
            events |= {(node.targets[0].id, priority(methods[a.id])) for a in node.value.args}
    return events


def test_the_event_table_lists_every_handler_with_its_priority():
    rows = re.findall(r"^\| `(on_\w+)`(?: \((-?\d+)\))? \|", MAP, re.M)
    assert {(name, int(p or 0)) for name, p in rows} == _plugin_events()


def test_hooks_are_gone():
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert not re.search(r"^hooks:", config, re.M) and not (ROOT / "hooks").exists()
    assert re.search(r"^  - cnn-site:", config, re.M)


def test_nothing_points_outside_the_repository():
    for path in [ROOT / "README.md", ROOT / "ARCHITECTURE.md", *ROOT.glob("*.yml")]:
        assert "../shared" not in path.read_text("utf-8"), path
