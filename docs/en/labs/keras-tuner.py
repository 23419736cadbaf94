# %% [markdown]
# # Lab: a small hyperparameter search { #keras-tuner-lab }
#
# In this lab you define a search space with KerasTuner and run a random search on
# scikit-learn's 8×8 handwritten digits. The whole search takes a few seconds on a CPU.
# The notebook was executed when the site was built; the output under each cell comes
# from that run. Download it, change the search space or the tuner, and run it again.
#
# ## The data { #data }
#
# `digits()` from the site's `snippets` package returns the 1,797 images, scaled to
# [0, 1] and split at random into 1,000 training, 400 validation and 397 test images.
# We import it before Keras because importing `snippets` also sets TensorFlow's
# options (deterministic operations, quiet logs).

# %%
import tempfile

from snippets.tuners import digits

import keras
import keras_tuner

data = digits()
x_train, y_train = data["train"]
x_val, y_val = data["val"]
x_test, y_test = data["test"]
print(x_train.shape, x_val.shape, x_test.shape)

# %% [markdown]
# ## The search space { #search-space }
#
# A `build_model(hp)` function builds and compiles one model. Each `hp.…` call is a
# hyperparameter: the number of units of a hidden layer, its activation, and a learning
# rate on a logarithmic scale.

# %%
def build_model(hp):
    units = hp.Int("units", 16, 64, step=16)
    activation = hp.Choice("activation", ["relu", "tanh"])
    learning_rate = hp.Float("lr", 1e-3, 1e-1, sampling="log")
    model = keras.Sequential([
        keras.Input((8, 8, 1)),
        keras.layers.Flatten(),
        keras.layers.Dense(units, activation=activation),
        keras.layers.Dense(10, activation="softmax"),
    ])
    model.compile(keras.optimizers.Adam(learning_rate),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model

# %% [markdown]
# ## The tuner { #tuner }
#
# `RandomSearch` draws each hyperparameter at random, 3 trials here. KerasTuner writes a
# folder per trial: we give it a temporary directory. `seed=1` makes the draws
# repeatable (KerasTuner takes `seed=0` to mean "no seed").

# %%
workdir = tempfile.TemporaryDirectory()
tuner = keras_tuner.RandomSearch(
    build_model, objective="val_accuracy", max_trials=3, seed=1,
    directory=workdir.name, overwrite=True)
tuner.search_space_summary()

# %% [markdown]
# ## The search { #search }
#
# `search` takes the arguments of `fit`. Each trial trains for 3 epochs and is scored by
# its best validation accuracy.

# %%
keras.utils.set_random_seed(1)
tuner.search(x_train, y_train, validation_data=(x_val, y_val),
             epochs=3, batch_size=50, verbose=0)
for trial in tuner.oracle.get_best_trials(3):
    print(trial.trial_id, trial.hyperparameters.values, round(trial.score, 4))

# %% [markdown]
# ## The best model on the test images { #test }
#
# We rebuild the best trial's model, train it again on the training images and measure
# it once on the test images, which the search never saw.

# %%
best = tuner.get_best_hyperparameters(1)[0]
model = build_model(best)
model.fit(x_train, y_train, epochs=3, batch_size=50, verbose=0)
print(best.values)
print("test accuracy:", round(model.evaluate(x_test, y_test, verbose=0)[1], 4))

# %% [markdown]
# ## Your turn { #your-turn }
#
# - Give the search more trials (`max_trials=10`) and compare the best score.
# - Replace `RandomSearch` with `keras_tuner.GridSearch`: what does the grid try first,
#   and why does `lr`, a `Float` without a step, still work?
# - Replace it with `keras_tuner.Hyperband(build_model, objective="val_accuracy",
#   max_epochs=3, factor=3, ...)` and count its trials.
# - Add a dropout layer whose rate is a hyperparameter, only when
#   `hp.Boolean("dropout")` is true, inside `hp.conditional_scope("dropout", [True])`.
#
# The [comparison of the tuners](../tuners.md) runs all of them on these digits.
