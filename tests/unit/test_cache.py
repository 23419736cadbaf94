"""cnn_site.cache: hits, misses on code and argument changes, corrupt entries, cache off; the
same chain for any namespace (labs use it), each value reported with where it came from."""

import shutil

import numpy as np
import pytest

from cnn_site import cache
from snippets.pooling import SEED_MATRIX, pool2d


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty disk cache and memo, with counters at zero."""
    monkeypatch.setenv("SITE_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("SITE_CACHE", "on")
    cache.CACHE.memo.clear()
    cache.CACHE.stats.clear()
    yield tmp_path
    cache.CACHE.memo.clear()


def entries(folder):
    return sorted((folder / "snippets").rglob("*.pkl"))


def test_second_call_is_a_memo_hit_and_a_new_process_a_disk_hit(fresh):
    first = pool2d(SEED_MATRIX)
    assert pool2d(SEED_MATRIX) is first
    assert (cache.CACHE.stats["computed"], cache.CACHE.stats["memo"]) == (1, 1)
    cache.CACHE.memo.clear()  # as in a new build
    np.testing.assert_array_equal(pool2d(SEED_MATRIX), first)
    assert cache.CACHE.stats["disk"] == 1 and len(entries(fresh)) == 1


def test_other_arguments_miss(fresh):
    pool2d(SEED_MATRIX)
    average = pool2d(SEED_MATRIX, "average")
    assert cache.CACHE.stats["computed"] == 2 and len(entries(fresh)) == 2
    assert average.tolist() == [[122.5, 156.5], [116.5, 127.5]]


@pytest.mark.parametrize("damage", [lambda b: b[: len(b) // 2], lambda b: b[:40] + b"x" + b[41:], lambda b: b""])
def test_partial_or_corrupt_entry_is_recomputed_not_returned(fresh, damage):
    pool2d(SEED_MATRIX)
    [entry] = entries(fresh)
    entry.write_bytes(damage(entry.read_bytes()))
    cache.CACHE.memo.clear()
    assert pool2d(SEED_MATRIX).tolist() == [[162, 232], [243, 252]]
    assert (cache.CACHE.stats["corrupt"], cache.CACHE.stats["computed"]) == (1, 1)  # corrupt: computed again
    assert cache.read_entry(entry).tolist() == [[162, 232], [243, 252]]  # rewritten whole


def test_cache_off_writes_nothing_and_computes_once_per_process(fresh, monkeypatch):
    monkeypatch.setenv("SITE_CACHE", "off")
    pool2d(SEED_MATRIX)
    pool2d(SEED_MATRIX)
    assert entries(fresh) == [] and (cache.CACHE.stats["computed"], cache.CACHE.stats["memo"]) == (1, 1)


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A copy of the snippets package with two extra modules: a imports b; c stands alone."""
    folder = tmp_path / "snippets"
    shutil.copytree(cache.snippets_dir(), folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "b.py").write_text("B = 1\n")
    (folder / "a.py").write_text("from snippets.b import B\n")
    (folder / "c.py").write_text("C = 1\n")
    monkeypatch.setattr(cache, "snippets_dir", lambda: folder)
    return folder


def test_editing_a_module_changes_the_key_of_its_importers_only(package):
    before = {m: cache.code_fingerprint({m}) for m in ("snippets.a", "snippets.b", "snippets.c")}
    (package / "b.py").write_text("B = 2\n")
    after = {m: cache.code_fingerprint({m}) for m in before}
    assert after["snippets.a"] != before["snippets.a"] and after["snippets.b"] != before["snippets.b"]
    assert after["snippets.c"] == before["snippets.c"]


def test_imports_are_followed_in_every_spelling():
    source = ("import snippets.render\nfrom snippets import figures\nfrom snippets.pooling import pool2d\n"
              "from .render import bmatrix\nimport numpy\nfrom snippets import no_such_module\n")
    assert cache.imported_snippets(source) == {"snippets.render", "snippets.figures", "snippets.pooling"}


def test_library_versions_are_part_of_the_key(monkeypatch):
    key = cache.cache_key(pool2d.uncached, (SEED_MATRIX,), {})
    monkeypatch.setattr(cache, "library_versions", lambda: {"numpy": "0.0"})
    assert cache.cache_key(pool2d.uncached, (SEED_MATRIX,), {}) != key


def test_get_or_compute_reports_where_each_value_came_from(fresh):
    store, calls = cache.ExecutionCache(), []

    def compute():
        calls.append(1)
        return {"cells": len(calls)}

    assert store.get_or_compute("notebooks", "k" * 64, compute) == ({"cells": 1}, "computed")
    assert store.get_or_compute("notebooks", "k" * 64, compute) == ({"cells": 1}, "memo")
    [entry] = (fresh / "notebooks").glob("*.pkl")
    assert entry.name == "k" * 40 + ".pkl"
    assert cache.ExecutionCache().get_or_compute("notebooks", "k" * 64, compute) == ({"cells": 1}, "disk")
    entry.write_bytes(entry.read_bytes()[:-3])
    assert cache.ExecutionCache().get_or_compute("notebooks", "k" * 64, compute) == ({"cells": 2}, "corrupt")
    assert cache.read_entry(entry) == {"cells": 2} and len(calls) == 2
