"""The built search indexes: one per language, the same sections in both, small, and
holding the section that explains each term (cnn_site/site/search_index.py)."""

import gzip
import json
import re

import pytest
from mkdocs.utils.yaml import yaml_load

from cnn_site.site import search_index
from tests.support.pages import PERSIAN
from tests.support.project import LANGUAGES, ROOT


def _load(site, lang):
    return json.loads((site / LANGUAGES[lang] / "search" / "search_index.json").read_text("utf-8"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_own_index(site, lang):
    docs = _load(site, lang)["docs"]
    pages = {d["location"].split("#")[0] for d in docs}
    assert pages and all((site / LANGUAGES[lang] / p).is_file() for p in pages)
    assert not any(p.startswith("en/") for p in pages)
    words = " ".join(d["title"] + " " + d["text"] for d in docs)
    persian = len(PERSIAN.findall(words)) / len(re.findall(r"[^\W\d_]", words))
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
