"""The glossary: the same terms in both languages, each linking to where it is explained."""

from pathlib import PurePosixPath

from tests.support.pages import soup


def _rows(site, lang):
    rows = soup(site, lang, "glossary.html").select("article table tbody tr")
    return [[td.get_text(strip=True) for td in row.select("td")] + [row.select_one("a")["href"]] for row in rows]


def test_both_languages_list_the_same_terms_and_targets(site):
    fa, en = _rows(site, "fa"), _rows(site, "en")
    assert len(fa) == len(en) >= 20
    for fa_row, en_row in zip(fa, en):
        assert fa_row[1] == en_row[0]  # the English term
        assert fa_row[0] == en_row[1]  # the Persian term
        assert fa_row[-1] == en_row[-1]  # the same page and section, each in its own language


def test_every_term_links_to_a_section_that_exists(site):
    for lang, folder in (("fa", site), ("en", site / "en")):
        for row in _rows(site, lang):
            page, _, anchor = row[-1].partition("#")
            target = folder / PurePosixPath(page)
            assert anchor and target.exists(), row
            assert soup(site, lang, page).find(id=anchor), row
