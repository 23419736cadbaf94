"""snippets.figures: deterministic images, stored as WebP named by content, shown by an <img> tag."""

import io

import pytest
from PIL import Image

from snippets import figures


@pytest.fixture
def drawing():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    def draw():
        fig, ax = plt.subplots(figsize=(2, 2))
        ax.plot([0, 1, 2], [0, 1, 4])
        return figures.png(fig)

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
