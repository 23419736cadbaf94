# %% [markdown]
# # Lab: hand-made filters { #image-filters-lab }
#
# In this lab you apply the four kernels of the [image filters](../image-filters.html) page
# (box blur, Laplacian, Sobel y, Sobel x) to a picture of your own choosing, once with a
# Keras `Conv2D` layer whose weights you set by hand and once with OpenCV's
# `cv2.filter2D`, and then design a kernel of your own. The notebook was executed when the
# site was built; the outputs under each cell come from that run. Download it, change the
# picture or the kernel, and run it again.
#
# ## Choose a picture { #choose-image }
#
# Set `IMAGE_PATH` to the path of any picture that OpenCV can read (JPEG, PNG, ...). With
# `None` the lab uses the photograph that ships with scikit-image (`camera`). The picture
# is turned to grey levels from 0 to 255 and shrunk so that its longer side is 256 pixels.

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
# ## The kernels { #kernels }
#
# Each kernel is a 3 × 3 array. The sum of its weights says what it does to a flat region:
# 1 keeps the brightness (a blur), 0 gives zero (an edge detector).

# %%
for name, kernel in KERNELS.items():
    print(f"{name}: sum of weights = {kernel.sum():g}")
    print(kernel, end="\n\n")

# %% [markdown]
# ## Keras: one `Conv2D` layer, weights set by hand { #keras }
#
# A `Conv2D` layer keeps its kernels in an array of shape
# `(rows, columns, input channels, filters)`. We stack our four kernels along the last
# axis, write them into the layer with `set_weights`, and call `predict`: the four filtered
# pictures come back as four channels.

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
# ## OpenCV, and do the two agree? { #opencv }
#
# `cv2.filter2D` applies one kernel at a time. By default it reflects the picture at its
# border, while Keras pads with zeros; with `borderType=cv2.BORDER_CONSTANT` OpenCV pads
# with zeros too. For each kernel we print the largest difference inside the picture, over
# the whole picture, and over the whole picture with zero borders.

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
# ## Look at the results { #look }
#
# Edge kernels give negative values as well as positive ones. `show` draws such signed
# pictures with a red-blue colour map centred on zero (red positive, blue negative, white
# zero) and capped at the 99.5th percentile, and everything else in grey.

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
# ## Gradient magnitude and direction { #gradient }
#
# Sobel x and Sobel y are the two components of the gradient. Its magnitude is the strength
# of an edge in any orientation; its direction (0° right, 90° down) points from dark to
# bright.

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
# ## Your own kernel { #your-kernel }
#
# Change the numbers of `MY_KERNEL` and run the cell again. The one below sharpens: it
# adds to each pixel its difference from its four neighbours, and its weights sum to 1.
# Set `SIGNED = True` when your weights sum to 0 (an edge detector).

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
# The same kernel in a Keras layer, compared with OpenCV when both pad with zeros:

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
# ## Try next { #try-next }
#
# **1.** A diagonal edge detector, `[[0, 1, 2], [-1, 0, 1], [-2, -1, 0]]`: which edges
# light up? Its weights sum to 0, so set `SIGNED = True`.
#
# **2.** A 7 × 7 blur, `np.ones((7, 7)) / 49`, then the same divided by 500 instead of 49:
# does the second one blur more, or only look darker?
#
# **3.** An even-sized kernel, `[[1, -1], [1, -1]]`: Keras and OpenCV no longer agree,
# even with zero borders. A 2 × 2 kernel has no centre pixel: compare the two outputs and
# find the one-pixel shift between them.
#
# **4.** Your own picture: set `IMAGE_PATH` and run every cell again.
