"""cnn_site/site/notebook_css.py: nbconvert's stylesheet cut down to what the lab pages use."""

from cnn_site.site import notebook_css

CSS = """
:root { --jp-used: var(--jp-base); --jp-base: 4px; --jp-unused: 1px; --Case-Kept: red }
.jp-Cell .jp-InputPrompt { padding: var(--jp-used); color: var(--Case-Kept) }
.jp-FileBrowser, .jp-OutputArea:not(.jp-Hidden) { margin: 0 }
.jp-Dialog { display: none }
[data-jp-theme-light] .jp-Cell { background: white }
[data-mime-type] { color: blue }
@media print { .jp-Dialog { display: none } .jp-Cell { break-inside: avoid } }
@media screen { .jp-Menu { color: red } }
@font-face { font-family: X; src: url(x.woff2) }
"""
PAGE = '<div class="jp-Cell jp-Notebook"><div class="jp-InputPrompt" data-mime-type="text/plain"></div>' \
       '<div class="jp-OutputArea"></div></div>'


def test_keeps_the_rules_a_page_can_use_and_the_variables_they_read():
    out = notebook_css.trim(CSS, notebook_css.page_tokens([PAGE]))
    assert ".jp-Cell .jp-InputPrompt{" in out and ".jp-OutputArea:not(.jp-Hidden){" in out
    assert "[data-mime-type]{" in out and "@font-face" in out
    assert "@media print{.jp-Cell{" in out and "break-inside:avoid" in out
    assert "--jp-used:var(--jp-base)" in out and "--jp-base:4px" in out and "--Case-Kept:red" in out


def test_drops_interface_rules_and_unread_variables():
    out = notebook_css.trim(CSS, notebook_css.page_tokens([PAGE]))
    for gone in (".jp-FileBrowser", ".jp-Dialog", ".jp-Menu", "@media screen", "--jp-unused", "data-jp-theme-light"):
        assert gone not in out, gone
