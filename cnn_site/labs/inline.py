"""Write what notebook code imports from `snippets` into the notebook itself, as source.

A lab in the repository says `from snippets.filters import KERNELS, load_image`; a
reader who downloads it has no `snippets`. `inline(cells)` finds those imports and
returns the definitions they name, with every `snippets` definition those use in turn
(dependency-ordered, grouped by module, comments kept), the imports they need, and the
package's own start-up code (snippets/__init__.py). Build machinery stays out: a
decorator from cnn_site (`@cached`) is dropped, any other use of it is an error.
`requirements(code)` lists the installed distributions that code imports (download.py).
"""

import ast
import graphlib
import importlib.metadata
import sys
from dataclasses import dataclass, field

from cnn_site.cache import snippets_dir

PACKAGE = "snippets"
BUILD_PACKAGE = "cnn_site"  # the build machinery (`@cached`): meaningless outside a build
# Needed at run time though never imported by name: Keras's backend (snippets/__init__.py
# picks TensorFlow), and TensorBoard, which KerasTuner imports during a search.
COMPANIONS = {"keras": ("tensorflow",), "keras_tuner": ("tensorboard",)}


@dataclass
class Inlined:
    setup: str  # one code cell: imports, then the snippets definitions
    cells: list  # the given cells, their snippets imports replaced by a comment
    modules: list = field(default_factory=list)  # snippets modules copied, as paths


class _Module:
    """One snippets module: its source lines and its top-level definitions by name."""

    def __init__(self, name):
        path = snippets_dir() / ("__init__.py" if name == PACKAGE else f"{name.split('.', 1)[1]}.py")
        self.name, self.path = name, f"{PACKAGE}/{path.name}"
        self.lines = path.read_text("utf-8").splitlines()
        self.body = ast.parse("\n".join(self.lines)).body
        self.defs = {bound: stmt for stmt in self.body for bound in _bound_names(stmt)}

    def start(self, stmt):
        """Index of the statement's first line, counting its decorators and the comments just above."""
        first = min([d.lineno for d in getattr(stmt, "decorator_list", [])] + [stmt.lineno]) - 1
        while first > 0 and self.lines[first - 1].lstrip().startswith("#"):
            first -= 1
        return first

    def source(self, stmt):
        """The statement's lines, with the comment lines just above it, without build decorators."""
        first = self.start(stmt)
        skip = {d.lineno - 1 for d in getattr(stmt, "decorator_list", []) if self.from_build(_root(d))}
        return "\n".join(line for n, line in enumerate(self.lines[first:stmt.end_lineno], first) if n not in skip)

    def origin(self, name):
        """The snippets module a name was imported from, or None."""
        stmt = self.defs.get(name)
        return _snippets_module(stmt, self.name) if isinstance(stmt, ast.ImportFrom) else None

    def from_build(self, name):
        """True when the name comes from the build machinery (cnn_site)."""
        stmt = self.defs.get(name)
        return isinstance(stmt, ast.ImportFrom) and not stmt.level and _is_build_module(stmt.module)


def _bound_names(stmt):
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [stmt.name]
    if isinstance(stmt, (ast.Import, ast.ImportFrom)):
        return [(a.asname or a.name).split(".")[0] for a in stmt.names]
    if isinstance(stmt, (ast.Assign, ast.AnnAssign)):
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        return [n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)]
    return []


def _is_build_module(name):
    return name is not None and (name == BUILD_PACKAGE or name.startswith(BUILD_PACKAGE + "."))


def _root(node):
    """The name a decorator or attribute chain starts from (`cached`, `functools` ...)."""
    while isinstance(node, (ast.Attribute, ast.Call)):
        node = node.value if isinstance(node, ast.Attribute) else node.func
    return getattr(node, "id", None)


def _snippets_module(stmt, importer):
    """`snippets.x` when stmt is `from snippets.x import ...` (absolute or relative)."""
    if stmt.level:
        package = importer if importer == PACKAGE else importer.rsplit(".", 1)[0]
        base = ".".join([package] + ([stmt.module] if stmt.module else []))
    else:
        base = stmt.module or ""
    return base if base == PACKAGE or base.startswith(PACKAGE + ".") else None


def _free_names(stmt):
    """Names a statement reads from its module: loads, less its arguments, local names and own name."""
    nodes = list(ast.walk(stmt))
    local = {n.arg for n in nodes if isinstance(n, ast.arg)} | set(_bound_names(stmt))
    local |= {n.id for n in nodes if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
    loads = [n.id for n in nodes if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)]
    return [n for n in dict.fromkeys(loads) if n not in local]


def _without_build_decorators(stmt, module):
    """The statement as it runs outside a build: `@cached` and the like removed."""
    if not hasattr(stmt, "decorator_list"):
        return stmt
    kept = [d for d in stmt.decorator_list if not module.from_build(_root(d))]
    return type(stmt)(**{**{f: getattr(stmt, f) for f in stmt._fields}, "decorator_list": kept})


