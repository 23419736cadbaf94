"""snippets.cache: hits, misses on code and argument changes, corrupt entries, cache off."""

import shutil

import numpy as np
import pytest

from snippets import cache
from snippets.pooling import SEED_MATRIX, pool2d


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty disk cache and memo, with counters at zero."""
    monkeypatch.setenv("SITE_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("SITE_CACHE", "on")
    cache._memo.clear()
    cache.stats.clear()
    yield tmp_path
    cache._memo.clear()


def entries(folder):
    return sorted((folder / "snippets").rglob("*.pkl"))


def test_second_call_is_a_memo_hit_and_a_new_process_a_disk_hit(fresh):
    first = pool2d(SEED_MATRIX)
    assert pool2d(SEED_MATRIX) is first
    assert (cache.stats["computed"], cache.stats["memo"]) == (1, 1)
    cache._memo.clear()  # as in a new build
    np.testing.assert_array_equal(pool2d(SEED_MATRIX), first)
    assert cache.stats["disk"] == 1 and len(entries(fresh)) == 1


def test_other_arguments_miss(fresh):
    pool2d(SEED_MATRIX)
    average = pool2d(SEED_MATRIX, "average")
    assert cache.stats["computed"] == 2 and len(entries(fresh)) == 2
    assert average.tolist() == [[122.5, 156.5], [116.5, 127.5]]


@pytest.mark.parametrize("damage", [lambda b: b[: len(b) // 2], lambda b: b[:40] + b"x" + b[41:], lambda b: b""])
def test_partial_or_corrupt_entry_is_recomputed_not_returned(fresh, damage):
    pool2d(SEED_MATRIX)
    [entry] = entries(fresh)
    entry.write_bytes(damage(entry.read_bytes()))
    cache._memo.clear()
    assert pool2d(SEED_MATRIX).tolist() == [[162, 232], [243, 252]]
    assert (cache.stats["corrupt"], cache.stats["computed"]) == (1, 2)
    assert cache.read_entry(entry).tolist() == [[162, 232], [243, 252]]  # rewritten whole


def test_cache_off_writes_nothing_and_computes_once_per_process(fresh, monkeypatch):
    monkeypatch.setenv("SITE_CACHE", "off")
    pool2d(SEED_MATRIX)
    pool2d(SEED_MATRIX)
    assert entries(fresh) == [] and (cache.stats["computed"], cache.stats["memo"]) == (1, 1)


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A copy of the snippets package with two extra modules: a imports b; c stands alone."""
    folder = tmp_path / "snippets"
    shutil.copytree(cache.PACKAGE_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "b.py").write_text("B = 1\n")
    (folder / "a.py").write_text("from snippets.b import B\n")
    (folder / "c.py").write_text("C = 1\n")
    monkeypatch.setattr(cache, "PACKAGE_DIR", folder)
    return folder


def test_editing_a_module_changes_the_key_of_its_importers_only(package):
    before = {m: cache.code_fingerprint({m}) for m in ("snippets.a", "snippets.b", "snippets.c")}
    (package / "b.py").write_text("B = 2\n")
    after = {m: cache.code_fingerprint({m}) for m in before}
    assert after["snippets.a"] != before["snippets.a"] and after["snippets.b"] != before["snippets.b"]
    assert after["snippets.c"] == before["snippets.c"]


def test_imports_are_followed_in_every_spelling():
    source = ("import snippets.render\nfrom snippets import cache\nfrom snippets.pooling import pool2d\n"
              "from .render import bmatrix\nimport numpy\nfrom snippets import no_such_module\n")
    assert cache.imported_snippets(source) == {"snippets.render", "snippets.cache", "snippets.pooling"}


def test_library_versions_are_part_of_the_key(monkeypatch):
    key = cache.cache_key(pool2d.uncached, (SEED_MATRIX,), {})
    monkeypatch.setattr(cache, "library_versions", lambda: {"numpy": "0.0"})
    assert cache.cache_key(pool2d.uncached, (SEED_MATRIX,), {}) != key
