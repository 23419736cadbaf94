"""The search box in Chromium: each language searches its own index, the query gets the
index's normal form (docs/assets/js/search-normalize.js), and the query set of
tests/data/search_queries.yml finds its pages."""

import pytest

from cnn_site.site.search_index import normalise
from tests.support.browser import open_page, search
from tests.support.search_eval import load_queries, run, summary
from tests.unit.test_search_index import RULES


@pytest.mark.parametrize("page", ["index.html", "labs/max-pooling.html"])
def test_english_pages_search_the_english_index(browser, server, page):
    tab, _, _ = open_page(browser, server + "en/" + page)
    assert tab.evaluate("new URL('search/search_index.json', new URL(JSON.parse("
                        "document.getElementById('__config').textContent).base, location)).href") == \
        server + "en/search/search_index.json"
    tab.context.close()


def test_query_and_index_share_one_normal_form(browser, server):
    page, _, _ = open_page(browser, server + "index.html")
    for typed, _ in RULES:
        assert page.evaluate("normaliseSearchText", typed) == normalise(typed), typed
    page.context.close()


def test_search_box_keeps_what_the_student_typed(browser, server):
    page, _, _ = open_page(browser, server + "index.html")
    assert search(page, "۹۲۸٬۲۳۴")
    assert page.input_value(".md-search__input") == "۹۲۸٬۲۳۴"
    page.context.close()


def test_students_queries_find_their_pages(browser, server):
    """At least 95% of the query set finds an expected page among the first three, and no
    query lists a page of the other language."""
    records = run(browser, server, load_queries())
    report = summary(records)
    print(report)
    assert len(records) >= 40 and {r["kind"] for r in records} >= {"transliteration", "variant", "number", "heading"}
    assert sum(r["hit"] for r in records) >= 0.95 * len(records), report
    assert not [r for r in records if r["other"]], report
