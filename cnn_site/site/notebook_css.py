"""Cut nbconvert's stylesheet down to the rules a rendered notebook uses.

cnn_site/labs/html.py moves nbconvert's inline CSS (about 0.6 MB, mostly JupyterLab's interface:
menus, dialogs, file browser) to one shared file, assets/css/notebook-*.css. After both
languages are built, `trim_site_stylesheets` keeps a rule only when every class, id and attribute
its selector names occurs in some lab page (a conservative test: a rule is never dropped
for a page that could use it; descendant order and tags are not checked), and a custom
property (`--jp-...`) only when a kept rule reads it, directly or through another one.
The result is cached by its inputs.
"""

import hashlib
import re
from pathlib import Path

from cnn_site.cache import cache_dir

_CLASS = re.compile(r'\bclass="([^"]*)"')
_ID = re.compile(r'\bid="([^"]*)"')
_ATTRIBUTE = re.compile(r"<[a-zA-Z][\w-]*((?:\s+[\w:-]+(?:=(?:\"[^\"]*\"|'[^']*'|[^\s>]*))?)*)\s*/?>")
_ATTRIBUTE_NAME = re.compile(r"\s([\w:-]+)(?:=|\s|$)")
# Pseudo-classes whose argument need not match (:not(.x) matches where .x is absent).
_FUNCTIONAL = re.compile(r":(?:not|is|where|has|nth-[\w-]+|lang|dir)\((?:[^()]|\([^()]*\))*\)")
_NEEDS = re.compile(r"([.#])(-?[_a-zA-Z][\w-]*)|\[\s*([\w:-]+)")
_VAR = re.compile(r"var\(\s*(--[\w-]+)")


def page_tokens(pages):
    """Classes, ids and attribute names that occur in these HTML pages."""
    tokens = set()
    for text in pages:
        tokens |= {"." + c for value in _CLASS.findall(text) for c in value.split()}
        tokens |= {"#" + i for i in _ID.findall(text)}
        tokens |= {"[" + a.lower() for attrs in _ATTRIBUTE.findall(text) for a in _ATTRIBUTE_NAME.findall(attrs + " ")}
    return tokens


def selector_used(selector, tokens):
    needs = _NEEDS.findall(_FUNCTIONAL.sub("", selector))
    return all((kind + name if kind else "[" + attribute.lower()) in tokens for kind, name, attribute in needs)


def _split_selectors(prelude):
    """A rule's selector list split on its top-level commas."""
    parts, depth, current = [], 0, ""
    for char in prelude:
        depth += char in "([" and 1 or (-1 if char in ")]" else 0)
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    return [*parts, current.strip()]


def _prune_rules(rules, tokens):
    import tinycss2

    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in _split_selectors(tinycss2.serialize(rule.prelude)) if selector_used(s, tokens)]
            if selectors:
                kept.append((", ".join(selectors), tinycss2.serialize(rule.content)))
        elif rule.type == "at-rule" and rule.lower_at_keyword in {"media", "supports"} and rule.content is not None:
            inner = _prune_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), tokens)
            if inner:
                kept.append((f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}", inner))
        elif rule.type == "at-rule":
            kept.append((None, tinycss2.serialize([rule])))
    return kept


def _declarations(body):
    """(name, value) pairs of a rule's body; custom properties keep their case."""
    import tinycss2

    return [(d.name if d.name.startswith("--") else d.lower_name, tinycss2.serialize(d.value).strip()
             + (" !important" if d.important else ""))
            for d in tinycss2.parse_declaration_list(body, skip_comments=True, skip_whitespace=True)
            if d.type == "declaration"]


def _walk(kept):
    for head, body in kept:
        if isinstance(body, list):
            yield from _walk(body)
        elif head is not None:
            yield from _declarations(body)


def _used_variables(kept):
    values = list(_walk(kept))
    defined = {}
    for name, value in values:
        if name.startswith("--"):
            defined.setdefault(name, []).append(value)
    used = {v for name, value in values if not name.startswith("--") for v in _VAR.findall(value)}
    todo = list(used)
    while todo:
        for value in defined.get(todo.pop(), []):
            for v in set(_VAR.findall(value)) - used:
                used.add(v)
                todo.append(v)
    return used


def _serialize(kept, used):
    out = []
    for head, body in kept:
        if isinstance(body, list):
            inner = _serialize(body, used)
            if inner:
                out.append(f"{head}{{{inner}}}")
        elif head is None:
            out.append(body)
        else:
            declarations = [f"{n}:{v}" for n, v in _declarations(body) if not n.startswith("--") or n in used]
            if declarations:
                out.append(f"{head}{{{';'.join(declarations)}}}")
    return "\n".join(out)


def trim(css, tokens):
    """The rules of `css` that pages with these tokens (see page_tokens) can use, with the variables they read."""
    import tinycss2

    kept = _prune_rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), tokens)
    return _serialize(kept, _used_variables(kept)) + "\n"


def links_notebook_css(output):
    """True for a lab page: it links the shared stylesheet."""
    return "/notebook-" in output


def trim_site_stylesheets(site_dir, tokens):
    """Cut each notebook-*.css of the built site down to what pages with these tokens use."""
    site = Path(site_dir)
    for sheet in (site / "assets" / "css").glob("notebook-*.css"):
        css = sheet.read_text("utf-8")
        key = hashlib.sha256("\0".join([css, *sorted(tokens)]).encode()).hexdigest()[:16]
        cached = cache_dir() / "notebook-css" / f"{key}.css"
        if not cached.exists():
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.with_suffix(".tmp").write_text(trim(css, tokens), "utf-8")
            cached.with_suffix(".tmp").replace(cached)
        sheet.write_text(cached.read_text("utf-8"), "utf-8")
