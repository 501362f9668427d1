"""Render every PDF of the kit.

Per item: its worksheet in each paper size; a tool's fillable worksheet in the kit's
paper; a canvas's posters; a session's meeting packets. For the whole kit: the activity
card deck in each paper size, and the book in the kit's paper.

PDFs are cached by a hash of their HTML, their render options and every print asset,
so unchanged ones are reused. The rest are rendered in parallel, one worker process per
core, each importing WeasyPrint once; the longest documents start first.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
import weakref
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..errors import KitInvalid, Problem
from ..kit import Item, Kit
from ..locale import ui_words
from ..packet import session_packet
from ..paper import PAPERS, papers_in_order
from ..templating import print_environment
from .assets import ASSET_BASE_URL, AssetLookup, KitAssetFetcher, asset_folders
from .book import book_html
from .branding import check_logo
from .cache import cache_folder, cache_key, store
from .cards import card_deck_html
from .documents import packet_html, print_html
from .fields import nest_field_names, slug
from .posters import POSTER_SIZES, poster_html

log = logging.getLogger("mkdocs.plugins.toolkit")

# Every PDF is PDF/UA-1: tagged with its language, title, headings and reading order for
# screen readers. The file identifier is a hash of the content, so two renders of the
# same HTML give the same bytes.
RENDER_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_identifier": True}
# Fillable PDFs embed the whole font their fields use (so any typed letter shows); the
# kit's font covers Latin in about 40 KB, which keeps them small.
FILLABLE_OPTIONS = {**RENDER_OPTIONS, "pdf_forms": True}
# build_pdfs() files the kit-wide PDFs (card deck, book) under this key, not an item id.
KIT_DOCUMENTS = ""


@dataclass(frozen=True)
class PdfJob:
    item_id: str   # the item, or the kit's file name stem for kit-wide PDFs
    variant: str   # 'letter', 'a4', 'fillable-letter', 'poster-a3', ...: the key in catalog.json's `pdfs`
    label: str     # shown on the download button
    source: str    # the YAML file, for error messages
    html: str
    fillable: bool = False
    kit_wide: bool = False  # the card deck and the book: filed under KIT_DOCUMENTS

    @property
    def options(self) -> dict:
        return FILLABLE_OPTIONS if self.fillable else RENDER_OPTIONS


@dataclass(frozen=True)
class RenderedPdf:
    item_id: str
    variant: str
    label: str
    path: Path      # the cached file
    size: int


# Fonts and images loaded for one set of assets, shared by every document rendered with
# it: unpacking the kit's fonts again for each document costs a tenth of a worksheet's
# rendering time, and the output is the same. Keyed by the lookup, so a new build (or
# another kit) never sees fonts or images of an earlier one.
_loaded: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def render_pdf(html: str, lookup: AssetLookup, fillable: bool = False) -> bytes:
    from weasyprint import HTML  # imported here: it takes about half a second
    from weasyprint.text.fonts import FontConfiguration

    if lookup not in _loaded:
        _loaded[lookup] = (FontConfiguration(), {})
    font_config, image_cache = _loaded[lookup]
    document = HTML(string=html, base_url=ASSET_BASE_URL, url_fetcher=KitAssetFetcher(lookup))
    options = FILLABLE_OPTIONS if fillable else RENDER_OPTIONS
    return document.write_pdf(font_config=font_config, cache=image_cache,
                              finisher=nest_field_names if fillable else None, **options)


def kit_file_stem(kit: Kit) -> str:
    """The kit's name as a file name, e.g. 'partnership-toolkit' for the book and card deck."""
    return slug(kit.settings.name)


def pdf_jobs(kit: Kit, page_urls: dict[str, str]) -> list[PdfJob]:
    env = print_environment(kit.root)
    words = ui_words(kit.settings.language)
    jobs = [job for item in sorted(kit.items.values(), key=lambda i: i.id)
            for job in _item_jobs(env, kit, words, item, page_urls[item.id])]
    jobs.extend(_kit_jobs(env, kit, words, page_urls))
    _check_unique_file_names(jobs)
    return jobs


def _item_jobs(env, kit: Kit, words: dict, item: Item, url: str) -> list[PdfJob]:
    source = item.source.shown_as
    jobs = [PdfJob(item.id, paper.variant, words[paper.words_key], source, print_html(env, kit, item, paper, url))
            for paper in papers_in_order(kit.settings.paper)]
    if not item.is_session:
        # One fillable copy, in the kit's paper: it is filled in on screen, then printed.
        paper = PAPERS[kit.settings.paper]
        jobs.append(PdfJob(item.id, f"fillable-{paper.variant}",
                           words["paper_fillable"].format(label=words[paper.words_key]), source,
                           print_html(env, kit, item, paper, url, fillable=True), fillable=True))
    if item.type.name == "canvas":
        jobs.extend(PdfJob(item.id, f"poster-{size.variant}", words["poster_download"].format(size=words[size.words_key]),
                           source, poster_html(env, kit, item, size, url)) for size in POSTER_SIZES)
    if item.is_session:
        packet = session_packet(kit, item)
        jobs.extend(PdfJob(item.id, f"packet-{paper.variant}",
                           words["packet_download"].format(label=words[paper.words_key]), source,
                           packet_html(env, kit, packet, paper, url)) for paper in papers_in_order(kit.settings.paper))
    return jobs


