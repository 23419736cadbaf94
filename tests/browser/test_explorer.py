"""The convolution explorer: its arithmetic held to Keras and OpenCV in a real browser, and its form."""

import zipfile

import numpy as np
import pytest

from snippets import explorer
from snippets.filters import SOBEL_Y
from snippets.i18n import page_words
from snippets.operation import MATRIX_5X5, cross_correlate, keras_conv2d
from tests.support.browser import close_pages, open_page, page_opener

STRINGS = {lang: page_words("what-a-convolution-computes", lang) for lang in ("en", "fa")}

PAGE = "what-a-convolution-computes.html"


def explorer_vectors(n=240, seed=7):
    """Random matrices, square kernels, strides and paddings, with Keras' Conv2D output for each.

    Where OpenCV computes the same thing (stride 1, "same", odd kernel), cv2.filter2D with
    zero borders is asked too, and must agree with Keras.
    """
    import cv2

    rng = np.random.default_rng(seed)
    vectors = []
    while len(vectors) < n:
        rows, cols, k = int(rng.integers(1, 10)), int(rng.integers(1, 10)), int(rng.integers(1, 6))
        stride, padding = int(rng.integers(1, 4)), ["valid", "same"][int(rng.integers(0, 2))]
        if padding == "valid" and k > min(rows, cols):
            continue
        matrix = rng.integers(-20, 21, size=(rows, cols)).astype(float)
        kernel = rng.normal(size=(k, k)).round(3) if rng.random() < 0.5 else rng.integers(-3, 4, size=(k, k)).astype(float)
        expected = keras_conv2d.uncached(matrix, kernel, None, stride, padding)
        if stride == 1 and padding == "same" and k % 2 == 1:
            opencv = cv2.filter2D(matrix.astype("float32"), -1, kernel.astype("float32"), borderType=cv2.BORDER_CONSTANT)
            np.testing.assert_allclose(opencv, expected, rtol=1e-4, atol=1e-3)
        vectors.append({"matrix": matrix.tolist(), "kernel": kernel.tolist(), "stride": stride, "padding": padding,
                        "expected": np.asarray(expected, float).tolist()})
    return vectors


@pytest.fixture
def page(browser, server):
    opener, opened = page_opener(
        browser, lambda url: "window.convExplorer && document.querySelector('.ce-output')" if PAGE in url else None)
    yield opener
    errors, hosts = close_pages(opened)
    assert errors == [] and hosts <= {"127.0.0.1"}


def test_the_vectors_cover_strides_paddings_and_kernel_sizes():
    vectors = explorer_vectors()
    assert len(vectors) >= 200
    assert {v["stride"] for v in vectors} == {1, 2, 3} and {v["padding"] for v in vectors} == {"valid", "same"}
    assert {len(v["kernel"]) for v in vectors} == {1, 2, 3, 4, 5}


@pytest.mark.parametrize("path", ["", "en/"])
def test_convolve_gives_keras_conv2d_output_for_every_vector(page, server, path):
    vectors = explorer_vectors()
    got = page(server + path + PAGE).evaluate(
        "vs => vs.map(v => window.convExplorer.convolve(v.matrix, v.kernel, v.stride, v.padding))", vectors)
    bad = [(v, g) for v, g in zip(vectors, got)
           if g is None or np.shape(g) != np.shape(v["expected"]) or not np.allclose(g, v["expected"], rtol=1e-4, atol=1e-3)]
    assert not bad, bad[:3]


def _output(p):
    return p.evaluate("[...document.querySelectorAll('.ce-output tr')].map(r => [...r.cells].map(c => Number(c.textContent)))")


def test_the_image_filters_page_opens_the_explorer_with_its_kernel(page, server):
    p = page(server + "en/image-filters.html")
    p.locator('a[href$="what-a-convolution-computes.html#explorer-sobel-y"]').first.click()
    p.wait_for_function("document.querySelector('.ce-output')")
    assert p.locator('input[name="ce-kernel"][value="sobel-y"]').is_checked()
    assert p.locator(".ce-weights").input_value() == explorer.kernel_text(SOBEL_Y)
    assert _output(p) == cross_correlate(MATRIX_5X5, SOBEL_Y, padding="same").tolist()


def test_the_form_reacts_in_persian(page, server):
    p = page(server + PAGE)
    words = STRINGS["fa"]["explorer"]
    p.select_option(".ce-stride", "2")
    p.select_option(".ce-padding", "valid")
    assert p.locator(".ce-matrix-shape").inner_text() == words["shape"].format(rows="۲", cols="۲")
    p.fill(".ce-weights", "1 2\n3")
    assert p.locator(".ce-error").inner_text() == words["square"]
    assert p.locator(".ce-weights").get_attribute("aria-invalid") == "true"
    assert p.locator('input[value="custom"]').is_checked()
    p.fill(".ce-weights", "1/9 1/9 1/9\n1/9 1/9 1/9\n1/9 1/9 1/9")
    assert p.locator(".ce-error").inner_text() == ""
    expected = cross_correlate(MATRIX_5X5, np.full((3, 3), 1 / 9), 2, "valid").round(3)
    assert _output(p) == expected.tolist()


def test_kernels_can_be_chosen_with_the_keyboard(page, server):
    p = page(server + "en/" + PAGE)
    p.locator('input[name="ce-kernel"][value="laplacian"]').focus()
    p.keyboard.press("ArrowRight")
    assert p.locator('input[name="ce-kernel"][value="sobel-x"]').is_checked()
    assert p.locator(".ce-weights").input_value() == explorer.kernel_text(explorer.PRESETS["sobel-x"])


def test_explorer_and_animations_work_from_the_offline_zip(browser, site, tmp_path):
    with zipfile.ZipFile(site / "download" / "cnn-step-by-step-offline.zip") as archive:
        archive.extractall(tmp_path)
    page, errors, hosts = open_page(browser, (tmp_path / "cnn-step-by-step" / PAGE).as_uri())
    assert [e for e in errors if "sitemap.xml" not in e] == [] and hosts == {"file"}
    page.wait_for_function("document.querySelector('.ce-photo-out').width === 128")
    # The photograph reached the canvas: its output is not blank.
    assert page.evaluate("""(() => { const c = document.querySelector('.ce-photo-out');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        return new Set(d.filter((v, i) => i % 4 === 0)).size; })()""") > 10
    page.locator(".conv-stepper .cs-next").first.click()
    assert page.evaluate("document.querySelector('.conv-stepper').dataset.frame") == "1"
    page.context.close()
