"""tests/support/layers.py: a test's folder is its layer, and limits the fixtures it may use."""

import pytest

from tests.support.layers import layer_of, misplaced


@pytest.mark.parametrize("parts, layer", [(("unit", "test_pooling.py"), "unit"), (("browser", "test_sweep.py"), "browser"),
                                          (("test_old.py",), None), (("support", "test_x.py"), None)])
def test_the_folder_is_the_layer(parts, layer):
    assert layer_of(parts) == layer


@pytest.mark.parametrize("parts, fixtures, why", [
    (("unit", "test_a.py"), {"tmp_path"}, None),
    (("unit", "test_a.py"), {"site", "tmp_path"}, "a test in unit/ may not use site"),
    (("unit", "test_a.py"), {"docs_copy"}, "a test in unit/ may not use docs_copy"),
    (("build", "test_a.py"), {"docs_copy"}, None),
    (("build", "test_a.py"), {"server", "site"}, "a test in build/ may not use server, site"),
    (("site", "test_a.py"), {"site", "server"}, None),
    (("site", "test_a.py"), {"browser"}, "a test in site/ may not use browser"),
    (("browser", "test_a.py"), {"browser", "server", "site"}, None),
    (("test_a.py",), set(), "not in one of the folders unit, build, site, browser"),
])
def test_a_test_may_not_ask_for_more_than_its_folder_allows(parts, fixtures, why):
    assert misplaced(parts, fixtures) == why
