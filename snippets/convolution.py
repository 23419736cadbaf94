"""Conv1D, Conv2D and Conv3D: shapes, parameter counts, and two small models that learn."""

import numpy as np

from cnn_site.cache import cached
from snippets.formulas import conv_params
from snippets.i18n import localized
from snippets.plotting import png, pyplot

ACTIVITIES = ("standing", "walking", "running", "jumping")
DIRECTIONS = ("up", "down", "left", "right")
RATE = 50  # accelerometer samples per second
STEPS = 128  # 2.56 s windows, as in common activity-recognition data sets


@cached
def keras_conv(dims, input_shape, filters, kernel, padding="valid", strides=1):
    """Per-sample output shape, kernel shape and parameter count of one Keras ConvND layer."""
    import keras

    layer = getattr(keras.layers, f"Conv{dims}D")(filters, kernel, strides=strides, padding=padding)
    model = keras.Sequential([keras.Input(input_shape), layer])
    return {"output": tuple(model.output_shape[1:]), "kernel": tuple(layer.kernel.shape),
            "params": model.count_params()}


def shape_rows(examples, filters=8, kernel=3, batch=32):
    """One row per layer: input per sample and per batch, kernel, output, Keras' and our count."""
    rows = []
    for dims, shape in examples:
        got = keras_conv(dims, tuple(shape), filters, kernel)
        rows.append([f"Conv{dims}D", str(tuple(shape)), str((batch, *shape)), str(got["kernel"]),
                     str((batch, *got["output"])), got["params"], conv_params((kernel,) * dims, shape[-1], filters)])
    return rows


def cost_rows(inputs, kernel=3, c_in=16, c_out=32):
    """Same kernel width and channels in 1D, 2D and 3D: parameters, and multiply-adds on an input."""
    rows = []
    for dims, spatial in inputs:
        got = keras_conv(dims, (*spatial, c_in), c_out, kernel, padding="same")
        positions = int(np.prod(got["output"][:-1]))
        per_position = kernel ** dims * c_in * c_out  # one multiply-add per weight
        rows.append([f"Conv{dims}D", "x".join([str(kernel)] * dims), got["params"], per_position,
                     "x".join(map(str, spatial)), positions, positions * per_position])
    return rows


def counterexample_rows():
    """A wide Conv1D against a narrow Conv3D: the dimension alone does not decide the count."""
    cases = [(1, (128, 64), 64, 9), (2, (64, 64, 3), 16, 3), (3, (16, 64, 64, 3), 16, 3)]
    return [[f"Conv{dims}D", str(shape), filters, "x".join([str(k)] * dims),
             keras_conv(dims, shape, filters, k)["params"]] for dims, shape, filters, k in cases]


def _walk_like(t, rng, freq, amp, harmonic):
    """Periodic body acceleration of steps (vertical, lateral, forward), in g."""
    phase = rng.uniform(0, 2 * np.pi)
    w = 2 * np.pi * freq * t + phase
    vertical = amp * (np.sin(w) + harmonic * np.sin(2 * w))
    lateral = 0.4 * amp * np.sin(w / 2)  # left and right steps alternate: half the step rate
    forward = 0.3 * amp * np.cos(w)
    return np.stack([lateral, forward, vertical], axis=1)


def _jumps(t, rng):
    """Free fall (about -1 g on top of gravity) between landings that peak at 2-4 g."""
    period = 1 / rng.uniform(1.2, 1.8)
    landing = (t + rng.uniform(0, period)) % period
    peak = rng.uniform(2, 4) * np.exp(-0.5 * (landing / 0.04) ** 2)
    airborne = np.where(landing > 0.15, -0.9, 0.0)
    vertical = peak + airborne
    return np.stack([0.1 * peak, 0.2 * peak, vertical], axis=1)


def _rotation(rng, max_angle=0.5):
    """A random rotation: the watch never sits on the wrist the same way twice."""
    q, _ = np.linalg.qr(rng.normal(size=(3, 3)))
    angle = rng.uniform(-max_angle, max_angle)
    c, s = np.cos(angle), np.sin(angle)
    return q @ np.array([[c, -s, 0], [s, c, 0], [0, 0, 1]]) @ q.T


