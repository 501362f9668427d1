"""HTML to PDF with WeasyPrint: one document here, or many at once across all cores.

A `Renderer` renders only what its cache lacks. Its pool (one worker process per core,
each importing WeasyPrint once) starts at the first need and serves every later round of
the same build: the kit-wide documents need a second round once their pieces exist. Inside
`workers_kept()`, the pool outlives the Renderer and serves the next one: a kit published in
two languages starts its workers once, not once per language.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
import weakref
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import KitInvalid, Problem
from .assets import ASSET_BASE_URL, AssetLookup, KitAssetFetcher
from .cache import cache_key, is_intact, store
from .accessibility import fillable_finisher, tagged_finisher

log = logging.getLogger("mkdocs.plugins.toolkit")
PROGRESS_EVERY = 15  # seconds between progress lines while PDFs render
TASKS_PER_WORKER = 250

# Every PDF is PDF/UA-1: tagged with its language, title, headings and reading order for
# screen readers. The file identifier is a hash of the content, so two renders of the
# same HTML give the same bytes.
RENDER_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_identifier": True}
# Fillable PDFs embed the whole font their fields use (so any typed letter shows); the
# kit's font covers Latin in about 40 KB, which keeps them small.
FILLABLE_OPTIONS = {**RENDER_OPTIONS, "pdf_forms": True}
# Page furniture laid over a joined document (the book's page numbers): not tagged, as
# the joined document marks all of it as an artifact.
OVERLAY_OPTIONS = {"pdf_identifier": True}
OPTIONS = {"tagged": RENDER_OPTIONS, "fillable": FILLABLE_OPTIONS, "overlay": OVERLAY_OPTIONS}
# What each kind of PDF needs done after WeasyPrint and before writing (see accessibility.py).
FINISHERS = {"tagged": tagged_finisher, "fillable": fillable_finisher, "overlay": None}


@dataclass(frozen=True)
class PdfJob:
    item_id: str   # the item, or the kit's file name stem for kit-wide PDFs
    variant: str   # 'letter', 'a4', 'fillable-letter', 'poster-a3', ...: the key in catalog.json's `pdfs`
    label: str     # shown on the download button
    source: str    # the YAML file, for error messages
    html: str
    kind: str = "tagged"  # a key of OPTIONS
    # Rendered without "page X of Y": the language of the numbers laid over it afterwards (numbering.py).
    numbered_in: str = ""

    @property
    def options(self) -> dict:
        return OPTIONS[self.kind]


# Fonts and images loaded for one set of assets, shared by every document rendered with
# it: unpacking the kit's fonts again for each document costs a tenth of a worksheet's
# rendering time, and the output is the same. Keyed by the lookup, so a new build (or
# another kit) never sees fonts or images of an earlier one.
_loaded: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def render_pdf(html: str, lookup: AssetLookup, kind: str = "tagged") -> bytes:
    from weasyprint import HTML  # imported here: it takes about half a second
    from weasyprint.text.fonts import FontConfiguration

    if lookup not in _loaded:
        _loaded[lookup] = (FontConfiguration(), {})
    font_config, image_cache = _loaded[lookup]
    document = HTML(string=html, base_url=ASSET_BASE_URL, url_fetcher=KitAssetFetcher(lookup))
    return document.write_pdf(font_config=font_config, cache=image_cache,
                              finisher=FINISHERS[kind], **OPTIONS[kind])


# Pools left running for the next Renderer, by what their workers were started with; per
# thread, as the live preview renders in a thread of its own.
_kept = threading.local()


@contextmanager
def workers_kept():
    """Within this, a Renderer that ends leaves its worker processes running for the next one
    with the same assets, which saves starting them again (about two seconds on two cores)."""
    if getattr(_kept, "pools", None) is not None:
        yield
        return
    _kept.pools = {}
    try:
        yield
    finally:
        pools, _kept.pools = _kept.pools, None
        for pool, _ in pools.values():
            pool.shutdown()


class Renderer:
    """Renders jobs into the PDF cache, skipping those already there; counts both."""

    def __init__(self, lookup: AssetLookup, cache: Path, *, low_priority: bool = False):
        self.lookup, self.cache = lookup, cache
        self.low_priority = low_priority
        self.fingerprint = lookup.fingerprint()
        self.rendered = self.reused = 0
        self.used: set[Path] = set()
        self._pool: ProcessPoolExecutor | None = None
        self._pool_tasks = 0  # documents the current pool has rendered
        self._keys: dict[PdfJob, str] = {}
        self._checked: set[Path] = set()  # cached PDFs whose bytes were verified in this build

    def __enter__(self) -> Renderer:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if exc_type is None:
            self.stop_workers()
        else:
            self.kill_workers()

    def stop_workers(self) -> None:
        """End the worker processes (and free their memory), or inside workers_kept(), leave them
        for the next Renderer; a later render starts new ones."""
        kept = getattr(_kept, "pools", None)
        if self._pool is not None and kept is not None and self._pool_key not in kept:
            kept[self._pool_key] = (self._pool, self._pool_tasks)
            self._pool = None
        self._recycle_workers()

    def _recycle_workers(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def kill_workers(self) -> None:
        """Stop at once (an interrupt, a failure): PDFs still rendering would be thrown away,
        and waiting for them made Ctrl-C take as long as the longest document."""
        if self._pool is None:
            return
        # The executor has no public way to stop running tasks; its processes are ours to end.
        results = self._pool._result_queue
        for process in list((self._pool._processes or {}).values()):
            process.terminate()
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = None
        # A worker ended while sending a PDF leaves half a message in the results pipe, and the
        # executor's thread would wait for the rest forever (so would Python at exit, joining it).
        # With our end of the pipe closed too, no writer is left: it reads the end, and stops.
        if results is not None:
            results._writer.close()

    def key(self, job: PdfJob) -> str:
        """The job's cache key, hashed once per build however often it is asked for."""
        if job not in self._keys:
            self._keys[job] = cache_key(job.html, self.fingerprint, job.options)
        return self._keys[job]

    def cached_path(self, job: PdfJob) -> Path:
        """Where the job's PDF is (or will be) in the cache."""
        return self.cache / f"{self.key(job)}.pdf"

    def paths(self, jobs: list[PdfJob]) -> list[Path]:
        """Each job's PDF in the cache, rendering the missing ones in parallel.

        Each PDF is stored as soon as it is rendered, so a long build holds few in memory
        and an interrupted one keeps what it finished; a line of progress is logged every
        PROGRESS_EVERY seconds.
        """
        paths = [self.cached_path(job) for job in jobs]
        missing = {path: job for path, job in zip(paths, jobs) if not self._usable(path)}  # equal jobs: once
        targets, todo = list(missing), list(missing.values())
        started = last_report = time.monotonic()
        failures = []
        for done, (index, outcome) in enumerate(self._outcomes(todo), start=1):
            if isinstance(outcome, str):
                failures.append(_failure(todo[index], outcome))
            else:
                store(targets[index].parent, targets[index].stem, outcome)
            if time.monotonic() - last_report >= PROGRESS_EVERY:
                last_report = time.monotonic()
                log.info("PDFs: %d of %d rendered so far, %.0f s", done, len(missing), last_report - started)
        if failures:
            raise KitInvalid(failures)
        # Counted once each: a render several documents share (a worksheet and the book's piece
        # of it), or one an earlier round of this build made, is not taken "from the cache".
        self.rendered += len(missing)
        self.reused += len([path for path in dict.fromkeys(paths) if path not in missing and path not in self.used])
        self.used.update(paths)
        return paths

    def _usable(self, path: Path) -> bool:
        """The cached PDF can be served; a damaged one is noted and rendered again."""
        if path in self._checked:
            return True
        if not path.is_file():
            return False
        if not is_intact(path):
            log.warning("A cached PDF was damaged (%s); it is rendered again.", path.name)
            return False
        self._checked.add(path)
        return True

    def _outcomes(self, jobs: list[PdfJob]) -> Iterator[tuple[int, bytes | str]]:
        """(index of the job, its PDF or a message saying why it failed), as each finishes."""
        tasks = [(job.html, job.kind) for job in jobs]
        if len(tasks) <= 1 and self._running_pool() is None:
            yield from ((index, _render_or_error(html, self.lookup, kind)) for index, (html, kind) in enumerate(tasks))
            return
        # Longest first (packets, long sections), so no core idles at the end while one
        # finishes a long document.
        order = sorted(range(len(tasks)), key=lambda i: -len(tasks[i][0]))
        per_pool = TASKS_PER_WORKER * (os.cpu_count() or 1)
        for start in range(0, len(order), per_pool):
            pool = self._workers()
            futures = {pool.submit(_render_in_worker, tasks[index]): index for index in order[start:start + per_pool]}
            for future in as_completed(futures):
                yield futures.pop(future), future.result()
            self._pool_tasks += len(order[start:start + per_pool])
            if self._pool_tasks >= per_pool:
                # A worker's memory grows with every document it renders (WeasyPrint's
                # caches): fresh workers take over, at the cost of one import each.
                self._recycle_workers()

    def map_in_workers(self, function, items: list) -> list:
        """`function` of each item, in order: in the worker processes, side by side, when they are
        running and there is more than one item; here otherwise (starting workers would cost more).
        `function` must be a module's own function, so a worker can import it."""
        if self._running_pool() is None or len(items) < 2:
            return [function(item) for item in items]
        return list(self._pool.map(function, items))

    @property
    def _pool_key(self) -> tuple:
        return tuple(str(f) for f in self.lookup.folders), self.low_priority

    def _running_pool(self) -> ProcessPoolExecutor | None:
        """The workers, if they are running: this Renderer's own, or a pool kept for it."""
        kept = getattr(_kept, "pools", None)
        if self._pool is None and kept and self._pool_key in kept:
            self._pool, self._pool_tasks = kept.pop(self._pool_key)
        return self._pool

    def _workers(self) -> ProcessPoolExecutor:
        if self._running_pool() is None:
            context = multiprocessing.get_context("spawn")  # safe under `mkdocs serve`'s threads
            self._pool = ProcessPoolExecutor(os.cpu_count() or 1, mp_context=context, initializer=_start_worker,
                                             initargs=([str(f) for f in self.lookup.folders], self.low_priority))
            self._pool_tasks = 0
        return self._pool


