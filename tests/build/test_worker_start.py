"""The PDF workers a build starts early start beside it: with the forkserver, starting a process
waits until the server has imported WeasyPrint (about a second), which the build spends reading
the kit instead. A build that stops meanwhile leaves no worker behind."""

from __future__ import annotations

import threading

from generators.pdf import workers
from generators.pdf.assets import AssetLookup, asset_folders
from generators.pdf.rendering import PdfJob
from generators.pdf.renderer import Renderer


def _page(number: int) -> PdfJob:
    return PdfJob("page", f"start{number}", "", "page.yml",
                  f"<html lang='en'><head><title>{number}</title></head><body><p>{number}</p></body></html>")


def _held_start(monkeypatch) -> tuple[threading.Event, threading.Event, threading.Event]:
    """Workers.start made to wait for a signal: (it began, let it go on, it returned)."""
    began, go_on, returned = threading.Event(), threading.Event(), threading.Event()
    start = workers.Workers.start

    def held(self):
        began.set()
        go_on.wait(60)
        start(self)
        returned.set()

    monkeypatch.setattr(workers.Workers, "start", held)
    return began, go_on, returned


def test_the_block_starts_its_workers_without_holding_up_the_build(small_kit, tmp_path, monkeypatch):
    began, go_on, _ = _held_start(monkeypatch)
    lookup = AssetLookup(asset_folders(small_kit))
    with workers.shared_workers(lookup):
        shared = workers.workers_for(lookup, False)
        assert began.wait(60), "the block starts the workers"
        assert not go_on.is_set() and not shared.running(), "and goes on before they have started"
        go_on.set()
        with Renderer(lookup, tmp_path / "cache") as renderer:
            paths = renderer.paths([_page(1), _page(2)])
        assert shared.running() and all(path.is_file() for path in paths)
    assert not shared.running()


def test_workers_stopped_before_their_start_went_ahead_never_start(small_kit, monkeypatch):
    """Ctrl-C or a mistake in the kit while the workers were starting: no process is started."""
    began, go_on, returned = _held_start(monkeypatch)
    made = []
    current = workers.Workers._current
    monkeypatch.setattr(workers.Workers, "_current", lambda self: made.append(1) or current(self))
    pool = workers.Workers(AssetLookup(asset_folders(small_kit)))
    pool.start_in_background()
    assert began.wait(60)
    stopping = threading.Thread(target=pool.kill)
    stopping.start()
    stopping.join(1)  # kill marks the workers stopped, then waits for the start it let go on
    go_on.set()
    stopping.join(60)
    assert returned.wait(60) and not stopping.is_alive()
    assert made == [] and not pool.running()


def test_workers_ended_while_starting_are_ended_once_started(small_kit, monkeypatch):
    """The end of a build waits for a start still under way, then ends what it started."""
    began, go_on, returned = _held_start(monkeypatch)
    pool = workers.Workers(AssetLookup(asset_folders(small_kit)))
    pool.start_in_background()
    try:
        assert began.wait(60)
        ending = threading.Thread(target=pool.shutdown)
        ending.start()
        ending.join(1)
        go_on.set()
        ending.join(60)
        assert returned.wait(60) and not ending.is_alive()
        assert not pool.running(), "a pool made after the end would be left running"
    finally:
        pool.kill()
