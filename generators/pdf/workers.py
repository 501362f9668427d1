"""The worker processes that render PDFs: one per core, each with WeasyPrint imported once.

A Renderer starts its own workers at its first need and ends them when it is done. Inside
`shared_workers()`, every Renderer with the same assets uses one set of workers instead, from
any thread: a kit published in two languages renders both at once with the processes it
started once, and a build can start them early, while the kit is still being read, so
the first PDF to render does not wait for WeasyPrint to import. The same document asked for
by two Renderers at once (a tool whose translation is out of date prints as the English one)
is rendered once.

Nothing here changes a PDF's bytes, so it is not part of the PDF cache's key (cache.py).
"""

from __future__ import annotations

import ctypes
import functools
import heapq
import itertools
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from .assets import AssetLookup
from .cache import is_intact
from .rendering import render_or_error

# A worker's memory grows with every document it renders (WeasyPrint's caches): after this
# many documents each, fresh workers take over (copies of the server process, see
# _start_method: no import to wait for).
TASKS_PER_WORKER = 250


class WorkersStopped(RuntimeError):
    """The build stopped (Ctrl-C, or a failure elsewhere) and its workers with it."""


class Workers:
    """A pool of worker processes that any thread may hand documents to.

    Documents wait here and go to the processes one per free core, so that one asked for by
    the kit's own language (the main thread) goes before those other languages asked for
    earlier (threads started with `carried_into_thread(..., behind=True)`): the first site can
    be built while the other languages' PDFs still render."""

    def __init__(self, lookup: AssetLookup, low_priority: bool = False):
        self.folders = [str(folder) for folder in lookup.folders]
        self.low_priority = low_priority
        self.cores = os.cpu_count() or 1
        self._lock = threading.RLock()
        self._pool: ProcessPoolExecutor | None = None
        self._retired: list[ProcessPoolExecutor] = []  # finishing their last documents, then ending
        self._tasks = 0  # documents handed to the current pool
        self._stopped = False
        self._waiting: list = []  # heap of (behind, order, function, argument, future)
        self._order = itertools.count()
        self._running: set[Future] = set()  # handed to a process, not finished
        self._rendering: dict[str, Future] = {}  # cache key -> its render, until its PDF is stored
        self._starter: threading.Thread | None = None  # start_in_background's thread

    @property
    def budget(self) -> int:
        """Documents a pool takes before fresh workers replace it."""
        return TASKS_PER_WORKER * self.cores

    def running(self) -> bool:
        return self._pool is not None

    def start(self) -> None:
        """Start every worker now, so they import WeasyPrint while this process does other work.
        With the forkserver this waits until the server has imported it (about a second)."""
        with self._lock:
            if self._stopped:
                return
            pool = self._current()
            # Processes start on demand, one for each document waiting: one empty task each starts them all.
            for _ in range(self.cores):
                pool.submit(_ready)

    def start_in_background(self) -> None:
        """`start`, from a thread of its own: starting a process waits for the server's import
        (_start_method), and the caller has the kit to read meanwhile (about a second of an edit)."""
        self._starter = threading.Thread(target=self.start, name="toolkit-workers-start", daemon=True)
        self._starter.start()

    def _starter_done(self) -> None:
        """Wait for start_in_background's thread: a pool it made after this ends would be left running."""
        if self._starter is not None:
            self._starter.join()

    def render(self, key: str, task: tuple[str, str], target: Path) -> tuple[Future | None, bool]:
        """The render of `task` (HTML, kind) into `target`, the cache's file for `key`, and whether
        another Renderer had asked for it first (the one that asked first stores the PDF, then
        calls `stored`). No render if the PDF was stored since the caller last looked."""
        with self._lock:
            if key in self._rendering:
                if not getattr(_shared, "behind", False):
                    self._move_ahead(self._rendering[key])
                return self._rendering[key], True
            if is_intact(target):
                return None, True
            future = self._submit(_render_in_worker, task)
            self._rendering[key] = future
            return future, False

    def stored(self, key: str) -> None:
        """The PDF of `key` is in the cache (or could not be made): a later request looks there."""
        with self._lock:
            self._rendering.pop(key, None)

    def map(self, function: Callable, items: list) -> list:
        """`function` of each item, in order, side by side in the workers. `function` must be a
        module's own function, so a worker can import it."""
        with self._lock:
            futures = [self._submit(function, item) for item in items]
        return [future.result() for future in futures]

    def _submit(self, function: Callable, argument) -> Future:
        if self._stopped:
            raise WorkersStopped("the build was stopped")
        future = Future()
        heapq.heappush(self._waiting, (getattr(_shared, "behind", False), next(self._order), function, argument, future))
        self._hand_over()
        return future

    def _move_ahead(self, future: Future) -> None:
        """A document a thread behind asked for first, and still waiting, is now wanted by one
        ahead: it goes in line with that one's documents (a tool whose translation is out of date
        prints the same in both languages, and the kit's language must not wait for the others')."""
        for index, (behind, order, function, argument, waiting) in enumerate(self._waiting):
            if waiting is future:
                if behind:
                    self._waiting[index] = (False, order, function, argument, waiting)
                    heapq.heapify(self._waiting)
                return

    def _hand_over(self) -> None:
        """Give waiting documents to the processes, first in line first, while a core is free."""
        while self._waiting and len(self._running) < self.cores and not self._stopped:
            _, _, function, argument, future = heapq.heappop(self._waiting)
            if not future.set_running_or_notify_cancel():
                continue
            handed = self._current().submit(function, argument)
            self._running.add(future)
            self._tasks += 1
            if self._tasks >= self.budget:
                # Fresh workers take the next document; these end once they finish theirs.
                self._pool.shutdown(wait=False)
                self._retired.append(self._pool)
                self._pool = None
            handed.add_done_callback(functools.partial(self._finished, future))

    def _finished(self, future: Future, handed: Future) -> None:
        with self._lock:
            self._running.discard(future)
            if not future.done():
                error = WorkersStopped("the build was stopped") if handed.cancelled() else handed.exception()
                if error is None:
                    future.set_result(handed.result())
                else:
                    future.set_exception(error)
            self._hand_over()

    def _current(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.cores, mp_context=_start_method(), initializer=_start_worker,
                                             initargs=(self.folders, self.low_priority))
            self._tasks = 0
        return self._pool

    def processes(self) -> set[int]:
        """The process ids of the running workers."""
        return set((self._pool._processes or {}) if self._pool else ())

    def shutdown(self) -> None:
        """End the workers once they finish what they were given; a later document starts new ones."""
        self._starter_done()
        with self._lock:
            pools, self._pool, self._retired = [self._pool, *self._retired], None, []
        for pool in pools:
            if pool is not None:
                pool.shutdown()

    def kill(self) -> None:
        """Stop at once (an interrupt, a failure): PDFs still rendering would be thrown away,
        and waiting for them made Ctrl-C take as long as the longest document. Whoever waits
        for a document, and any later request, is told WorkersStopped."""
        with self._lock:
            self._stopped = True  # before the wait: a starter not yet started starts nothing
        self._starter_done()
        with self._lock:
            pools, self._pool, self._retired = [self._pool, *self._retired], None, []
            unfinished = [entry[-1] for entry in self._waiting] + list(self._running)
            self._waiting, self._running = [], set()
        for pool in pools:
            if pool is not None:
                _kill(pool)
        for future in unfinished:
            if not future.done():
                future.set_exception(WorkersStopped("the build was stopped"))