def accelerometer_window(activity, rng):
    """One synthetic (STEPS, 3) window of a wrist accelerometer (x, y, z in g)."""
    t = np.arange(STEPS) / RATE
    if activity == "standing":
        body = 0.03 * np.sin(2 * np.pi * rng.uniform(0.1, 0.5) * t)[:, None] * rng.normal(size=3)
    elif activity == "walking":
        body = _walk_like(t, rng, rng.uniform(1.5, 2.2), rng.uniform(0.15, 0.4), 0.3)
    elif activity == "running":
        body = _walk_like(t, rng, rng.uniform(2.4, 3.2), rng.uniform(0.6, 1.2), 0.6)
    else:
        body = _jumps(t, rng)
    gravity = np.array([0.0, 0.0, 1.0])
    signal = (body + gravity) @ _rotation(rng).T
    return (signal + rng.normal(scale=0.05, size=signal.shape)).astype("float32")


def accelerometer_data(n_per_class, seed):
    """Shuffled windows x of shape (n, STEPS, 3) and integer labels y."""
    rng = np.random.default_rng(seed)
    y = np.repeat(np.arange(len(ACTIVITIES)), n_per_class)
    rng.shuffle(y)
    x = np.stack([accelerometer_window(ACTIVITIES[label], rng) for label in y])
    return x, y


@localized
@cached
def accelerometer_figure(tr):
    """One example window per activity: the three axes against time."""
    plt = pyplot()

    rng = np.random.default_rng(1)
    t = np.arange(STEPS) / RATE
    fig, axes = plt.subplots(1, 4, figsize=(12, 2.6), sharey=True)
    for ax, activity in zip(axes, ACTIVITIES):
        window = accelerometer_window(activity, rng)
        for axis, name in enumerate("xyz"):
            ax.plot(t, window[:, axis], lw=1, label=name)
        ax.set_title(tr(activity))
        ax.set_xlabel(tr("t (s)"))
    axes[0].set_ylabel(tr("a (g)"))
    axes[0].legend(loc="upper left", fontsize=8)
    return png(fig)


def activity_model(filters=16, kernel=9):
    """A small Conv1D classifier: two convolutions, global average pooling, softmax."""
    import keras

    return keras.Sequential([
        keras.Input((STEPS, 3)),
        keras.layers.Conv1D(filters, kernel, activation="relu"),
        keras.layers.MaxPooling1D(2),
        keras.layers.Conv1D(2 * filters, kernel, activation="relu"),
        keras.layers.GlobalAveragePooling1D(),
        keras.layers.Dense(len(ACTIVITIES), activation="softmax"),
    ])


@cached
def activity_model_rows():
    """Layer class, output shape and parameters of the activity classifier, from Keras."""
    model = activity_model()
    return [[type(layer).__name__, str(tuple(layer.output.shape[1:])), layer.count_params()]
            for layer in model.layers]


def accuracy_rows(result, n_classes=len(ACTIVITIES)):
    """One row: test examples, accuracy, and the accuracy of guessing."""
    return [[int(result["confusion"].sum()), f"{result['accuracy']:.1%}", f"{1 / n_classes:.0%}"]]


def confusion_rows(confusion, labels):
    """Rows of a confusion matrix, each led by its true class."""
    return [[label, *map(int, row)] for label, row in zip(labels, confusion)]


def _train(model, data, epochs, batch_size=32):
    """Fit quietly on (x, y) of the training set; return test accuracy and predictions."""
    (x_train, y_train), (x_test, y_test) = data
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(x_train, y_train, epochs=epochs, batch_size=batch_size, verbose=0)
    predicted = model.predict(x_test, verbose=0).argmax(axis=1)
    return {"accuracy": float((predicted == y_test).mean()), "params": model.count_params(),
            "train_accuracy": [float(a) for a in history.history["accuracy"]],
            "confusion": _confusion(y_test, predicted, len(set(y_test.tolist())))}


def _confusion(truth, predicted, n):
    """Counts of (true class, predicted class)."""
    matrix = np.zeros((n, n), dtype=int)
    np.add.at(matrix, (truth, predicted), 1)
    return matrix


