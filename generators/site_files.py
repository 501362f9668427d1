"""Every file the site needs, made from the loaded kit without any site engine.

One function, `site_files`, lists every page (as Markdown), every PDF, catalog.json, the
navigation and the settings the site engine needs. Two things read that list: the MkDocs
plugin (for `mkdocs serve` and a plain `mkdocs build`), and `toolkit generate`, which writes
it out as an ordinary docs folder that MkDocs, ProperDocs or Zensical can build. No page
exists only because a plugin made it.
"""

from __future__ import annotations

import importlib.util
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import yaml

from .catalog import catalog_entry, catalog_json
from .colour import site_colours
from .content_types import CONTENT_TYPES
from .field_reference import FIELD_REFERENCE_PATH, render_field_reference
from .kit import Kit
from .languages import language_name, language_switch
from .locale import text_direction, ui_words
from .page_translations import GUIDE_FOLDER, english_pages, is_page_translation, page_status, translation_path
from .pdf.previews import SheetPreview, build_previews
from .pdf.print_page import PRINT_PAGE, render_print_page
from .pdf.worksheets import KIT_DOCUMENTS, RenderedPdf, build_pdfs
from .site_language import theme_language
from .site_pages import (
    CARDS_SCRIPT,
    CATALOG_PATH,
    HOME_PATH,
    PLANNER_PATH,
    SITE_ORDER,
    TERM_KINDS,
    CatalogLinks,
    Download,
    catalog_pages,
    index_path,
    page_path,
    render_catalog_cards_script,
    render_catalog_page,
    render_home_page,
    render_index_page,
    render_item_page,
    render_planner_page,
    render_term_index,
    render_term_page,
    term_index_path,
    term_path,
)
from .templating import site_environment
from .text import human_size
from .translations import FieldStatus

# A section with more pages than this lists only its index page in the navigation: every
# page lists its section's pages, so hundreds of tools would make each page hundreds of KB.
NAV_PAGES_LIMIT = 60
# The navigation, in the order a facilitator needs it: top-level pages by file name, sections by folder.
NAV_ORDER = [HOME_PATH, CATALOG_PATH, PLANNER_PATH, "guide", *(ctype.plural for ctype in SITE_ORDER), *TERM_KINDS, PRINT_PAGE,
             "about"]


@dataclass(frozen=True)
class SiteFile:
    """One file of the docs folder: generated text, or a file to copy (a cached PDF, a guide page)."""

    path: str                  # where it goes in the docs folder, e.g. 'activities/data-walk.md'
    text: str | None = None
    source: Path | None = None
    hand_written: bool = False  # already in the kit's own docs folder, which an engine reads itself


@dataclass
class Site:
    files: list[SiteFile]
    nav: list                  # mkdocs.yml's `nav`
    settings: dict             # mkdocs.yml settings that come from kit.yml
    extra: dict = field(default_factory=dict)  # mkdocs.yml's `extra`, merged with the kit's own


def page_url(path: str, directory_urls: bool = True) -> str:
    """The address of a Markdown page, relative to the site's root, as the engines give it."""
    stem = path.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index":
        return ""
    return f"{stem.removesuffix('/index')}/" if stem.endswith("/index") else f"{stem}/"


def item_page_urls(kit: Kit, directory_urls: bool = True) -> dict[str, str]:
    """Each item's page address: what its PDFs link to, and so part of their cache keys."""
    return {item_id: page_url(page_path(item), directory_urls) for item_id, item in kit.items.items()}


