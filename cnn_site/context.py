"""What the build knows about itself, asked in one place: the only adapter over mkdocs-static-i18n.

mkdocs-static-i18n builds the whole site once per language in one process: MkDocs runs
the default language (Persian), then i18n's own `on_post_build` runs every event again
for each other language with `building` set. Its state is plain attributes, not an API
(`building`, `current_language`, `default_language`, `build_languages`,
`i18n_files_per_language`, and `locale` on the files it makes); this class is the only
code that reads or writes them.
"""

from pathlib import Path


class BuildContext:
    """The command (`build`, `serve`), the site's root folder, and the i18n plugin's state."""

    def __init__(self):
        self.command = None  # set on_startup
        self.site_dir = None  # the outer (default-language) build's output: the site's root
        self.config = None

    def configure(self, config):
        """Called at each language's on_config; returns True when a new site build begins."""
        self.config = config
        if self.outer_build:
            self.site_dir = config.site_dir
            return True
        return False

    @property
    def i18n(self):
        return self.config.plugins["i18n"]

    @property
    def outer_build(self):
        """True in the default language's build, which holds i18n's builds of the others.

        At on_config it means a new site build begins; at on_post_build, every language
        is built (i18n builds the others inside the outer build's on_post_build).
        """
        return not self.i18n.building

    @property
    def root(self):
        """The project's folder (where mkdocs.yml is)."""
        return Path(self.config.config_file_path).resolve().parent

    @property
    def languages(self):
        return list(self.i18n.build_languages)

    @property
    def default_language(self):
        return self.i18n.default_language

    @property
    def current_language(self):
        return self.i18n.current_language

    def language(self, file):
        """The language of a page's file (i18n's `locale`), or the theme's when i18n set none."""
        return getattr(file, "locale", None) or self.config.theme["language"]

    def is_lab_source(self, file):
        """i18n's file for a lab's jupytext script (docs/<lang>/labs/*.py), before it is a page."""
        uri = getattr(file, "norm_src_uri", "")
        return uri.startswith("labs/") and uri.endswith(".py")

    def localise(self, file, lang, norm_uri):
        """Give a page that i18n did not make the attributes i18n gives its own pages."""
        file.locale = file.localization = lang
        file.locale_alternate_of = self.current_language
        file.norm_src_uri = norm_uri
        return file

    def replace_pages(self, files):
        """Tell i18n the documentation pages of the language being built (after adding labs)."""
        self.i18n.i18n_files_per_language[self.current_language] = files.documentation_pages()
