"""Paper sizes the worksheets come in. Each has a small stylesheet that sets @page sizes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Paper:
    variant: str      # the name used in file names and in catalog.json's `pdfs`
    words_key: str    # key of its label in the UI words
    stylesheet: str   # print stylesheet that sets the page size
    points: tuple[float, float]  # portrait width and height in PDF points


PAPERS: dict[str, Paper] = {
    "letter": Paper("letter", "paper_letter", "letter.css", (612.0, 792.0)),
    "a4": Paper("a4", "paper_a4", "a4.css", (595.28, 841.89)),
}


def papers_in_order(preferred: str) -> list[Paper]:
    """All papers, the kit's preferred size first."""
    return sorted(PAPERS.values(), key=lambda paper: paper.variant != preferred)
