"""TensorFlow's start-up notices, recognised in one place.

absl/glog-style lines (`I0000 …`, `E0000 … cuInit …`), absl's own warning, and the lines
that continue them. hooks/quiet.py drops them from the build's stderr; hooks/notebook_cache.py
drops lab outputs made only of them.
"""

import re

NOISE = re.compile(r"^(?:[IWE]\d{4} .*|WARNING: All log messages before absl::InitializeLog\(\).*"
                   r"|To enable the following instructions:.*|\s*)$")


def is_noise(line):
    return bool(NOISE.match(line))
