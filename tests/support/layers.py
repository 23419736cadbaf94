"""The four layers of the tests, one folder each, and what a test in each may ask for."""

LAYERS = ("unit", "build", "site", "browser")
# Fixtures that make a test slower than its folder promises: the full build, the browser,
# and (in unit/) a copy of the project to build.
NOT_ALLOWED = {"unit": {"site", "server", "browser", "docs_copy"}, "build": {"site", "server", "browser"},
               "site": {"browser"}, "browser": set()}


def layer_of(parts):
    """The layer of a test file, from its path's parts under tests/ (None outside the four folders)."""
    return parts[0] if len(parts) > 1 and parts[0] in LAYERS else None


def misplaced(parts, fixtures):
    """Why a test at parts (under tests/) asking for fixtures is in the wrong folder, or None."""
    layer = layer_of(parts)
    if layer is None:
        return f"not in one of the folders {', '.join(LAYERS)}"
    if asked := NOT_ALLOWED[layer] & set(fixtures):
        return f"a test in {layer}/ may not use {', '.join(sorted(asked))}"
    return None
