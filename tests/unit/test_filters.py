"""snippets.filters: Keras Conv2D and cv2.filter2D agree, and the page's claims hold."""

import numpy as np
import pytest

from snippets import filters
from snippets.filters import KERNELS, box_kernel, keras_filter, load_image, opencv_filter
from snippets.render import source

NAMES = list(KERNELS)


@pytest.fixture(scope="module")
def image():
    return load_image()


@pytest.fixture(scope="module")
def by_keras(image):
    outputs = keras_filter(image, tuple(KERNELS.values()))
    return {name: outputs[:, :, i] for i, name in enumerate(NAMES)}


def float32_tolerance(kernel, largest=255.0):
    """A few float32 roundings of the largest possible weighted sum."""
    return 8 * np.finfo(np.float32).eps * largest * float(np.abs(kernel).sum())


def test_the_packaged_photograph_is_downscaled_grey_levels(image):
    assert image.shape == (256, 256) and image.dtype == np.float32
    assert 0 <= image.min() < 20 and 240 < image.max() <= 255


def test_load_image_reads_a_file_and_keeps_its_aspect_ratio(tmp_path):
    import cv2

    picture = np.tile(np.arange(80, dtype=np.uint8) * 3, (40, 1))
    path = tmp_path / "wide.png"
    cv2.imwrite(str(path), picture)
    loaded = load_image(path, size=32)
    assert loaded.shape == (16, 32)
    assert loaded[:, 0].max() < loaded[:, -1].min()  # still dark on the left, bright on the right


def test_keras_output_is_the_weighted_sum_of_the_window():
    image = np.random.default_rng(0).integers(0, 256, size=(9, 11)).astype("float32")
    out = keras_filter(image, tuple(KERNELS.values()))
    for i, kernel in enumerate(KERNELS.values()):
        for row, col in [(1, 1), (4, 7), (7, 9)]:
            window = image[row - 1:row + 2, col - 1:col + 2]
            assert out[row, col, i] == pytest.approx(float((window * kernel).sum()), abs=1e-3)


@pytest.mark.parametrize("name", NAMES)
def test_keras_and_opencv_agree_everywhere_when_both_pad_with_zeros(image, by_keras, name):
    zeros = opencv_filter(image, KERNELS[name], "CONSTANT")
    np.testing.assert_allclose(by_keras[name], zeros, rtol=0, atol=float32_tolerance(KERNELS[name]))


@pytest.mark.parametrize("name", NAMES)
def test_with_default_borders_they_differ_only_on_the_border(image, by_keras, name):
    diff = np.abs(by_keras[name] - opencv_filter(image, KERNELS[name]))
    rim = filters.border_mask(image.shape)
    assert diff[~rim].max() <= float32_tolerance(KERNELS[name])
    assert diff[rim].max() > 1


@pytest.mark.parametrize("i, name", list(enumerate(NAMES)))
def test_reflect_padding_then_keras_valid_equals_opencv_default(image, i, name):
    padded = np.pad(image, 1, mode="reflect")
    valid = keras_filter(padded, tuple(KERNELS.values()), padding="valid")
    assert valid.shape[:2] == image.shape
    np.testing.assert_allclose(valid[:, :, i], opencv_filter(image, KERNELS[name]), rtol=0,
                               atol=float32_tolerance(KERNELS[name]))


def test_agreement_table(image):
    rows = filters.agreement_rows(image)
    assert [r[0] for r in rows] == NAMES
    for name, inside, border, zeros, reflect, largest in rows:
        assert inside < 1e-3 and zeros < 1e-3 and reflect < 1e-3
        assert 1 < border <= 2 * largest


def test_white_image_corner_through_zero_padding():
    # Exercise 2 of the page: 4 of the 9 window pixels lie inside at a corner.
    white = np.full((5, 5), 255, "float32")
    assert keras_filter(white, (box_kernel(3),))[0, 0, 0] == pytest.approx(4 * 255 / 9, rel=1e-6)
    assert opencv_filter(white, box_kernel(3))[0, 0] == pytest.approx(255, rel=1e-6)


def test_box_divided_by_9_and_by_500_are_proportional(image):
    outputs = filters.box_outputs(image)
    np.testing.assert_allclose(outputs[500], outputs[9] * 9 / 500, rtol=1e-6)
    np.testing.assert_allclose(outputs[1], outputs[9] * 9, rtol=1e-6)


def test_divisor_table(image):
    rows = {r[0]: r for r in filters.divisor_rows(image)}
    assert [rows[d][3] for d in ("/1", "/9", "/500")] == [9, 1, 0.018]
    assert all(rows[d][4] < 1e-6 for d in rows)  # identical after min-max rescaling
    assert rows["/500"][5] <= 6  # 8-bit output: a handful of grey levels
    assert rows["/1"][6] > 50  # 8-bit output: most pixels saturated white