@cached
def train_activity_classifier(n_train=150, n_test=100, epochs=20):
    """Train the Conv1D on synthetic windows (seeded) and evaluate it on fresh ones."""
    import keras
    import tensorflow as tf

    keras.utils.set_random_seed(0)
    tf.config.experimental.enable_op_determinism()
    data = accelerometer_data(n_train, seed=0), accelerometer_data(n_test, seed=1)
    return _train(activity_model(), data, epochs)


def moving_square_clip(direction, rng, frames=6, size=16, side=3):
    """A (frames, size, size, 1) clip of a bright square moving one pixel per frame, in noise."""
    dy, dx = {"up": (-1, 0), "down": (1, 0), "left": (0, -1), "right": (0, 1)}[direction]
    low, high = frames - 1, size - side - (frames - 1)  # room to move without leaving the frame
    y, x = rng.integers(low, high + 1, size=2)
    clip = rng.normal(scale=0.2, size=(frames, size, size, 1))
    for f in range(frames):
        clip[f, y + f * dy:y + f * dy + side, x + f * dx:x + f * dx + side] += 1.0
    return clip.astype("float32")


def clip_data(n_per_class, seed):
    """Shuffled clips of shape (n, frames, 16, 16, 1) and direction labels."""
    rng = np.random.default_rng(seed)
    y = np.repeat(np.arange(len(DIRECTIONS)), n_per_class)
    rng.shuffle(y)
    return np.stack([moving_square_clip(DIRECTIONS[label], rng) for label in y]), y


def clip_models(shape, n_classes):
    """A Conv3D on the whole clip; a Conv2D on the first frame; a Conv2D on the frames stacked as channels."""
    import keras

    L = keras.layers
    frames, height, width, _ = shape

    def conv2d(*inputs):
        return keras.Sequential([keras.Input(shape), *inputs, L.Conv2D(8, 3, activation="relu"),
                                 L.Conv2D(16, 3, activation="relu"), L.GlobalMaxPooling2D(),
                                 L.Dense(n_classes, activation="softmax")])

    conv3d = keras.Sequential([keras.Input(shape), L.Conv3D(8, 3, activation="relu"),
                               L.Conv3D(16, 3, activation="relu"), L.GlobalMaxPooling3D(),
                               L.Dense(n_classes, activation="softmax")])
    return {"Conv3D (whole clip)": conv3d,
            "Conv2D (first frame)": conv2d(L.Lambda(lambda clip: clip[:, 0])),
            "Conv2D (frames as channels)": conv2d(L.Reshape((frames, height, width)), L.Permute((2, 3, 1)))}


@cached
def train_direction_classifiers(n_train=100, n_test=50, epochs=10):
    """Which way does the square move? Conv3D on the clip, Conv2D on one frame or on all frames (seeded)."""
    import keras
    import tensorflow as tf

    tf.config.experimental.enable_op_determinism()
    data = clip_data(n_train, seed=0), clip_data(n_test, seed=1)
    results = {}
    for name in clip_models(data[0][0].shape[1:], len(DIRECTIONS)):
        keras.utils.set_random_seed(0)  # the same start for both models
        model = clip_models(data[0][0].shape[1:], len(DIRECTIONS))[name]
        results[name] = _train(model, data, epochs)
    return results


def direction_rows(results):
    """Model, parameters and test accuracy of each direction classifier."""
    return [[name, r["params"], f"{r['accuracy']:.0%}"] for name, r in results.items()]


@localized
@cached
def clip_figure(tr):
    """One clip per direction, frames left to right."""
    plt = pyplot()

    rng = np.random.default_rng(2)
    clips = [moving_square_clip(d, rng) for d in DIRECTIONS]
    fig, axes = plt.subplots(len(DIRECTIONS), len(clips[0]), figsize=(7, 5))
    for row, (direction, clip) in enumerate(zip(DIRECTIONS, clips)):
        for f, ax in enumerate(axes[row]):
            ax.imshow(clip[f, :, :, 0], cmap="gray", vmin=-0.5, vmax=1.5)
            ax.set_xticks([]), ax.set_yticks([])
            ax.set_title(f"t={f}", fontsize=8) if row == 0 else None
        axes[row][0].set_ylabel(tr(direction))
    return png(fig)
