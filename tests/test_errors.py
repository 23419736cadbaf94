"""Bad input fails the build with a message that names the page (and the block)."""

import shutil

import pytest

from conftest import ROOT, build_site

BROKEN_BLOCK = '\n```python exec="on" id="broken-block"\nraise ValueError("deliberately broken")\n```\n'
BROKEN_ANCHOR = "\n[a missing section](#no-such-section)\n"


@pytest.fixture
def docs_copy(tmp_path):
    """A copy of the project (config, hooks, snippets, docs) that a test may break."""
    for name in ("mkdocs.yml", "hooks", "snippets", "docs"):
        source = ROOT / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, tmp_path / name)
    return tmp_path


def _append(path, text):
    path.write_text(path.read_text("utf-8") + text, "utf-8")


def test_failing_block_names_page_and_block(docs_copy):
    for lang in ("fa", "en"):
        _append(docs_copy / "docs" / lang / "index.md", BROKEN_BLOCK)
    result = build_site(docs_copy, docs_copy / "out")
    assert result.returncode != 0
    assert "fa/index.md: executed block 'broken-block' failed" in result.stdout
    assert "ValueError: deliberately broken" in result.stdout
    assert "Converting notebook" not in result.stdout  # the build stopped at the first bad page


def test_missing_anchor_fails_the_strict_build(docs_copy):
    _append(docs_copy / "docs" / "en" / "index.md", BROKEN_ANCHOR)
    result = build_site(docs_copy, docs_copy / "out")
    assert result.returncode != 0
    assert "en/index.md" in result.stdout and "#no-such-section" in result.stdout
