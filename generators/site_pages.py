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


def render_catalog_page(env: jinja2.Environment, kit: Kit, entries: list[dict], href, planner_href: str,
                        site_href: Callable[[str], str] | None = None) -> str:
    """The catalog: every card is in the HTML, so the whole list shows without JavaScript.

    `href(entry)` gives the URL of an entry's page relative to the catalog page, `planner_href` the
    planner's (for the cards' "Add to my meeting" and "Copy into my meeting"). The cards
    and filters are HTML (a Markdown page cannot carry data attributes on list items),
    rendered by an autoescaping environment that shares the site templates' loader. `site_href(path)`
    gives the URL of a file of the site (a sheet's picture) relative to the catalog page.
    """
    html_env = env.overlay(finalize=None)
    context = _context(kit, CATALOG_PATH)
    vocab = kit.vocabulary
    filters = [(FILTER_PARAMETERS[kind], context["t"][kind], getattr(vocab, kind)) for kind in FILTER_PARAMETERS]
    cards = Markup(html_env.get_template("catalog.html.j2").render(
        **context, types=in_site_order(), filters=filters, time_choices=TIME_CHOICES,
        entries=[e for _, group in by_type(entries) for e in group], href=href, planner_href=planner_href,
        site_href=site_href,
    ))
    return env.get_template("catalog.md.j2").render(**context, cards=cards, total=len(entries))


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
