"""Every number in the prose of every page is computed, given or reported, and the same in both languages.

tests/unit/prose.py finds the numbers (outside code, links and sources); tests/unit/prose_numbers.py
says where each comes from. A number added to a page without a source fails here, and so
does a computed number that no longer matches its computation.
"""


import pytest

from tests.support.project import ROOT
from tests.unit.prose import is_exempt, lab_markdown, numbers, value
from tests.unit.prose_numbers import PAGES

DOCS = ROOT / "docs"
PAGE_NAMES = sorted(p.relative_to(DOCS / "en").as_posix() for p in [*(DOCS / "en").glob("*.md"),
                                                                      *(DOCS / "en" / "labs").glob("*.py")])


def stated(lang, page):
    """The values of the non-exempt numbers in a page's prose (a lab's Markdown cells)."""
    text = (DOCS / lang / page).read_text(encoding="utf-8")
    text = lab_markdown(text) if page.endswith(".py") else text
    return {value(n) for n in numbers(text) if not is_exempt(n)}


def test_every_page_has_an_entry():
    assert sorted(PAGES) == PAGE_NAMES


@pytest.mark.parametrize("page", PAGE_NAMES)
@pytest.mark.parametrize("lang", ["en", "fa"])
def test_every_number_in_the_prose_has_a_source(lang, page):
    sources = {value(n) for n in PAGES[page]}
    missing = stated(lang, page) - sources
    assert not missing, f"{lang}/{page}: numbers without a source in tests/unit/prose_numbers.py: {sorted(missing)}"


@pytest.mark.parametrize("page", PAGE_NAMES)
def test_no_source_for_a_number_the_page_no_longer_states(page):
    stale = {value(n) for n in PAGES[page]} - stated("en", page)
    assert not stale, f"{page}: listed but not stated: {sorted(stale)}"


@pytest.mark.parametrize("page", PAGE_NAMES)
def test_both_languages_state_the_same_numbers(page):
    assert stated("fa", page) == stated("en", page)


COMPUTED = [(page, number) for page, entries in PAGES.items() for number, source in entries.items()
            if source.kind == "computed"]


@pytest.mark.parametrize("page, number", COMPUTED)
def test_computed_number_matches_its_computation(page, number):
    source = PAGES[page][number]
    decimals = len(number.split(".")[1]) if "." in number else 0
    result = source.what()
    assert result is not None, f"{page}: the statements of {number} disagree"
    assert round(result * source.scale, decimals) == value(number), f"{page}: {number} != {result * source.scale}"


def test_registry_kinds_are_known():
    kinds = {source.kind for entries in PAGES.values() for source in entries.values()}
    assert kinds <= {"computed", "given", "reported"}
