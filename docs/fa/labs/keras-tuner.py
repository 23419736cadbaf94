# %% [markdown]
# # آزمایشگاه: یک جست‌وجوی کوچک ابرپارامتر { #keras-tuner-lab }
#
# در این آزمایشگاه با KerasTuner یک فضای جست‌وجو تعریف می‌کنید و روی ارقام دست‌نویس ۸×۸
# کتابخانهٔ scikit-learn یک جست‌وجوی تصادفی اجرا می‌کنید. کل جست‌وجو روی پردازنده چند ثانیه
# طول می‌کشد. این نوت‌بوک هنگام ساختن سایت اجرا شده است؛ خروجی زیر هر خانه نتیجهٔ همان
# اجراست. آن را دریافت کنید، فضای جست‌وجو یا تیونر را تغییر دهید و دوباره اجرا کنید.
#
# ## داده { #data }
#
# تابع `digits()` از بستهٔ `snippets` سایت، ۱٬۷۹۷ تصویر را به بازهٔ ۰ تا ۱ می‌برد و تصادفی
# به ۱٬۰۰۰ تصویر آموزش، ۴۰۰ تصویر اعتبارسنجی و ۳۹۷ تصویر آزمون تقسیم می‌کند. آن را پیش از
# Keras وارد می‌کنیم، چون وارد کردن `snippets` تنظیمات TensorFlow (عملیات قطعی و گزارش‌های
# کم‌صدا) را هم انجام می‌دهد.

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
# ## فضای جست‌وجو { #search-space }
#
# تابع `build_model(hp)` یک مدل را می‌سازد و کامپایل می‌کند. هر فراخوانی `hp.…` یک
# ابرپارامتر است: تعداد نورون‌های یک لایهٔ پنهان، تابع فعال‌سازی آن، و نرخ یادگیری در
# مقیاس لگاریتمی.

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
# ## تیونر { #tuner }
#
# `RandomSearch` هر ابرپارامتر را تصادفی انتخاب می‌کند، اینجا در ۳ آزمایش (trial).
# KerasTuner برای هر آزمایش پوشه‌ای می‌نویسد: یک پوشهٔ موقت به آن می‌دهیم. `seed=1`
# انتخاب‌ها را تکرارپذیر می‌کند (KerasTuner مقدار `seed=0` را «بدون بذر» می‌فهمد).

# %%
workdir = tempfile.TemporaryDirectory()
tuner = keras_tuner.RandomSearch(
    build_model, objective="val_accuracy", max_trials=3, seed=1,
    directory=workdir.name, overwrite=True)
tuner.search_space_summary()

# %% [markdown]
# ## جست‌وجو { #search }
#
# `search` همان آرگومان‌های `fit` را می‌گیرد. هر آزمایش ۳ دوره (epoch) آموزش می‌بیند و
# امتیازش بهترین دقت اعتبارسنجی آن است.

# %%
keras.utils.set_random_seed(1)
tuner.search(x_train, y_train, validation_data=(x_val, y_val),
             epochs=3, batch_size=50, verbose=0)
for trial in tuner.oracle.get_best_trials(3):
    print(trial.trial_id, trial.hyperparameters.values, round(trial.score, 4))

# %% [markdown]
# ## بهترین مدل روی تصویرهای آزمون { #test }
#
# مدل بهترین آزمایش را دوباره می‌سازیم، با تصویرهای آموزشی دوباره آموزش می‌دهیم و یک بار
# روی تصویرهای آزمون می‌سنجیم؛ جست‌وجو این تصویرها را هرگز ندیده است.

# %%
best = tuner.get_best_hyperparameters(1)[0]
model = build_model(best)
model.fit(x_train, y_train, epochs=3, batch_size=50, verbose=0)
print(best.values)
print("test accuracy:", round(model.evaluate(x_test, y_test, verbose=0)[1], 4))

# %% [markdown]
# ## نوبت شما { #your-turn }
#
# - به جست‌وجو آزمایش‌های بیشتری بدهید (`max_trials=10`) و بهترین امتیاز را مقایسه کنید.
# - `RandomSearch` را با `keras_tuner.GridSearch` عوض کنید: `GridSearch` اول چه چیزی را امتحان
#   می‌کند، و چرا `lr` که یک `Float` بدون گام است باز هم کار می‌کند؟
# - آن را با `keras_tuner.Hyperband(build_model, objective="val_accuracy",
#   max_epochs=3, factor=3, ...)` عوض کنید و آزمایش‌هایش را بشمارید.
# - یک لایهٔ دراپ‌اوت اضافه کنید که نرخش ابرپارامتر باشد، فقط وقتی
#   `hp.Boolean("dropout")` درست است، درون `hp.conditional_scope("dropout", [True])`.
#
# [مقایسهٔ تیونرها](../tuners.md) همهٔ آن‌ها را روی همین ارقام اجرا می‌کند.
