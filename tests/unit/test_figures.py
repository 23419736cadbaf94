"""snippets.figures: deterministic images, stored as WebP named by content, shown by an <img> tag."""

import io

import pytest
from PIL import Image

from snippets import figures


@pytest.fixture
def drawing():
    from snippets.plotting import png, pyplot

    def draw():
        fig, ax = pyplot().subplots(figsize=(2, 2))
        ax.plot([0, 1, 2], [0, 1, 4])
        return png(fig)

    return draw


def test_png_is_identical_from_run_to_run(drawing):
    first, second = drawing(), drawing()
    assert first[:8] == b"\x89PNG\r\n\x1a\n" and first == second


def test_figure_is_a_file_not_base64(drawing, tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_CACHE_DIR", str(tmp_path))
    html = figures.figure(drawing(), "curve", alt="a parabola", caption="y = x²")
    [file] = (tmp_path / "figures").glob("curve-*.webp")
    assert f'src="@figures/{file.name}"' in html and 'alt="a parabola"' in html
    assert "base64" not in html and "<figcaption>y = x²</figcaption>" in html


def test_figure_is_a_smaller_webp_of_the_same_size_with_width_and_height(drawing, tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_CACHE_DIR", str(tmp_path))
    png = drawing()
    html = figures.figure(png, "curve", alt="a parabola")
    [file] = (tmp_path / "figures").glob("curve-*.webp")
    with Image.open(file) as webp, Image.open(io.BytesIO(png)) as original:
        assert webp.format == "WEBP" and webp.size == original.size
        assert f'width="{original.width}" height="{original.height}"' in html
    assert file.stat().st_size < len(png)
    assert figures.figure(png, "curve", alt="a parabola") == html  # stored once, named by content
    assert "srcset" not in html  # 220 px wide: no narrow copy


def test_a_wide_figure_gets_a_narrow_copy_for_phones(tmp_path, monkeypatch):
    from snippets.plotting import png as to_png, pyplot

    monkeypatch.setenv("SITE_CACHE_DIR", str(tmp_path))
    fig, ax = pyplot().subplots(figsize=(10, 3))
    ax.plot([0, 1, 2], [0, 1, 4])
    png = to_png(fig)
    html = figures.figure(png, "wide", alt="a wide curve")
    wide, narrow = sorted((tmp_path / "figures").glob("wide-*.webp"), key=lambda p: len(p.name))
    with Image.open(wide) as big, Image.open(narrow) as small:
        assert small.width == figures.NARROW < big.width and abs(small.height / small.width - big.height / big.width) < 0.01
        assert f'srcset="@figures/{narrow.name} {small.width}w, @figures/{wide.name} {big.width}w"' in html
        assert f'src="@figures/{wide.name}"' in html and f'width="{big.width}" height="{big.height}"' in html
    assert narrow.stat().st_size < wide.stat().st_size
