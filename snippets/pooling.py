"""Pooling layers applied to small matrices with Keras."""

import numpy as np

from snippets.cache import cached

# The 3x3 matrix of the original course notes (question 1).
SEED_MATRIX = ((131, 162, 232), (104, 93, 139), (243, 26, 252))

_LAYERS = {"max": "MaxPooling2D", "average": "AveragePooling2D"}


@cached
def pool2d(matrix, kind="max", pool_size=2, strides=1):
    """Pool a 2-D matrix with a Keras pooling layer and return the pooled 2-D array."""
    import keras

    layer = getattr(keras.layers, _LAYERS[kind])(pool_size=pool_size, strides=strides)
    x = np.asarray(matrix, dtype="float32")[np.newaxis, :, :, np.newaxis]
    return np.asarray(layer(x))[0, :, :, 0]
