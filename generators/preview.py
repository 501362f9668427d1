"""PDFs during `mkdocs serve`: the pages never wait for them.

Rebuilding the preview after an edit takes a second or two; rendering the edited tool's
PDFs (and joining the book again) takes several more. So the pages are rebuilt at once
with the PDFs made last time, the PDFs (and the pictures of their sheets) are made in a
thread, and when any of them changed a small file the preview watches is touched, which
rebuilds the pages with the new ones.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from .errors import KitInvalid
from .kit import Kit
from .pdf.previews import build_previews
from .pdf.worksheets import RenderedPdf, build_pdfs

log = logging.getLogger("mkdocs.plugins.toolkit")


class BackgroundPdfs:
    def __init__(self, ready_file: Path):
        self.ready_file = ready_file  # touched when new PDFs are ready; the preview watches it
        self.latest: dict[str, list[RenderedPdf]] = {}
        self._wanted: tuple[Kit, dict[str, str]] | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def pdfs(self, kit: Kit, page_urls: dict[str, str]) -> dict[str, list[RenderedPdf]]:
        """The PDFs made last time, at once; the kit's current ones are made once `start` is called."""
        with self._lock:
            self._wanted = (kit, page_urls)
        return self.latest

    def start(self) -> None:
        """Make the PDFs asked for, in the background: called once the pages are built, so the
        page of an edited tool is not held up by PDFs competing for the processor."""
        with self._lock:
            if self._thread is None and self._wanted is not None:
                self._thread = threading.Thread(target=self._render, name="toolkit-pdfs", daemon=True)
                self._thread.start()

    def wait(self, timeout: float | None = None) -> None:
        """Until the PDFs asked for so far are made (for tests)."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _render(self) -> None:
        while True:
            with self._lock:
                wanted, self._wanted = self._wanted, None
                if wanted is None:
                    self._thread = None
                    return
            try:
                made = build_pdfs(*wanted, low_priority=True)
                # The sheets' previews are made here too, so the pages rebuilt for these PDFs find
                # them in the cache and are not held up making them.
                build_previews(wanted[0], made)
            except KitInvalid as error:
                log.warning("The PDFs could not be made:\n%s", error.report())
                continue
            if _signature(made) != _signature(self.latest):
                self.latest = made
                self._announce()

    def _announce(self) -> None:
        self.ready_file.parent.mkdir(parents=True, exist_ok=True)
        self.ready_file.write_text("PDFs ready; the preview reloads when this file changes.\n", encoding="utf-8")


def _signature(pdfs: dict[str, list[RenderedPdf]]) -> list[tuple]:
    return sorted((pdf.item_id, pdf.variant, str(pdf.path)) for group in pdfs.values() for pdf in group)
