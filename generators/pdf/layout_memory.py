"""Each joined document's page layout, remembered from the build that last joined it.

A document with a front (the book's contents, a packet's agenda) can only have its front
laid out once its pieces are rendered, as the front lists the pages where they begin: an
edit then waits for one more round of rendering after the pieces. Editing a tool rarely
changes how many pages its piece has, so the next build lays the front out with the page
counts remembered here and renders it beside the pieces (joined.start_fronts_early); the
front round then finds it done. A wrong guess costs one render, never a wrong PDF: the front
round renders whatever the real page counts give.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..atomic_write import write_atomically

FOLDER = "layouts"  # inside the PDF cache's folder


@dataclass(frozen=True)
class Layout:
    """A joined document's pages: the front's, then each piece's (by its cache key); True where
    landscape."""
    front: list[bool]
    pieces: list[list[bool]]
    keys: list[str]

    def pieces_guessed(self, keys: list[str]) -> list[list[bool]] | None:
        """The pages of pieces with these cache keys: a piece also in this layout has its pages
        (wherever it moved: a retitled tool moves in the book); the pieces new since are taken to
        have the pages of those gone since, in order (an edited tool's section replaces its old
        one). None when as many pieces did not come and go."""
        known = dict(zip(self.keys, self.pieces))
        now = set(keys)
        gone = iter([pages for key, pages in zip(self.keys, self.pieces) if key not in now])
        new = [key for key in keys if key not in known]
        if len(new) != len(self.keys) - len(now & known.keys()):
            return None
        return [known[key] if key in known else next(gone) for key in keys]


def _file(cache: Path, language: str, stem: str, variant: str) -> Path:
    return cache / FOLDER / f"{language}-{stem}-{variant}.json"


def remembered(cache: Path, language: str, stem: str, variant: str) -> Layout | None:
    """The layout the document had when last joined; None if none was kept or it is unreadable."""
    try:
        data = json.loads(_file(cache, language, stem, variant).read_text(encoding="utf-8"))
        return Layout([bool(page) for page in data["front"]],
                      [[bool(page) for page in pages] for _, pages in data["pieces"]],
                      [str(key) for key, _ in data["pieces"]])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def remember(cache: Path, language: str, stem: str, variant: str, layout: Layout) -> None:
    path = _file(cache, language, stem, variant)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"front": layout.front, "pieces": [[key, pages] for key, pages in zip(layout.keys, layout.pieces)]}
    write_atomically(path, json.dumps(data, separators=(",", ":")).encode("utf-8"), durable=False)
