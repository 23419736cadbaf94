"""Words a reader sees on the page "What a convolution computes", one place per language.

Table headers, button labels, captions and alt text of that page and of its animations
(snippets/operation.py, snippets/arithmetic.py). Kept together so that they can be folded
into the site's string catalogue; terms follow terminology.yml.
"""

STRINGS = {
    # ---- English ------------------------------------------------------------------------
    "en": {
        "step_columns": ["output cell", "window starts at", "multiply-add (input · weight)", "output"],
        "agreement_columns": ["example", "output shape (ours)", "output shape (Keras)", "largest difference", "agree"],
        "sharing_columns": ["input", "Conv2D", "output", "Conv2D params", "Dense params (same input and output)",
                            "ratio"],
        "channel_columns": ["input channel", "multiply-add (input · weight)", "sum"],
        "bias": "bias",
        "output": "output",
        "play": "Play",
        "pause": "Pause",
        "previous": "Previous step",
        "next": "Next step",
        "step": "Step {n} of {total}",
        "input": "input",
        "padding_cell": "zero added by the padding",
        "examples": {
            "seed-same": "notes' 3x3, Laplacian, padding same",
            "five-valid": "5x5, edge kernel, valid",
            "five-stride": "5x5, edge kernel, stride 2, same",
            "five-dilation": "5x5, edge kernel, dilation 2",
            "channels": "4x4x2, two filters, bias",
        },
    },
    # ---- Persian (فارسی) ---------------------------------------------------------------
    "fa": {
        "step_columns": ["خانهٔ خروجی", "گوشهٔ بالا-چپ پنجره", "ضرب‌وجمع (ورودی · وزن)", "خروجی"],
        "agreement_columns": ["مثال", "شکل خروجی (ما)", "شکل خروجی (Keras)", "بیشترین اختلاف", "یکسان"],
        "sharing_columns": ["ورودی", "Conv2D", "خروجی", "پارامترهای Conv2D", "پارامترهای Dense (همان ورودی و خروجی)",
                            "نسبت"],
        "channel_columns": ["کانال ورودی", "ضرب‌وجمع (ورودی · وزن)", "مجموع"],
        "bias": "بایاس",
        "output": "خروجی",
        "play": "پخش",
        "pause": "توقف",
        "previous": "گام قبلی",
        "next": "گام بعدی",
        "step": "گام {n} از {total}",
        "input": "ورودی",
        "padding_cell": "صفرِ افزوده با لایه‌گذاری",
        "examples": {
            "seed-same": "ماتریس ۳×۳ جزوه، لاپلاسین، لایه‌گذاری same",
            "five-valid": "۵×۵، کرنل لبه، valid",
            "five-stride": "۵×۵، کرنل لبه، گام ۲، same",
            "five-dilation": "۵×۵، کرنل لبه، اتساع ۲",
            "channels": "۴×۴×۲، دو فیلتر، بایاس",
        },
    },
}
