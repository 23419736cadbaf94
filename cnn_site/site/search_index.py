"""One search index per language, that finds what a student types.

mkdocs-static-i18n merges every language's pages into one index at the site root, which
every page downloads. `split_index` splits it: `search/search_index.json` holds the Persian
pages, `en/search/search_index.json` the English ones, and each English page's search
looks in its own folder (its `base` points at /en/).

Lunr (Material's search) compares exact tokens, so each entry also gets hidden fields
that the browser indexes but never shows:

- the normal form of the words that a student may spell differently (`normalise`,
  applied identically to the query by docs/assets/js/search-normalize.js): Arabic
  keyboard letters, ئ/ی, هٔ / ه‌ی / ه, a ZWNJ or nothing inside a word, Persian or
  Arabic-Indic digits, thousands separators;
- the synonyms and transliterations of terminology.yml (`typed`: «پدینگ», «استراید»)
  wherever the page uses the term, as title words in the section that explains it
  (the term's `page`), so that section comes first.

Sections of labs weigh less than the topic pages that explain the same things, and the
"cite this page" box, the same on every page, is not indexed.
"""

import html
import json
import re
from pathlib import Path

import yaml

LAB_BOOST = 0.2  # a lab section's score, relative to a topic page's
HIDDEN_FIELDS = {"alt_title": "title", "alt_text": "text"}  # hidden field -> field whose boost it shares

# --- The normal form. Keep in step with docs/assets/js/search-normalize.js (a browser
# test compares the two on every rule).
LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا",
                         "ٱ": "ا", "ؤ": "و", "٫": ".", "ـ": None, "\u200d": None, "\u200e": None,
                         "\u200f": None, "\ufeff": None,
                         **{chr(0x06F0 + d): str(d) for d in range(10)},
                         **{chr(0x0660 + d): str(d) for d in range(10)}})
DIACRITICS = re.compile("[\u064b-\u065f\u0670]")                # harakat, shadda, hamza above: «هٔ» -> «ه»
EZAFE = re.compile("ه[\u200c ]ی(?=[\\s.,،؛:!?؟»)]|$)")           # «لایه‌ی» / «لایه ی» -> «لایه»
THOUSANDS = re.compile("(?<=\\d)(?:[,٬،]|\\{,\\})(?=\\d{3}(?!\\d))")  # 928,234 / ۹۲۸٬۲۳۴ -> 928234
SPELLINGS = {"جستجو": "جستوجو"}                                 # the same word, spelled two ways


def normalise(text):
    """The normal form of a text: the same for every spelling a student may type."""
    text = DIACRITICS.sub("", text.translate(LETTERS))
    text = THOUSANDS.sub("", EZAFE.sub("ه", text)).replace("\u200c", "")
    for variant, normal in SPELLINGS.items():
        text = text.replace(variant, normal)
    return text


# --- Tokens, as Material's search splits them in the browser.
TAGS = re.compile(r"<[^>]+>")


def tokens(text, separator):
    text = html.unescape(TAGS.sub(" ", text))
    return [t.lower() for t in re.split(separator, text) if t]


def hidden_tokens(text, separator):
    """Normal-form tokens that the displayed text lacks: what a normalised query must find."""
    shown = set(tokens(text, separator))
    return [t for t in dict.fromkeys(tokens(normalise(text), separator)) if t not in shown]


# --- Terminology: each term's forms in one language.
def term_forms(term, lang):
    english = [s.strip() for s in term["en"].split(",")]
    if lang != "fa":
        return english
    return [term["fa"], *term.get("fa_also", []), *term.get("typed", []), *english]


def _words(text, separator):
    """Words of a text in normal form, split at ZWNJ too (so «کرنل‌ها» contains «کرنل»)."""
    return tokens(normalise(text.replace("\u200c", " ")), separator)


def _contains(words, form):
    """Whether `form` (a list of words) occurs in `words`; its last word may take a short suffix."""
    n = len(form)
    return any(words[i:i + n - 1] == form[:-1] and words[i + n - 1].startswith(form[-1])
               and len(words[i + n - 1]) - len(form[-1]) <= 2 for i in range(len(words) - n + 1))


