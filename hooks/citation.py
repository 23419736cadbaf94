"""A "Cite this page" box at the foot of every page, in the page's language.

It gives APA and BibTeX citations with the page's title, the site's name, its stable
address (site_url + page), the site's version (git commit) and the date the page last
changed (its last commit). docs/assets/js/cite.js adds the section anchor to the
address when the reader arrives from, or clicks, a heading link.
"""

import datetime
import html
import re
import subprocess
from pathlib import Path, PurePosixPath

_LABELS = {
    "fa": {"summary": "ارجاع به این صفحه", "version": "نسخهٔ", "intro": "برای ارجاع در گزارش یا مقاله:"},
    "en": {"summary": "Cite this page", "version": "version", "intro": "To cite this page in a report or paper:"},
}


def _git(*args, cwd):
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 else ""


def _facts(page, config):
    source = Path(getattr(page.file, "source_path", None) or page.file.abs_src_path)
    changed = _git("log", "-1", "--format=%cs", "--", source.name, cwd=source.parent)
    return {
        "title": page.title or config.site_name,
        "site": config.site_name,
        "url": config.site_url.rstrip("/") + "/" + page.url,
        "version": _git("describe", "--tags", "--always", cwd=source.parent) or "unversioned",
        "date": changed or datetime.date.today().isoformat(),  # not committed yet: today
        "lang": page.file.locale,
        "path": str(PurePosixPath(page.url).with_suffix("")),
    }


def _bibtex(f):
    key = "cnn-steps:" + f["lang"] + ":" + re.sub(r"\W+", "-", f["path"].removeprefix(f"{f['lang']}/"))
    year, month, _ = f["date"].split("-")
    fields = {"title": f"{{{f['title']}}}", "author": f"{{{f['site']}}}", "year": year, "month": month,
              "url": f["url"], "version": f["version"], "note": f"Last changed {f['date']}", "language": f["lang"]}
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items())
    return f"@misc{{{key},\n{body}\n}}"


def _apa(f, labels):
    return f"{f['site']}. ({f['date']}). {f['title']} ({labels['version']} {f['version']}). {f['url']}"


def on_page_content(content, page, config, **kwargs):
    facts = _facts(page, config)
    labels = _LABELS.get(facts["lang"], _LABELS["en"])
    block = lambda text: f'<div class="highlight"><pre><code>{html.escape(text)}</code></pre></div>'
    box = (f'<details class="quote cite-page" data-cite-url="{html.escape(facts["url"])}">'
           f'<summary>{labels["summary"]}</summary><p>{labels["intro"]}</p>'
           f'{block(_apa(facts, labels))}{block(_bibtex(facts))}</details>')
    return content + box