def test_flip_changes_nothing_for_symmetric_kernels_and_the_sign_for_sobel(image):
    rows = filters.flip_rows(image)
    assert [r[3] for r in rows] == ["identical", "identical", "negated", "negated"]
    assert [r[1] for r in rows] == [True, True, False, False]
    assert all(r[4] < 1e-3 for r in rows)  # Keras with the flipped kernel == scipy convolve2d


def test_sobel_x_finds_vertical_edges_and_sobel_y_horizontal_ones():
    vertical, horizontal = filters.step_image("right"), filters.step_image("down")
    out_v = keras_filter(vertical, (KERNELS["sobel_x"], KERNELS["sobel_y"]))[1:-1, 1:-1]
    out_h = keras_filter(horizontal, (KERNELS["sobel_x"], KERNELS["sobel_y"]))[1:-1, 1:-1]
    assert np.abs(out_v[:, :, 0]).max() == 4 * 255 and np.abs(out_v[:, :, 1]).max() == 0
    assert np.abs(out_h[:, :, 0]).max() == 0 and np.abs(out_h[:, :, 1]).max() == 4 * 255


def test_gradient_direction_points_from_dark_to_bright():
    rows = {r[0]: r for r in filters.step_rows()}
    assert {d: rows[d][4] for d in rows} == {"right": 0, "down": 90, "left": 180, "up": -90,
                                             "down-right": 45}
    assert rows["right"][1:3] == [1020, 0] and rows["down"][1:3] == [0, 1020]


def test_laplacian_is_positive_on_the_dark_side_and_negative_on_the_bright_side():
    profile = filters.laplacian_profile()
    dark = [lap for _, value, lap in profile if value == 0]
    bright = [lap for _, value, lap in profile if value == 255]
    assert dark[-1] == 255 and bright[0] == -255
    assert all(v >= 0 for v in dark) and all(v <= 0 for v in bright)


def test_blur_is_set_by_size_and_sigma_not_by_the_divisor(image):
    rows = {r[0]: r for r in filters.blur_rows(image)}
    width = {name: r[4] for name, r in rows.items()}
    assert [width[f"box {k}x{k}"] for k in (3, 7, 15)] == pytest.approx([2.4, 5.6, 12])
    assert width["box 3x3 /500"] == width["box 3x3"]
    assert width["gaussian 15x15, sigma 7/6"] == width["gaussian 7x7"]  # the page: equal to 2 decimals
    assert width["gaussian 15x15"] == pytest.approx(2.563 * 2.5, rel=0.02)
    means = {name: r[3] for name, r in rows.items() if name != "box 3x3 /500"}
    assert max(means.values()) - min(means.values()) < 0.05  # weights summing to 1 keep brightness


def test_clipping_drops_about_half_of_each_edge_response(image):
    for name, low, high, negative, lost in filters.negative_rows(image):
        assert low < 0 < high
        assert 30 < negative < 60 and 40 < lost < 60, name


def test_even_kernel_is_shifted_by_one_pixel_between_keras_and_opencv(image):
    # The lab's third exercise: a 2x2 kernel has no centre pixel.
    kernel = np.array([[1, -1], [1, -1]], "float32")
    by_keras_even = keras_filter(image, (kernel,))[:, :, 0]
    zeros = opencv_filter(image, kernel, "CONSTANT")
    assert np.abs(by_keras_even - zeros)[2:-2, 2:-2].max() > 100
    np.testing.assert_allclose(by_keras_even[2:-2, 2:-2], zeros[3:-1, 3:-1], atol=1e-3)


def test_kernel_equations_and_rows():
    latex = filters.kernel_equations()
    assert latex.count(r"\begin{bmatrix}") == 6 and r"\tfrac{1}{500}" in latex
    assert filters.kernel_rows()[0] == ["box/9", "1", True, True]
    assert [r[1] for r in filters.kernel_rows()[1:]] == ["0", "0", "0"]


def test_source_shows_the_function_without_its_decorator():
    listing = source(keras_filter)
    assert listing.startswith("```python\ndef keras_filter(") and listing.endswith("```")
    assert "set_weights" in listing and "@cached" not in listing


@pytest.mark.parametrize("draw", ["results_figure", "divisor_figure", "blur_figure",
                                  "display_figure", "gradient_figure"])
def test_figures_are_png_files(image, draw):
    assert getattr(filters, draw)(image).startswith(b"\x89PNG\r\n\x1a\n")


def test_laplacian_figure_is_a_png():
    assert filters.laplacian_figure().startswith(b"\x89PNG\r\n\x1a\n")
