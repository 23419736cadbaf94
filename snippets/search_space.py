"""KerasTuner search spaces: the hyperparameter types, and the seed's six-hyperparameter CNN."""

import contextlib
import io
import tempfile
import warnings

import numpy as np

from cnn_site.cache import cached
from snippets.render import equation

# The search space of the original CIFAR-10 assignment (question 3 of the course notes).
SEED_RANGES = {
    "conv_layers": {"min_value": 1, "max_value": 3},
    "filters": {"min_value": 8, "max_value": 32, "step": 8},
    "dense_layers": {"min_value": 1, "max_value": 4},
    "units": {"min_value": 128, "max_value": 256, "step": 64},
    "lr": [1e-4, 5e-4, 1e-3],
    "optimizer": ["adam", "sgd"],
}

# The seed's six hyperparameters, scaled down to 8x8 images and seconds of training.
DIGITS_RANGES = {
    "conv_layers": {"min_value": 1, "max_value": 2},
    "filters": {"min_value": 4, "max_value": 8, "step": 4},
    "dense_layers": {"min_value": 1, "max_value": 2},
    "units": {"min_value": 32, "max_value": 64, "step": 32},
    "lr": [3e-3, 1e-2, 3e-2],
    "optimizer": ["adam", "sgd"],
}

# The definitions the page's table shows: what each one lets a tuner try.
TYPE_EXAMPLES = (
    ("Int", ("conv_layers", 1, 3), {}),
    ("Int", ("filters", 8, 32), {"step": 8}),
    ("Int", ("units", 32, 256), {"step": 2, "sampling": "log"}),
    ("Float", ("rate", 0.1, 0.5), {"step": 0.1}),
    ("Float", ("lr", 1e-4, 1e-1), {"sampling": "log"}),
    ("Choice", ("lr", [1e-4, 5e-4, 1e-3]), {}),
    ("Boolean", ("batch_norm",), {}),
    ("Fixed", ("kernel_size", 3), {}),
)


def conv_block(x, width, depth):
    """Two 3x3 convolutions, 2x2 max pooling with stride 2, then dropout that grows with depth."""
    from keras import layers

    x = layers.Conv2D(width, 3, padding="same", activation="relu")(x)
    x = layers.Conv2D(width, 3, padding="same", activation="relu")(x)
    x = layers.MaxPooling2D(pool_size=2, strides=2)(x)
    return layers.Dropout(0.2 + 0.1 * depth)(x)  # the notes give no rates: these are ours


