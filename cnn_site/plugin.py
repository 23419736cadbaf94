"""The site's build machinery as one MkDocs plugin: every event it handles, in order.

Each handler is a short dispatch to a module that does one thing and can be called
without a build (cnn_site/pages/: one page's HTML; cnn_site/site/: the built site;
cnn_site/labs/: the lab notebooks). This class owns the build's state (the context and
what pages leave for the post-build steps); the order in which things happen is written
here, top to bottom, and in the `event_priority` values, which place a step among the
other plugins' (listed before this one in mkdocs.yml, so at equal priority they run first).

mkdocs-static-i18n runs every event below once per language, Persian first; the
post-build steps run once, after the last language (cnn_site/context.py).
"""

from __future__ import annotations

import shutil
import time

from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from cnn_site import content, report
from cnn_site.blocks import BlockWatcher
from cnn_site.cache import cache_dir
from cnn_site.config import SiteConfig
from cnn_site.context import BuildContext
from cnn_site.labs import download, files as lab_files, html as lab_html
from cnn_site.pages import (accessibility, alternates, citation, direction, figures, front_matter, glossary,
                            last_updated, mathml, search_on_demand, tables)
from cnn_site.progress import PROGRESS, count_work
from cnn_site.quiet import silence
from cnn_site.site import (fonts, math_fonts, notebook_css, offline_zip, page_parity, palette_css, redirects, search_index,
                           sitemap)

silence()  # before anything imports TensorFlow


class SitePlugin(BasePlugin[SiteConfig]):
    def __init__(self):
        self.ctx = BuildContext()
        self.blocks = BlockWatcher()
        self._new_site()

    def _new_site(self):
        """State that the pages of one whole build (every language) leave for the post-build steps."""
        self.started = time.perf_counter()
        self.figures = set()  # figures the pages link to
        self.characters = set()  # characters of every page, for the font subset
        self.lab_tokens = set()  # classes, ids and attributes of the lab pages, for their stylesheet
        self._math = None

    @property
    def math(self):
        if self._math is None:  # opened on the first page: the cache folder is known by then
            self._math = mathml.open_renderer()
        return self._math

    # --- Start and configuration -------------------------------------------------------

    def on_startup(self, *, command, dirty):
        self.ctx.command = command

    def on_config(self, config):
        if self.ctx.configure(config):  # the first language: a new site build begins
            page_parity.check_page_parity(config.docs_dir, self.ctx.languages)
            content.make_importable(self.ctx.root)
            content.forget_snippets()
            self._new_site()
            self.blocks.records.clear()
            PROGRESS.start(count_work(config.docs_dir))
        self.blocks.install()
        return config

    # --- Files: labs become pages, then run ------------------------------------------------

    @event_priority(-200)  # after mkdocs-static-i18n's on_files (-100)
    def _on_files_labs(self, files, *, config):
        return lab_files.lab_pages(files, self.ctx, config)

    @event_priority(-250)  # after the labs are pages again
    def _on_files_execute(self, files, *, config):
        return lab_files.execute_labs(files)

    on_files = CombinedEvent(_on_files_labs, _on_files_execute)

    # --- Each page ------------------------------------------------------------------------

    def on_page_markdown(self, markdown, *, page, config, files):
        front_matter.check_front_matter(markdown, page.file.src_uri)
        lang = self.ctx.language(page.file)
        content.set_page_language(lang)
        markdown = glossary.fill_glossary(markdown, page.file.src_uri, lang)
        self.blocks.start_page(page.file.src_uri, lang)
        if lab_files.is_lab(page.file):  # executed in on_files: one record for the notebook
            self.blocks.record("notebook", *page.file.execution)
        return markdown

    def _on_page_content_steps(self, html, *, page, config, files):
        self.blocks.check_page()
        html, used = figures.link_figures(html, page)
        self.figures |= used
        lang = self.ctx.language(page.file)
        if lab_files.is_lab(page.file):
            html = lab_html.lab_html(html, page, config, lang)
        last_updated.set_updated_line(page, config, lang)
        html = tables.wrap_tables(html)
        return citation.with_citation(html, page, config, lang)

    @event_priority(-50)  # after every step that prints math (the labs' clean-up included)
    def _on_page_content_math(self, html, *, page, config, files):
        return mathml.typeset(html, page.file.src_uri, self.math, lab_files.is_lab(page.file))

    on_page_content = CombinedEvent(_on_page_content_steps, _on_page_content_math)

    @event_priority(50)  # before the search plugin reads the page (0)
    def on_page_context(self, context, *, page, config, nav):
        page.content = search_index.exclude_citation(page.content)
        return context

    def on_post_page(self, output, *, page, config):
        if lab_files.is_lab(page.file):
            download.write_downloads(page, self.ctx.language(page.file))
        if notebook_css.links_notebook_css(output):
            self.lab_tokens |= notebook_css.page_tokens([output])
        output = mathml.link_stylesheet(output, page.url)
        self.characters |= fonts.page_characters(output)
        preloads = [*fonts.text_font(self.ctx.language(page.file)), *mathml.fonts_to_preload(output)]
        output = fonts.preload_fonts(output, page.url, preloads)
        output = direction.html_direction(output)
        output = alternates.absolute_alternates(output, page.url, config.site_url, self.ctx.default_language)
        output = accessibility.label_search_dialog(output, config.theme["language"])
        folders = search_index.language_folders(self.ctx.languages, self.ctx.default_language)
        output = search_index.point_search_at(output, folders[self.ctx.current_language])
        return search_on_demand.hold_search_index(output)

    # --- The built site, once every language is built --------------------------------------

    def _on_post_build_cff(self, *, config):
        if self.ctx.outer_build:
            citation.publish_cff(config)

    @event_priority(-150)  # after mkdocs-static-i18n has built the other languages (-100)
    def _on_post_build_site(self, *, config):
        if not self.ctx.outer_build:
            return
        PROGRESS.close()
        report.write(cache_dir() / "execution-report.json", self.blocks.records, time.perf_counter() - self.started)
        figures.copy_figures(self.figures, config.site_dir)
        notebook_css.trim_site_stylesheets(config.site_dir, self.lab_tokens)
        palette_css.drop_switching_rule(config.site_dir)
        tables.style_wrapped_tables(config.site_dir)
        if self._math is not None:
            self._math.save()
            self._math.close()
            math_fonts.subset_math_font(config.site_dir, self._math.characters)
        fonts.subset_site_font(config.docs_dir, config.site_dir, self.characters)
        sitemap.copy_sitemaps(config.site_dir)
        folders = search_index.language_folders(self.ctx.languages, self.ctx.default_language)
        search_index.split_index(config.site_dir, folders, self.ctx.root / "terminology.yml")
        redirects.write_redirects(config.site_dir, self.config.redirects, folders)

    @event_priority(-200)  # last: every other step has finished writing the site
    def _on_post_build_zip(self, *, config):
        if self.ctx.command == "build" and self.ctx.outer_build:
            offline_zip.write_zip(config.site_dir, self.config.offline_zip)

    on_post_build = CombinedEvent(_on_post_build_cff, _on_post_build_site, _on_post_build_zip)

    def on_build_error(self, *, error):
        """A failed `mkdocs build` leaves no site behind that could pass for a complete one.

        MkDocs writes pages as it goes; when a later page fails, the earlier ones stay.
        `serve` keeps showing the last good build instead.
        """
        if self.ctx.command == "build" and self.ctx.site_dir:
            shutil.rmtree(self.ctx.site_dir, ignore_errors=True)
