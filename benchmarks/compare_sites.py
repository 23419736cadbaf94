"""Compare two built sites file by file, and the offline zip member by member.

usage: python benchmarks/compare_sites.py REFERENCE_SITE NEW_SITE

For a change that must not change what readers get (a refactor of the build): build the
site before and after (`mkdocs build --strict -d DIR`) and compare. Wall-clock times that
pages print on purpose (`<span class="measured">`, snippets/render.py) are masked, as in
tests/site/test_determinism.py. Prints every file that differs or exists on one side only;
exits 1 if any.
"""

import io
import re
import sys
import zipfile
from pathlib import Path

MEASURED = re.compile(rb'(<span class="measured"[^>]*>)[^<]*(</span>)')

def tree(root: Path) -> dict[str, bytes]:
    out = {}
    for p in sorted(root.rglob("*")):
        if p.is_file():
            rel = p.relative_to(root).as_posix()
            data = p.read_bytes()
            if rel.endswith(".zip"):
                with zipfile.ZipFile(io.BytesIO(data)) as z:
                    for n in z.namelist():
                        out[f"{rel}!{n}"] = z.read(n)
            else:
                out[rel] = data
    return {name: MEASURED.sub(rb"\1(measured)\2", data) for name, data in out.items()}

def main(reference, new):
    a, b = tree(Path(reference)), tree(Path(new))
    bad = 0
    for name in sorted(set(a) | set(b)):
        if name not in a or name not in b or a[name] != b[name]:
            print("only in NEW:" if name not in a else "only in REFERENCE:" if name not in b else "differs:", name)
            bad += 1
    print(f"{len(a)} files in the reference, {len(b)} in the new site, {bad} differences")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
