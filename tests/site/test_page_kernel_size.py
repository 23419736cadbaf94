"""The built kernel-size page, in both languages: shifts of even kernels, stacks of small
kernels, the rank bound and the padding of stride two."""

import pytest

from tests.support.pages import soup, table_with
from tests.support.project import LANGUAGES

PAGE = "kernel-size.html"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_kernel_size_page_numbers(site, lang):
    page = soup(site, lang, PAGE)
    shifts = {row[0]: row[2:] for row in table_with(page, lang, column="shift, 1 layer")[1:]}
    assert shifts["3x3"] == ["0", "0", "0"] and shifts["2x2"] == ["-0.5", "-1", "-2"]
    stacks = table_with(page, lang, column="ReLUs")
    assert [row[3] for row in stacks[1:]] == ["102,464", "73,856", "200,768", "110,784"]
    assert all(row[1] == row[2] for row in stacks[1:])  # receptive field: formula = measurement


@pytest.mark.parametrize("lang", LANGUAGES)
def test_kernel_size_page_shows_rank_bound_and_stride_two_padding(site, lang):
    page = soup(site, lang, PAGE)
    ranks = table_with(page, lang, ["design", "C_mid"])
    assert [row[2] for row in ranks[1:]] == ["1", "2", "3", "3", "3", "3", "3"]  # one channel pair: up to n
    padding = {tuple(row[:3]): row[4:] for row in table_with(page, lang, ["input n"])[1:]}
    assert padding[("32", "3", "2")] == ["(0, 1)", "(0, 1)"]