def _kill(pool: ProcessPoolExecutor) -> None:
    # The executor has no public way to stop running tasks; its processes are ours to end.
    results, manager = pool._result_queue, pool._executor_manager_thread
    for process in list((pool._processes or {}).values()):
        process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    # A worker ended while sending a PDF leaves half a message in the results pipe, and the
    # executor's thread would wait for the rest forever (so would Python at exit, joining it).
    # With our end of the pipe closed too, no writer is left: it reads the end, and stops.
    if results is not None:
        results._writer.close()
    # Let that thread finish closing its pipes now: at exit, Python wakes every executor's thread
    # through its pipe, and one closing at that moment printed a traceback after "Stopped."
    if manager is not None:
        manager.join(timeout=2)


# The workers shared by the Renderers of this thread (and of threads started with
# `carried_into_thread`), by what they were started with.
_shared = threading.local()


@contextmanager
def shared_workers(lookup: AssetLookup | None = None) -> Iterator[None]:
    """Within this, every Renderer with the same assets uses one set of workers, in every thread
    started with `carried_into_thread`; they end with the outermost such block, and at once when
    any of them ends in an error. `lookup`: start the workers for these assets now."""
    outermost = getattr(_shared, "pools", None) is None
    if outermost:
        _shared.pools = {}
    pools = _shared.pools
    try:
        if lookup is not None:
            workers_for(lookup, False).start_in_background()
        yield
    except BaseException:
        # Before anything waits for a thread still rendering: its documents are not wanted.
        for workers in pools.values():
            workers.kill()
        raise
    else:
        if outermost:
            for workers in pools.values():
                workers.shutdown()
    finally:
        if outermost:
            _shared.pools = None


