"""Where each number in the prose of each page comes from.

Every number that tests/unit/prose.py finds in a page's prose (both languages) must be listed
here for that page, as one of
- `computed(f)`: f() computes it (with snippets, Keras or plain arithmetic on the page's own
  inputs); the test rounds f() to the decimals the page writes and compares;
- `given(why)`: an input the page chooses or quotes as a setting (a size, a range, a budget),
  not a result;
- `reported(source)`: a fact the page reports from the course notes, a paper or a
  documentation page, and says so.
Small whole numbers (up to 12) and years are exempt (tests/unit/prose.py, `is_exempt`).
"""

import math


class Source:
    def __init__(self, kind, what, scale=1):
        self.kind, self.what, self.scale = kind, what, scale


def computed(function, scale=1):
    """A number the page states that function() computes (scale=100 for a percentage)."""
    return Source("computed", function, scale)


def given(why):
    return Source("given", why)


def reported(source):
    return Source("reported", source)


def _tuners():
    from snippets import tuners

    return tuners


def _hyperband(max_epochs=10, factor=3, **kwargs):
    t = _tuners()
    return t.schedule_totals(t.hyperband_schedule(max_epochs, factor, **kwargs))


def _digits_split(part):
    return len(_tuners().digits()[part][1])


def _seed_space_size():
    from snippets.search_space import space_size

    return space_size("seed")


def _conv(kernel, c_in, filters):
    from snippets.formulas import conv_params

    return conv_params(kernel, c_in, filters)


def _dense(v, u):
    from snippets.formulas import dense_params

    return dense_params(v, u)


def _seed_network():
    """Formula counts of question 4's network, layer by layer."""
    from snippets.shapes import SEED_INPUT, SEED_LAYERS, stack_outputs

    return stack_outputs(SEED_LAYERS, SEED_INPUT)


def _cifar_network():
    from snippets.shapes import CIFAR_INPUT, CIFAR_LAYERS, stack_outputs

    return stack_outputs(CIFAR_LAYERS, CIFAR_INPUT)


def _width_readings():
    from snippets.cifar10 import width_readings

    return {reading: count for reading, _, count in width_readings()}


def _reported(key):
    from snippets.cifar10 import REPORTED

    return REPORTED[key]


def _filters():
    from snippets import filters

    return filters


def _blur_width(name):
    f = _filters()
    return {row[0]: row[4] for row in f.blur_rows(f.load_image())}[name]


def _divisor(divisor, column):
    f = _filters()
    return {row[0]: row for row in f.divisor_rows(f.load_image())}[f"/{divisor}"][column]


def _pool(kind, size, stride, padding="valid"):
    from snippets.pooling import SEED_MATRIX, pool2d_numpy

    return pool2d_numpy(SEED_MATRIX, kind, size, stride, padding)


def _exercise_4x4(kind):
    from snippets.pooling import MATRIX_4X4, pool2d_numpy

    return pool2d_numpy(MATRIX_4X4, kind, 2, 2)


def _kernel_stack(name):
    from snippets.kernels import stack_rows

    return {row[0]: row[3] for row in stack_rows(channels=64)}[name]


def _grid_count(definition):
    from snippets.search_space import grid_values

    return {row[0]: row[3] for row in grid_values()}[definition]


def _momentum(rng, sampling, column):
    from snippets.search_space import momentum_rows

    return {(r[0], r[1]): r for r in momentum_rows()}[(rng, sampling)][column]


def _log_share(a, b, v):
    return math.log(v / a) / math.log(b / a)


