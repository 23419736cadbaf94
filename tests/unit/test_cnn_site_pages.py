"""cnn_site/pages and cnn_site/labs/html.py: one page's Markdown or HTML in, the page out; no build."""

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from cnn_site.labs import html as lab_html
from cnn_site.pages import accessibility, alternates, direction, figures, front_matter, glossary


def page(src_uri="en/pooling.md", url="en/pooling.html"):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), url=url, toc=[], title="T")


def test_front_matter_that_does_not_parse_names_the_page():
    with pytest.raises(PluginError, match=r"fa/pooling.md: malformed front matter: while parsing a flow sequence"):
        front_matter.check_front_matter("---\ntitle: [unclosed\n---\n# Page\n", "fa/pooling.md")
    with pytest.raises(PluginError, match="not a mapping"):
        front_matter.check_front_matter("---\n- a list\n---\n# Page\n", "fa/pooling.md")
    front_matter.check_front_matter("# A page without front matter\n---\n", "fa/pooling.md")  # a rule, not front matter


def test_glossary_replaces_its_marker_on_the_glossary_page_only():
    text = f"# Glossary\n\n{glossary.MARKER}\n"
    filled = glossary.fill_glossary(text, "fa/glossary.md", "fa")
    assert glossary.MARKER not in filled and "| " in filled and "کرنل" in filled
    assert glossary.fill_glossary(text, "fa/pooling.md", "fa") == text
    with pytest.raises(PluginError, match="en/glossary.md: the glossary marker is missing"):
        glossary.fill_glossary("# Glossary\n", "en/glossary.md", "en")


@pytest.mark.parametrize("body, expected", [('<body dir="rtl" class="x">', "rtl"), ('<body dir="ltr">', "ltr")])
def test_direction_is_copied_from_body_to_html(body, expected):
    out = direction.html_direction(f'<html lang="fa" class="no-js"><head></head>{body}</body></html>')
    assert out.startswith(f'<html dir="{expected}" lang="fa"')
    assert direction.html_direction("<html lang='fa'><body>") == "<html lang='fa'><body>"


def test_alternates_become_absolute_with_an_x_default():
    head = ('<link rel="alternate" href="./" hreflang="fa">'
            '<link rel="alternate" href="en/" hreflang="en">')
    out = alternates.absolute_alternates(head, "", "https://example.org/course/", "fa")
    assert 'href="https://example.org/course/" hreflang="fa"' in out
    assert 'href="https://example.org/course/en/" hreflang="en"' in out
    assert 'href="https://example.org/course/" hreflang="x-default"' in out
    assert out.count("<link") == 3


@pytest.mark.parametrize("lang, label", [("fa", "جست‌وجو"), ("en", "Search")])
def test_search_dialog_gets_a_name_in_the_page_language(lang, label):
    out = accessibility.label_search_dialog('<div data-md-component="search" role="dialog">', lang)
    assert f'aria-label="{label}"' in out


def test_figure_links_are_made_relative_and_a_missing_figure_fails(tmp_path, monkeypatch):
    from snippets import figures as store

    monkeypatch.setattr(store, "figure_dir", lambda: tmp_path)
    (tmp_path / "a.webp").write_bytes(b"x")
    (tmp_path / "a-640.webp").write_bytes(b"x")
    html = f'<img src="{store.PREFIX}a.webp" srcset="{store.PREFIX}a-640.webp 640w">'
    out, used = figures.link_figures(html, page())
    assert used == {"a.webp", "a-640.webp"}
    assert 'src="../assets/figures/a.webp"' in out and store.PREFIX not in out
    with pytest.raises(PluginError, match="en/pooling.md: figure b.webp was not drawn"):
        figures.link_figures(f'<img src="{store.PREFIX}b.webp">', page())
    figures.copy_figures(used, tmp_path / "site")
    assert sorted(p.name for p in (tmp_path / "site" / "assets" / "figures").iterdir()) == ["a-640.webp", "a.webp"]


