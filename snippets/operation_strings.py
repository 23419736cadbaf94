"""Words a reader sees on the page "What a convolution computes", one place per language.

Table headers, button labels, captions and alt text of that page and of its animations
(snippets/operation.py, snippets/arithmetic.py). Strings may hold inline HTML (<code>). Kept together so that they can be folded
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
        "sizes": "input {i}×{i}, kernel {k}×{k}, stride {s} → output {o}×{o}",
        "seed_stepper": "The notes' 3×3 matrix with one zero of padding all round, and the Laplacian kernel",
        "cases": {
            "valid": 'No padding (<code>padding="valid"</code>)',
            "same": 'Half padding (<code>padding="same"</code>): the output keeps the input\'s size',
            "full": "Full padding: k − 1 = 2 zeros on each side (<code>ZeroPadding2D(2)</code>)",
            "stride": "Stride 2, with one zero of padding on each side",
            "dilation": "Dilation 2 (<code>dilation_rate=2</code>): one gap between the kernel's cells",
            "transposed": "Transposed convolution with stride 2 (<code>Conv2DTranspose</code>): zeros between and around the input",
        },
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
        "sizes": "ورودی {i}×{i}، کرنل {k}×{k}، گام {s} ← خروجی {o}×{o}",
        "seed_stepper": "ماتریس ۳×۳ جزوه با یک ردیف صفرِ لایه‌گذاری در هر طرف، و کرنل لاپلاسین",
        "cases": {
            "valid": 'بدون لایه‌گذاری (<code>padding="valid"</code>)',
            "same": 'لایه‌گذاری نیمه (<code>padding="same"</code>): خروجی هم‌اندازهٔ ورودی می‌ماند',
            "full": "لایه‌گذاری کامل: k − 1 = ۲ صفر در هر طرف (<code>ZeroPadding2D(2)</code>)",
            "stride": "گام ۲، با یک صفرِ لایه‌گذاری در هر طرف",
            "dilation": "اتساع ۲ (<code>dilation_rate=2</code>): یک خانه فاصله میان خانه‌های کرنل",
            "transposed": "کانولوشن ترانهاده با گام ۲ (<code>Conv2DTranspose</code>): صفرهایی میان و دور ورودی",
        },
        "examples": {
            "seed-same": "ماتریس ۳×۳ جزوه، لاپلاسین، لایه‌گذاری same",
            "five-valid": "۵×۵، کرنل لبه، valid",
            "five-stride": "۵×۵، کرنل لبه، گام ۲، same",
            "five-dilation": "۵×۵، کرنل لبه، اتساع ۲",
            "channels": "۴×۴×۲، دو فیلتر، بایاس",
        },
    },
}
