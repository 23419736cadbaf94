# %% [markdown]
# # آزمایشگاه: فیلترهای دست‌ساز { #image-filters-lab }
#
# در این آزمایشگاه چهار کرنل صفحهٔ [فیلترهای تصویر](../image-filters.html) (میانگین‌گیر،
# لاپلاسین، سوبل y و سوبل x) را روی تصویری به انتخاب خودتان اعمال می‌کنید: یک بار با لایهٔ
# `Conv2D` در Keras که وزن‌هایش را دستی تنظیم می‌کنید و یک بار با `cv2.filter2D` در OpenCV؛
# سپس کرنلی از خودتان طراحی می‌کنید. این نوت‌بوک هنگام ساختن سایت اجرا شده است و خروجی زیر
# هر خانه نتیجهٔ همان اجراست. نوت‌بوک را دریافت کنید، تصویر یا کرنل را تغییر دهید و دوباره
# اجرا کنید.
#
# ## انتخاب تصویر { #choose-image }
#
# `IMAGE_PATH` را برابر مسیر هر تصویری بگذارید که OpenCV می‌تواند بخواند (JPEG، PNG و...).
# با `None` آزمایشگاه عکسی را به کار می‌برد که همراه scikit-image نصب می‌شود (`camera`).
# تصویر به سطح خاکستری ۰ تا ۲۵۵ تبدیل و طوری کوچک می‌شود که ضلع بلندترش ۲۵۶ پیکسل باشد.

# %%
import cv2
import keras
import matplotlib.pyplot as plt
import numpy as np

from snippets.filters import KERNELS, load_image

IMAGE_PATH = None  # for example "my_photo.jpg"

image = load_image(IMAGE_PATH, size=256)
height, width = image.shape
print(image.shape, image.dtype, image.min(), image.max())

# %% [markdown]
# ## کرنل‌ها { #kernels }
#
# هر کرنل یک آرایهٔ ۳×۳ است. مجموع وزن‌هایش نشان می‌دهد با ناحیهٔ یکنواخت چه می‌کند:
# ۱ روشنایی را نگه می‌دارد (مات‌کننده) و ۰ صفر می‌دهد (لبه‌یاب).

# %%
for name, kernel in KERNELS.items():
    print(f"{name}: sum of weights = {kernel.sum():g}")
    print(kernel, end="\n\n")

# %% [markdown]
# ## روش اول: لایهٔ `Conv2D` در Keras با وزن‌های دستی { #keras }
#
# لایهٔ `Conv2D` کرنل‌هایش را در آرایه‌ای به شکل `(rows, columns, input channels, filters)`
# نگه می‌دارد. چهار کرنل را در راستای محور آخر روی هم می‌چینیم، با `set_weights` در لایه
# می‌نویسیم و `predict` را فراخوانی می‌کنیم: چهار تصویر فیلترشده به‌صورت چهار کانال برمی‌گردند.

# %%
# Conv2D kernel shape: (rows, columns, input channels, filters)
weights = np.stack(list(KERNELS.values()), axis=-1)
weights = weights[:, :, np.newaxis, :]  # one input channel
model = keras.Sequential([
    keras.Input(shape=(height, width, 1)),
    keras.layers.Conv2D(len(KERNELS), 3, padding="same",
                        use_bias=False),
])
model.set_weights([weights])
batch = image.reshape(1, height, width, 1)
by_keras = model.predict(batch, verbose=0)[0]
print("kernel:", weights.shape, " output:", by_keras.shape)

# %% [markdown]
# ## روش دوم: OpenCV، و آیا دو روش با هم می‌خوانند؟ { #opencv }
#
# `cv2.filter2D` هر بار یک کرنل را اعمال می‌کند. این تابع به‌طور پیش‌فرض تصویر را در مرز
# بازتاب می‌دهد، در حالی که Keras با صفر لایه‌گذاری (padding) می‌کند؛ با
# `borderType=cv2.BORDER_CONSTANT` OpenCV هم با صفر لایه‌گذاری می‌کند. برای هر کرنل
# بزرگ‌ترین اختلاف را درون تصویر، روی کل تصویر، و روی کل تصویر با مرز صفر چاپ می‌کنیم.

# %%
for i, (name, kernel) in enumerate(KERNELS.items()):
    # Default border: reflection. BORDER_CONSTANT: zeros.
    reflected = cv2.filter2D(image, cv2.CV_32F, kernel)
    zeros = cv2.filter2D(image, cv2.CV_32F, kernel,
                         borderType=cv2.BORDER_CONSTANT)
    diff = np.abs(by_keras[:, :, i] - reflected)
    zero_diff = np.abs(by_keras[:, :, i] - zeros)
    print(f"{name:9}  inside: {diff[1:-1, 1:-1].max():<4g} "
          f"whole: {diff.max():<8g} zeros: {zero_diff.max():g}")

# %% [markdown]
# ## دیدن نتیجه‌ها { #look }
#
# کرنل‌های لبه‌یاب هم مقدار منفی می‌دهند و هم مثبت. تابع `show` چنین تصویرهای علامت‌داری را
# با نگاشت رنگی قرمز-آبی با مرکز صفر (قرمز مثبت، آبی منفی، سفید صفر) که در صدک ۹۹٫۵ بریده
# شده است می‌کشد و بقیه را خاکستری.

