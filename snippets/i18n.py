"""The reader's language for what executed blocks print and draw.

Blocks are the same in fa and en (DESIGN rule 3); what differs is the page being built.
cnn_site/content.py calls `set_language(page's locale)` before a page's blocks run, and
render helpers and figure functions ask `language()`. English text is the key (as in
gettext): `strings/fa.yml` maps each English label a reader sees in a computed table or
figure to its Persian; `pages` in en.yml and fa.yml holds the words of one page's widgets
by id (`page_words`). `keep` in fa.yml lists the Latin code identifiers (layer and API
names, hyperparameter names) that stay Latin on Persian pages; tests/test_localized.py
reads the same list to check the built site.
"""

import functools
import re
from pathlib import Path

import yaml

STRINGS_DIR = Path(__file__).resolve().parent / "strings"
RTL = {"fa"}
_state = {"lang": "en"}
_TAG = re.compile(r"<[^>]*>")
_LATIN_WORD = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_])?")


def set_language(lang):
    _state["lang"] = lang or "en"


def language():
    return _state["lang"]


def is_rtl(lang=None):
    return (lang or language()) in RTL


@functools.cache
def _catalogue(lang):
    path = STRINGS_DIR / f"{lang}.yml"
    return yaml.safe_load(path.read_text("utf-8")) if path.exists() else {}


def strings(lang=None):
    """English label -> label in lang ({} for English, whose labels are the keys)."""
    return _catalogue(lang or language()).get("strings") or {}


def page_words(page, lang=None):
    """The words of one page's computed widgets (tables, animations, the explorer) in lang, by id:
    `pages: <page>:` in strings/<lang>.yml (English has its own file here: the keys are ids)."""
    return _catalogue(lang or language())["pages"][page]


def kept_words():
    """Latin words that stay Latin on Persian pages: code identifiers and units."""
    return frozenset(_catalogue("fa").get("keep") or ())


def latin_words(text):
    """The Latin words of text that are not code identifiers on the allow-list (markup such
    as `<bdi>` or `<code>` is not text)."""
    return [w for w in _LATIN_WORD.findall(_TAG.sub(" ", text)) if w not in kept_words()]


def t(text, lang=None):
    """text in lang when the catalogue has it, else unchanged."""
    return strings(lang).get(text, text) if isinstance(text, str) else text


def label(text, lang=None):
    """A table header or figure label in lang; on an RTL page it must not stay English."""
    lang = lang or language()
    out = t(text, lang)
    if lang in RTL and latin_words(out):
        raise KeyError(f"no {lang} label for {text!r}: add it to snippets/strings/{lang}.yml "
                       f"(or its code words to `keep`)")
    return out


def _phrase(template, values):
    return Phrase(template, **values)


class Phrase(str):
    """Text built from a template and values, translated when printed.

    `Phrase("{n} comparisons", n=8)` is the string "8 comparisons" (so cached snippets can
    return it once for both languages); `table` prints `t(template).format(n=8)`.
    """

    def __new__(cls, template, **values):
        obj = super().__new__(cls, template.format(**values))
        obj.template, obj.values = template, values
        return obj

    def __reduce__(self):
        return _phrase, (self.template, self.values)

    def translated(self, lang=None):
        return t(self.template, lang).format(**self.values)


class Labels:
    """The labels of one language, handed to a cached figure function (so they are in its key)."""

    def __init__(self, lang):
        self.lang = lang
        self.strings = dict(strings(lang))

    def __call__(self, text):
        return label(text, self.lang) if self.lang in RTL else self.strings.get(text, text)


def localized(func):
    """Call func (a @cached figure function) with `tr=Labels(page language)`, under that
    language's font: one cached figure per language and catalogue."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from snippets.fonts import text_style

        lang = language()
        with text_style(lang):
            return func(*args, tr=Labels(lang), **kwargs)

    return wrapper
