"""Bad input fails the build with a message that names the file (and the block), and
leaves no half-written site behind."""

import pytest

from tests.support.project import append, build_site


def _prepend(path, text):
    path.write_text(text + path.read_text("utf-8"), "utf-8")


def _block(code, block_id="broken-block"):
    return f'\n```python exec="on" id="{block_id}"\n{code}\n```\n'


# (what to break, messages the build output must contain)
CASES = {
    "exception in a block": (
        lambda d: [append(d / "docs" / lang / "index.md", _block('raise ValueError("deliberately broken")')) for lang in ("fa", "en")],
        ["fa/index.md: executed block 'broken-block' failed", "ValueError: deliberately broken"]),
    "missing snippets function": (
        lambda d: [append(d / "docs" / lang / "index.md", _block("from snippets.pooling import no_such_function")) for lang in ("fa", "en")],
        ["fa/index.md: executed block 'broken-block' failed", "cannot import name 'no_such_function'"]),
    "page without translation": (
        lambda d: (d / "docs" / "en" / "labs" / "max-pooling.py").unlink(),
        ["missing translations", "docs/en/labs/max-pooling.py"]),
    "link to a missing page": (
        lambda d: append(d / "docs" / "en" / "index.md", "\n[a lost page](no-such-page.md)\n"),
        ["en/index.md", "no-such-page.md"]),
    "link to a missing anchor": (
        lambda d: append(d / "docs" / "en" / "index.md", "\n[a missing section](#no-such-section)\n"),
        ["en/index.md", "#no-such-section"]),
    "failing notebook cell": (
        lambda d: append(d / "docs" / "fa" / "labs" / "max-pooling.py", '\n# %%\nraise RuntimeError("lab cell broken")\n'),
        ["fa/labs/max-pooling.py failed", "RuntimeError: lab cell broken"]),
    "formula that does not parse": (
        lambda d: append(d / "docs" / "fa" / "index.md", "\nA broken formula: $\\frac{1}{$ here.\n"),
        ["fa/index.md: formula does not parse", "\\frac{1}{", "end of input"]),
    "malformed front matter": (
        lambda d: _prepend(d / "docs" / "fa" / "index.md", "---\ntitle: [unclosed\n---\n"),
        ["fa/index.md: malformed front matter"]),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_input_fails_the_build_and_names_it(docs_copy, case):
    breaks, messages = CASES[case]
    breaks(docs_copy)
    out = docs_copy / "out"
    result = build_site(docs_copy, out)
    assert result.returncode != 0
    for message in messages:
        assert message in result.stdout, result.stdout[-3000:]
    assert not (out / "index.html").exists()  # nothing that passes for a built site


def test_a_failing_block_stops_the_build_at_its_page(docs_copy):
    CASES["exception in a block"][0](docs_copy)
    result = build_site(docs_copy, docs_copy / "out")
    assert "Building 'en' documentation" not in result.stdout
