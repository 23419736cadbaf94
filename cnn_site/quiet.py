"""Keep the build's terminal for what matters: TensorFlow's start-up noise is silenced.

A newcomer reads `E0000 ... failed call to cuInit` as "something broke". Before anything
imports TensorFlow (cnn_site/plugin.py calls `silence()` when MkDocs loads the plugin):
- TF_CPP_MIN_LOG_LEVEL=3 drops TensorFlow's C++ logging below errors (lab kernels
  inherit it through the environment; cnn_site/labs/execute.py also mutes their stderr);
- the first `import tensorflow` runs with the process's stderr captured, and only lines
  that are not start-up notices (absl, CUDA probing, CPU features, oneDNN) are replayed;
- Python warnings that TensorFlow logs (tf.function retracing) are raised to errors only.
SITE_VERBOSE=1 leaves all of it as it was, for debugging.
"""

import importlib.abc
import importlib.util
import logging
import os
import re
import sys
import tempfile

VERBOSE = os.environ.get("SITE_VERBOSE", "").lower() in {"1", "on", "true", "yes"}
# TensorFlow's start-up notices: absl/glog-style lines (`I0000 …`, `E0000 … cuInit …`),
# absl's own warning, and the lines that continue them. Dropped from the build's stderr
# here, and from lab outputs made only of them (cnn_site/labs/execute.py).
NOISE = re.compile(r"^(?:[IWE]\d{4} .*|WARNING: All log messages before absl::InitializeLog\(\).*"
                   r"|To enable the following instructions:.*|\s*)$")


def is_noise(line):
    return bool(NOISE.match(line))


def _without_noise(text):
    return "".join(line for line in text.splitlines(keepends=True) if not is_noise(line))


class _CapturedStderr:
    """Redirect file descriptor 2 to a temporary file; replay what is not noise."""

    def __enter__(self):
        sys.stderr.flush()
        self._saved, self._file = os.dup(2), tempfile.TemporaryFile(mode="w+b")
        os.dup2(self._file.fileno(), 2)

    def __exit__(self, *exc):
        sys.stderr.flush()
        os.dup2(self._saved, 2)
        os.close(self._saved)
        self._file.seek(0)
        rest = _without_noise(self._file.read().decode("utf-8", "replace"))
        self._file.close()
        if rest:
            sys.stderr.write(rest)


class _QuietLoader(importlib.abc.Loader):
    def __init__(self, loader):
        self._loader = loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        with _CapturedStderr():
            self._loader.exec_module(module)


class _QuietTensorFlowImport(importlib.abc.MetaPathFinder):
    """Wraps the first import of the `tensorflow` package in _CapturedStderr."""

    def find_spec(self, name, path=None, target=None):
        if name != "tensorflow":
            return None
        sys.meta_path.remove(self)  # once: find the real spec, then wrap its loader
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.loader is not None:
            spec.loader = _QuietLoader(spec.loader)
        return spec


def silence():
    """Apply the settings above, unless SITE_VERBOSE is set."""
    if VERBOSE:
        return
    # Not setdefault: snippets/__init__.py asks for 2 (which still lets the cuInit error
    # through), and a test process that imported snippets passes that on to its builds.
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
    logging.getLogger("tensorflow").setLevel(logging.ERROR)
    if "tensorflow" not in sys.modules and not any(isinstance(f, _QuietTensorFlowImport) for f in sys.meta_path):
        sys.meta_path.insert(0, _QuietTensorFlowImport())
