"""Rebuilds reuse results: warm builds import no TensorFlow, prose edits execute nothing,
and touching a snippets module re-executes exactly the blocks that use it. What a cold
build prints: progress while code runs, no start-up noise, the execution report."""

import json
import re
import time

import pytest

from tests.support.project import append, build_site, copy_project


def build(project, cache):
    start = time.perf_counter()
    result = build_site(project, project / "out", cache_dir=cache)
    assert result.returncode == 0, result.stdout[-4000:]
    report = json.loads((cache / "execution-report.json").read_text("utf-8"))
    return {**report, "output": result.stdout, "wall": time.perf_counter() - start}


def sources(report):
    return {(r["page"], r["block"]): r["cache"] for r in report["blocks"]}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Four builds of one small copy of the project, sharing one cache, with edits between."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    cache = project / "cache"
    reports = {"cold": build(project, cache), "warm": build(project, cache)}
    append(project / "docs" / "en" / "index.md", "\nOne more sentence of prose.\n")
    reports["prose"] = build(project, cache)
    append(project / "snippets" / "pooling.py", "\n# a comment changes the module's code fingerprint\n")
    reports["snippet"] = build(project, cache)
    return reports


def test_cold_build_executes_each_result_once_for_both_languages(builds):
    assert sources(builds["cold"]) == {
        ("fa/index.md", "home-max-pool"): "computed", ("en/index.md", "home-max-pool"): "memo",
        ("fa/labs/max-pooling.py", "notebook"): "computed", ("en/labs/max-pooling.py", "notebook"): "memo",
    }
    assert builds["cold"]["tensorflow_imported"]


@pytest.mark.parametrize("name", ["warm", "prose"])
def test_warm_and_prose_edit_rebuilds_execute_nothing_and_skip_tensorflow(builds, name):
    assert "computed" not in sources(builds[name]).values()
    assert not builds[name]["tensorflow_imported"]


def test_touching_a_module_reexecutes_only_what_uses_it(builds):
    computed = {k for k, v in sources(builds["snippet"]).items() if v == "computed"}
    # Both the home page block and the lab import snippets.pooling.
    assert computed == {("fa/index.md", "home-max-pool"), ("fa/labs/max-pooling.py", "notebook")}


NOISE = re.compile(r"cuda|cuInit|absl|NodeDef|retracing|without encryption", re.I)


def test_a_cold_build_prints_no_start_up_noise(builds):
    noise = [line for line in builds["cold"]["output"].splitlines() if NOISE.search(line)]
    assert noise == []


def test_a_cold_build_shows_progress_every_few_seconds_and_ends_with_the_report(builds):
    lines = builds["cold"]["output"].splitlines()
    progress = [l for l in lines if re.search(r"executing \d+/\d+ \(", l)]
    # one line at least every 5 s while code runs (cnn_site/progress.py), a few seconds of slack
    assert len(progress) >= builds["cold"]["wall"] / 10
    done, total = map(int, re.search(r"executing (\d+)/(\d+)", progress[-1]).groups())
    assert done == total == 4  # the home page block and the lab, in both languages
    report = next(i for i, l in enumerate(lines) if "Executed 4 blocks" in l)
    assert report > lines.index(progress[-1])
