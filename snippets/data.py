"""The data the pages and labs use, loaded in one place: the photograph, the digits, CIFAR-10.

Everything here is small or packaged with a library (scikit-image's photograph,
scikit-learn's digits), so pages build offline; only `load_cifar10("cifar10")` downloads.
"""

from pathlib import Path

import numpy as np

from cnn_site.cache import cached

PHOTO_SIZE = 256  # the photograph is downscaled to PHOTO_SIZE x PHOTO_SIZE so that every block stays fast


def camera_file():
    """The photograph that ships with scikit-image: `camera` (512 x 512, grey), as a PNG file."""
    import skimage

    return Path(skimage.__file__).parent / "data" / "camera.png"


def camera(size=PHOTO_SIZE, grey_levels=False):
    """scikit-image's 'camera' photograph, averaged down to size x size.

    By default float64 in [0, 1], each pixel the exact mean of the block it replaces;
    grey_levels=True reads it as `load_image` reads any photograph: float32 grey levels
    0-255, resized by OpenCV (rounded to whole levels).
    """
    if grey_levels:
        return load_image(None, size)
    from skimage import data

    image = data.camera().astype("float64") / 255
    f = image.shape[0] // size
    return image.reshape(size, f, size, f).mean(axis=(1, 3))


@cached
def decode_image(data, size=PHOTO_SIZE):
    """Encoded image bytes -> float32 grey levels 0-255, the longer side resized to size."""
    import cv2

    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
    if image is None:
        raise ValueError("not an image that OpenCV can read")
    scale = size / max(image.shape)
    shape = (max(1, round(image.shape[1] * scale)), max(1, round(image.shape[0] * scale)))
    # INTER_AREA averages the pixels it merges: no aliasing when shrinking.
    return cv2.resize(image, shape, interpolation=cv2.INTER_AREA).astype("float32")


def load_image(path=None, size=PHOTO_SIZE):
    """A grey float32 image read from path (the packaged photograph when path is None)."""
    # The bytes, not the path, are the cache key: an edited file is read again.
    return decode_image(Path(path or camera_file()).read_bytes(), size)


def digits(seed=1):
    """The 1,797 digits as (N, 8, 8, 1) floats in [0, 1], split 1000 / 400 / 397 at random."""
    from sklearn.datasets import load_digits

    x, y = load_digits(return_X_y=True)
    order = np.random.default_rng(seed).permutation(len(y))
    x, y = (x[order] / 16).astype("float32").reshape(-1, 8, 8, 1), y[order]
    # Batches of 50 divide the training and validation sets: no retracing for a smaller last batch.
    return {"train": (x[:1000], y[:1000]), "val": (x[1000:1400], y[1000:1400]), "test": (x[1400:], y[1400:])}


def synthetic_cifar10(n, seed=0):
    """CIFAR-10's format with n training and n // 4 test images: uint8 (N, 32, 32, 3), labels (N, 1)."""
    rng = np.random.default_rng(seed)

    def part(size):
        # Each class has its own mean colour, so that a model can learn something.
        labels = rng.integers(0, 10, size=(size, 1))
        colours = np.linspace(20, 235, 30).reshape(10, 1, 1, 3)[labels[:, 0]]
        return np.clip(colours + rng.normal(0, 40, (size, 32, 32, 3)), 0, 255).astype("uint8"), labels

    return part(n), part(max(n // 4, 10))


def load_cifar10(source):
    """CIFAR-10 as ((x_train, y_train), (x_test, y_test)): "cifar10", "synthetic:N" or an .npz file."""
    if source == "cifar10":
        import keras

        return keras.datasets.cifar10.load_data()  # downloads on first use
    if source.startswith("synthetic:"):
        return synthetic_cifar10(int(source.split(":")[1]))
    with np.load(source) as f:
        return (f["x_train"], f["y_train"]), (f["x_test"], f["y_test"])
