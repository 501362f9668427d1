"""The MkDocs plugin: adds a page and PDFs for every tool and session, index pages, the catalog
page, the home page and catalog.json.

Pages and PDFs are virtual files (File.generated): nothing is written into the docs
folder or any tracked folder, and `mkdocs serve` does not loop on its own output.
"""

from __future__ import annotations

import os
import re
from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from .catalog import catalog_entry, catalog_json
from .colour import site_colours
from .content_types import CONTENT_TYPES
from .errors import KitInvalid
from .field_reference import FIELD_REFERENCE_PATH, render_field_reference
from .kit import Kit, load_kit
from .locale import text_direction, ui_words
from .pdf.branding import check_logo
from .pdf.print_page import PRINT_PAGE, render_print_page
from .pdf.worksheets import KIT_DOCUMENTS, build_pdfs
from .plain_folder import inline_fonts, write_search_index_script
from .site_language import mark_language, theme_language
from .site_pages import (
    CATALOG_PATH,
    HOME_PATH,
    SITE_ORDER,
    TERM_KINDS,
    Download,
    index_path,
    page_path,
    render_catalog_page,
    render_home_page,
    render_index_page,
    render_item_page,
    render_term_index,
    render_term_page,
    term_index_path,
    term_path,
)
from .templating import PACKAGE_TEMPLATES, site_environment
from .text import human_size

GUIDE_FOLDER = "facilitation/guide"
# The navigation, in the order a facilitator needs it: top-level pages by file name, sections by folder.
# A section with more pages than this lists only its index page in the navigation.
NAV_PAGES_LIMIT = 60
NAV_ORDER = [HOME_PATH, CATALOG_PATH, "guide", *(ctype.plural for ctype in SITE_ORDER), *TERM_KINDS, "about"]


def site_credit(kit: Kit) -> str:
    """The footer's line: who publishes the kit, under which licence, and how to reach them.

    The theme prints it as HTML, so every value from kit.yml is escaped here."""
    settings, words = kit.settings, ui_words(kit.settings.language)
    licence = f'<a href="{escape(settings.content_licence.url)}">{escape(settings.content_licence.name)}</a>'
    credit = words["book_edition"].format(organization=escape(settings.organization), licence=licence)
    if settings.contact:
        credit += " " + words["site_contact"].format(contact=escape(settings.contact))
    return credit


def pdfs_enabled() -> bool:
    """TOOLKIT_PDFS=0 builds the pages without PDFs: for a quick look, and as the benchmark's baseline."""
    return os.environ.get("TOOLKIT_PDFS", "1") != "0"


def _folder_of(entry) -> str:
    """The first part of the source path of a navigation entry: 'activities', 'guide', or 'catalog.md'."""
    first = entry if entry.is_page else next(iter(entry.children), None)
    return first.file.src_uri.split("/")[0] if first is not None and first.is_page else ""


def _position(order: list[str], name: str) -> int:
    """Where `name` goes in `order`; names not listed go last, in the order MkDocs gave them."""
    return order.index(name) if name in order else len(order)


def _relink_previous_and_next(nav) -> None:
    # MkDocs links each page to its neighbours before plugins reorder the navigation.
    def pages_in(items):
        for entry in items:
            if entry.is_page:
                yield entry
            elif entry.is_section:
                yield from pages_in(entry.children)

    pages = list(pages_in(nav.items))
    nav.pages = pages
    for index, page in enumerate(pages):
        page.previous_page = pages[index - 1] if index > 0 else None
        page.next_page = pages[index + 1] if index + 1 < len(pages) else None


