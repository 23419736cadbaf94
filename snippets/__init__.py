"""Functions that compute every number, table and figure of the site.

Pages and lab notebooks import from here; tests call the same functions. Heavy
libraries (TensorFlow, Keras) are imported inside the functions that need them.
"""

import os

# Set before TensorFlow is first imported, by a page, a lab kernel or a test.
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # keep C++ start-up notices off the pages
os.environ.setdefault("TF_DETERMINISTIC_OPS", "1")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")  # oneDNN may reorder float sums between runs
