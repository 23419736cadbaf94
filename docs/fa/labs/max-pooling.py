# %% [markdown]
# # آزمایشگاه: بیشینه‌گیری ماتریس ۳×۳ { #max-pooling-lab }
#
# در این آزمایشگاه ماتریس ۳×۳ تمرین اصلی درس را به یک لایهٔ `MaxPooling2D` در Keras
# می‌دهیم و خروجی را با مقایسه‌ای دستی می‌سنجیم. این نوت‌بوک هنگام ساختن سایت اجرا شده
# است؛ خروجی‌هایی که زیر هر خانه می‌بینید نتیجهٔ همان اجراست. نوت‌بوک را دریافت کنید،
# اندازهٔ پنجره یا گام را تغییر دهید و دوباره اجرا کنید.
#
# ## ورودی { #input }
#
# لایه‌های دوبعدی Keras ورودی را به شکل `(batch, height, width, channels)` می‌خواهند؛
# پس ماتریس را به یک نمونه با یک کانال تبدیل می‌کنیم.

# %%
import keras
import numpy as np

from snippets.pooling import SEED_MATRIX

x = np.array(SEED_MATRIX, dtype="float32").reshape(1, 3, 3, 1)
print(x.shape)

# %% [markdown]
# ## بیشینه‌گیری با پنجرهٔ ۲×۲ و گام ۱ { #pool }
#
# پنجره در هر جهت دو جایگاه دارد، پس خروجی ۲×۲ است.

# %%
pooled = keras.layers.MaxPooling2D(pool_size=2, strides=1)(x)
print(pooled.shape)
print(np.asarray(pooled)[0, :, :, 0])

# %% [markdown]
# ## مقایسه با محاسبهٔ دستی { #check }
#
# بیشینهٔ هر پنجرهٔ ۲×۲ را با NumPy حساب می‌کنیم؛ اگر دو نتیجه یکی نباشند، این خانه خطا می‌دهد.

# %%
m = np.array(SEED_MATRIX)
by_hand = np.array([[m[i:i + 2, j:j + 2].max() for j in range(2)] for i in range(2)])
assert (by_hand == np.asarray(pooled)[0, :, :, 0]).all()
print("Keras and NumPy agree:", by_hand.tolist())