class _Resolver:
    """Collects the statements that a set of snippets names needs, module by module."""

    def __init__(self):
        self.modules, self.chosen, self.owner = {}, {}, {}
        self.after = {}  # module -> the snippets modules its chosen statements use
        self.imports = set()  # (module, name or None, alias or None) of non-snippets imports

    def module(self, name):
        if name not in self.modules:
            self.modules[name] = _Module(name)
            self.after.setdefault(name, set())
            if name != PACKAGE:  # importing snippets.x first runs snippets/__init__.py
                self.package_startup()
                self.after[name].add(PACKAGE)
        return self.modules[name]

    def package_startup(self):
        package = self.module(PACKAGE)
        for stmt in package.body:
            docstring = isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)
            if not (docstring or isinstance(stmt, (ast.Import, ast.ImportFrom))):
                self.choose(package, stmt)

    def need(self, module, name, required=True):
        stmt = module.defs.get(name)
        if stmt is None:
            if required:
                raise ImportError(f"cannot import name {name!r} from {module.name}")
            return  # a builtin
        origin = _snippets_module(stmt, module.name) if isinstance(stmt, ast.ImportFrom) else None
        if module.from_build(name):
            raise ValueError(f"{module.path}: {name!r} comes from {stmt.module}, which exists only in a build")
        if origin:
            alias = next(a for a in stmt.names if (a.asname or a.name) == name)
            if alias.asname or origin == PACKAGE:
                raise ValueError(f"{module.path}: write `from {PACKAGE}.<module> import {alias.name}`")
            self.after[module.name].add(origin)
            self.need(self.module(origin), alias.name)
        elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
            alias = next(a for a in stmt.names if (a.asname or a.name).split(".")[0] == name)
            from_module = stmt.module if isinstance(stmt, ast.ImportFrom) else None
            self.imports.add((from_module or alias.name, alias.name if from_module else None, alias.asname))
        else:
            self.choose(module, stmt)

    def choose(self, module, stmt):
        chosen = self.chosen.setdefault(module.name, {})
        if stmt.lineno in chosen:
            return
        chosen[stmt.lineno] = stmt
        for bound in _bound_names(stmt):
            if self.owner.setdefault(bound, module.name) != module.name:
                raise ValueError(f"{bound!r} is defined in both {self.owner[bound]} and {module.name}")
        for name in _free_names(_without_build_decorators(stmt, module)):
            self.need(module, name, required=False)

    def order(self):
        """The modules that contribute statements, each after the modules it uses."""
        return [self.modules[m] for m in graphlib.TopologicalSorter(self.after).static_order() if self.chosen.get(m)]

    def code(self):
        """Imports, then each module's chosen statements in source order."""
        blocks = [_imports_block(self.imports)]
        for module in self.order():
            statements = [stmt for _, stmt in sorted(self.chosen[module.name].items())]
            blocks.append(f"# {module.path}\n" + _joined(module, statements))
        return "\n\n\n".join(b for b in blocks if b)


def _joined(module, statements):
    """Statements as the module spaces them: adjacent lines stay together, definitions get two blank lines."""
    text = module.source(statements[0])
    for previous, stmt in zip(statements, statements[1:]):
        adjacent = module.start(stmt) == previous.end_lineno
        definition = any(isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) for s in (previous, stmt))
        text += ("\n" if adjacent else "\n\n\n" if definition else "\n\n") + module.source(stmt)
    return text


def _imports_block(imports):
    """Standard library first, then the rest; `from x import a, b` merged."""
    groups = ([], [])
    froms = {}
    for module, name, alias in imports:
        if name:
            froms.setdefault(module, []).append(f"{name} as {alias}" if alias else name)
        else:
            groups[_third_party(module)].append(f"import {module} as {alias}" if alias else f"import {module}")
    for module, names in froms.items():
        groups[_third_party(module)].append(f"from {module} import {', '.join(sorted(names))}")
    return "\n\n".join("\n".join(sorted(g, key=lambda line: line.split()[1])) for g in groups if g)


def _third_party(module):
    return module.split(".")[0] not in sys.stdlib_module_names


def _snippets_imports(tree):
    """The `from snippets.x import ...` statements of a cell (top level only: anything else is an error)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == PACKAGE for a in node.names):
            raise ValueError(f"write `from {PACKAGE}.<module> import <name>`, not `import {PACKAGE}...`")
        if isinstance(node, ast.ImportFrom) and not node.level and _snippets_module(node, PACKAGE):
            if node not in tree.body:
                raise ValueError(f"import from {PACKAGE} inside a block, line {node.lineno}: move it to the top level")
            found.append(node)
    return found


def inline(cells):
    """The setup cell that defines what the cells import from snippets, and the cells without those imports."""
    resolver, rewritten = _Resolver(), []
    for source in cells:
        lines = source.splitlines()
        tree = ast.parse(source)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and _is_build_module(node.module):
                raise ValueError(f"{node.module} exists only in a build: a notebook cannot use it")
        for node in reversed(_snippets_imports(tree)):
            module = resolver.module(node.module)
            for alias in node.names:
                if alias.asname:
                    raise ValueError(f"`from {node.module} import {alias.name} as ...`: no aliases, please")
                resolver.need(module, alias.name)
            names = ", ".join(a.name for a in node.names)
            lines[node.lineno - 1:node.end_lineno] = [f"# {names}: from {module.path}, defined in the first code cell"]
        rewritten.append("\n".join(lines))
    if not resolver.chosen:
        return Inlined("", list(cells))
    header = ("# What this notebook uses from the site's `snippets` package, copied here\n"
              "# when the site was built, so that the notebook runs without it.")
    return Inlined(header + "\n" + resolver.code(), rewritten, [m.path for m in resolver.order()])


def requirements(sources):
    """{distribution: installed version} of every non-standard module the sources import."""
    distributions = importlib.metadata.packages_distributions()
    needed = set()
    for source in sources:
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                tops = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                tops = [node.module.split(".")[0]]
            else:
                continue
            for top in tops:
                if top in sys.stdlib_module_names or top == PACKAGE:
                    continue
                if top not in distributions:
                    raise ImportError(f"no installed distribution provides the module {top!r}")
                needed |= set(distributions[top]) | set(COMPANIONS.get(top, ()))
    return {name: importlib.metadata.version(name) for name in sorted(needed, key=str.lower)}