def relative_url(url: str, from_url: str) -> str:
    """`url` as a link on the page at `from_url` (both relative to the site's root)."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    relative = posixpath.relpath("/" + url, "/" + base)
    return relative + "/" if url.endswith("/") else relative


PdfSource = Callable[[Kit, dict[str, str]], dict[str, list[RenderedPdf]]]


def site_files(kit: Kit, docs_dir: Path, *, directory_urls: bool = True, pdfs: PdfSource | None = build_pdfs) -> Site:
    """Everything the site of `kit` is made of. `docs_dir`: the kit's hand-written pages.
    `pdfs` makes the PDFs from the pages' addresses (None: a site without PDFs)."""
    env = site_environment(kit.root)
    paths = {item_id: page_path(item) for item_id, item in kit.items.items()}
    urls = item_page_urls(kit, directory_urls)
    rendered = pdfs(kit, urls) if pdfs else {}
    previews = build_previews(kit, rendered)  # the participant sheets' first pages, from those PDFs
    files, entries = [], []
    for item_id, item in kit.items.items():
        item_pdfs = rendered.get(item_id, [])
        downloads = [Download(pdf.label, pdf.site_path, human_size(pdf.size)) for pdf in item_pdfs]
        files.extend(_pdf_files(item_pdfs))
        item_previews = previews.get(item_id, [])
        files.extend(_preview_files(item_previews))
        # An item not translated (yet) shows whole in the kit's own language, and says so.
        shown_kit, shown = (kit.source_kit, kit.source_kit.items[item_id]) if item_id in kit.untranslated else (kit, item)
        page = render_item_page(env, shown_kit, shown, downloads, item_previews)
        # Tools and sessions carry the planner's buttons, which need its script (overrides/main.html).
        plan_actions = {} if item.type.is_handout else {"plan_actions": True}
        files.append(SiteFile(paths[item_id], with_front_matter(
            page, title=escape(shown.content.title, quote=False), description=escape(shown.content.purpose),
            **plan_actions, **_shown_untranslated(kit, kit.untranslated.get(item_id)))))
        entries.append(catalog_entry(kit, item, urls[item_id],
                                     {pdf.variant: pdf.site_path for pdf in item_pdfs},
                                     previews=[preview.catalog_fields() for preview in item_previews]))
    files.extend(SiteFile(index_path(ctype), render_index_page(env, kit, ctype)) for ctype in CONTENT_TYPES)
    for kind in TERM_KINDS:
        files.append(SiteFile(term_index_path(kind), render_term_index(env, kit, kind, entries)))
        files.extend(SiteFile(term_path(kind, term.id), with_front_matter(
            render_term_page(env, kit, kind, term, entries), title=escape(term.label, quote=False)))
                     for term in getattr(kit.vocabulary, kind))
    guide_pages = english_pages(kit.root / GUIDE_FOLDER)
    files.extend(_hand_written_page(kit, f"guide/{page.name}", page) for page in guide_pages)
    files.extend(_catalog_files(env, kit, entries, directory_urls))
    # The field reference is written from the content model's own descriptions, which are in English.
    reference = render_field_reference(env)
    if kit.source_kit is not None:
        status = FieldStatus(FIELD_REFERENCE_PATH, kit.settings.language, FIELD_REFERENCE_PATH, ["page"], [])
        reference = with_front_matter(reference, **_shown_untranslated(kit, status, shown_in="en"))
    files.append(SiteFile(FIELD_REFERENCE_PATH, reference))
    planner_root = relative_url("catalog.json", page_url(PLANNER_PATH, directory_urls)).removesuffix("catalog.json")
    files.append(SiteFile(PLANNER_PATH, render_planner_page(env, kit, planner_root)))
    files.append(SiteFile(HOME_PATH, render_home_page(env, kit, entries, {page.name for page in guide_pages})))
    kit_pdfs = rendered.get(KIT_DOCUMENTS, [])
    files.extend(_pdf_files(kit_pdfs))
    downloads = {pdf.variant: Download(pdf.label, pdf.site_path, human_size(pdf.size)) for pdf in kit_pdfs}
    files.append(SiteFile(PRINT_PAGE, render_print_page(kit, downloads, entries)))
    files.append(SiteFile("catalog.json", catalog_json(
        kit, entries, {variant: download.path for variant, download in downloads.items()})))
    files.extend(_hand_written(kit, docs_dir))
    return Site(files, navigation(kit, files), site_settings(kit),
                {"toolkit_colours": site_colours(kit.settings.primary_colour),
                 "toolkit_plain_folder": not directory_urls, **language_switch(kit)})