def test_lab_html_keeps_heading_ids_links_and_drops_remote_scripts(tmp_path):
    config = SimpleNamespace(site_dir=str(tmp_path))
    lab = page("en/labs/max-pooling.py", "en/labs/max-pooling.html")
    raw = ('<style>.jp-Cell{margin:0}</style>'
           '<h1 id="Max-pooling-{-#top-}">Max pooling { #top }<a class="anchor-link" href="#Max-pooling-{-#top-}">¶</a></h1>'
           '<a href="../pooling.md#pooling">pooling</a>'
           '<script src="https://cdn.example/mathjax.js"></script><script>local()</script>')
    out = lab_html.lab_html(raw, lab, SimpleNamespace(site_dir=str(tmp_path)), "en")
    assert '<h1 id="top">Max pooling<a class="anchor-link" href="#top"' in out
    assert 'href="../pooling.html#pooling"' in out
    assert "cdn.example" not in out and "<script>local()</script>" in out
    assert "<style>" not in out and 'rel="stylesheet" href="../../assets/css/notebook-' in out
    assert 'href="max-pooling.ipynb" download' in out and "Download the notebook" in out
    assert len(list((tmp_path / "assets" / "css").glob("notebook-*.css"))) == 1
    assert config.site_dir == str(tmp_path)


def test_every_language_has_the_same_reader_facing_strings():
    from cnn_site.strings import STRINGS

    def shape(table):
        return {k: shape(v) if isinstance(v, dict) else None for k, v in table.items()}

    assert shape(STRINGS["fa"]) == shape(STRINGS["en"]) and len(STRINGS["fa"]) >= 9
    fa_texts = [STRINGS["fa"][k] for k in ("last_updated", "plot_alt", "download_label", "search_dialog")]
    assert all(any("\u0600" <= c <= "\u06ff" for c in t) for t in fa_texts)


def test_tables_without_a_class_are_wrapped_as_material_wraps_them_and_others_are_left():
    from cnn_site.pages import tables

    html = ('<p>a</p><table>\n<tr><td>1</td></tr></table>'
            '<div class="computed-table"><table style="width:50%"><tr><td><table><tr><td>2</td></tr></table>'
            '</td></tr></table></div><table class="dataframe"><tr><td>3</td></tr></table><p>b</p>')
    wrapped = tables.wrap_tables(html)
    opening = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="data-table"'
    assert wrapped.count(opening) == 3 and wrapped.count("</table></div></div>") == 3
    assert '<table class="data-table" style="width:50%">' in wrapped  # its own attributes kept
    assert '<table class="dataframe"><tr><td>3</td></tr></table><p>b</p>' in wrapped  # has a class: Material leaves it
    assert wrapped.index("2</td></tr></table></div></div></td>") < wrapped.index("</td></tr></table></div></div></div>")
    assert tables.wrap_tables(wrapped) == wrapped  # a wrapped table has its class
    assert tables.wrap_tables("<p>no table</p>") == "<p>no table</p>"
    assert '<table class="data-table" data-class="x">' in tables.wrap_tables('<table data-class="x"></table>')


def test_materials_table_rules_also_style_the_wrapped_tables_and_a_changed_stylesheet_fails(tmp_path):
    from pathlib import Path

    import material

    from cnn_site.pages import tables

    [original] = (Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css")
    sheets = tmp_path / "assets" / "stylesheets"
    sheets.mkdir(parents=True)
    built = sheets / original.name
    text = original.read_text("utf-8")
    built.write_text(text, "utf-8")
    rules = text.count(tables.SELECTOR)
    assert rules >= 10  # Material styles its tables with this selector, as written
    tables.style_wrapped_tables(tmp_path)
    once = built.read_text("utf-8")
    assert tables.SELECTOR not in once and once.count(".md-typeset table:is(:not([class]),.data-table)") == rules
    assert once.replace(tables.STYLED, tables.SELECTOR) == text  # nothing else changed
    tables.style_wrapped_tables(tmp_path)  # a second run over the same file (serve --dirty)
    assert built.read_text("utf-8") == once
    built.write_text(".md-typeset table{border:0}", "utf-8")
    with pytest.raises(PluginError, match="no longer styles tables"):
        tables.style_wrapped_tables(tmp_path)
