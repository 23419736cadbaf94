"""Test vectors for the page's shape calculator: random layer stacks with Keras' own answers.

Each vector is plain JSON-ready data: an input shape (no batch axis), one to three layers
(dicts as in snippets.shapes), and what Keras says after each layer, either
{"shape": [...], "params": n} or {"error": code}; a stack stops at its first error.
Keras 3 answers for every layer but LocallyConnected2D, which tf_keras (Keras 2) answers.
tests/browser/test_calculator.py feeds them all to the calculator's JavaScript in a browser.
Test data, not course content: it lives with the tests, and is stored like a snippets
result (cnn_site.cache), keyed by this file, snippets.shapes and the library versions.
"""

import hashlib
import pickle
from pathlib import Path

import numpy as np

from cnn_site.cache import CACHE, code_fingerprint, library_versions
from snippets.keras_shapes import keras_layers
from snippets.shapes import KINDS

# Words of Keras' error messages -> the calculator's error codes.
_MESSAGES = (("zero or negative", "nonpositive"), ("<= 0", "nonpositive"),
             ("in conjunction with", "dilation-stride"), ("ndim", "rank"), ("same length as input", "rank"),
             ("value > 0", "value"), ("strictly positive", "value"), ("positive integer", "value"),
             ("border mode", "padding"))
_SPATIAL = {1: 64, 2: 32, 3: 12}  # largest input size per axis: keeps Keras' weights small


def classify(error):
    """The calculator's error code for an exception that Keras raised; an unknown one is re-raised."""
    if isinstance(error, ZeroDivisionError):  # Keras pooling does not check strides=0
        return "value"
    code = next((code for words, code in _MESSAGES if words in str(error)), None)
    if code is None:
        raise error
    return code


def _sizes(rng, n, low=1, high=5):
    """An int, or (a third of the time) a list of n ints: the calculator takes both."""
    return int(rng.integers(low, high + 1)) if rng.random() < 0.67 else [int(v) for v in rng.integers(low, high + 1, n)]


def _padding(rng):
    return ["valid", "same", int(rng.integers(0, 4))][rng.choice(3, p=[0.4, 0.35, 0.25])]


def _window_layer(rng, kind, n):
    """A random Conv, pooling or LocallyConnected2D layer over n spatial axes."""
    if kind == "pool":
        strides = None if rng.random() < 0.5 else _sizes(rng, n, 1, 3)
        return {"layer": f"{rng.choice(['Max', 'Average'])}Pooling{n}D", "pool_size": _sizes(rng, n, 1, 4),
                "strides": strides, "padding": _padding(rng)}
    if kind == "local":
        padding = ["valid", int(rng.integers(0, 3)), "same"][rng.choice(3, p=[0.8, 0.12, 0.08])]
        return {"layer": "LocallyConnected2D", "filters": int(rng.integers(1, 9)), "kernel_size": _sizes(rng, 2, 1, 4),
                "strides": _sizes(rng, 2, 1, 3), "padding": padding}
    spec = {"layer": f"Conv{n}D", "filters": int(rng.integers(1, 33)), "kernel_size": _sizes(rng, n, 1, 7),
            "strides": 1 if rng.random() < 0.6 else _sizes(rng, n, 1, 3),
            "dilation_rate": 1 if rng.random() < 0.7 else _sizes(rng, n, 1, 3), "padding": _padding(rng)}
    if rng.random() < 0.05:  # a bad number, as a student might type it
        spec[str(rng.choice(["filters", "kernel_size", "strides"]))] = 0
    return spec


def random_layer(rng, rank, name=None):
    """A random layer (of type `name`, if given) for an input of `rank` axes; now and then one that does not fit."""
    n = rank - 1 if 2 <= rank <= 4 and rng.random() > 0.08 else int(rng.integers(1, 4))
    kinds = ["conv", "pool", "global", "local", "flatten", "dense", "dropout"]
    weights = [0.4, 0.2, 0.04, 0.14 if n == 2 else 0, 0.07, 0.1, 0.05] if rank > 1 \
        else [0.1, 0.05, 0, 0, 0.1, 0.65, 0.1]  # a vector: mostly Dense, sometimes a misfit
    kind = str(rng.choice(kinds, p=np.array(weights) / sum(weights)))
    if name:
        kind, n = KINDS[name][0], KINDS[name][1] or n
    if kind in ("conv", "pool", "local"):
        spec = _window_layer(rng, kind, 2 if kind == "local" else n)
        return {**spec, "layer": name} if name else spec
    if kind == "global":
        return {"layer": name or f"Global{rng.choice(['Max', 'Average'])}Pooling{n}D"}
    return {"flatten": {"layer": "Flatten"}, "dropout": {"layer": "Dropout", "rate": 0.25},
            "dense": {"layer": "Dense", "units": int(rng.integers(0 if rng.random() < 0.03 else 1, 65))}}[kind]


def random_input(rng, n=None):
    """A random input shape: a vector, or n (by default 1 to 3) spatial axes and some channels."""
    n = int(rng.choice([0, 1, 2, 3], p=[0.1, 0.25, 0.45, 0.2])) if n is None else n
    spatial = [int(v) for v in rng.integers(1, _SPATIAL.get(n, 100) + 1, n)]
    return spatial + [int(rng.integers(1, 9 if n else 101))]


def keras_answer(spec, shape):
    """What Keras makes of one layer on an input shape: its output shape and count, or an error code."""
    import keras
    import tf_keras

    library = tf_keras if KINDS[spec["layer"]][0] == "local" else keras
    try:
        layers = keras_layers(spec, library.layers)
        x = library.Input(tuple(shape))
        for layer in layers:
            x = layer(x)
    except Exception as error:  # Keras refuses the setting: say which kind of refusal
        return {"error": classify(error)}
    return {"shape": [int(v) for v in x.shape[1:]], "params": int(sum(layer.count_params() for layer in layers))}


def calculator_vectors(count=240, seed=0):
    """`count` random stacks of one to three layers, each with Keras' answer after every layer.

    The first stacks start with each layer type in turn, so that every type is tested.
    Computed once per (this file, snippets.shapes, arguments, library versions).
    """
    key = hashlib.sha256(Path(__file__).read_bytes() + code_fingerprint({"snippets.shapes"}).encode()
                         + pickle.dumps((count, seed)) + repr(sorted(library_versions().items())).encode())
    vectors, _ = CACHE.get_or_compute("tests/calculator_vectors", key.hexdigest(), lambda: _vectors(count, seed))
    return vectors


def _vectors(count, seed):
    rng = np.random.default_rng(seed)
    vectors, first = [], sorted(KINDS)
    for index in range(count):
        name = first[index] if index < len(first) else None
        shape, layers, expected = random_input(rng, KINDS[name][1] if name else None), [], []
        current = shape
        for depth in range(int(rng.integers(1, 4))):
            layers.append(random_layer(rng, len(current), name if depth == 0 else None))
            expected.append(keras_answer(layers[-1], current))
            if "error" in expected[-1]:
                break
            current = expected[-1]["shape"]
        vectors.append({"input": shape, "layers": layers, "expected": expected})
    return vectors
