"""The built convolution-types page, in both languages: Keras' parameter counts, the accuracies
of the Conv1D classifier and of the direction models."""

import pytest

from snippets.i18n import t
from tests.support.pages import soup, table_with
from tests.support.project import LANGUAGES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_convolution_page_numbers(site, lang):
    page = soup(site, lang, "convolution-types.html")
    shapes = table_with(page, lang, column="params (Keras)")
    assert [row[-2] == row[-1] for row in shapes[1:]] == [True, True, True]
    assert "36,928" in page.get_text() and "1,312" in page.get_text()
    accuracy = table_with(page, lang, column="test accuracy")
    assert float(accuracy[1][1].rstrip("%")) >= 90  # the Conv1D activity classifier
    directions = {row[0]: float(row[2].rstrip("%")) for row in table_with(page, lang, column="model")[1:]}
    assert directions[t("Conv3D (whole clip)", lang)] >= 90 and directions[t("Conv2D (first frame)", lang)] <= 40
    assert directions[t("Conv2D (frames as channels)", lang)] >= 90
