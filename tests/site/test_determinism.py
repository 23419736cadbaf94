"""A cold build of the whole site (SITE_CACHE=off: every block and lab runs) is identical,
byte for byte, to the session's build, but for what must differ: sitemap dates, and wall
times measured while building (masked). On a fresh clone the session's build is cold too
(its cache starts empty): two computations agree. Elsewhere it reads the execution
cache: what the cache returns is what a computation gives."""

import difflib
import re

from tests.support.project import ROOT, build_site
from tests.support.session import SITE_URL

VARIES = {"sitemap.xml", "sitemap.xml.gz",  # they carry the build date
          "cnn-step-by-step-offline.zip"}  # made of the files compared here
MASKS = [re.compile(rb'(<span class="measured" data-search-exclude>)[^<]*(</span>)')]  # snippets.render.measured


def _masked(data):
    for mask in MASKS:
        data = mask.sub(rb"\1...\2", data)
    return data


def _files(site):
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file() and p.name not in VARIES}


def _first_difference(a, b):
    try:
        diff = difflib.unified_diff(a.read_text("utf-8").splitlines(), b.read_text("utf-8").splitlines(), n=0, lineterm="")
        return "\n".join(list(diff)[2:6])[:600]
    except UnicodeDecodeError:
        return "(binary)"


def test_a_cold_build_is_identical_to_the_session_build(site, tmp_path):
    result = build_site(ROOT, tmp_path / "again", site_url=SITE_URL)  # the address the session build was made for
    assert result.returncode == 0, result.stdout[-3000:]
    first, second = _files(site), _files(tmp_path / "again")
    assert sorted(first) == sorted(second)
    differ = [name for name in sorted(first) if _masked(first[name].read_bytes()) != _masked(second[name].read_bytes())]
    assert not differ, "\n\n".join(f"{n}:\n{_first_difference(first[n], second[n])}" for n in differ[:10])
