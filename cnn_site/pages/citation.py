"""A "Cite this page" box at the foot of every page, in the page's language.

It gives an APA 7 web-page citation and a BibTeX entry. Authors, the site's version and
its licences come from CITATION.cff (one source for the site and its pages); the title is
the page's, the site's name the language's; the address is site_url + the page; the date
is the page's last change (last_updated.py: Solar Hijri on Persian pages). The
retrieval date is left as a placeholder that docs/assets/js/cite.js fills in with the
reader's today, in the page's calendar, when the box is opened; it also adds the section
anchor to the address when the reader arrives from, or clicks, a heading link.

The build also publishes CITATION.cff at the site's root with `url` set to site_url, so
the copy a reader downloads names the address the site was built for.
"""

import html
import re
from pathlib import Path, PurePosixPath

import bibtexparser
import yaml
from babel.dates import format_date
from bibtexparser.library import Library
from bibtexparser.model import Entry, Field
from persiantools import digits
from persiantools.jdatetime import JalaliDate

from cnn_site.pages.last_updated import changed_on, long_date, solar_hijri
from cnn_site.strings import text

CFF = "CITATION.cff"
ISO_TODAY = "YYYY-MM-DD"  # BibTeX urldate until cite.js fills it in


def read_cff(root):
    return yaml.safe_load((Path(root) / CFF).read_text("utf-8"))


def _facts(page, config, lang):
    day = changed_on(page, config)
    cff = read_cff(Path(config.config_file_path).parent)
    return {
        "title": _heading(page) or page.title or config.site_name,
        "site": config.site_name,
        "url": config.site_url.rstrip("/") + "/" + page.url,
        "authors": cff["authors"],
        "version": str(cff["version"]),
        "licences": [cff["license"]] if isinstance(cff["license"], str) else cff["license"],
        "day": day,
        "lang": lang,
        "path": str(PurePosixPath(page.url).with_suffix("")),
    }


def _heading(page):
    """The page's own title (its h1), which the navigation may shorten ("Home")."""
    return next((item.title for item in page.toc if item.level == 1), None)


def apa_author(author):
    """'van Rossum, G.' for a person, the name itself for an entity (CFF's two kinds)."""
    if "family-names" not in author:
        return author["name"]
    family = " ".join(filter(None, [author.get("name-particle"), author["family-names"]]))
    initials = " ".join(f"{given[0]}." for given in author.get("given-names", "").split())
    name = f"{family}, {initials}" if initials else family
    return f"{name}, {author['name-suffix']}" if author.get("name-suffix") else name


def apa_authors(authors, lang):
    """APA 7: one name; up to 20 joined with a comma and '&' before the last; from 21 on,
    the first 19, an ellipsis and the last."""
    labels, names = text(lang, "cite"), [apa_author(a) for a in authors]
    if len(names) == 1:
        return names[0]
    if len(names) > 20:
        return labels["comma"].join(names[:19]) + f"{labels['comma']}. . . {names[-1]}"
    return labels["comma"].join(names[:-1]) + f"{labels['comma']}{labels['and']} {names[-1]}"


def apa_date(day, lang):
    """APA's (Year, Month Day): '(2026, November 28)', '(۱۴۰۵، ۷ آذر)'."""
    if lang == "fa":
        return f"({digits.en_to_fa(str(JalaliDate(day).year))}، {solar_hijri(day, with_year=False)})"
    return f"({day.year}, {format_date(day, 'MMMM d', locale='en')})"


def apa(f):
    labels = text(f["lang"], "cite")
    authors = apa_authors(f["authors"], f["lang"])
    retrieved = labels["retrieved"].format(date=labels["today"], url=f["url"])
    return (f"{authors}{'' if authors.endswith('.') else '.'} {apa_date(f['day'], f['lang'])}. "
            f"{f['title']} ({labels['version']} {f['version']}). {f['site']}. {retrieved}")


def bibtex_author(author):
    """BibTeX's 'von Last, Jr, First' for a person; an entity in braces, kept whole."""
    if "family-names" not in author:
        return "{" + author["name"] + "}"
    last = " ".join(filter(None, [author.get("name-particle"), author["family-names"]]))
    return ", ".join(filter(None, [last, author.get("name-suffix"), author.get("given-names")]))


def bibtex(f):
    labels = text(f["lang"], "cite")
    key = "cnn-steps:" + f["lang"] + ":" + re.sub(r"\W+", "-", f["path"].removeprefix(f"{f['lang']}/"))
    fields = {
        "author": "{" + " and ".join(bibtex_author(a) for a in f["authors"]) + "}",
        "title": "{{" + f["title"] + "}}",
        "howpublished": "{" + f["site"] + "}",
        "year": str(f["day"].year),
        "month": f["day"].strftime("%b").lower(),  # BibTeX's month macro: nov
        "date": "{" + f["day"].isoformat() + "}",
        "version": "{" + f["version"] + "}",
        "url": "{" + f["url"] + "}",
        "urldate": "{" + ISO_TODAY + "}",
        "note": "{" + labels["changed"].format(date=long_date(f["day"], f["lang"])) + "}",
        "langid": "{" + labels["langid"] + "}",
    }
    entry = Entry("misc", key, [Field(name, value) for name, value in fields.items()])
    style = bibtexparser.BibtexFormat()
    style.indent, style.block_separator = "  ", ""
    # unparse_stack=[]: the values above carry their own braces (the month macro none).
    return bibtexparser.write_string(Library([entry]), unparse_stack=[], bibtex_format=style).strip()


def _code(text, form, placeholder, kind, direction="ltr"):
    return (f'<div class="highlight cite-{kind}"><pre><code dir="{direction}" data-cite-date="{form}" '
            f'data-cite-placeholder="{html.escape(placeholder)}">{html.escape(text)}</code></pre></div>')


def with_citation(content, page, config, lang):
    """The page's content with its "Cite this page" box at the end."""
    facts = _facts(page, config, lang)
    labels = text(facts["lang"], "cite")
    cff_href = "../" * page.url.count("/") + CFF
    box = (f'<details class="quote cite-page" data-cite-url="{html.escape(facts["url"])}" '
           f'data-cite-locale="{labels["locale"]}">'
           f'<summary>{labels["summary"]}</summary><p>{labels["intro"]}</p>'
           f'{_code(apa(facts), "long", labels["today"], "apa", labels["dir"])}'
           f'{_code(bibtex(facts), "iso", ISO_TODAY, "bibtex")}'
           f'<p class="cite-licence">{labels["licence"]}: {labels["comma"].join(facts["licences"])}. '
           f'{labels["whole"]}: <a href="{cff_href}" download>{CFF}</a></p></details>')
    return content + box


def publish_cff(config):
    """Publish CITATION.cff with the address this site was built for (before the offline zip packs it)."""
    text = (Path(config.config_file_path).parent / CFF).read_text("utf-8")
    text, count = re.subn(r"^url: .*$", f'url: "{config.site_url}"', text, count=1, flags=re.M)
    if count != 1:
        raise ValueError(f"{CFF} has no top-level url: line for the build to set from site_url")
    (Path(config.site_dir) / CFF).write_text(text, "utf-8")
