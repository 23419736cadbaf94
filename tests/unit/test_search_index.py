"""Search finds what a student types, in their own language (cnn_site/site/search_index.py): the
normal form and the index, without a build. The built indexes: tests/site/test_search_indexes.py;
the search box in Chromium: tests/browser/test_search_box.py."""

import pytest
from mkdocs.utils.yaml import yaml_load

from cnn_site.site import search_index
from tests.support.project import ROOT

normalise = search_index.normalise
PLUGINS = yaml_load((ROOT / "mkdocs.yml").read_text("utf-8"))["plugins"]
SEPARATOR = next(p["search"] for p in PLUGINS if isinstance(p, dict) and "search" in p)["separator"]

# One example of each rule of the normal form: (typed, normal form).
RULES = [
    ("كرنل يادگيري", "کرنل یادگیری"),      # Arabic keyboard letters
    ("ویدئو", "ویدیو"),                      # ئ / ی in loanwords
    ("لایهٔ", "لایه"), ("لایۀ", "لایه"),    # هٔ / ۀ
    ("لایه‌ی کانولوشن", "لایه کانولوشن"),  # ه‌ی (ZWNJ)
    ("لایه ی کانولوشن", "لایه کانولوشن"),   # ه ی (space)
    ("جست‌وجو", "جستوجو"), ("جستجو", "جستوجو"),  # ZWNJ / none, and a second spelling
    ("کرنِل پدّینگ", "کرنل پدینگ"),         # short vowels and shadda
    ("۹۲۸٬۲۳۴", "928234"), ("٩٢٨,٢٣٤", "928234"), ("928,234", "928234"),  # digits, separators
    ("786{,}624", "786624"), ("۰٫۷۲۵۰", "0.7250"),
    ("(3, 3) 32,32", "(3, 3) 32,32"),       # not a thousands separator
    ("Conv2D", "Conv2D"),
]


@pytest.mark.parametrize("typed, normal", RULES)
def test_normal_form(typed, normal):
    assert normalise(typed) == normal


def _index(docs, terms, lang="fa"):
    config = {"separator": SEPARATOR, "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}}
    return search_index.build_index(docs, config, terms, lang)


TERM = {"id": "padding", "en": "padding", "fa": "لایه‌گذاری", "fa_also": ["حاشیه‌گذاری"],
        "typed": ["پدینگ", "پد کردن"], "page": "kernel-size.md#odd-sizes"}


def test_the_index_learns_what_students_type():
    docs = [{"location": "kernel-size.html#odd-sizes", "title": "اندازه‌های فرد", "text": "<p>لایه‌گذاری 928٬234</p>"},
            {"location": "pooling.html", "title": "ادغام", "text": "<p>لایه‌گذاری‌ها و گام</p>"},
            {"location": "tuners.html", "title": "تیونرها", "text": "<p>هیچ</p>"},
            {"location": "labs/max-pooling.html#pool", "title": "بیشینه‌گیری¶", "text": "<p>ویدئو</p>"}]
    index = _index(docs, [TERM])
    by = {d["location"]: d for d in index["docs"]}
    explaining, using, unrelated, lab = by.values()
    assert {"پدینگ", "پدکردن", "padding", "لایهگذاری"} <= set(explaining["alt_title"].split())  # the term's page
    assert {"پدینگ", "پدکردن", "padding"} <= set(using["alt_text"].split())                     # uses the term
    assert "alt_text" not in unrelated and "alt_title" not in unrelated
    assert "928234" in explaining["alt_text"].split() and "اندازههای" in explaining["alt_title"].split()
    assert lab["title"] == "بیشینه‌گیری" and lab["boost"] < 1 and "ویدیو" in lab["alt_text"].split()
    assert "boost" not in explaining
    assert index["config"]["fields"]["alt_title"] == index["config"]["fields"]["title"]


def test_english_index_learns_only_english_forms():
    docs = [{"location": "kernel-size.html#odd-sizes", "title": "Odd sizes", "text": "<p>padding</p>"}]
    words = set(_index(docs, [TERM], "en")["docs"][0]["alt_title"].split())
    assert words == {"padding"}
