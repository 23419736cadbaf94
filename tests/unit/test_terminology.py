"""terminology.yml: one term per concept; rejected variants never reach a Persian reader."""

import re

import pytest

from snippets.glossary import glossary, terms
from tests.support.project import ROOT

KEYS = {"id", "en", "fa", "fa_also", "typed", "rejected", "page", "meaning"}
# Where Persian words reach a reader: pages and labs, nav and site strings, UI strings of
# the build (cnn_site), scripts and templates, the catalogue of computed labels, Persian text in snippets.
PERSIAN_TEXT = ["docs/fa/**/*.md", "docs/fa/labs/*.py", "mkdocs.yml", "docs/assets/js/*.js", "cnn_site/**/*.py",
                "overrides/**/*.html", "snippets/strings/*.yml", "snippets/*.py"]


def _word(variant):
    """variant as a whole Persian word (suffixes after a ZWNJ, such as «‌ها», still count)."""
    return re.compile(rf"(?<![\u0600-\u06ff\u200c]){re.escape(variant)}(?![\u0600-\u06ff])")


def test_every_record_has_the_schema_and_a_unique_id_and_term():
    records = terms()
    assert len(records) >= 40
    for record in records:
        assert set(record) == KEYS, record["id"]
        assert set(record["meaning"]) == {"fa", "en"}
        assert record["fa"] not in record["rejected"] and not set(record["fa_also"]) & set(record["rejected"])
    for key in ("id", "en", "fa"):
        values = [r[key] for r in records]
        assert len(values) == len(set(values)), key


def test_no_accepted_term_is_rejected_elsewhere():
    accepted = {t for r in terms() for t in [r["fa"], *r["fa_also"]]}
    rejected = {v for r in terms() for v in r["rejected"]}
    assert not accepted & rejected


def _persian_files():
    for pattern in PERSIAN_TEXT:
        yield from sorted(ROOT.glob(pattern))


@pytest.mark.parametrize("record", terms(), ids=lambda r: r["id"])
def test_rejected_variants_appear_in_no_persian_text(record):
    hits = []
    for path in _persian_files():
        text = path.read_text("utf-8")
        for variant in record["rejected"]:
            for match in _word(variant).finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                hits.append(f"{path.relative_to(ROOT)}:{line}: «{variant}» (use «{record['fa']}»)")
    assert not hits, "\n".join(hits)


def test_the_test_finds_a_rejected_variant():
    assert _word("پولینگ").search("لایه‌های پولینگ‌ها")
    assert not _word("دسته‌بند").search("دسته‌بندی")


def test_glossary_has_one_row_per_term_in_both_languages_from_the_same_records():
    for lang in ("fa", "en"):
        rows = glossary(lang).splitlines()[2:]
        assert len(rows) == len(terms())
    fa_rows, en_rows = glossary("fa").splitlines()[2:], glossary("en").splitlines()[2:]
    for record, fa_row, en_row in zip(terms(), fa_rows, en_rows):
        assert fa_row.startswith(f"| {record['fa']}") and f"| {record['en']} |" in fa_row
        assert en_row.startswith(f"| {record['en']} |") and record["fa"] in en_row
        assert fa_row.endswith(f"({record['page']}) |") and en_row.endswith(f"({record['page']}) |")