def build_model(hp, input_shape=(32, 32, 3), num_classes=10, ranges=SEED_RANGES,
                first_width=2):
    """The seed's CNN: blocks of two 3x3 convolutions, each block twice as wide as the last."""
    import keras
    from keras import layers

    conv_layers = hp.Int("conv_layers", **ranges["conv_layers"])
    filters = hp.Int("filters", **ranges["filters"])
    dense_layers = hp.Int("dense_layers", **ranges["dense_layers"])
    units = hp.Int("units", **ranges["units"])
    x = inputs = keras.Input(input_shape)
    for depth in range(conv_layers):
        # first_width=2 doubles the first block too: the notes' model summary needs it
        x = conv_block(x, filters * first_width * 2 ** depth, depth)
    x = layers.Flatten()(x)
    for _ in range(dense_layers):
        x = layers.Dropout(0.5)(layers.Dense(units, activation="relu")(x))
    model = keras.Model(inputs, layers.Dense(num_classes, activation="softmax")(x))
    learning_rate = hp.Choice("lr", ranges["lr"])
    optimizer = {"adam": keras.optimizers.Adam, "sgd": keras.optimizers.SGD}[
        hp.Choice("optimizer", ranges["optimizer"])]
    model.compile(optimizer(learning_rate=learning_rate), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model


def demo_model(hp):
    """A small dense model whose space uses every type and a conditional scope."""
    import keras

    units = hp.Int("units", 16, 64, step=16)
    activation = hp.Choice("activation", ["relu", "tanh"])
    model = keras.Sequential([keras.Input((64,)), keras.layers.Dense(units, activation=activation)])
    dropout = hp.Boolean("dropout")
    with hp.conditional_scope("dropout", [True]):  # `rate` exists only when dropout is on
        if dropout:
            model.add(keras.layers.Dropout(hp.Float("rate", 0.1, 0.5, step=0.1)))
    model.add(keras.layers.Dense(hp.Fixed("classes", 10), activation="softmax"))
    learning_rate = hp.Float("lr", 1e-4, 1e-1, sampling="log")
    model.compile(keras.optimizers.Adam(learning_rate), "sparse_categorical_crossentropy", ["accuracy"])
    return model


@cached
def space_summary(space="seed"):
    """The text that KerasTuner's `search_space_summary()` prints for one of our spaces."""
    import keras_tuner

    hypermodel = {"seed": build_model, "demo": demo_model}[space]
    with tempfile.TemporaryDirectory() as directory, contextlib.redirect_stdout(io.StringIO()) as out:
        tuner = keras_tuner.RandomSearch(hypermodel, objective="val_accuracy", max_trials=1,
                                         directory=directory, overwrite=True, seed=1)
        tuner.search_space_summary()
    return out.getvalue().strip()


@cached
def grid_values():
    """For each definition in TYPE_EXAMPLES: its default, and the values GridSearch tries, in its order."""
    import keras_tuner

    rows = []
    for method, args, kwargs in TYPE_EXAMPLES:
        hp = keras_tuner.HyperParameters()
        getattr(hp, method)(*args, **kwargs)
        [param] = hp.space
        values = grid_order(hp)
        call = ", ".join([*map(repr, args), *(f"{k}={v!r}" for k, v in kwargs.items())])
        rows.append((f"`hp.{method}({call})`", _short(param.default), ", ".join(map(_short, values)), len(values)))
    return rows


def grid_order(hp):
    """Drive KerasTuner's GridSearchOracle over a one-hyperparameter space to the end: the values it tries."""
    import keras_tuner

    [param] = hp.space
    oracle = keras_tuner.oracles.GridSearchOracle(keras_tuner.Objective("score", "max"), max_trials=1000,
                                                  hyperparameters=hp)
    oracle.verbose, tried = 0, []
    with tempfile.TemporaryDirectory() as directory, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the oracle's deprecated threading calls
        oracle._set_project_dir(directory, "grid")  # what a Tuner does for its oracle
        while (trial := oracle.create_trial("tuner0")).status == "RUNNING":
            tried.append(trial.hyperparameters.values[param.name])
            oracle.update_trial(trial.trial_id, {"score": 0.0})
            trial.status = "COMPLETED"
            oracle.end_trial(trial)
    return tried


@cached
def sampling_quantiles(low=1e-4, high=1e-1, below=1e-3):
    """How a uniform draw p in [0, 1] maps onto a Float range under each `sampling`."""
    import keras_tuner

    rows = []
    for sampling in ("linear", "log", "reverse_log"):
        hp = keras_tuner.HyperParameters()
        hp.Float("lr", low, high, sampling=sampling)
        param = hp.space[0]
        quantiles = [_short(param.prob_to_value(p)) for p in (0.25, 0.5, 0.75)]
        rows.append((sampling, *quantiles, f"{param.value_to_prob(below):.1%}"))
    return rows


@cached
def momentum_rows(ranges=((0.9, 0.999), (0.001, 0.999)), above=0.99):
    """A momentum-like Float under each sampling: its median and the share of draws above `above`."""
    import keras_tuner

    rows = []
    for low, high in ranges:
        for sampling in ("linear", "reverse_log"):
            hp = keras_tuner.HyperParameters()
            param = hp.Float("momentum", low, high, sampling=sampling) and hp.space[0]
            rows.append((f"[{low:g}, {high:g}]", sampling, _short(param.prob_to_value(0.5)),
                         f"{1 - param.value_to_prob(above):.1%}"))
    return rows


@cached
def space_counts(space="seed"):
    """How many values each hyperparameter of a space can take, in the order they are defined."""
    import keras_tuner

    hp = keras_tuner.HyperParameters()
    build_model(hp, **({} if space == "seed" else {"input_shape": (8, 8, 1), "ranges": DIGITS_RANGES}))
    return [len(list(param.values)) for param in hp.space]


def space_size(space="seed"):
    """How many combinations a space has: what a complete grid search would train."""
    return int(np.prod(space_counts(space)))


def size_equation(space="seed"):
    """The number of combinations as a product, in display math."""
    return equation(r" \times ".join(map(str, space_counts(space))), "=", f"{space_size(space):,}")


def _short(value):
    """A value as a short string: 4 significant digits for floats."""
    return f"{value:.4g}" if isinstance(value, float) else str(value)
