"""Execute once, reuse everywhere: an in-process memo and an on-disk cache for snippets.

A function decorated with `@cached` is computed once per key. The key is made of
- the source of the function's module and of every `snippets` module it imports,
  followed transitively (`code_fingerprint`): edit a module and only what depends on it
  runs again; edit a page's prose and nothing does;
- the function's arguments;
- the versions of the numerical libraries (`LIBRARIES`).
Results live in memory for the rest of the process (so the English build reuses what
the Persian build computed) and on disk under `$SITE_CACHE_DIR/snippets` (default
`.cache/snippets`). `SITE_CACHE=off` turns the disk cache off, and through
hooks/notebook_cache.py the notebooks' cache too: every result is computed again, once
per process. Each entry carries a SHA-256 of its bytes; an entry that fails the check
or does not unpickle is recomputed, never returned.
"""

import ast
import functools
import hashlib
import importlib.metadata
import importlib.util
import os
import pickle
import tempfile
import time
from collections import Counter
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
LIBRARIES = ("numpy", "tensorflow-cpu", "tensorflow", "keras", "keras-tuner",
             "opencv-python-headless", "scikit-learn", "scikit-image")
stats = Counter()  # "memo", "disk", "computed", "corrupt": read by the execution report
_memo = {}
_MISSING = object()


def _switch(name):
    return os.environ.get(name, "on").lower() not in {"off", "0", "false", "no"}


def executing():
    """False under SITE_EXECUTE=off: pages and labs are built without running any code."""
    return _switch("SITE_EXECUTE")


def disk_enabled():
    return _switch("SITE_CACHE")


def cache_dir():
    return Path(os.environ.get("SITE_CACHE_DIR", PACKAGE_DIR.parent / ".cache"))


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
    return {n for n in names if (PACKAGE_DIR / f"{n.split('.', 1)[1]}.py").exists()}


@functools.lru_cache(maxsize=None)
def _module_facts(path, stamp):
    """(source bytes, snippets modules imported) of one file; stamp = (mtime, size) renews it."""
    source = path.read_bytes()
    return source, frozenset(imported_snippets(source.decode("utf-8")))


def _module(name):
    path = PACKAGE_DIR / f"{name.split('.', 1)[1]}.py"
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


def cache_key(func, args, kwargs):
    """The key of one call: code, arguments, library versions."""
    digest = hashlib.sha256()
    digest.update(f"{func.__module__}.{func.__qualname__}".encode())
    digest.update(code_fingerprint({func.__module__}).encode())
    digest.update(pickle.dumps((args, sorted(kwargs.items())), protocol=4))
    digest.update(repr(sorted(library_versions().items())).encode())
    return digest.hexdigest()


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


def _load(path):
    """The stored value, or _MISSING when there is no usable entry."""
    if not (disk_enabled() and path.exists()):
        return _MISSING
    try:
        return read_entry(path)
    except Exception:  # a partial or corrupt entry: it will be computed again
        stats["corrupt"] += 1
        return _MISSING


def cached(func):
    """Compute func once per (code, arguments, library versions); reuse the result.

    Results are shared, not copied: treat them as read-only.
    """

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        key = cache_key(func, args, kwargs)
        if key in _memo:
            stats["memo"] += 1
            return _memo[key]
        path = cache_dir() / "snippets" / func.__module__ / f"{func.__name__}-{key[:32]}.pkl"
        value = _load(path)
        if value is _MISSING:
            start = time.perf_counter()
            value = func(*args, **kwargs)
            stats["computed"] += 1
            stats["seconds computing"] += time.perf_counter() - start
            if disk_enabled():
                write_entry(path, value)
        else:
            stats["disk"] += 1
        _memo[key] = value
        return value

    wrapper.uncached = func
    return wrapper