# %%
def show(ax, values, title, signed=False):
    """Grey levels, or a red-blue map centred on 0 when signed."""
    if signed:
        limit = np.percentile(np.abs(values), 99.5)
        ax.imshow(values, cmap="RdBu_r", vmin=-limit, vmax=limit)
    else:
        ax.imshow(values, cmap="gray")
    ax.set_title(title)
    ax.axis("off")


fig, axes = plt.subplots(2, 3, figsize=(12, 8.4))
axes = axes.flat
show(axes[0], image, "image")
for i, name in enumerate(KERNELS):
    signed = name != "box/9"  # edge kernels give negative values
    show(axes[i + 1], by_keras[:, :, i], name, signed)
axes[5].axis("off")
plt.show()

# %% [markdown]
# ## اندازه و جهت گرادیان { #gradient }
#
# سوبل x و سوبل y دو مؤلفهٔ گرادیان‌اند. اندازهٔ گرادیان شدت لبه در هر جهتی است؛ جهت آن
# (۰ درجه به راست، ۹۰ درجه به پایین) از تیره به روشن اشاره می‌کند.

# %%
gx, gy = by_keras[:, :, 3], by_keras[:, :, 2]
magnitude = np.hypot(gx, gy)
direction = np.degrees(np.arctan2(gy, gx))

fig, axes = plt.subplots(1, 2, figsize=(11, 5))
top = np.percentile(magnitude, 99)
axes[0].imshow(magnitude, cmap="gray", vmax=top)
strong = magnitude > 0.25 * top  # colour only the strong edges
axes[1].imshow(np.where(strong, direction, np.nan), cmap="hsv",
               vmin=-180, vmax=180)
for ax, title in zip(axes, ["magnitude", "direction"]):
    ax.set_title(title)
    ax.axis("off")
plt.show()

# %% [markdown]
# ## کرنل خودتان { #your-kernel }
#
# اعداد `MY_KERNEL` را تغییر دهید و خانه را دوباره اجرا کنید. کرنل زیر تصویر را تیز می‌کند:
# به هر پیکسل اختلافش با چهار همسایه‌اش را می‌افزاید و مجموع وزن‌هایش ۱ است. اگر مجموع
# وزن‌های کرنل شما ۰ است (یک لبه‌یاب)، `SIGNED = True` بگذارید.

# %%
MY_KERNEL = np.array([[0, -1, 0],
                      [-1, 5, -1],
                      [0, -1, 0]], dtype="float32")
SIGNED = False

mine = cv2.filter2D(image, cv2.CV_32F, MY_KERNEL)
print(f"sum of weights: {MY_KERNEL.sum():g}, "
      f"output from {mine.min():g} to {mine.max():g}")
fig, axes = plt.subplots(1, 2, figsize=(11, 5.4))
show(axes[0], image, "image")
shown = mine if SIGNED else np.clip(mine, 0, 255)  # a screen: 0-255
show(axes[1], shown, "MY_KERNEL", signed=SIGNED)
plt.show()

# %% [markdown]
# همان کرنل در یک لایهٔ Keras، در مقایسه با OpenCV وقتی هر دو با صفر لایه‌گذاری می‌کنند:

# %%
layer = keras.layers.Conv2D(1, MY_KERNEL.shape, padding="same",
                            use_bias=False)
layer.build((None, height, width, 1))
layer.set_weights([MY_KERNEL[:, :, np.newaxis, np.newaxis]])
by_layer = np.asarray(layer(batch))[0, :, :, 0]
zeros = cv2.filter2D(image, cv2.CV_32F, MY_KERNEL,
                     borderType=cv2.BORDER_CONSTANT)
print("largest |Keras - OpenCV|:", np.abs(by_layer - zeros).max())

# %% [markdown]
# ## گام‌های بعدی { #try-next }
#
# **۱.** یک لبه‌یاب مورب، `[[0, 1, 2], [-1, 0, 1], [-2, -1, 0]]`: کدام لبه‌ها روشن
# می‌شوند؟ مجموع وزن‌هایش ۰ است، پس `SIGNED = True` بگذارید.
#
# **۲.** یک مات‌کنندهٔ ۷×۷، `np.ones((7, 7)) / 49`، و سپس همان تقسیم بر ۵۰۰ به‌جای ۴۹:
# دومی بیشتر مات می‌کند یا فقط تیره‌تر به نظر می‌رسد؟
#
# **۳.** یک کرنل با اندازهٔ زوج، `[[1, -1], [1, -1]]`: Keras و OpenCV حتی با مرز صفر
# دیگر با هم نمی‌خوانند. کرنل ۲×۲ پیکسل مرکزی ندارد: دو خروجی را مقایسه کنید و
# جابه‌جایی یک‌پیکسلی میان آن‌ها را پیدا کنید.
#
# **۴.** تصویر خودتان: `IMAGE_PATH` را تنظیم کنید و همهٔ خانه‌ها را دوباره اجرا کنید.
