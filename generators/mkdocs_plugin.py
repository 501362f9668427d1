"""The MkDocs plugin: adds a page and PDFs for every tool and session, index pages and catalog.json.

Pages and PDFs are virtual files (File.generated): nothing is written into the docs
folder or any tracked folder, and `mkdocs serve` does not loop on its own output.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .catalog import catalog_entry, catalog_json
from .content_types import BY_NAME, CONTENT_TYPES
from .errors import KitInvalid
from .kit import Kit, load_kit
from .pdf.worksheets import build_pdfs
from .site_pages import Download, index_path, page_path, render_index_page, render_item_page
from .templating import PACKAGE_TEMPLATES, site_environment
from .text import human_size

GUIDE_FOLDER = "facilitation/guide"
# Sessions first: facilitators plan meetings, then pick single tools.
SITE_ORDER = [BY_NAME[name] for name in ("session", "activity", "canvas", "checklist")]


class ToolkitPlugin(BasePlugin):
    kit: Kit

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).parent
        try:
            self.kit = load_kit(self.root)
        except KitInvalid as error:
            raise PluginError(error.report()) from None
        config.site_name = self.kit.settings.name
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        kit = self.kit
        pages = {item_id: File.generated(config, page_path(item), content="")
                 for item_id, item in kit.items.items()}
        try:
            pdfs = build_pdfs(kit, {item_id: page.url for item_id, page in pages.items()})
        except KitInvalid as error:
            raise PluginError(error.report()) from None
        env = site_environment(self.root)
        entries = []
        for item_id, item in kit.items.items():
            downloads, pdf_paths = [], {}
            for pdf in pdfs[item_id]:
                site_path = f"pdf/{item_id}-{pdf.variant}.pdf"
                files.append(File.generated(config, site_path, abs_src_path=str(pdf.path)))
                downloads.append(Download(pdf.label, site_path, human_size(pdf.size)))
                pdf_paths[pdf.variant] = site_path
            page = pages[item_id]
            page.content_string = render_item_page(env, kit, item, downloads)
            files.append(page)
            entries.append(catalog_entry(kit, item, page.url, pdf_paths))
        for ctype in CONTENT_TYPES:
            files.append(File.generated(config, index_path(ctype), content=render_index_page(env, kit, ctype)))
        for guide_page in sorted((self.root / GUIDE_FOLDER).glob("*.md")):
            files.append(File.generated(config, f"guide/{guide_page.name}", abs_src_path=str(guide_page)))
        files.append(File.generated(config, "catalog.json", content=catalog_json(kit, entries)))
        return files

    def on_nav(self, nav, config: MkDocsConfig, files: Files):
        # MkDocs orders folders alphabetically; show them in the order a facilitator needs them.
        order = ["", "guide", *(ctype.plural for ctype in SITE_ORDER), "about"]

        def position(entry) -> int:
            first = entry if entry.is_page else next(iter(entry.children), None)
            folder = first.file.src_uri.split("/")[0] if first is not None and first.is_page else ""
            folder = "" if folder.endswith(".md") else folder
            return order.index(folder) if folder in order else len(order)

        nav.items.sort(key=position)
        return nav

    def on_page_content(self, html: str, page, config: MkDocsConfig, files: Files) -> str:
        # MkDocs takes a page's title from its first heading as plain text, and the theme
        # prints it unescaped (in <title>, the navigation, search). Escape it here so a
        # title such as "Food & housing" or one with "<" in it shows exactly as written.
        if page.title:
            page.title = escape(page.title, quote=False)
        return html

    def on_serve(self, server, config: MkDocsConfig, builder):
        # Rebuild the preview when content, kit settings or the generators' templates change.
        for watched in ("toolkit", "facilitation", "kit.yml"):
            if (self.root / watched).exists():
                server.watch(str(self.root / watched))
        server.watch(str(PACKAGE_TEMPLATES))
        return server