class ToolkitPlugin(BasePlugin):
    kit: Kit

    # Before the search plugin's on_config, which reads the theme's language to pick its word rules.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).parent
        try:
            self.kit = load_kit(self.root)
        except KitInvalid as error:
            raise PluginError(error.report()) from None
        config.site_name = self.kit.settings.name
        self._apply_brand(config)
        self._apply_language(config)
        # Page addresses ending in .html are what a copy opened from a folder needs
        # (`toolkit build --plain-folder`): it also gets search that works from file://.
        config.extra["toolkit_plain_folder"] = not config.use_directory_urls
        # Pages without a description of their own (guide, index pages) describe the kit.
        config.site_description = escape(self.kit.settings.tagline)
        return config

    def _apply_brand(self, config: MkDocsConfig) -> None:
        """kit.yml's colour (and its shades), logo, publisher, licence and contact on the site,
        as on the PDFs."""
        try:
            check_logo(self.kit)
        except KitInvalid as error:
            raise PluginError(error.report()) from None
        config.extra["toolkit_colours"] = site_colours(self.kit.settings.primary_colour)
        config.copyright = site_credit(self.kit)
        if self.kit.settings.logo:
            # overrides/ is the theme's folder, so its assets/ are published at the site's root.
            config.theme["logo"] = self.kit.settings.logo.removeprefix("overrides/")

    def _apply_language(self, config: MkDocsConfig) -> None:
        """kit.yml's language for the theme's words (English when it has no translation) and the
        direction of every page (right to left for Arabic, Hebrew, Persian, Urdu...)."""
        language = self.kit.settings.language
        config.theme["language"] = theme_language(language, config.theme.dirs)
        config.theme["direction"] = text_direction(language)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        kit = self.kit
        pages = {item_id: File.generated(config, page_path(item), content="")
                 for item_id, item in kit.items.items()}
        try:
            pdfs = (build_pdfs(kit, {item_id: page.url for item_id, page in pages.items()})
                    if pdfs_enabled() else {item_id: [] for item_id in kit.items})
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
        for kind in TERM_KINDS:
            files.append(File.generated(config, term_index_path(kind),
                                        content=render_term_index(env, kit, kind, entries)))
            for term in getattr(kit.vocabulary, kind):
                files.append(File.generated(config, term_path(kind, term.id),
                                            content=render_term_page(env, kit, kind, term, entries)))
        guide_pages = sorted((self.root / GUIDE_FOLDER).glob("*.md"))
        for guide_page in guide_pages:
            files.append(File.generated(config, f"guide/{guide_page.name}", abs_src_path=str(guide_page)))
        catalog_page = File.generated(config, CATALOG_PATH, content="")
        catalog_page.content_string = render_catalog_page(
            env, kit, entries, href=lambda entry: get_relative_url(entry["page"], catalog_page.url))
        files.append(catalog_page)
        files.append(File.generated(config, FIELD_REFERENCE_PATH, content=render_field_reference(env)))
        files.append(File.generated(config, HOME_PATH, content=render_home_page(
            env, kit, entries, {path.name for path in guide_pages})))
        # The book and card decks belong to the whole kit: the catalog's `kit` and the print page list them.
        kit_pdfs = {}
        for pdf in pdfs.get(KIT_DOCUMENTS, []):
            site_path = f"pdf/{pdf.item_id}-{pdf.variant}.pdf"
            files.append(File.generated(config, site_path, abs_src_path=str(pdf.path)))
            kit_pdfs[pdf.variant] = Download(pdf.label, site_path, human_size(pdf.size))
        files.append(File.generated(config, PRINT_PAGE, content=render_print_page(kit, kit_pdfs, entries)))
        files.append(File.generated(config, "catalog.json", content=catalog_json(
            kit, entries, {variant: download.path for variant, download in kit_pdfs.items()})))
        self.descriptions = {page_path(item): escape(item.content.purpose) for item in kit.items.values()}
        return files

    def on_nav(self, nav, config: MkDocsConfig, files: Files):
        # MkDocs orders everything by file name; show it in the order a facilitator needs it.
        nav.items.sort(key=lambda entry: _position(NAV_ORDER, _folder_of(entry)))
        page_orders = self._page_orders()
        for section in nav.items:
            if not section.is_section:
                continue
            folder = _folder_of(section)
            section.title = self._section_titles().get(folder, section.title)
            if folder in page_orders:
                section.children.sort(key=lambda child: -1 if child.file.src_uri.endswith("/index.md")
                                      else _position(page_orders[folder], child.file.src_uri))
            if len(section.children) > NAV_PAGES_LIMIT:
                # Every page of a section lists the section's pages: a section of hundreds
                # of tools would make each of its pages hundreds of kilobytes. Its index
                # page, the catalog and search lead to them instead.
                section.children = [child for child in section.children
                                    if not child.is_page or child.file.src_uri.endswith("/index.md")]
        _relink_previous_and_next(nav)
        return nav

    def _section_titles(self) -> dict[str, str]:
        # A folder's section is named after the folder ('Buckets'); name the generated ones as their pages do.
        words = ui_words(self.kit.settings.language)
        titles = {ctype.plural: ctype.title for ctype in CONTENT_TYPES}
        titles.update({kind: words[f"nav_{kind}"] for kind in TERM_KINDS}, guide=words["nav_guide"])
        return titles

    def _page_orders(self) -> dict[str, list[str]]:
        """Source paths in reading order, per folder: tools by title as the index pages list them,
        phases and buckets as the vocabulary lists them, the guide as its own index page links it."""
        kit = self.kit
        orders = {ctype.plural: [page_path(item) for item in kit.of_type(ctype.name)] for ctype in CONTENT_TYPES}
        for kind in TERM_KINDS:
            orders[kind] = [term_path(kind, term.id) for term in getattr(kit.vocabulary, kind)]
        guide_index = self.root / GUIDE_FOLDER / "index.md"
        if guide_index.is_file():
            linked = re.findall(r"\]\(([\w-]+\.md)\)", guide_index.read_text(encoding="utf-8"))
            orders["guide"] = [f"guide/{name}" for name in dict.fromkeys(linked)]
        return orders

    def on_page_markdown(self, markdown: str, page, config: MkDocsConfig, files: Files) -> str:
        # Search engines and link previews show a tool's purpose rather than the kit's tagline.
        description = self.descriptions.get(page.file.src_uri)
        if description and not page.meta.get("description"):
            page.meta["description"] = description
        return markdown

    def on_page_content(self, html: str, page, config: MkDocsConfig, files: Files) -> str:
        # MkDocs takes a page's title from its first heading as plain text, and the theme
        # prints it unescaped (in <title>, the navigation, search). Escape it here so a
        # title such as "Food & housing" or one with "<" in it shows exactly as written.
        if page.title:
            page.title = escape(page.title, quote=False)
        return html

    def on_post_page(self, output: str, page, config: MkDocsConfig) -> str:
        return self._declare_language(output)

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        # 404.html is rendered from a template, not a page.
        return self._declare_language(output_content) if template_name.endswith(".html") else output_content

    def _declare_language(self, html: str) -> str:
        language = self.kit.settings.language
        return mark_language(html, language, text_direction(language))

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, config: MkDocsConfig) -> None:
        if config.extra.get("toolkit_plain_folder"):
            write_search_index_script(Path(config.site_dir))
            inline_fonts(Path(config.site_dir))

    def on_serve(self, server, config: MkDocsConfig, builder):
        # Rebuild the preview when content, kit settings or the generators' templates change.
        for watched in ("toolkit", "facilitation", "kit.yml"):
            if (self.root / watched).exists():
                server.watch(str(self.root / watched))
        server.watch(str(PACKAGE_TEMPLATES))
        return server
