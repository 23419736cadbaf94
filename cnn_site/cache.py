"""Execute once, reuse everywhere: one cache for executed blocks and lab notebooks.

`ExecutionCache.get_or_compute(namespace, key, compute)` looks in this process's memo,
then on disk, then computes and stores, and says where the value came from: "memo"
(already computed in this build, e.g. by the other language), "disk", "computed", or
"corrupt" (an entry that failed its checksum or did not unpickle: computed again,
never returned). `@cached` (for `snippets` functions) and the lab executor
(cnn_site/labs/execute.py) both use the one instance, `CACHE`.

A `@cached` function's key is made of
- the source of the function's module and of every `snippets` module it imports,
  followed transitively (`code_fingerprint`): edit a module and only what depends on it
  runs again; edit a page's prose and nothing does;
- the function's arguments;
- the versions of the numerical libraries (`LIBRARIES`).
Entries live on disk under `$SITE_CACHE_DIR/<namespace>` (default `.cache/` beside the
`snippets` package). `SITE_CACHE=off` turns the disk off: every result is computed again,
once per process. Each entry carries a SHA-256 of its bytes and is written atomically.

This module is build machinery that `snippets` imports (for `@cached`); it imports
nothing from MkDocs, so lab kernels and tests can import it too.
"""

import ast
import functools
import hashlib
import importlib.metadata
import importlib.util
import os
import pickle
import tempfile
from collections import Counter
from pathlib import Path

LIBRARIES = ("numpy", "tensorflow-cpu", "tensorflow", "keras", "keras-tuner",
             "opencv-python-headless", "scikit-learn", "scikit-image")
SOURCES = ("memo", "disk", "computed", "corrupt")  # where a value came from


def _switch(name):
    return os.environ.get(name, "on").lower() not in {"off", "0", "false", "no"}


def executing():
    """False under SITE_EXECUTE=off: pages and labs are built without running any code."""
    return _switch("SITE_EXECUTE")


def disk_enabled():
    return _switch("SITE_CACHE")


def snippets_dir():
    """The `snippets` package this process imports (the project being built)."""
    return Path(importlib.util.find_spec("snippets").origin).parent


def cache_dir():
    return Path(os.environ.get("SITE_CACHE_DIR", snippets_dir().parent / ".cache"))


def imported_snippets(source, package="snippets"):
    """Names of the `snippets` modules that a module's source imports."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names if a.name.startswith("snippets.")}
        elif isinstance(node, ast.ImportFrom):
            base = importlib.util.resolve_name("." * node.level + (node.module or ""), package) \
                if node.level else (node.module or "")
            if base == "snippets":
                names |= {f"snippets.{a.name}" for a in node.names}
            elif base.startswith("snippets."):
                names.add(base)
    folder = snippets_dir()
    return {n for n in names if (folder / f"{n.split('.', 1)[1]}.py").exists()}


@functools.lru_cache(maxsize=None)
def _module_facts(path, stamp):
    """(source bytes, snippets modules imported) of one file; stamp = (mtime, size) renews it."""
    source = path.read_bytes()
    return source, frozenset(imported_snippets(source.decode("utf-8")))


def _module(name):
    path = snippets_dir() / f"{name.split('.', 1)[1]}.py"
    stat = path.stat()
    return _module_facts(path, (stat.st_mtime_ns, stat.st_size))


def code_fingerprint(modules):
    """SHA-256 of the sources of the given snippets modules and all they import."""
    seen, todo, digest = set(), sorted(modules), hashlib.sha256()
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(sorted(_module(name)[1] - seen))
    for name in sorted(seen):
        digest.update(name.encode() + b"\0" + _module(name)[0])
    return digest.hexdigest()


@functools.cache
def library_versions():
    """Installed versions of the libraries whose results we cache (without importing them)."""
    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def read_entry(path):
    """The value stored at path, or raise if the entry is missing, partial or corrupt."""
    data = path.read_bytes()
    checksum, body = data[:32], data[32:]
    if hashlib.sha256(body).digest() != checksum:
        raise ValueError(f"checksum mismatch in {path}")
    return pickle.loads(body)


def write_entry(path, value):
    """Store value atomically: a reader sees the old entry or the whole new one."""
    body = pickle.dumps(value, protocol=4)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as tmp:
        tmp.write(hashlib.sha256(body).digest() + body)
    os.replace(tmp.name, path)


class ExecutionCache:
    """memo → disk → compute, for every kind of executed code; counts where values came from."""

    def __init__(self):
        self.memo = {}
        self.stats = Counter()  # SOURCES -> how many values came from there, this process

    def get_or_compute(self, namespace, key, compute, name=None):
        """(value, source): the value stored for key, or compute() stored under namespace/name."""
        if (namespace, key) in self.memo:
            return self._found(namespace, key, self.memo[namespace, key], "memo")
        path = cache_dir() / namespace / f"{name or key[:40]}.pkl"
        source = "computed"
        if disk_enabled() and path.exists():
            try:
                return self._found(namespace, key, read_entry(path), "disk")
            except Exception:  # partial or corrupt: computed again, never returned
                source = "corrupt"
        value = compute()
        if disk_enabled():
            write_entry(path, value)
        return self._found(namespace, key, value, source)

    def _found(self, namespace, key, value, source):
        self.memo[namespace, key] = value
        self.stats[source] += 1
        return value, source


CACHE = ExecutionCache()


def cache_key(func, args, kwargs):
    """The key of one call: code, arguments, library versions."""
    digest = hashlib.sha256()
    digest.update(f"{func.__module__}.{func.__qualname__}".encode())
    digest.update(code_fingerprint({func.__module__}).encode())
    digest.update(pickle.dumps((args, sorted(kwargs.items())), protocol=4))
    digest.update(repr(sorted(library_versions().items())).encode())
    return digest.hexdigest()


def cached(func):
    """Compute func once per (code, arguments, library versions); reuse the result.

    Results are shared, not copied: treat them as read-only.
    """

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        key = cache_key(func, args, kwargs)
        namespace = f"snippets/{func.__module__}"
        value, _ = CACHE.get_or_compute(namespace, key, lambda: func(*args, **kwargs),
                                        name=f"{func.__name__}-{key[:32]}")
        return value

    wrapper.uncached = func
    return wrapper
