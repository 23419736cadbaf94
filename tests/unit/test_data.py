"""snippets.data: the photograph, the digits and CIFAR-10's format, each loaded one way."""

import numpy as np
import pytest

from snippets.data import PHOTO_SIZE, camera, camera_file, decode_image, digits, load_cifar10, load_image


def test_camera_block_means_in_zero_one():
    image = camera()
    assert image.shape == (PHOTO_SIZE, PHOTO_SIZE) and image.dtype == np.float64
    assert 0 <= image.min() < image.max() <= 1
    full = camera(512)
    assert np.allclose(camera(128), full.reshape(128, 4, 128, 4).mean(axis=(1, 3)))  # each pixel: its block's mean


def test_camera_as_grey_levels_is_what_load_image_reads():
    levels = camera(grey_levels=True)
    assert levels.dtype == np.float32 and np.array_equal(levels, load_image())
    assert np.array_equal(levels, np.round(levels)) and levels.max() <= 255  # whole grey levels
    assert np.abs(levels / 255 - camera()).max() <= 0.5 / 255 + 1e-6  # the same scene, rounded


def test_load_image_reads_any_file_and_refuses_what_is_not_an_image(tmp_path):
    assert load_image(camera_file(), size=64).shape == (64, 64)
    with pytest.raises(ValueError, match="not an image"):
        decode_image(b"not a picture")


def test_digits_are_split_1000_400_397():
    data = digits()
    assert [len(data[k][0]) for k in ("train", "val", "test")] == [1000, 400, 397]
    assert data["train"][0].shape[1:] == (8, 8, 1) and 0 <= data["train"][0].min() < data["train"][0].max() <= 1


def test_synthetic_cifar10_has_cifar10s_format():
    (x, y), (x_test, y_test) = load_cifar10("synthetic:40")
    assert x.shape == (40, 32, 32, 3) and x.dtype == np.uint8 and y.shape == (40, 1) and len(x_test) == 10
