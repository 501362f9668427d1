"""Markdown for the site: item pages, index pages per type, phase and bucket pages, the catalog, the home page.

Pages that list tools read the catalog entries (generators/catalog.py), so the catalog
page, its filters, the index pages and catalog.json always agree.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from .content_types import BY_NAME, ContentType, in_site_order
from .kit import Item, Kit
from .locale import ui_words
from .paper import papers_in_order
from .plain_words import sheet_glossary

if TYPE_CHECKING:
    from .pdf.previews import SheetPreview

HOME_PATH = "index.md"
CATALOG_PATH = "catalog.md"
PLANNER_PATH = "my-meeting.md"
# The planner's ready-made free items, with the minutes each starts with.
FREE_ITEMS = (("welcome", 10), ("meal", 30), ("break", 15), ("closing", 10), ("other", 15))
# Interface words the planner's script needs besides its own planner_* words.
PLANNER_SCRIPT_WORDS = ("agenda_time", "agenda_item", "agenda_minutes", "short_version")
# The types in the order the site lists them, for the navigation (site_files.py reads it once,
# when imported); the pages call in_site_order(), which also sees a type added since.
SITE_ORDER = in_site_order()
# Vocabularies with a page per term; each is also a catalog filter.
TERM_KINDS = ("phases", "buckets")
# Catalog filters: the URL parameter of each vocabulary, as in ?phase=link&bucket=advancing-equity
FILTER_PARAMETERS = {"phases": "phase", "buckets": "bucket", "sectors": "sector"}
# "Time you have" choices in the catalog, in minutes.
TIME_CHOICES = (15, 30, 45, 60, 90, 120, 180)


@dataclass(frozen=True)
class Download:
    label: str
    path: str   # relative to the site root, e.g. 'pdf/stakeholder-map-letter.pdf'
    size: str


def page_path(item: Item) -> str:
    """Source path of an item's page, as MkDocs sees it."""
    return f"{item.type.plural}/{item.id}.md"


def index_path(ctype: ContentType) -> str:
    return f"{ctype.plural}/index.md"


def term_path(kind: str, term_id: str) -> str:
    return f"{kind}/{term_id}.md"


def term_index_path(kind: str) -> str:
    return f"{kind}/index.md"


def relative_link(from_page: str, to_page: str) -> Markup:
    """A Markdown link target from one source page to another; MkDocs turns it into the right URL."""
    return Markup(posixpath.relpath(to_page, posixpath.dirname(from_page) or "."))


def edit_url(kit: Kit, item: Item) -> Markup | None:
    """Where the item's YAML file is edited in the kit's repository, or None when no repository is set."""
    repository = kit.settings.repository_url
    if not repository:
        return None
    source = item.source.shown_as
    if kit.source_kit is not None and item.id not in kit.untranslated:
        # A translated page is edited in its translation: data-walk.es.yml beside data-walk.yml.
        source = source.removesuffix(".yml") + f".{kit.settings.language}.yml"
    # Percent-encode everything Markdown could read as syntax ('(', ')', spaces, '<').
    url = f"{repository.rstrip('/')}/edit/main/{source}"
    return Markup(quote(url, safe=":/?#@!$&'*+,;=%~"))


def _context(kit: Kit, page: str) -> dict:
    vocab = kit.vocabulary
    words = ui_words(kit.settings.language)
    return {
        "kit": kit,
        "t": words,
        "type_label": lambda type_name: BY_NAME[type_name].label(words),
        "label": lambda kind, term_id: vocab.label(kind, term_id),
        "link": lambda target: relative_link(page, page_path(target)),
        "term_link": lambda kind, term_id: relative_link(page, term_path(kind, term_id)),
        "link_to": lambda source_path: relative_link(page, source_path),
        "raw": Markup,
        "words_on_sheet": lambda tool, index=0: sheet_glossary(tool, vocab.glossary, index),
    }


