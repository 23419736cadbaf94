"""Material's palette stylesheet without the rule that restyles every element twice per page load.

Material's colour-scheme component (the light/dark toggle) marks <body> with
`data-md-color-switching` when a page loads, reads the header's computed style, and
removes the mark a frame later. The palette stylesheet has a rule for every descendant of
a marked element (no transitions while the scheme switches), so each change of the mark
makes the browser recompute the style of every element on the page: two full style passes
on every page load, about 60 ms each on a long page with a phone's CPU. Without the rule,
style work on load falls by a quarter to two fifths (benchmarks/RESULTS.md, History); a
reader who switches the scheme sees colours fade over Material's own 125-250 ms
transitions instead of changing at once.

The rule is removed from the built site's copy of the stylesheet. If Material's next
version no longer has it, as written here, the build fails and says so, so the step is
looked at again rather than silently doing nothing.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

RULE = ("[data-md-color-switching] *,[data-md-color-switching] :after,[data-md-color-switching] :before"
        "{transition-duration:0ms!important}")
DONE = "/* cnn_site/site/palette_css.py: no [data-md-color-switching] rule */"


def drop_switching_rule(site_dir):
    """Remove RULE from the built site's palette stylesheet (idempotent, for `serve --dirty`)."""
    sheets = sorted((Path(site_dir) / "assets" / "stylesheets").glob("palette.*.min.css"))
    if not sheets:
        raise PluginError("Material's palette stylesheet (assets/stylesheets/palette.*.min.css) is missing")
    for sheet in sheets:
        text = sheet.read_text("utf-8")
        if DONE in text:
            continue
        if RULE not in text:
            raise PluginError(f"{sheet.name} has changed: its [data-md-color-switching] rule is not the one "
                              "cnn_site/site/palette_css.py removes; update RULE or drop the step")
        sheet.write_text(text.replace(RULE, "") + "\n" + DONE + "\n", "utf-8")