def _kit_jobs(env, kit: Kit, words: dict, page_urls: dict[str, str]) -> list[PdfJob]:
    """The card deck in each paper size, and the book in the kit's paper."""
    stem, jobs = kit_file_stem(kit), []
    if kit.of_type("activity"):
        jobs.extend(PdfJob(stem, f"cards-{paper.variant}", words["cards_download"].format(label=words[paper.words_key]),
                           "toolkit/activities", card_deck_html(env, kit, paper, page_urls), kit_wide=True)
                    for paper in papers_in_order(kit.settings.paper))
    if kit.items:
        # The book is long (a third of all rendering time): one copy, in the kit's paper.
        paper = PAPERS[kit.settings.paper]
        jobs.append(PdfJob(stem, f"book-{paper.variant}", words["book_download"].format(label=words[paper.words_key]),
                           "kit.yml", book_html(env, kit, paper), kit_wide=True))
    return jobs


def _check_unique_file_names(jobs: list[PdfJob]) -> None:
    """Each PDF becomes pdf/<id>-<variant>.pdf: two jobs with one name would overwrite each other."""
    seen: dict[str, PdfJob] = {}
    for job in jobs:
        name = f"{job.item_id}-{job.variant}.pdf"
        if name in seen:
            raise KitInvalid([Problem(job.source, 0, 0, "", f"its PDF would be named {name}, like a PDF of "
                                      f"{seen[name].source}. Rename one of the files, or change the kit's "
                                      "name in kit.yml.")])
        seen[name] = job


def build_pdfs(kit: Kit, page_urls: dict[str, str]) -> dict[str, list[RenderedPdf]]:
    """Every item's PDFs, keyed by item id; the card deck and the book under KIT_DOCUMENTS."""
    started = time.monotonic()
    check_logo(kit)
    lookup = AssetLookup(asset_folders(kit.root))
    fingerprint = lookup.fingerprint()
    folder = cache_folder(kit.root)
    jobs = pdf_jobs(kit, page_urls)
    keys = [cache_key(job.html, fingerprint, job.options) for job in jobs]
    missing = {key: job for job, key in zip(jobs, keys) if not (folder / f"{key}.pdf").is_file()}
    for key, pdf in zip(missing, render_many(list(missing.values()), lookup)):
        store(folder, key, pdf)
    results: dict[str, list[RenderedPdf]] = {}
    for job, key in zip(jobs, keys):
        path = folder / f"{key}.pdf"
        filed_under = KIT_DOCUMENTS if job.kit_wide else job.item_id
        results.setdefault(filed_under, []).append(
            RenderedPdf(job.item_id, job.variant, job.label, path, path.stat().st_size))
    log.info("PDFs: %d rendered, %d from cache, of %d, in %.1f s",
             len(missing), len(jobs) - len(missing), len(jobs), time.monotonic() - started)
    return results


def render_many(jobs: list[PdfJob], lookup: AssetLookup) -> list[bytes]:
    """Render in parallel across cores; a single document is rendered here, without a pool."""
    tasks = [(job.html, job.fillable) for job in jobs]
    if len(tasks) <= 1:
        outcomes = [_render_or_error(html, lookup, fillable) for html, fillable in tasks]
    else:
        # Longest first (the book, packets), so no core sits idle while one finishes a long one.
        order = sorted(range(len(tasks)), key=lambda i: -len(tasks[i][0]))
        workers = min(os.cpu_count() or 1, len(tasks))
        context = multiprocessing.get_context("spawn")  # safe under `mkdocs serve`'s threads
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                                 initargs=([str(f) for f in lookup.folders],)) as pool:
            rendered = list(pool.map(_render_in_worker, [tasks[i] for i in order]))
        outcomes = [None] * len(tasks)
        for position, index in enumerate(order):
            outcomes[index] = rendered[position]
    failures = [Problem(job.source, 0, 0, "", f"the {job.variant} PDF could not be made ({outcome}). "
                        "If you changed a print template or stylesheet in overrides/, undo that change; "
                        "otherwise report this with the file attached.")
                for job, outcome in zip(jobs, outcomes) if isinstance(outcome, str)]
    if failures:
        raise KitInvalid(failures)
    return outcomes


def _render_or_error(html: str, lookup: AssetLookup, fillable: bool) -> bytes | str:
    try:
        return render_pdf(html, lookup, fillable)
    except Exception as error:  # WeasyPrint raises many kinds; the caller reports them per file
        return f"{type(error).__name__}: {error}"
    except BaseException as error:  # WeasyPrint's FatalURLFetchingError derives from BaseException
        if isinstance(error, (KeyboardInterrupt, SystemExit)):
            raise
        return f"{type(error).__name__}: {error}"


_worker_lookup: AssetLookup | None = None


def _start_worker(folders: list[str]) -> None:
    global _worker_lookup
    import weasyprint  # noqa: F401  (import once per worker, not once per document)

    _worker_lookup = AssetLookup([Path(f) for f in folders])


def _render_in_worker(task: tuple[str, bool]) -> bytes | str:
    html, fillable = task
    return _render_or_error(html, _worker_lookup, fillable)
