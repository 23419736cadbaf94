# %% [markdown]
# # Lab: max-pooling a 3x3 matrix { #max-pooling-lab }
#
# In this lab we feed the 3x3 matrix of the original course assignment to a Keras
# `MaxPooling2D` layer and check the output against a computation by hand. The notebook
# was executed when the site was built; the output under each cell comes from that run.
# Download the notebook, change the window size or the stride, and run it again.
#
# ## The input { #input }
#
# Keras 2-D layers expect input shaped `(batch, height, width, channels)`, so we turn
# the matrix into one sample with one channel.

# %%
import keras
import numpy as np

from snippets.pooling import SEED_MATRIX

x = np.array(SEED_MATRIX, dtype="float32").reshape(1, 3, 3, 1)
print(x.shape)

# %% [markdown]
# ## Max-pooling with a 2x2 window and stride 1 { #pool }
#
# The window fits in two positions along each axis, so the output is 2x2.

# %%
pooled = keras.layers.MaxPooling2D(pool_size=2, strides=1)(x)
print(pooled.shape)
print(np.asarray(pooled)[0, :, :, 0])

# %% [markdown]
# ## Checking against a computation by hand { #check }
#
# We take the maximum of every 2x2 window with NumPy; if the two results differ, this
# cell fails.

# %%
m = np.array(SEED_MATRIX)
by_hand = np.array([[m[i:i + 2, j:j + 2].max() for j in range(2)] for i in range(2)])
assert (by_hand == np.asarray(pooled)[0, :, :, 0]).all()
print("Keras and NumPy agree:", by_hand.tolist())
