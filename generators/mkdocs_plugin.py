"""The MkDocs plugin: hands MkDocs the files `site_files` lists, for `mkdocs serve` and for
people who run `mkdocs build` themselves. It makes no page of its own.

Pages and PDFs are virtual files (File.generated): nothing is written into the docs
folder or any tracked folder, and `mkdocs serve` does not loop on its own output.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from .errors import KitInvalid
from .kit import load_kit
from .mkdocs_preview import DirtyPreview
from .page_translations import is_page_translation
from .pdf.worksheets import build_pdfs
from .plain_folder import finish_plain_folder
from .preview import BackgroundPdfs
from .site_files import Site, site_files
from .site_language import mark_language
from .templating import PACKAGE_TEMPLATES


class ToolkitOptions(Config):
    pdfs = config_options.Type(bool, default=True)  # false: pages only, for a quick look


class ToolkitPlugin(BasePlugin[ToolkitOptions]):
    site: Site
    serving = False
    background: BackgroundPdfs | None = None  # while serving: PDFs made without holding up the pages
    dirty_preview: DirtyPreview | None = None  # `mkdocs serve --dirty`: only the pages an edit touched

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # The plugin lives on across the preview's rebuilds, and across builds in one process.
        self.serving, self.dirty = command == "serve", command == "serve" and dirty
        self.background = self.dirty_preview = None

    # Before the search plugin's on_config, which reads the theme's language to pick its word rules.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).parent
        if self.serving and self.background is None:
            self.background = BackgroundPdfs(self.root / ".cache" / "toolkit" / "preview-pdfs-ready")
        if self.dirty and self.dirty_preview is None:
            self.dirty_preview = DirtyPreview(self.root)
        pdfs = (self.background.pdfs if self.background else build_pdfs) if self.config.pdfs else None
        try:
            kit = load_kit(self.root)
            self.site = site_files(kit, Path(config.docs_dir), directory_urls=config.use_directory_urls, pdfs=pdfs)
        except KitInvalid as error:
            raise PluginError(error.report()) from None
        self.language, self.direction = kit.settings.language, self.site.settings["theme"]["direction"]
        if self.dirty_preview:
            self.dirty_preview.begin(self.site, config)
        for name, value in self.site.settings.items():
            if name == "theme":
                config.theme.update(value)  # the theme object keeps its own settings besides these
            else:
                config[name] = value
        config.extra.update(self.site.extra)
        if not config.nav:
            config.nav = self.site.nav
            # Sections of more than a few dozen tools list only their index page on purpose.
            config.validation.nav.omitted_files = logging.INFO
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for file in list(files):
            if is_page_translation(Path(file.src_uri)):
                files.remove(file)  # catalog.es.md belongs to the Spanish site, which `toolkit build` makes
        for file in self.site.files:
            if file.hand_written:
                continue  # MkDocs reads the docs folder itself
            if file.text is None:
                files.append(File.generated(config, file.path, abs_src_path=str(file.source)))
            elif self.dirty_preview and file.path.endswith(".md"):  # a file on disk, whose time says if it changed
                files.append(File.generated(config, file.path, abs_src_path=self.dirty_preview.page_source(file)))
            else:
                files.append(File.generated(config, file.path, content=file.text))
        return files

    def on_nav(self, nav, config: MkDocsConfig, files: Files):
        if self.dirty_preview:
            self.dirty_preview.read_titles(nav, config)
        return nav

    def on_env(self, env, config: MkDocsConfig, files: Files):
        if self.dirty_preview:
            self.dirty_preview.before_pages(files, config)
        return env

    def on_post_page(self, output: str, page, config: MkDocsConfig) -> str:
        return mark_language(output, self.language, self.direction)

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        # 404.html is rendered from a template, not a page.
        html = template_name.endswith(".html")
        return mark_language(output_content, self.language, self.direction) if html else output_content

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, config: MkDocsConfig) -> None:
        if config.extra.get("toolkit_plain_folder"):
            finish_plain_folder(Path(config.site_dir))
        if self.dirty_preview:
            self.dirty_preview.finish()
        if self.background:
            self.background.start()

    def on_serve(self, server, config: MkDocsConfig, builder):
        # Rebuild the preview when content, kit settings or the generators' templates change, and
        # when the background PDFs are ready or pages wait for a rebuild (files touched to say so).
        for watched in ("toolkit", "facilitation", "kit.yml"):
            if (self.root / watched).exists():
                server.watch(str(self.root / watched))
        server.watch(str(PACKAGE_TEMPLATES))
        for helper, signal_file in ((self.background, "ready_file"), (self.dirty_preview, "stale_file")):
            if helper:
                path = getattr(helper, signal_file)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.touch()  # a file must exist to be watched
                server.watch(str(path))
        return server