def workers_for(lookup: AssetLookup, low_priority: bool) -> Workers | None:
    """The shared workers for these assets inside `shared_workers()`; None outside it."""
    pools = getattr(_shared, "pools", None)
    if pools is None:
        return None
    key = (tuple(str(folder) for folder in lookup.folders), low_priority)
    if key not in pools:
        pools[key] = Workers(lookup, low_priority)
    return pools[key]


def carried_into_thread(function: Callable, *, behind: bool = False) -> Callable:
    """`function`, to be run in another thread with this thread's shared workers. `behind`: its
    documents wait while documents asked for by threads not behind are waiting."""
    pools = getattr(_shared, "pools", None)

    def with_shared_workers(*args, **kwargs):
        _shared.pools, _shared.behind = pools, behind
        try:
            return function(*args, **kwargs)
        finally:
            _shared.pools, _shared.behind = None, False

    return with_shared_workers


def _start_method() -> multiprocessing.context.BaseContext:
    """How worker processes start. Where it can, a server process imports WeasyPrint once and each
    worker starts as a copy of it: starting two workers then costs one import instead of two, and
    fresh workers taking over cost none. Elsewhere (Windows) each worker imports it. Neither
    copies this process, which may be running threads (`mkdocs serve`'s)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["generators.pdf.worker_server"])
    return context


_worker_lookup: AssetLookup | None = None


def _start_worker(folders: list[str], low_priority: bool = False) -> None:
    global _worker_lookup
    end_with_parent()
    if low_priority and hasattr(os, "nice"):
        os.nice(10)
    # Ctrl-C reaches every process of the terminal; the parent ends the workers itself,
    # so they do not each print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Where HarfBuzz's subsetter is missing, WeasyPrint cuts fonts down with fontTools, which
    # stamps each font with this date, or else with the time of the render: the same document
    # would give other bytes each time. No date of the build belongs in a PDF (cache.py).
    os.environ["SOURCE_DATE_EPOCH"] = "0"
    import weasyprint  # noqa: F401  (import once per worker, not once per document)

    _worker_lookup = AssetLookup([Path(f) for f in folders])


def _ready() -> None:
    """Nothing: handed to each new worker so that it starts."""


_PR_SET_PDEATHSIG = 1  # Linux prctl option: a signal for this process when its parent ends


def end_with_parent() -> None:
    """A worker whose parent was killed outright (SIGKILL, or a preview server stopped with
    SIGTERM) would otherwise wait for work forever. Linux only; elsewhere nothing changes. The
    parent is the server process workers start from, whose one thread lives as long as it does;
    the kernel sends the signal when the parent *thread* ends."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def _render_in_worker(task: tuple[str, str]) -> bytes | str:
    html, kind = task
    return render_or_error(html, _worker_lookup, kind)
