"""Bad input fails the build with a message that names the page (and the block)."""

from conftest import append, build_site

BROKEN_BLOCK = '\n```python exec="on" id="broken-block"\nraise ValueError("deliberately broken")\n```\n'
BROKEN_ANCHOR = "\n[a missing section](#no-such-section)\n"


def test_failing_block_names_page_and_block(docs_copy):
    for lang in ("fa", "en"):
        append(docs_copy / "docs" / lang / "index.md", BROKEN_BLOCK)
    result = build_site(docs_copy, docs_copy / "out")
    assert result.returncode != 0
    assert "fa/index.md: executed block 'broken-block' failed" in result.stdout
    assert "ValueError: deliberately broken" in result.stdout
    assert "Building 'en' documentation" not in result.stdout  # it stopped at the first bad page


def test_missing_anchor_fails_the_strict_build(docs_copy):
    append(docs_copy / "docs" / "en" / "index.md", BROKEN_ANCHOR)
    result = build_site(docs_copy, docs_copy / "out")
    assert result.returncode != 0
    assert "en/index.md" in result.stdout and "#no-such-section" in result.stdout


def test_failing_notebook_cell_names_the_lab(docs_copy):
    append(docs_copy / "docs" / "fa" / "labs" / "max-pooling.py", '\n# %%\nraise RuntimeError("lab cell broken")\n')
    result = build_site(docs_copy, docs_copy / "out")
    assert result.returncode != 0
    assert "fa/labs/max-pooling.py failed" in result.stdout
    assert "RuntimeError: lab cell broken" in result.stdout