def _failure(job: PdfJob, message: str) -> Problem:
    return Problem(job.source, 0, 0, "", f"the {job.variant} PDF could not be made ({message}). "
                   "If you changed a print template or stylesheet in overrides/, undo that change; "
                   "otherwise report this with the file attached.")


def _render_or_error(html: str, lookup: AssetLookup, kind: str) -> bytes | str:
    try:
        return render_pdf(html, lookup, kind)
    except Exception as error:  # WeasyPrint raises many kinds; the caller reports them per file
        return f"{type(error).__name__}: {error}"
    except BaseException as error:  # WeasyPrint's FatalURLFetchingError derives from BaseException
        if isinstance(error, (KeyboardInterrupt, SystemExit)):
            raise
        return f"{type(error).__name__}: {error}"


_worker_lookup: AssetLookup | None = None


def _start_worker(folders: list[str], low_priority: bool = False) -> None:
    global _worker_lookup
    _end_with_parent()
    if low_priority and hasattr(os, "nice"):
        os.nice(10)
    # Ctrl-C reaches every process of the terminal; the parent ends the workers itself,
    # so they do not each print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import weasyprint  # noqa: F401  (import once per worker, not once per document)

    _worker_lookup = AssetLookup([Path(f) for f in folders])


_PR_SET_PDEATHSIG = 1  # Linux prctl option: a signal for this process when its parent ends


def _end_with_parent() -> None:
    """A worker whose parent was killed outright (SIGKILL, or a preview server stopped with
    SIGTERM) would otherwise wait for work forever. Linux only; elsewhere nothing changes."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def _render_in_worker(task: tuple[str, str]) -> bytes | str:
    html, kind = task
    return _render_or_error(html, _worker_lookup, kind)
