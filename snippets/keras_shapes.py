"""Keras' own answer for the layer specs of snippets/shapes.py: the same specs built as Keras layers.

Keras 3 builds every layer but LocallyConnected2D, which snippets/locally_connected.py
provides (and tf_keras, Keras 2, still has).
"""

from cnn_site.cache import cached
from snippets.shapes import KINDS


def keras_layers(spec, layers, local_layer=None):
    """The layers (from keras.layers or tf_keras.layers) that make one spec.

    Explicit padding becomes a ZeroPadding layer followed by a "valid" one; local_layer,
    when given, replaces `layers.LocallyConnected2D` (Keras 3 has none).
    """
    kind, n = KINDS[spec["layer"]]
    kwargs = {k: tuple(v) if isinstance(v, list) else v for k, v in spec.items() if k != "layer"}
    made = []
    if isinstance(kwargs.get("padding"), int) and not isinstance(kwargs["padding"], bool):
        made.append(getattr(layers, f"ZeroPadding{n}D")(kwargs.pop("padding")))
    make = local_layer if kind == "local" and local_layer else getattr(layers, spec["layer"])
    return made + [make(**kwargs)]


@cached
def keras_model_outputs(specs, input_shape):
    """Build the Keras 3 model (with our LocallyConnected2D); each layer's output shape and count."""
    import keras

    from snippets.locally_connected import LocallyConnected2D

    keras.utils.set_random_seed(0)
    groups = [keras_layers(spec, keras.layers, LocallyConnected2D) for spec in specs]
    model = keras.Sequential([keras.Input(input_shape), *[layer for group in groups for layer in group]])
    layers = [(tuple(g[-1].output.shape[1:]), sum(layer.count_params() for layer in g)) for g in groups]
    return {"input": tuple(model.inputs[0].shape[1:]), "layers": layers, "total": model.count_params()}


@cached
def keras_single_layers(cases):
    """Keras 3's output shape and count for each (spec, input_shape) case, one layer at a time."""
    import keras

    from snippets.locally_connected import LocallyConnected2D

    answers = []
    for spec, shape in cases:
        group = keras_layers(spec, keras.layers, LocallyConnected2D)
        x = keras.Input(tuple(shape))
        for layer in group:
            x = layer(x)
        answers.append((tuple(x.shape[1:]), sum(layer.count_params() for layer in group)))
    return answers


@cached
def keras_layer_names():
    """Keras 3's version, and whether keras.layers and tf_keras.layers have a LocallyConnected2D."""
    import keras
    import tf_keras

    return {"keras": keras.__version__, "tf_keras": tf_keras.__version__,
            "keras 3 has it": hasattr(keras.layers, "LocallyConnected2D"),
            "tf_keras has it": hasattr(tf_keras.layers, "LocallyConnected2D")}
