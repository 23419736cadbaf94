"""Persian search that forgives keyboards: Arabic letter variants and non-Latin digits.

Lunr (Material's search) compares exact characters. Text typed on an Arabic keyboard
layout has ي and ك where Persian has ی and ک, and numbers come as ۲ or ٢ as often as 2.
This hook writes the search index in one normal form; docs/assets/js/search-normalize.js
puts the reader's query into the same form as they type.
"""

import json
from pathlib import Path

from mkdocs.plugins import event_priority

# Keep in step with docs/assets/js/search-normalize.js (a browser test compares them).
NORMAL_FORM = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ـ": None,
                             **{chr(0x06F0 + d): str(d) for d in range(10)},
                             **{chr(0x0660 + d): str(d) for d in range(10)}})


def normalise(text):
    return text.translate(NORMAL_FORM)


@event_priority(-150)  # after i18n merged the languages' indexes and offline inlined it (-100)
def on_post_build(config):
    if config.plugins["i18n"].building:
        return
    folder = Path(config.site_dir) / "search"
    index = json.loads((folder / "search_index.json").read_text("utf-8"))
    for doc in index["docs"]:
        doc["title"], doc["text"] = normalise(doc["title"]), normalise(doc["text"])
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    (folder / "search_index.json").write_text(data, "utf-8")
    if (folder / "search_index.js").exists():  # the offline plugin's copy for file://
        (folder / "search_index.js").write_text(f"var __index = {data}", "utf-8")