PAGES = {
    "labs/image-filters.py": {
        "49": computed(lambda: 7 * 7),  # the divisor of a 7 x 7 box blur
        "90": given("Sobel x is Sobel y turned by 90 degrees"),
        "99.5": given("the percentile at which the colour map is capped"),
        "255": given("the largest 8-bit grey level"),
        "256": computed(lambda: __import__("snippets.data", fromlist=["x"]).PHOTO_SIZE),
        "500": given("the notes' third divisor"),
    },
    "labs/keras-tuner.py": {
        "1,797": computed(lambda: sum(_digits_split(p) for p in ("train", "val", "test"))),
        "1,000": computed(lambda: _digits_split("train")),
        "400": computed(lambda: _digits_split("val")),
        "397": computed(lambda: _digits_split("test")),
    },
    "labs/max-pooling.py": {},
    "index.md": {},
    "glossary.md": {},
    "tuners.md": {
        "2.6": computed(lambda: __import__("keras_tuner").oracles.BayesianOptimizationOracle(
            objective="val_accuracy", max_trials=1).beta),
        "1,797": computed(lambda: sum(_digits_split(p) for p in ("train", "val", "test"))),
        "1,000": computed(lambda: _digits_split("train")),
        "400": computed(lambda: _digits_split("val")),
        "397": computed(lambda: _digits_split("test")),
        "16": computed(lambda: 2 * 8),  # first_width=2 times filters=8
        "32": given("units of the digits space (DIGITS_RANGES)"),
        "64": given("units of the digits space; 8 x 8 digits flattened to 64 numbers"),
        "0.003": given("learning rates of the digits space"),
        "0.01": given("learning rates of the digits space"),
        "0.03": given("learning rates of the digits space"),
        "96": computed(lambda: _seed_digits_size()),
        "1,400": computed(lambda: _digits_split("train") + _digits_split("val")),
        "20": given("trees of the SklearnTuner space"),
        "60": given("trees of the SklearnTuner space"),
        "100": given("trees of the SklearnTuner space"),
        "30": computed(lambda: _hyperband()["trials"]),
        "22": computed(lambda: _same(_hyperband()["fresh"], sum(r for *_, r in _tuners().paper_schedule(10, 3)))),
        "120": computed(lambda: _hyperband()["epochs"]),
        "300": computed(lambda: _hyperband()["trials"] * 10),
        "17": computed(lambda: _same(_hyperband(9, 3)["fresh"], sum(n for _, n, _ in _tuners().paper_schedule(10, 3)))),
        "211": computed(lambda: _hyperband(81, 3)["trials"]),
        "206": computed(lambda: sum(runs for *_, runs in _tuners().paper_schedule(81, 3))),
        "864": computed(_seed_space_size),
        "8,640": computed(lambda: _seed_space_size() * 10),
        "72": computed(lambda: _seed_space_size() * 10 / _hyperband()["epochs"]),
        "18": computed(lambda: 3 * 6),  # default num_initial_points for six hyperparameters
        "23": computed(lambda: _hyperband(9, 3)["trials"]),
        "15": computed(lambda: 5 * 3),  # bracket 1 of Hyperband(9, 3): 5 models for 3 epochs
        "27": computed(lambda: 3 * 9),  # bracket 0: 3 models for 9 epochs
        "75": computed(lambda: _hyperband(9, 3)["epochs"]),
    },
    "keras-tuner.md": {
        "32": given("hp.Int('units', 32, 256, step=2, sampling='log'): its values"),
        "64": given("values of the log-sampled Int; the seed's units step"),
        "128": given("values of the log-sampled Int; the seed's units range"),
        "256": given("values of the log-sampled Int; the seed's units range"),
        "34": given("what a linear step of 2 would give: 32, 34, 36"),
        "36": given("what a linear step of 2 would give: 32, 34, 36"),
        "0.05": given("the grid's quantiles p = 0.05, 0.15, ..., 0.95 (checked in test_search_space)"),
        "0.15": given("the grid's quantiles"),
        "0.95": given("the grid's quantiles"),
        "100": given("'fewer than 1 draw in 100': test_sampling_maps_uniform_draws_as_the_formulas_say checks it"),
        "0.01": given("the end of the learning-rate range"),
        "0.1": given("the end of the learning-rate range"),
        "0.9": given("a momentum range"),
        "0.999": given("a momentum range"),
        "1.11": computed(lambda: 0.999 / 0.9),
        "0.99": given("a momentum threshold"),
        "0.0001": given("the notes' learning rates"),
        "0.0005": given("the notes' learning rates"),
        "0.001": given("the notes' learning rates"),
        "896": computed(lambda: _conv((3, 3), 3, 32)),
        "9,248": computed(lambda: _conv((3, 3), 32, 32)),
        "0.5": given("the notes' dense dropout"),
        "0.2": given("our block dropout rates"),
        "0.3": given("our block dropout rates"),
        "0.4": given("our block dropout rates"),
        "1.4": given("the KerasTuner version the site runs"),
        "8,640": computed(lambda: _seed_space_size() * 10),
        "120": computed(lambda: _hyperband()["epochs"]),
        "22": computed(lambda: _hyperband()["fresh"]),
        "864": computed(_seed_space_size),
        "2.5": computed(lambda: 100 * _hyperband()["fresh"] / _seed_space_size()),
        "16": given("exercise 1: hp.Int('units', 16, 256, step=2, sampling='log')"),
        "0.699": computed(lambda: _log_share(1e-4, 1e-3, 5e-4)),
        "70": computed(lambda: round(100 * _log_share(1e-4, 1e-3, 5e-4))),
        "44": computed(lambda: round(100 * (5 - 1) / (10 - 1))),
        "756": computed(lambda: 3 * len(range(8, 33, 4)) * 4 * 3 * 3),
    },
    "what-a-convolution-computes.md": {
        "38": computed(lambda: _conv((3, 3), 2, 2)),  # the channel example's two filters with biases
        "128": computed(lambda: __import__("snippets.explorer", fromlist=["x"]).EXPLORER_PHOTO_SIZE),
        "200": given("the explorer's agreement test: at least 200 random cases (asserted in tests/browser/test_explorer.py)"),
        "16": given("exercise 3: filters of the Conv2D"),
    },
    "kernel-size.md": {
        "31": reported("RepLKNet's largest kernel (Ding et al., 2022)"),
        "32": given("the input size of the axis table; exercise inputs"),
        "64": given("channels in and out of the tables"),
        "20": reported("Szegedy et al. (2016): feature maps of 12 to 20 pixels"),
        "93": computed(lambda: __import__("snippets.pooling", fromlist=["x"]).SEED_MATRIX[1][1]),
        "131": computed(lambda: __import__("snippets.pooling", fromlist=["x"]).SEED_MATRIX[0][0]),
        "162": computed(lambda: __import__("snippets.pooling", fromlist=["x"]).SEED_MATRIX[0][1]),
        "104": computed(lambda: __import__("snippets.pooling", fromlist=["x"]).SEED_MATRIX[1][0]),
        "72": computed(lambda: _kernel_stack("3x3 + 3x3") / _kernel_stack("5x5"), scale=100),
        "55": computed(lambda: _kernel_stack("3x3 + 3x3 + 3x3") / _kernel_stack("7x7"), scale=100),
        "96": reported("AlexNet's first layer (Krizhevsky et al., 2012)"),
        "27": computed(lambda: 3 * 3 * 3),
        "49": computed(lambda: 7 * 7),
        "25": computed(lambda: 5 * 5),
        "25,632": computed(lambda: _conv((5, 5), 32, 32)),
        "18,496": computed(lambda: 2 * _conv((3, 3), 32, 32)),
        "14": computed(lambda: __import__("snippets.kernels", fromlist=["x"]).receptive_field([3, 3, 2, 3, 3],
                                                                                            [1, 1, 2, 1, 1])),
        "73,856": computed(lambda: _conv((3, 3), 64, 128)),
        "128": given("filters of the VGG-style trace's last Conv2D"),
    },
    "pooling.md": {
        "64": given("channels of the downstream convolution"),
        "256": given("the photograph's size on the page; exercise 2's channels"),
        "32": given("average-pooled size of the photograph; the pooling-layer input"),
        "224": given("crop size"),
        "16": computed(lambda: 4 * 4),  # H x W of exercise 2's map
        "232": computed(lambda: __import__("snippets.pooling", fromlist=["x"]).SEED_MATRIX[0][2]),
        "139": computed(lambda: __import__("snippets.pooling", fromlist=["x"]).SEED_MATRIX[1][2]),
        "185.5": computed(lambda: _pool("average", 2, 2, "same")[0][1]),
        "512": reported("VGG16's last feature map, 7 x 7 x 512"),
        "49": computed(lambda: _head_ratio((7, 7, 512), 1000)),
        "63": computed(lambda: _head_ratio((8, 8, 64), 10)),
        "3.75": computed(lambda: _exercise_4x4("average")[0][0]),
        "4.75": computed(lambda: _exercise_4x4("average")[0][1]),
        "2.5": computed(lambda: _exercise_4x4("average")[1][0]),
        "4.5": computed(lambda: _exercise_4x4("average")[1][1]),
        "100": given("exercise 2's Dense(100)"),
        "409,700": computed(lambda: _dense(4 * 4 * 256, 100)),
        "25,700": computed(lambda: _dense(256, 100)),
        "15.9": computed(lambda: _dense(4 * 4 * 256, 100) / _dense(256, 100)),
        "13": given("exercise 3's input, AlexNet's 13 x 13 map"),
        "26": computed(lambda: min(min(row) for row in __import__("snippets.pooling", fromlist=["x"]).SEED_MATRIX)),
    },
    "shapes-and-parameters.md": {
        "15": reported("Dumoulin and Visin's relationship 15"),
        "28": given("question 4's input, 28 x 28 x 1"),
        "20": given("question 4's first layer, 20 filters"),
        "11,070": computed(lambda: sum(p for _, p in _seed_network())),
        "40": computed(lambda: 10 * math.floor(10 * _seed_network()[3][1] / sum(p for _, p in _seed_network()))),
        "4,550": computed(lambda: _seed_network()[3][1]),
        "50": computed(lambda: math.prod(_seed_network()[3][0])),
        "784": computed(lambda: 28 * 28),
        "9,680": computed(lambda: math.prod(_seed_network()[0][0])),
        "25": computed(lambda: _sharing_ratio(0)),
        "484,000": computed(lambda: _sharing(1)[3]),
        "1,000": computed(lambda: _sharing(1)[2]),
        "806,400": computed(lambda: _sharing(2)[3]),
        "896": computed(lambda: _sharing(2)[2]),
        "32": reported("the notes' summary: 32, then 64 filters"),
        "64": reported("the notes' summary: 32, then 64 filters"),
        "192": reported("the notes' dense units"),
        "928,234": computed(lambda: sum(p for _, p in _cifar_network())),
        "0.2": given("stand-in dropout rates"),
        "0.3": given("stand-in dropout rates"),
        "85": computed(lambda: 100 * 786_624 / sum(p for _, p in _cifar_network())),
        "786,624": computed(lambda: _dense(4096, 192)),
        "4,096": computed(lambda: 8 * 8 * 64),
        "16": given("the exercise's notation: 16@5x5 means 16 filters"),
        "240": computed(lambda: len(__import__("tests.support.calculator_vectors", fromlist=["x"]).calculator_vectors())),
    },
    "convolution-types.md": {
        "32": given("the batch size shown in the table"),
        "648": computed(lambda: 3 * 3 * 3 * 3 * 8),
        "16": given("channels in of the cost table; exercise 1's filters"),
        "64": given("channels of the wide Conv1D; exercise 2"),
        "48": computed(lambda: _cost_ratio()),
        "128": computed(lambda: __import__("snippets.convolution", fromlist=["x"]).STEPS),
        "50": computed(lambda: __import__("snippets.convolution", fromlist=["x"]).RATE),
        "2.56": computed(lambda: _conv_module().STEPS / _conv_module().RATE),
        "1.5": given("walking step rate range in the generator"),
        "2.2": given("walking step rate range in the generator"),
        "2.4": given("running step rate range in the generator"),
        "3.2": given("running step rate range in the generator"),
        "20": given("training epochs of the activity classifier"),
        "600": computed(lambda: 150 * len(_conv_module().ACTIVITIES)),
        "150": given("training windows per activity"),
        "400": computed(lambda: 100 * len(_conv_module().ACTIVITIES)),  # test windows; training clips
        "0.18": computed(lambda: 9 / _conv_module().RATE),
        "200": computed(lambda: 50 * len(_conv_module().DIRECTIONS)),
        "124": computed(lambda: 128 - 5 + 1),
        "256": computed(lambda: _conv((5,), 3, 16)),
        "73,856": computed(lambda: _conv((3, 3), 64, 128)),
        "221,312": computed(lambda: _conv((3, 3, 3), 64, 128)),
        "25": computed(lambda: 1 / len(_conv_module().DIRECTIONS), scale=100),
    },
    "image-filters.md": {
        "512": computed(lambda: _camera_size()),
        "256": computed(lambda: __import__("snippets.data", fromlist=["x"]).PHOTO_SIZE),
        "255": given("the largest 8-bit grey level"),
        "500": given("the notes' third divisor"),
        "90": given("Sobel x is Sobel y turned by 90 degrees (checked in test_filters)"),
        "180": given("convolution turns the kernel by 180 degrees"),
        "0.018": computed(lambda: _divisor(500, 3)),  # the ratio of /500 to /9
        "4.5": computed(lambda: _divisor(500, 2)),
        "0.8": computed(lambda: _blur_width("identity 1x1")),
        "2.4": computed(lambda: _blur_width("box 3x3")),
        "5.6": computed(lambda: _blur_width("box 7x7")),
        "2.56": computed(lambda: 2 * __import__("statistics").NormalDist().inv_cdf(0.9)),  # a Gaussian's 10-90 % width
        "15": given("kernel size 15 x 15"),
        "2.93": computed(lambda: _blur_width("gaussian 7x7")),
        "99.5": given("the percentile at which the colour map is capped"),
        "16": given("size of the synthetic step image"),
        "1020": computed(lambda: 4 * 255),
        "45": given("the direction of the diagonal edge"),
        "200": given("exercise 1's flat region"),
        "113.3": computed(lambda: 4 * 255 / 9),
    },
    "cifar10-search.md": {
        "60,000": reported("CIFAR-10 (Krizhevsky, 2009)"),
        "32": reported("CIFAR-10 image size; the notes' first block"),
        "50,000": reported("CIFAR-10 training images"),
        "10,000": reported("CIFAR-10 test images; one fifth of the training images"),
        "50": computed(lambda: _reported("final_epochs")),
        "34": reported("the notes' search time, 34 min 13 s"),
        "928,234": computed(lambda: _width_readings()["first block = 2 x filters"]),
        "192": computed(lambda: __import__("snippets.cifar10", fromlist=["x"]).BEST_TRIAL["units"]),
        "786,624": computed(lambda: _dense(8 * 8 * 64, 192)),
        "85": computed(lambda: 786_624 / _width_readings()["first block = 2 x filters"], scale=100),
        "64": given("filters of the second block"),
        "4096": computed(lambda: 8 * 8 * 64),
        "486,106": computed(lambda: _width_readings()["first block = filters"]),
        "16": computed(lambda: 2 * 8),
        "13": reported("the notes' search time, 34 min 13 s"),
        "120": computed(lambda: _hyperband()["epochs"]),
        "30": computed(lambda: _hyperband()["trials"]),
        "0.8951": computed(lambda: _reported("train_accuracy")),
        "0.7250": computed(lambda: _reported("best_val_accuracy")),
        "0.7775": computed(lambda: _reported("test_accuracy")),
        "170": reported("the size of the CIFAR-10 download"),
        "40": given("synthetic images of the example run"),
        "24": given("exercise 1's filters"),
        "48": computed(lambda: 24 * 2),
        "96": computed(lambda: 24 * 4),
        "128": given("exercise 2's third block"),
        "2048": computed(lambda: 4 * 4 * 128),
        "393,408": computed(lambda: _dense(2048, 192)),
        "221,440": computed(lambda: _conv((3, 3), 64, 128) + _conv((3, 3), 128, 128)),
    },
}


def _seed_digits_size():
    from snippets.search_space import space_size

    return space_size("digits")


def _same(*values):
    """The value that several statements of one number share; None (a failed check) if they differ."""
    return values[0] if len(set(values)) == 1 else None


def _head_ratio(shape, units):
    from snippets.pooling import head_params

    counts = head_params(shape, units)
    return counts["Flatten"] / counts["GlobalAveragePooling2D"]


def _sharing(row):
    from snippets.shape_tables import sharing_cost

    return sharing_cost()[1][row]


def _sharing_ratio(row):
    return _sharing(row)[3] / _sharing(row)[2]


def _conv_module():
    from snippets import convolution

    return convolution


def _cost_ratio():
    rows = _conv_module().cost_rows([(2, (128, 128)), (3, (16, 128, 128))], kernel=3, c_in=16, c_out=32)
    return rows[1][6] / rows[0][6]


def _camera_size():
    import skimage

    return skimage.data.camera().shape[0]