def render_item_page(env: jinja2.Environment, kit: Kit, item: Item, downloads: list[Download],
                     previews: Sequence[SheetPreview] = ()) -> str:
    """`previews`: pictures of its participant sheets' first pages, each shown linked to its PDF."""
    template = env.get_template(f"{item.type.name}.md.j2")
    page = page_path(item)
    return template.render(
        **_context(kit, page), **item.content.page_context(kit), item=item, tool=item.content,
        edit_url=edit_url(kit, item),
        downloads=[(d, relative_link(page, d.path)) for d in downloads],
        previews=[(p, relative_link(page, p.large.site_path), relative_link(page, p.pdf)) for p in previews],
    )


def render_index_page(env: jinja2.Environment, kit: Kit, ctype: ContentType) -> str:
    template = env.get_template("index.md.j2")
    return template.render(**_context(kit, index_path(ctype)), ctype=ctype, items=kit.of_type(ctype.name),
                           page_link=lambda item: Markup(f"{item.id}.md"))


def by_type(entries: list[dict]) -> list[tuple[ContentType, list[dict]]]:
    """Catalog entries grouped by content type in site order, each group sorted by title."""
    groups = []
    for ctype in in_site_order():
        group = sorted((e for e in entries if e["type"] == ctype.name), key=lambda e: e["title"].lower())
        if group:
            groups.append((ctype, group))
    return groups


def _entry_page(entry: dict) -> str:
    return f"{BY_NAME[entry['type']].plural}/{entry['id']}.md"


def render_term_index(env: jinja2.Environment, kit: Kit, kind: str, entries: list[dict]) -> str:
    page = term_index_path(kind)
    terms = [(term, [e for e in entries if term.id in e[kind]]) for term in getattr(kit.vocabulary, kind)]
    return env.get_template("terms.md.j2").render(**_context(kit, page), kind=kind, terms=terms)


def render_term_page(env: jinja2.Environment, kit: Kit, kind: str, term, entries: list[dict]) -> str:
    page = term_path(kind, term.id)
    listed = [e for e in entries if term.id in e[kind]]
    return env.get_template("term.md.j2").render(
        **_context(kit, page), kind=kind, term=term, groups=by_type(listed),
        entry_link=lambda entry: relative_link(page, _entry_page(entry)),
        catalog_query=Markup(f"{FILTER_PARAMETERS[kind]}={term.id}"),
    )


CARDS_SCRIPT = "catalog/cards.js"


@dataclass(frozen=True)
class CatalogLinks:
    """Addresses as seen from one page of the catalog. `relative(address)` gives an address of the
    site (catalog.json's `page`, a picture's path) relative to that page; `page_urls` holds the
    address of each catalog page, by its Markdown path."""
    relative: Callable[[str], str]
    planner_url: str
    page_urls: dict[str, str]

    def href(self, entry: dict) -> str:
        return self.relative(entry["page"])

    def site_href(self, path: str) -> str:
        return self.relative(path)

    def page_href(self, page: CatalogPage) -> str:
        return self.relative(self.page_urls[page.path])

    @property
    def planner_href(self) -> str:
        return self.relative(self.planner_url)

    @property
    def cards_script(self) -> str:
        return self.relative(CARDS_SCRIPT)


@dataclass(frozen=True)
class CatalogPage:
    """One page of the catalog: where it is, and which of the catalog's cards it holds."""
    number: int
    path: str           # its Markdown file: catalog.md, then catalog/2.md, catalog/3.md...
    entries: list[dict]
    first: int          # the number of its first card, counting from 1

    @property
    def label(self) -> str:
        last = self.first + len(self.entries) - 1
        return f"{self.first}–{last}" if last > self.first else str(self.first)


def catalog_pages(kit: Kit, entries: list[dict]) -> list[CatalogPage]:
    """The catalog's cards, in the site's order, in pages of kit.yml's catalog_page_size (one page
    for a kit that small)."""
    ordered = [entry for _, group in by_type(entries) for entry in group]
    size = kit.settings.catalog_page_size
    return [CatalogPage(number, CATALOG_PATH if number == 1 else f"catalog/{number}.md", ordered[start:start + size],
                        start + 1)
            for number, start in enumerate(range(0, max(len(ordered), 1), size), start=1)]