def _pdf_files(pdfs: list[RenderedPdf]) -> list[SiteFile]:
    return [SiteFile(pdf.site_path, source=pdf.path) for pdf in pdfs]


def _preview_files(previews: list[SheetPreview]) -> list[SiteFile]:
    return [SiteFile(image.site_path, source=image.path)
            for preview in previews for image in (preview.small, preview.large)]


def _hand_written(kit: Kit, docs_dir: Path) -> list[SiteFile]:
    """The kit's own docs folder: its pages (in the kit's language: translations.py) and other files."""
    if not docs_dir.is_dir():
        return []
    return [_hand_written_page(kit, path.relative_to(docs_dir).as_posix(), path, in_docs=True)
            for path in sorted(docs_dir.rglob("*"))
            if path.is_file() and not path.name.startswith(".") and not is_page_translation(path)]


def _hand_written_page(kit: Kit, site_path: str, english: Path, *, in_docs: bool = False) -> SiteFile:
    """A hand-written page (or other file) as the kit's language shows it: its current translation,
    else the page in the kit's own language with a notice."""
    if kit.source_kit is None or english.suffix != ".md":
        return SiteFile(site_path, source=english, hand_written=in_docs)
    status = page_status(english, kit.settings.language, kit.root)
    if status.complete:
        return SiteFile(site_path, source=translation_path(english, kit.settings.language))
    return SiteFile(site_path, with_front_matter(english.read_text(encoding="utf-8"), **_shown_untranslated(kit, status)))


def _shown_untranslated(kit: Kit, status: FieldStatus | None, shown_in: str | None = None) -> dict[str, str]:
    """Front matter for a page shown in the kit's own language (or `shown_in`): its language, and the
    notice (overrides/main.html shows both)."""
    if status is None:
        return {}
    source = shown_in or kit.source_kit.settings.language
    words = ui_words(kit.settings.language)
    notice = words["stale_notice" if status.stale else "untranslated_notice"].format(source=language_name(source))
    return {"content_language": source, "translation_notice": notice}


def _catalog_files(env, kit: Kit, entries: list[dict], directory_urls: bool) -> list[SiteFile]:
    """The catalog's pages, and with more than one page, every card in catalog/cards.js."""
    pages = catalog_pages(kit, entries)
    page_urls = {page.path: page_url(page.path, directory_urls) for page in pages}

    def links(from_url: str) -> CatalogLinks:
        return CatalogLinks(lambda address: relative_url(address, from_url), page_url(PLANNER_PATH, directory_urls),
                            page_urls)

    files = []
    for page in pages:
        markdown = render_catalog_page(env, kit, page, pages, len(entries), links(page_urls[page.path]))
        if page.number > 1:
            markdown = with_front_matter(markdown, title=escape(f"{ui_words(kit.settings.language)['catalog']} "
                                                                f"({page.label})", quote=False))
        files.append(SiteFile(page.path, markdown))
    if len(pages) > 1:
        files.append(SiteFile(CARDS_SCRIPT, render_catalog_cards_script(
            env, kit, [entry for page in pages for entry in page.entries], links(page_urls[CATALOG_PATH]))))
    return files


def with_front_matter(markdown: str, **meta: str | bool) -> str:
    """The page with `meta` added to its front matter (values it already has win)."""
    existing, body = {}, markdown
    if markdown.startswith("---\n"):
        block, _, body = markdown[4:].partition("\n---\n")
        existing = yaml.safe_load(block) or {}
    merged = {**meta, **existing}
    return "---\n" + yaml.safe_dump(merged, allow_unicode=True, sort_keys=False) + "---\n" + body


