"""The shape calculator on shapes-and-parameters: Keras' answers in a real browser, and its form."""

from collections import Counter

import pytest

from snippets.shapes import KINDS
from tests.support.browser import close_pages, page_opener
from tests.support.calculator_vectors import calculator_vectors

PAGE = "shapes-and-parameters.html"


@pytest.fixture
def open_calculator(browser):
    """Open the page (tests.support.browser.open_page) once its form is drawn; fail on any error it had."""
    drawn = "window.shapeCalculator && document.querySelector('.sc-total').textContent"
    opener, opened = page_opener(browser, lambda url: drawn)
    yield opener
    errors, hosts = close_pages(opened)
    # From file://, Material's request for sitemap.xml is refused (test_offline says why).
    assert [e for e in errors if "sitemap.xml" not in e] == []
    assert hosts <= {"127.0.0.1", "file"}


def _keras_form(result):
    return {"error": result["error"]} if "error" in result else {"shape": result["shape"], "params": result["params"]}


def test_the_vectors_cover_every_layer_and_every_refusal():
    vectors = calculator_vectors()
    assert len(vectors) >= 200
    layers = {spec["layer"] for v in vectors for spec in v["layers"]}
    assert layers == set(KINDS)
    codes = Counter(r.get("error", "ok") for v in vectors for r in v["expected"])
    assert set(codes) == {"ok", "nonpositive", "dilation-stride", "rank", "value", "padding"}
    assert codes["ok"] > 200


@pytest.mark.parametrize("path", ["", "en/"])
def test_compute_gives_keras_answer_for_every_vector(open_calculator, server, path):
    vectors = calculator_vectors()
    page = open_calculator(server + path + PAGE)
    results = page.evaluate("vs => vs.map(v => window.shapeCalculator.compute(v.layers, v.input))", vectors)
    mismatches = [(v["input"], v["layers"], v["expected"], [_keras_form(r) for r in got])
                  for v, got in zip(vectors, results) if [_keras_form(r) for r in got] != v["expected"]]
    assert not mismatches, mismatches[:5]


def _results(page):
    return page.locator(".sc-result").all_inner_texts()


@pytest.mark.parametrize("path, words", [
    ("", {"total": "مجموع پارامترها", "impossible": "ناممکن", "whole": "عدد صحیح مثبت",
          "rank": "محور"}),
    ("en/", {"total": "Total parameters", "impossible": "Impossible", "whole": "positive whole number",
             "rank": "axes"}),
])
def test_the_form_starts_with_question_4_and_reacts_to_typing(open_calculator, server, path, words):
    page = open_calculator(server + path + PAGE)
    assert page.locator(".sc-layer").count() == 6
    assert page.locator(".sc-shape").all_inner_texts() == ["(22, 22, 20)", "(11, 11, 20)", "(7, 7, 10)",
                                                           "(5, 5, 2)", "(50)", "(10)"]
    assert page.locator(".sc-params").all_inner_texts() == ["1,000", "0", "5,010", "4,550", "0", "510"]
    assert words["total"] in page.locator(".sc-total").inner_text()
    assert page.locator(".sc-total-params").inner_text() == "11,070"

    # Add a Dense layer of 10 units at the end: (10 + 1) * 10 more parameters.
    page.locator(".sc-new-type").select_option("Dense")
    page.locator(".sc-add").click()
    assert page.locator(".sc-layer").count() == 7
    assert page.locator(".sc-total-params").inner_text() == "11,180"

    # A 30x30 kernel on a 28x28 input: refused, and every later layer waits.
    first = page.locator(".sc-layer").nth(0)
    first.locator('[data-field="kernel_size"]').fill("30")
    error = page.locator(".sc-error")
    assert error.count() == 1 and words["impossible"] in error.inner_text()
    assert page.locator(".sc-total-params").count() == 0
    assert page.locator(".sc-skipped").count() == 6

    # Explicit padding of 1 on each side: (28 + 2 - 30) / 1 + 1 = 1.
    first.locator('[data-field="padding"]').select_option("explicit")
    first.locator('[data-field="explicit"]').fill("1")
    assert page.locator(".sc-shape").first.inner_text() == "(1, 1, 20)"
    assert page.locator(".sc-error").count() == 1  # now the pooling layer cannot fit

    # Bad numbers are explained in the page's language.
    first.locator('[data-field="filters"]').fill("2.5")
    assert words["whole"] in page.locator(".sc-error").inner_text()

    # A 2-D input for a Conv2D: wrong number of axes.
    page.locator('[data-field="filters"]').first.fill("20")
    page.locator(".sc-input-shape").fill("28, 28")
    assert words["rank"] in page.locator(".sc-error").inner_text()


def test_per_axis_values_and_persian_digits_are_read(open_calculator, server):
    page = open_calculator(server + PAGE)
    page.locator(".sc-clear").click()
    assert page.locator(".sc-layer").count() == 0
    page.locator(".sc-new-type").select_option("Conv2D")
    page.locator(".sc-add").click()
    layer = page.locator(".sc-layer").first
    page.locator(".sc-input-shape").fill("۳۲، ۳۲، ۳")
    layer.locator('[data-field="kernel_size"]').fill("3x5")
    layer.locator('[data-field="strides"]').fill("1,2")
    assert page.locator(".sc-shape").inner_text() == "(30, 14, 8)"
    assert page.locator(".sc-params").inner_text() == f"{(3 * 5 * 3 + 1) * 8:,}"


def test_the_form_reads_right_to_left_with_shapes_left_to_right(open_calculator, server):
    page = open_calculator(server + PAGE)
    assert page.evaluate("getComputedStyle(document.querySelector('.shape-calculator')).direction") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('.sc-shape')).direction") == "ltr"
    assert page.evaluate("getComputedStyle(document.querySelector('.sc-input-shape')).direction") == "ltr"


@pytest.mark.parametrize("path", ["", "en/"])
def test_works_from_a_file_without_a_server(open_calculator, site, path):
    page = open_calculator((site / (path + PAGE)).as_uri())
    assert page.locator(".sc-total-params").inner_text() == "11,070"
    flat = page.evaluate("window.shapeCalculator.compute([{layer: 'Flatten'}], [2, 3])")
    assert flat == [{"shape": [6], "params": 0}]