def render_catalog_page(env: jinja2.Environment, kit: Kit, page: CatalogPage, pages: list[CatalogPage], total: int,
                        links: CatalogLinks) -> str:
    """A page of the catalog: its cards are in the HTML, so the list shows without JavaScript, and
    a catalog in pages links every page from each.

    The cards and filters are HTML (a Markdown page cannot carry data attributes on list items),
    rendered by an autoescaping environment that shares the site templates' loader.
    """
    html_env = env.overlay(finalize=None)
    context = _context(kit, page.path)
    cards = Markup(html_env.get_template("catalog.html.j2").render(
        **context, **_catalog_context(kit, context), entries=page.entries, total=total, page_range=page.label,
        pages=[{"label": other.label, "href": links.page_href(other), "current": other is page} for other in pages],
        href=links.href, planner_href=links.planner_href, site_href=links.site_href,
        cards_script=links.cards_script if len(pages) > 1 else "", first_page=links.page_href(pages[0])))
    return env.get_template("catalog.md.j2").render(**context, cards=cards, total=total)


def render_catalog_cards_script(env: jinja2.Environment, kit: Kit, entries: list[dict], links: CatalogLinks) -> str:
    """catalog/cards.js: every card, with addresses relative to the catalog's first page, as a script
    that sets `window.__toolkitCatalogCards` (a script, not JSON, so a plain-folder copy can load it)."""
    html_env = env.overlay(finalize=None)
    context = _context(kit, CATALOG_PATH)
    html = html_env.get_template("catalog_cards.html.j2").render(
        **context, **_catalog_context(kit, context), entries=entries, href=links.href,
        planner_href=links.planner_href, site_href=links.site_href)
    # '<' written as an escape, so no card can end a script element early.
    return "window.__toolkitCatalogCards = " + json.dumps(html, ensure_ascii=False).replace("<", "\\u003c") + ";\n"


def _catalog_context(kit: Kit, context: dict) -> dict:
    vocab = kit.vocabulary
    filters = [(FILTER_PARAMETERS[kind], context["t"][kind], getattr(vocab, kind)) for kind in FILTER_PARAMETERS]
    return {"types": in_site_order(), "filters": filters, "time_choices": TIME_CHOICES}


def render_planner_page(env: jinja2.Environment, kit: Kit, root: str) -> str:
    """The meeting planner: its controls as HTML (with their labels), and the words its script shows.
    `root`: the site's root as seen from the planner's page ('../' or ''), so the page works from any
    sub-path or folder."""
    words = ui_words(kit.settings.language)
    script_words = {key: value for key, value in words.items()
                    if key.startswith(("planner_", "type_")) or key in PLANNER_SCRIPT_WORDS}
    # '<' written as an escape, so no word can end the script element early.
    words_json = json.dumps(script_words, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return env.overlay(finalize=None).get_template("planner.md.j2").render(
        **_context(kit, PLANNER_PATH), catalog_url=f"{root}catalog.json", catalog_script_url=f"{root}catalog.js",
        root_url=root or "./", papers=papers_in_order(kit.settings.paper), free_items=FREE_ITEMS,
        words_json=Markup(words_json))


def render_home_page(env: jinja2.Environment, kit: Kit, entries: list[dict], guide_pages: set[str]) -> str:
    vocab = kit.vocabulary
    # A language may have the page's sentences in its own template: home.es.md.j2.
    return env.select_template([f"home.{kit.settings.language}.md.j2", "home.md.j2"]).render(
        **_context(kit, HOME_PATH), groups=by_type(entries), total=len(entries), guide=guide_pages,
        has_term=lambda kind, term_id: any(t.id == term_id for t in getattr(vocab, kind)),
        count=lambda kind, term_id: sum(term_id in e[kind] for e in entries),
    )