def site_credit(kit: Kit) -> str:
    """The footer's line: who publishes the kit, under which licence, and how to reach them.

    The theme prints it as HTML, so every value from kit.yml is escaped here."""
    settings, words = kit.settings, ui_words(kit.settings.language)
    licence = f'<a href="{escape(settings.content_licence.url)}">{escape(settings.content_licence.name)}</a>'
    credit = words["book_edition"].format(organization=escape(settings.organization), licence=licence)
    if settings.contact:
        credit += " " + words["site_contact"].format(contact=escape(settings.contact))
    return credit


def site_settings(kit: Kit) -> dict:
    """mkdocs.yml settings that come from kit.yml: the same for every engine."""
    settings = kit.settings
    return {
        "site_name": settings.name,
        # Pages without a description of their own (guide, index pages) describe the kit.
        "site_description": escape(settings.tagline),
        "copyright": site_credit(kit),
        "theme": {"language": theme_language(settings.language, _theme_folders(kit)),
                  "direction": text_direction(settings.language),
                  # overrides/ is the theme's folder, so its assets/ are published at the site's root.
                  **({"logo": settings.logo.removeprefix("overrides/")} if settings.logo else {})},
    }


def _theme_folders(kit: Kit) -> list[str]:
    """Where the theme's translations are: the kit's overrides, then Material's own templates."""
    material = importlib.util.find_spec("material")
    folders = [str(kit.root / "overrides")]
    if material and material.submodule_search_locations:
        folders += [str(Path(location) / "templates") for location in material.submodule_search_locations]
    return folders


def navigation(kit: Kit, files: list[SiteFile]) -> list:
    """mkdocs.yml's `nav`: top-level pages, then a section per folder, in NAV_ORDER."""
    # The catalog's later pages are reached from its first, as a list's pages are.
    pages = [file.path for file in files if file.path.endswith(".md") and not file.path.startswith("catalog/")]
    top = [path for path in pages if "/" not in path]
    folders = dict.fromkeys(path.split("/", 1)[0] for path in pages if "/" in path)
    entries = [(name, name) for name in top] + [(folder, _section(kit, folder, pages)) for folder in folders]
    entries.sort(key=lambda entry: _position(NAV_ORDER, entry[0]))
    return [entry for _, entry in entries]


def _section(kit: Kit, folder: str, pages: list[str]) -> dict:
    children = [path for path in pages if path.startswith(f"{folder}/")]
    order = _page_orders(kit).get(folder, [])
    children.sort(key=lambda path: (not path.endswith("/index.md"), _position(order, path), path))
    if len(children) > NAV_PAGES_LIMIT:
        children = [path for path in children if path.endswith("/index.md")]
    return {_section_titles(kit).get(folder, folder.replace("-", " ").replace("_", " ").capitalize()): children}


def _position(order: list[str], name: str) -> int:
    """Where `name` goes in `order`; names not listed go last, in the order they came."""
    return order.index(name) if name in order else len(order)


def _section_titles(kit: Kit) -> dict[str, str]:
    words = ui_words(kit.settings.language)
    titles = {ctype.plural: ctype.heading(words) for ctype in CONTENT_TYPES}
    titles.update({kind: words[f"nav_{kind}"] for kind in TERM_KINDS}, guide=words["nav_guide"])
    return titles


def _page_orders(kit: Kit) -> dict[str, list[str]]:
    """Source paths in reading order, per folder: tools by title as the index pages list them,
    phases and buckets as the vocabulary lists them, the guide as its own index page links it."""
    orders = {ctype.plural: [page_path(item) for item in kit.of_type(ctype.name)] for ctype in CONTENT_TYPES}
    for kind in TERM_KINDS:
        orders[kind] = [term_path(kind, term.id) for term in getattr(kit.vocabulary, kind)]
    guide_index = kit.root / GUIDE_FOLDER / "index.md"
    if guide_index.is_file():
        linked = re.findall(r"\]\(([\w-]+\.md)\)", guide_index.read_text(encoding="utf-8"))
        orders["guide"] = [f"guide/{name}" for name in dict.fromkeys(linked)]
    return orders