def synonyms(terms, lang, separator):
    """[(forms as word lists, words to add, explaining page)] for each term; each form is added as one word."""
    result = []
    for term in terms:
        forms = [_words(f, separator) for f in term_forms(term, lang)]
        forms = [f for f in forms if f]
        added = {"".join(f) for f in forms}  # «هایپر پارامتر» -> «هایپرپارامتر»: the query «هایپر*» finds it
        result.append((forms, sorted(added), term.get("page")))
    return result


def _with_synonyms(doc, table, separator):
    for field, hidden in (("title", "alt_title"), ("text", "alt_text")):
        words = _words(doc[field], separator)
        extra = [w for forms, added, _ in table if any(_contains(words, f) for f in forms) for w in added]
        doc[hidden] = doc.get(hidden, []) + extra


def _page_location(page):
    path, _, anchor = page.partition("#")
    return path.removesuffix(".md") + ".html" + (f"#{anchor}" if anchor else "")


def build_index(docs, config, terms, lang):
    """The index of one language: its docs (locations relative to the language root) with
    hidden fields, lab weights and the terminology's explaining sections."""
    separator = config["separator"]
    table = synonyms(terms, lang, separator)
    explained = {}
    for forms, added, page in table:
        if page:
            explained.setdefault(_page_location(page), []).extend(added)
    for doc in docs:
        doc["title"] = doc["title"].replace("¶", "").strip()
        doc["alt_title"] = hidden_tokens(doc["title"], separator) + explained.get(doc["location"], [])
        doc["alt_text"] = hidden_tokens(doc["text"], separator)
        _with_synonyms(doc, table, separator)
        for field in HIDDEN_FIELDS:
            words = list(dict.fromkeys(doc.pop(field)))
            if words:
                doc[field] = " ".join(words)
        if doc["location"].startswith("labs/"):
            doc["boost"] = LAB_BOOST
    fields = {**config["fields"], **{f: config["fields"][shared] for f, shared in HIDDEN_FIELDS.items()}}
    return {"config": {**config, "fields": fields}, "docs": docs}


def _write(folder, index, offline):
    folder.mkdir(parents=True, exist_ok=True)
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    (folder / "search_index.json").write_text(data, "utf-8")
    if offline:  # the offline plugin's copy, loaded by a <script> under file://
        (folder / "search_index.js").write_text(f"var __index = {data}", "utf-8")


def exclude_citation(content):
    """The citation box is the same on every page: keep it out of the index."""
    return re.sub(r'<details class="([^"]*\bcite-page\b[^"]*)"', r'<details data-search-exclude class="\1"', content)


def language_folders(languages, default):
    """{language: its folder under the site root ("" for the default language)}."""
    return {lang: "" if lang == default else f"{lang}/" for lang in languages}


def point_search_at(output, folder):
    """Point a page's search at its own language's folder (Material reads `base`)."""
    if not folder:
        return output
    return re.sub(r'(<script id="__config" type="application/json">[^<]*?"base": ")([^"]*)"',
                  lambda m: f'{m[1]}{m[2]}/{folder}"', output, count=1)


def split_index(site_dir, folders, terms_file):
    """Split the merged index into one per language (run after i18n and offline wrote theirs)."""
    site = Path(site_dir) / "search"
    merged = json.loads((site / "search_index.json").read_text("utf-8"))
    offline = (site / "search_index.js").exists()
    terms = yaml.safe_load(Path(terms_file).read_text("utf-8"))["terms"]
    others = tuple(f for f in folders.values() if f)
    for lang, folder in folders.items():
        docs = [{**doc, "location": doc["location"].removeprefix(folder)} for doc in merged["docs"]
                if (doc["location"].startswith(folder) if folder else not doc["location"].startswith(others))]
        _write(Path(site_dir) / folder / "search", build_index(docs, merged["config"], terms, lang), offline)
