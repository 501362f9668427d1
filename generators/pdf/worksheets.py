"""Every PDF of the kit, rendered or taken from the cache.

Per item: its worksheet in each paper size and, as its type's entry in content_types.py
says, a fillable worksheet in the kit's paper (tools), posters (canvases) and meeting
packets (sessions: packets.py). For the whole kit: the activity card deck in each paper size,
and the book in the kit's paper (kit_documents.py). Packets, decks and the book are joined from
pieces (joined.py); a worksheet's piece is its own PDF before its page numbers are laid over.

PDFs are cached by a hash of their HTML, their render options and every print asset,
so unchanged ones are reused (cache.py); the rest are rendered in parallel across all
cores (rendering.py).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import KitInvalid, Problem
from ..kit import Item, Kit
from ..languages import printing_kit, published_languages
from ..locale import ui_words
from ..packet import session_packet
from ..paper import PAPERS, papers_in_order
from ..templating import print_environment
from .assets import AssetLookup, asset_folders
from .branding import check_logo
from .cache import cache_folder, prune
from .coverage import check_font_coverage
from .documents import print_html
from .fields import slug
from .joined import JoinedDocument, build_joined, start_fronts_early
from .kit_documents import kit_documents
from .numbering import numbered_paths
from .packets import packet_document
from .posters import POSTER_SIZES, poster_html
from .renderer import Renderer
from .rendering import PdfJob

log = logging.getLogger("mkdocs.plugins.toolkit")

# build_pdfs() files the kit-wide PDFs (card decks, book) under this key, not an item id: a joined
# document's `filed_under` when it belongs to no item.
KIT_DOCUMENTS = ""


@dataclass(frozen=True)
class RenderedPdf:
    item_id: str
    variant: str
    label: str
    path: Path      # the cached file
    size: int

    @property
    def site_path(self) -> str:
        return pdf_site_path(self.item_id, self.variant)


def pdf_site_path(item_id: str, variant: str) -> str:
    """Where a PDF is published in the site: the one rule for its name."""
    return f"pdf/{item_id}-{variant}.pdf"


def kit_file_stem(kit: Kit) -> str:
    """The kit's name as a file name, e.g. 'partnership-toolkit' for the book and card deck."""
    return slug(kit.settings.name)


def pdf_jobs(kit: Kit, page_urls: dict[str, str]) -> list[PdfJob]:
    """Every item's PDFs but its packets (those and the kit-wide ones are joined from pieces)."""
    env = print_environment(kit.root)
    jobs = []
    for item in sorted(kit.items.values(), key=lambda i: i.id):
        own_kit = printing_kit(kit, item.id)
        jobs.extend(_item_jobs(env, own_kit, ui_words(own_kit.settings.language), own_kit.items[item.id],
                               page_urls[item.id]))
    return jobs


def packet_documents(env, kit: Kit, page_urls: dict[str, str]) -> list[JoinedDocument]:
    """Each session's meeting packet in each paper (packets.py)."""
    documents = []
    for item in sorted(kit.items.values(), key=lambda i: i.id):
        if not item.type.packets:
            continue
        own_kit = printing_kit(kit, item.id)
        words = ui_words(own_kit.settings.language)
        packet = session_packet(own_kit, own_kit.items[item.id])
        documents.extend(packet_document(env, own_kit, packet, paper, page_urls[item.id], page_urls, stem=item.id,
                                         label=words["packet_download"].format(label=words[paper.words_key]),
                                         source=item.source.shown_as, filed_under=item.id)
                         for paper in papers_in_order(own_kit.settings.paper))
    return documents


def _item_jobs(env, kit: Kit, words: dict, item: Item, url: str) -> list[PdfJob]:
    source = item.source.shown_as
    # Rendered without page numbers, which are laid over afterwards (numbering.py): the same
    # render is then a piece of the book too.
    jobs = [PdfJob(item.id, paper.variant, words[paper.words_key], source,
                   print_html(env, kit, item, paper, url, unnumbered=True), numbered_in=kit.settings.language)
            for paper in papers_in_order(kit.settings.paper)]
    if item.type.fillable:
        # One fillable copy, in the kit's paper: it is filled in on screen, then printed.
        paper = PAPERS[kit.settings.paper]
        jobs.append(PdfJob(item.id, f"fillable-{paper.variant}",
                           words["paper_fillable"].format(label=words[paper.words_key]), source,
                           print_html(env, kit, item, paper, url, fillable=True), "fillable"))
    if item.type.posters:
        jobs.extend(PdfJob(item.id, f"poster-{size.variant}", words["poster_download"].format(size=words[size.words_key]),
                           source, poster_html(env, kit, item, size, url)) for size in POSTER_SIZES)
    return jobs


def _check_unique_file_names(jobs: list[PdfJob]) -> None:
    """Two jobs published under one name would overwrite each other."""
    seen: dict[str, PdfJob] = {}
    for job in jobs:
        name = pdf_site_path(job.item_id, job.variant)
        if name in seen:
            raise KitInvalid([Problem(job.source, 0, 0, "", f"its PDF would be named {name}, like a PDF of "
                                      f"{seen[name].source}. Rename one of the files, or change the kit's "
                                      "name in kit.yml.")])
        seen[name] = job


def build_pdfs(kit: Kit, page_urls: dict[str, str], *, low_priority: bool = False) -> dict[str, list[RenderedPdf]]:
    """Every item's PDFs, keyed by item id; the card decks and the book under KIT_DOCUMENTS.
    `low_priority`: the workers yield the processor to anything else (the live preview's pages)."""
    started = time.monotonic()
    check_logo(kit)
    check_font_coverage(kit)  # before rendering: a character no font has would print as an empty box
    env = print_environment(kit.root)
    jobs = pdf_jobs(kit, page_urls)
    documents = [*packet_documents(env, kit, page_urls), *kit_documents(env, kit, page_urls, kit_file_stem(kit))]
    _check_unique_file_names([*jobs, *(document.job("") for document in documents)])
    folder = cache_folder(kit.root)
    results: dict[str, list[RenderedPdf]] = {}
    # The languages render side by side (generate.py): each line says which one it is about.
    which = f" ({kit.settings.language})" if len(published_languages(kit)) > 1 else ""
    with Renderer(AssetLookup(asset_folders(kit.root)), folder, low_priority=low_priority, label=which) as renderer:
        # The fronts of joined documents the cache lacks, guessed from their last layout, start
        # first; then one parallel round for every worksheet and every piece of the kit-wide PDFs.
        targets = start_fronts_early(env, kit, documents, renderer)
        paths = renderer.paths([*jobs, *(piece for document in documents for piece in document.pieces)])
        numbered = numbered_paths(env, kit, {job: path for job, path in zip(jobs, paths) if job.numbered_in},
                                  renderer)
        paths = [numbered.get(job, path) for job, path in zip(jobs, paths)]
        for job, path in zip(jobs, paths):
            results.setdefault(job.item_id, []).append(
                RenderedPdf(job.item_id, job.variant, job.label, path, path.stat().st_size))
        for document, path in zip(documents, build_joined(env, kit, documents, renderer, targets)):
            results.setdefault(document.filed_under, []).append(
                RenderedPdf(document.stem, document.variant, document.label, path, path.stat().st_size))
    prune(folder, renderer.used)
    log.info("PDFs: %d rendered, %d from cache, of %d, in %.1f s%s", renderer.rendered, renderer.reused,
             renderer.rendered + renderer.reused, time.monotonic() - started, which)
    return results
