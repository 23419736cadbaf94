"""docs/fa and docs/en hold the same pages, headings ids and executed blocks, in order."""

import re

import pytest

from tests.support.project import ROOT

FA, EN = ROOT / "docs" / "fa", ROOT / "docs" / "en"
HEADING = re.compile(r"^#{1,6} (?!.*\{\s*#[\w-]+\s*\}\s*$).*$", re.M)  # a heading without an id
HEADING_ID = re.compile(r"^(?:# )?#{1,6} .*\{\s*#([\w-]+)\s*\}\s*$", re.M)
BLOCK = re.compile(r"^```\w+ [^\n]*\bexec=\"[^\"]+\"[^\n]*", re.M)
BLOCK_ID = re.compile(r'\bid="([^"]+)"')
PROSE = re.compile(r'\b(alt|caption)="(?:[^"\\]|\\.)*"')  # the only words a block may translate
SOURCES = sorted(p.relative_to(FA).as_posix() for p in FA.rglob("*") if p.suffix in {".md", ".py"})


def test_same_files_in_both_languages():
    files = lambda d: sorted(p.relative_to(d).as_posix() for p in d.rglob("*") if p.is_file())
    assert files(FA) == files(EN)


@pytest.mark.parametrize("page", SOURCES)
def test_headings_have_the_same_explicit_ids(page):
    fa, en = (d.joinpath(page).read_text("utf-8") for d in (FA, EN))
    for text in (fa, en):
        body = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)  # not comments in code blocks
        if page.endswith(".py"):
            body = "\n".join(l[2:] for l in body.splitlines() if l.startswith("# #"))
        assert not HEADING.findall(body), f"{page}: heading without {{ #id }}"
    assert HEADING_ID.findall(fa) == HEADING_ID.findall(en)
    assert HEADING_ID.findall(fa), f"{page} has no heading"


@pytest.mark.parametrize("page", SOURCES)
def test_executed_blocks_are_the_same_code_with_ids(page):
    fa, en = (d.joinpath(page).read_text("utf-8") for d in (FA, EN))
    blocks = [BLOCK.findall(t) for t in (fa, en)]
    ids = [[BLOCK_ID.search(b).group(1) if BLOCK_ID.search(b) else None for b in bs] for bs in blocks]
    assert None not in ids[0], f"{page}: an executed block has no id"
    assert ids[0] == ids[1]
    code = lambda t: [PROSE.sub(r'\1=""', c) for c in re.findall(r"^```\w+ [^\n]*exec=[^\n]*\n(.*?)^```", t, re.M | re.S)]
    assert code(fa) == code(en), f"{page}: executed code differs between languages (beyond alt text and captions)"


@pytest.mark.parametrize("page", [p for p in SOURCES if p.endswith(".py")])
def test_lab_code_cells_are_identical(page):
    import jupytext

    code = lambda d: [c.source for c in jupytext.read(d / page).cells if c.cell_type == "code"]
    assert code(FA) == code(EN)
