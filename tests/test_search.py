"""Search finds what a student types, in their own language (cnn_site/site/search_index.py,
docs/assets/js/search-normalize.js): unit tests of the normal form and the index, the
built indexes, and the query set of tests/data/search_queries.yml typed into Chromium."""

import gzip
import json
import re

import pytest
from mkdocs.utils.yaml import yaml_load

from conftest import LANGUAGES, ROOT, open_page

from cnn_site.site import search_index

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


def _load(site, lang):
    return json.loads((site / LANGUAGES[lang] / "search" / "search_index.json").read_text("utf-8"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_own_index(site, lang):
    docs = _load(site, lang)["docs"]
    pages = {d["location"].split("#")[0] for d in docs}
    assert pages and all((site / LANGUAGES[lang] / p).is_file() for p in pages)
    assert not any(p.startswith("en/") for p in pages)
    words = " ".join(d["title"] + " " + d["text"] for d in docs)
    persian = len(re.findall("[\u0600-\u06ff]", words)) / len(re.findall(r"[^\W\d_]", words))
    assert persian > 0.5 if lang == "fa" else persian < 0.05
    assert "@misc{" not in words and "¶" not in words  # no citation box, no permalink signs
    offline = (site / LANGUAGES[lang] / "search" / "search_index.js").read_text("utf-8")
    assert json.loads(offline.removeprefix("var __index = ")) == _load(site, lang)


def test_every_term_page_is_a_search_entry(site):
    """The section that explains a term (its `page`) exists, in both indexes, to rank first."""
    terms = yaml_load((ROOT / "terminology.yml").read_text("utf-8"))["terms"]
    for lang in LANGUAGES:
        locations = {d["location"] for d in _load(site, lang)["docs"]}
        missing = [t["page"] for t in terms if t.get("page") and search_index._page_location(t["page"]) not in locations]
        assert not missing, (lang, missing)


def test_both_languages_index_the_same_sections(site):
    assert [d["location"] for d in _load(site, "fa")["docs"]] == [d["location"] for d in _load(site, "en")["docs"]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_index_weighs_little(site, lang):
    data = (site / LANGUAGES[lang] / "search" / "search_index.json").read_bytes()
    # bytes a reader downloads before the first search (fa 84,390, en 63,465 with the page
    # "What a convolution computes"; 105 KB for both languages before the split)
    assert len(gzip.compress(data)) < 90_000


@pytest.mark.parametrize("page", ["index.html", "labs/max-pooling.html"])
def test_english_pages_search_the_english_index(browser, server, page):
    tab, _, _ = open_page(browser, server + "en/" + page)
    assert tab.evaluate("new URL('search/search_index.json', new URL(JSON.parse("
                        "document.getElementById('__config').textContent).base, location)).href") == \
        server + "en/search/search_index.json"
    tab.context.close()


@pytest.mark.browser
def test_query_and_index_share_one_normal_form(browser, server):
    page, _, _ = open_page(browser, server + "index.html")
    for typed, _ in RULES:
        assert page.evaluate("normaliseSearchText", typed) == normalise(typed), typed
    page.context.close()


@pytest.mark.browser
def test_search_box_keeps_what_the_student_typed(browser, server):
    from search_eval import search

    page, _, _ = open_page(browser, server + "index.html")
    page.eval_on_selector(".md-search-result__meta", "m => m.dataset.placeholder = m.textContent.trim()")
    assert search(page, "۹۲۸٬۲۳۴")
    assert page.input_value(".md-search__input") == "۹۲۸٬۲۳۴"
    page.context.close()


@pytest.mark.browser
def test_students_queries_find_their_pages(browser, server):
    """At least 95% of the query set finds an expected page among the first three, and no
    query lists a page of the other language."""
    from search_eval import load_queries, run, summary

    records = run(browser, server, load_queries())
    report = summary(records)
    print(report)
    assert len(records) >= 40 and {r["kind"] for r in records} >= {"transliteration", "variant", "number", "heading"}
    assert sum(r["hit"] for r in records) >= 0.95 * len(records), report
    assert not [r for r in records if r["other"]], report
