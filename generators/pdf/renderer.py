"""Many PDFs at once: a Renderer renders only what the PDF cache lacks, across all cores.

The documents go to worker processes (workers.py): the Renderer's own, started at its first
need and serving every later round of the same build (the kit-wide documents need a second
round once their pieces exist), or inside `shared_workers()` the ones every Renderer of the
build shares, from any thread.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from concurrent.futures import as_completed
from pathlib import Path

from ..errors import KitInvalid, Problem
from .assets import AssetLookup
from .cache import cache_key, is_intact, store
from .rendering import PdfJob, render_or_error
from .workers import Workers, workers_for

log = logging.getLogger("mkdocs.plugins.toolkit")
PROGRESS_EVERY = 15  # seconds between progress lines while PDFs render

_FOUND = object()  # another Renderer stored the PDF after this one looked for it


class Renderer:
    """Renders jobs into the PDF cache, skipping those already there; counts both."""

    def __init__(self, lookup: AssetLookup, cache: Path, *, low_priority: bool = False, label: str = ""):
        self.lookup, self.cache = lookup, cache
        self.label = label  # ends each progress line: " (es)" when the languages render side by side
        self.fingerprint = lookup.fingerprint()
        self.rendered = self.reused = 0
        self.used: set[Path] = set()
        shared = workers_for(lookup, low_priority)
        self._own_workers = shared is None
        self.workers = shared or Workers(lookup, low_priority)
        self._keys: dict[PdfJob, str] = {}
        self._checked: set[Path] = set()  # cached PDFs whose bytes were verified in this build
        self._early: set[Path] = set()  # started by start_early, not yet asked for by a round

    def __enter__(self) -> Renderer:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if exc_type is None:
            self.stop_workers()
        elif self._own_workers:  # at once (an interrupt, a failure); shared ones end with their block
            self.workers.kill()

    def stop_workers(self) -> None:
        """End this Renderer's own worker processes (and free their memory); a later render
        starts new ones. Shared workers end with the block that shares them."""
        if self._own_workers:
            self.workers.shutdown()

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
        failures, rendered_elsewhere = [], set()
        for done, (index, outcome, shared) in enumerate(self._outcomes(todo, targets), start=1):
            if shared:
                rendered_elsewhere.add(targets[index])
            if isinstance(outcome, str):
                failures.append(_failure(todo[index], outcome))
            elif outcome is not _FOUND:
                store(targets[index].parent, targets[index].stem, outcome)
            if not shared:
                self.workers.stored(targets[index].stem)
            if time.monotonic() - last_report >= PROGRESS_EVERY:
                last_report = time.monotonic()
                log.info("PDFs: %d of %d rendered so far, %.0f s%s", done, len(missing), last_report - started,
                         self.label)
        if failures:
            raise KitInvalid(failures)
        # Counted once each: a render several documents share (a worksheet and the book's piece
        # of it), or one an earlier round of this build made, is not taken "from the cache";
        # one another Renderer made at the same time (the other language's) is.
        self.rendered += len(missing) - len(rendered_elsewhere)
        self.reused += len([path for path in dict.fromkeys(paths)
                            if (path not in missing or path in rendered_elsewhere) and path not in self.used])
        self.used.update(paths)
        return paths

    def start_early(self, jobs: list[PdfJob]) -> None:
        """Start rendering jobs that a later round will probably ask for, without waiting. The
        round that asks for one stores it and counts it as rendered; one no round asks for (a
        wrong guess) is rendered and dropped."""
        for job in jobs:
            path = self.cached_path(job)
            if path in self._early or self._usable(path):
                continue
            future, shared = self.workers.render(path.stem, (job.html, job.kind), path)
            if future is not None and not shared:
                self._early.add(path)

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

    def _outcomes(self, jobs: list[PdfJob], targets: list[Path]) -> Iterator[tuple[int, object, bool]]:
        """(index of the job, its PDF or a message saying why it failed or _FOUND, whether another
        Renderer rendered it), as each finishes."""
        if len(jobs) <= 1 and self._own_workers and not self.workers.running():
            # One document, no workers running: starting them would cost more than it saves.
            yield from ((index, render_or_error(job.html, self.lookup, job.kind), False)
                        for index, job in enumerate(jobs))
            return
        # Longest first (packets, long sections), so no core idles at the end while one
        # finishes a long document.
        order = sorted(range(len(jobs)), key=lambda i: -len(jobs[i].html))
        # In batches of what one set of workers renders before fresh ones take over.
        for start in range(0, len(order), self.workers.budget):
            futures = {}
            for index in order[start:start + self.workers.budget]:
                future, shared = self.workers.render(targets[index].stem, (jobs[index].html, jobs[index].kind),
                                                     targets[index])
                if targets[index] in self._early:  # this Renderer's own, started early
                    self._early.discard(targets[index])
                    shared = False
                if future is None:
                    yield index, _FOUND, True
                else:
                    futures[future] = (index, shared)
            for future in as_completed(futures):
                index, shared = futures.pop(future)
                yield index, future.result(), shared

    def map_in_workers(self, function, items: list) -> list:
        """`function` of each item, in order: in the worker processes, side by side, when they are
        running and there is more than one item; here otherwise (starting workers would cost more).
        `function` must be a module's own function, so a worker can import it."""
        if not self.workers.running() or len(items) < 2:
            return [function(item) for item in items]
        return self.workers.map(function, items)


def _failure(job: PdfJob, message: str) -> Problem:
    return Problem(job.source, 0, 0, "", f"the {job.variant} PDF could not be made ({message}). "
                   "If you changed a print template or stylesheet in overrides/, undo that change; "
                   "otherwise report this with the file attached.")
