"""LocallyConnected2D for Keras 3, which dropped the layer that Keras 2 had.

This module imports Keras when it is imported (a Layer subclass needs its base class):
import it only inside @cached functions, as snippets/keras_shapes.py does, so that a warm
build of the site loads no TensorFlow.
"""

import keras
from keras import ops


def _pair(value):
    return tuple(value) if isinstance(value, (list, tuple)) else (value, value)


class LocallyConnected2D(keras.layers.Layer):
    """Conv2D without weight sharing: each output position has its own kernel.

    Channels-last inputs, padding "valid", any strides. The weights have the
    shapes of tf_keras.layers.LocallyConnected2D (implementation=1), so
    weights copy from one to the other as they are.
    """

    def __init__(self, filters, kernel_size, strides=1, padding="valid",
                 **kwargs):
        super().__init__(**kwargs)
        if padding != "valid":
            raise ValueError(f"only padding='valid' is supported: {padding!r}")
        self.filters, self.padding = filters, padding
        self.kernel_size, self.strides = _pair(kernel_size), _pair(strides)

    def compute_output_shape(self, input_shape):
        # Kernel positions along each axis, as for a "valid" Conv2D.
        rows, cols = ((n - k) // s + 1 for n, k, s in
                      zip(input_shape[1:3], self.kernel_size, self.strides))
        if rows <= 0 or cols <= 0:
            raise ValueError("Computed output size would be zero or "
                             f"negative for input shape {input_shape}")
        return (input_shape[0], rows, cols, self.filters)

    def build(self, input_shape):
        _, self.rows, self.cols, _ = self.compute_output_shape(input_shape)
        patch = self.kernel_size[0] * self.kernel_size[1] * input_shape[-1]
        # One (patch x filters) matrix per output position: nothing shared.
        self.kernel = self.add_weight(
            shape=(self.rows * self.cols, patch, self.filters),
            initializer="glorot_uniform", name="kernel")
        self.bias = self.add_weight(
            shape=(self.rows, self.cols, self.filters),
            initializer="zeros", name="bias")

    def call(self, inputs):
        (kh, kw), (sh, sw) = self.kernel_size, self.strides
        patch = self.kernel.shape[1]
        # The patch under the window at each position, row by row (as
        # tf_keras orders them), flattened: (batch, positions, patch).
        patches = ops.stack(
            [ops.reshape(inputs[:, i * sh:i * sh + kh, j * sw:j * sw + kw],
                         (-1, patch))
             for i in range(self.rows) for j in range(self.cols)], axis=1)
        # Position p's patch times position p's own matrix, for every p.
        outputs = ops.einsum("bpk,pkf->bpf", patches, self.kernel)
        shape = (-1, self.rows, self.cols, self.filters)
        return ops.reshape(outputs, shape) + self.bias

    def get_config(self):
        return {**super().get_config(), "filters": self.filters,
                "kernel_size": self.kernel_size, "strides": self.strides,
                "padding": self.padding}


def compare_with_tf_keras(input_shape, filters, kernel_size, strides=1, seed=0, batch=3):
    """Run this layer and tf_keras' LocallyConnected2D with the same random weights on the same inputs.

    Returns the output shape, both parameter counts and the largest difference between outputs.
    """
    import numpy as np
    import tf_keras

    rng = np.random.default_rng(seed)
    reference = tf_keras.layers.LocallyConnected2D(filters, kernel_size, strides=strides)
    ours = LocallyConnected2D(filters, kernel_size, strides=strides)
    for layer in (reference, ours):
        layer.build((None, *input_shape))
    # Random biases too: the default zero bias would hide a bias laid out in the wrong order.
    weights = [rng.normal(size=w.shape).astype("float32") for w in reference.get_weights()]
    reference.set_weights(weights)
    ours.set_weights(weights)
    x = rng.normal(size=(batch, *input_shape)).astype("float32")
    expected, actual = np.asarray(reference(x)), np.asarray(ours(x))
    return {"shape": actual.shape[1:], "params": ours.count_params(), "tf_keras_params": reference.count_params(),
            "max_difference": float(np.abs(expected - actual).max()), "tf_keras_shape": expected.shape[1:]}
