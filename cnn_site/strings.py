"""Every word the build machinery puts in front of a reader, per language, in one place.

Pages get these around their content: the "last updated" line, the "Cite this page" box,
the lab pages' download buttons and plot descriptions, the first cell of a downloaded lab,
the search dialog's name. Words that computed tables and figures print are in
snippets/strings/ (snippets/i18n.py); terms follow terminology.yml. Each language has the
same keys (tests/unit/test_cnn_site_pages.py checks it).
"""

STRINGS = {
    "fa": {
        "cite": {  # the "Cite this page" box (pages/citation.py); locale and langid are for cite.js and BibTeX
            "summary": "ارجاع به این صفحه",
            "intro": "برای ارجاع در گزارش، پایان‌نامه یا مقاله:",
            "version": "نسخهٔ",
            "retrieved": "بازیابی‌شده در {date} از {url}",
            "today": "[تاریخ امروز]",
            "and": "و",
            "comma": "، ",
            "changed": "آخرین تغییر: {date}",
            "licence": "مجوز",
            "whole": "ارجاع به کل سایت",
            "locale": "fa-IR-u-ca-persian-nu-arabext",
            "langid": "persian",
            "dir": "rtl",
        },
        "plot_alt": "نمودار یا تصویری که خانهٔ کد بالا ساخته است",
        "download_label": "دریافت نوت‌بوک",
        "standalone": "نوت‌بوک دریافتی بدون کد این سایت هم اجرا می‌شود: خانهٔ نخست آن بسته‌های لازم را با نسخه‌هایشان فهرست می‌کند و خانهٔ دوم کدی را در خود دارد که این صفحه از <code>snippets</code> وارد (import) می‌کند.",
        "setup_note": "**پیش از اجرا.** این نوت‌بوک با پایتون (Python) `{python}` اجرا شده است و به این بسته‌ها، با همان نسخه‌هایی که سایت با آن‌ها ساخته شده است، نیاز دارد:\n\n{packages}\n\nآن‌ها را در خط فرمان و در همان محیطی نصب کنید که ژوپیتر (Jupyter) نوت‌بوک را در آن اجرا می‌کند:\n\n```bash\npip install {pins}\n```\n\nیا در یک خانهٔ همین نوت‌بوک با <code dir=\"ltr\">%pip install</code> و همین فهرست؛ سپس از منوی Kernel گزینهٔ Restart را بزنید.",
        "copied_note": "خانهٔ کد بعدی همان چیزهایی است که این آزمایشگاه از بستهٔ `snippets` سایت به کار می‌برد ({modules})؛ این کد هنگام ساختن سایت در اینجا نوشته شده است تا نوت‌بوک به چیز دیگری نیاز نداشته باشد. آن را بخوانید، تغییر دهید و پیش از خانه‌های دیگر اجرا کنید.",
        "list_separator": "، ",
        "search_dialog": "جست‌وجو",
        "last_updated": "آخرین به‌روزرسانی",
    },
    "en": {
        "cite": {  # the "Cite this page" box (pages/citation.py); locale and langid are for cite.js and BibTeX
            "summary": "Cite this page",
            "intro": "To cite this page in a report, thesis or paper:",
            "version": "Version",
            "retrieved": "Retrieved {date}, from {url}",
            "today": "[today's date]",
            "and": "&",
            "comma": ", ",
            "changed": "Last changed {date}",
            "licence": "Licence",
            "whole": "Cite the whole site",
            "locale": "en-US",
            "langid": "english",
            "dir": "ltr",
        },
        "plot_alt": "Plot or image produced by the code cell above",
        "download_label": "Download the notebook",
        "standalone": "The download runs without this site's code: its first cell lists the packages it needs, with their versions, and its second holds the code this page imports from <code>snippets</code>.",
        "setup_note": "**Before you run it.** This notebook was run with Python `{python}`; it needs these packages, at the versions the site was built with:\n\n{packages}\n\nInstall them from a terminal, in the environment your Jupyter kernel runs in:\n\n```bash\npip install {pins}\n```\n\nor in a cell of this notebook with `%pip install` and the same list, then restart the kernel (Kernel → Restart).",
        "copied_note": "The next code cell holds what this lab uses from the site's `snippets` package ({modules}), copied here when the site was built so that the notebook needs nothing else: read it, change it, and run it before the other cells.",
        "list_separator": ", ",
        "search_dialog": "Search",
        "last_updated": "Last updated",
    },
}


def text(lang, key):
    """The string `key` in the page's language."""
    return STRINGS[lang][key]
