"""The built cifar10-search page, in both languages: the 928,234-parameter model and the two
readings of the notes' filter counts."""

import pytest

from snippets.i18n import t
from tests.support.pages import soup, table_with
from tests.support.project import LANGUAGES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cifar10_page_has_the_928234_parameter_model(site, lang):
    page = soup(site, lang, "cifar10-search.html")
    assert any("Total params: 928,234" in c.get_text() for c in page.select("article pre code"))
    readings = table_with(page, lang, ["reading", "filters per block", "Total params"])
    assert readings[1:] == [[t("first block = filters", lang), "16, 32", "486,106"],
                            [t("first block = 2 x filters", lang), "32, 64", "928,234"]]
    assert page.select_one("article .admonition.warning")  # the reported results are labelled
