"""The in-browser convolution explorer: its form (words in the page's language) and its data.

docs/assets/js/conv-explorer.js does the arithmetic in the browser (output sizes from the
shape calculator's outputLength, the same rule as snippets.formulas.output_length);
tests/test_explorer.py holds it to a Keras Conv2D and to cv2.filter2D. The photograph
and the matrix travel with the page, so the explorer works offline and from file://.
"""

import base64
import html
import json
from fractions import Fraction

import numpy as np

from cnn_site.cache import cached
from snippets.data import load_image
from snippets.figures import asset
from snippets.filters import LAPLACIAN, SOBEL_X, SOBEL_Y
from snippets.i18n import language, page_words  # the page being built, its words
from snippets.operation import MATRIX_5X5

PAGE = "what-a-convolution-computes"  # whose words (snippets/strings/*.yml) the form uses
EXPLORER_PHOTO_SIZE = 128  # pixels per side: the whole photograph, small enough to filter at every keystroke
# The image-filters page's kernels, by the names its links use (#explorer-<name>).
PRESETS = {"box": ((Fraction(1, 9),) * 3,) * 3, "laplacian": LAPLACIAN, "sobel-x": SOBEL_X, "sobel-y": SOBEL_Y}
_PRESET_WORDS = {"box": "box", "laplacian": "laplacian", "sobel-x": "sobel_x", "sobel-y": "sobel_y"}


def kernel_text(kernel):
    """A kernel as the explorer's text box shows it: one row per line, 1/9 for a ninth."""
    return "\n".join(" ".join(str(v) for v in row) for row in kernel)


@cached
def photo_script(size=EXPLORER_PHOTO_SIZE):
    """A script that gives the page the grey photograph: window.convExplorerPhoto = {width, height, data}."""
    image = np.clip(np.rint(load_image(size=size)), 0, 255).astype("uint8")
    data = base64.b64encode(image.tobytes()).decode("ascii")
    height, width = image.shape
    return f'window.convExplorerPhoto={{"width":{width},"height":{height},"data":"{data}"}};\n'.encode()


def _radio(name, label, checked):
    return (f'<label><input type="radio" name="ce-kernel" value="{name}"'
            f'{" checked" if checked else ""}> {label}</label>')


def explorer_html(lang=None):
    """The explorer's form, results and data, in the page's language."""
    lang = lang or language()
    words = page_words(PAGE, lang)["explorer"]
    radios = "".join(_radio(name, words["presets"][_PRESET_WORDS[name]], name == "laplacian") for name in PRESETS)
    radios += _radio("custom", words["presets"]["custom"], False)
    presets = {name: kernel_text(k) for name, k in PRESETS.items()}
    messages = {k: words[k] for k in ("shape", "signed", "grey", "square", "number", "large")}
    option = lambda v: f'<option value="{v}">{v}</option>'
    return (
        f'<div class="conv-explorer" data-presets="{html.escape(json.dumps(presets))}" '
        f'data-messages="{html.escape(json.dumps(messages, ensure_ascii=False))}" '
        f'data-matrix="{json.dumps([list(r) for r in MATRIX_5X5])}">'
        f'<fieldset class="ce-kernels"><legend>{words["kernel"]}</legend>{radios}</fieldset>'
        f'<p class="ce-field"><label for="ce-weights-{lang}">{words["weights"]}</label>'
        f'<textarea id="ce-weights-{lang}" class="ce-weights" dir="ltr" rows="4" spellcheck="false">'
        f'{html.escape(presets["laplacian"])}</textarea></p>'
        f'<p class="ce-field"><label>{words["stride"]} <select class="ce-stride">{"".join(map(option, (1, 2, 3)))}'
        f'</select></label> <label>{words["padding"]} <select class="ce-padding">{option("same")}{option("valid")}'
        f'</select></label></p>'
        f'<p class="ce-error" role="alert"></p>'
        f'<div class="ce-results" dir="ltr">'
        f'<figure><canvas class="ce-photo-in" role="img" aria-label="{html.escape(words["photo_in"])}"></canvas>'
        f'<figcaption dir="auto">{words["photo_in"]}</figcaption></figure>'
        f'<figure><canvas class="ce-photo-out" role="img" aria-label="{html.escape(words["photo_alt"])}"></canvas>'
        f'<figcaption dir="auto"><span>{words["photo_out"]}</span> · <span class="ce-shape"></span><br>'
        f'<span class="ce-legend"></span></figcaption></figure></div>'
        f'<figure class="ce-numbers"><div class="ce-matrices" dir="ltr"></div>'
        f'<figcaption dir="auto">{words["matrix"]} · <span class="ce-matrix-shape"></span></figcaption></figure>'
        f'<noscript><p>{words["noscript"]}</p></noscript></div>\n'
        f'<script src="{asset(photo_script(), "explorer-photo", "js")}" defer></script>'
    )
