"""Pictures of each participant sheet's first page, so a facilitator sees a sheet before printing it.

They are made at build time from the item's PDF in the kit's paper. WeasyPrint writes one
bookmark per h1, so the PDF's bookmarks say on which page each sheet starts; each model says
which bookmark is its first participant sheet (`first_sheet_bookmark`), and its
`participant_sheets()` how many sheets follow. Every sheet gets a small picture (catalog
cards) and a large one (the item's page), with a text alternative written from the sheet's
own texts in the model, never read back from the picture.

Pictures are cached like the PDFs (cache.py), in a folder beside theirs: a picture's key is
made from its PDF's key, so an unchanged PDF is not even opened again.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import io
import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from ..kit import Item, Kit
from ..locale import ui_words
from ..paper import PAPERS
from ..text import end_sentence
from .cache import cache_folder, is_intact, prune, store
from .worksheets import RenderedPdf

log = logging.getLogger("mkdocs.plugins.toolkit")

# Raise it when the pictures would come out differently (another way of drawing or writing
# them): every cached picture is then made again.
PREVIEW_VERSION = 1
# Widths in pixels: beside a catalog card, and on the item's page.
WIDTHS = {"small": 160, "large": 560}
# Grey text and rules on white compress well: at this quality a large picture is a few dozen KB
# and its text still reads as text.
WEBP_QUALITY = 78
# The libraries that turn a PDF page into picture bytes: a new version may draw other bytes.
PREVIEW_LIBRARIES = ("pypdfium2", "pillow")
# How long a text alternative may be: enough to say what the sheet asks, short enough to listen to.
ALT_LIMIT = 300
ELLIPSIS = "…"

# PDFium must not be used by two threads at once, and the live preview makes pictures in a
# thread of its own (preview.py) while the pages are being built.
_PDFIUM = threading.Lock()


@dataclass(frozen=True)
class PreviewImage:
    path: Path          # the cached file
    site_path: str      # where the site publishes it, e.g. 'previews/data-walk-1-small.webp'
    width: int
    height: int


@dataclass(frozen=True)
class SheetPreview:
    """The first page of one participant sheet, as pictures for the site."""

    item_id: str
    number: int               # the sheet's place among its item's sheets, from 1
    audience: str | None      # who the sheet is for (a vocabulary id), or None for everyone
    alt: str
    pdf: str                  # the PDF it is the first page of, as a site path
    small: PreviewImage
    large: PreviewImage

    def catalog_fields(self) -> dict:
        """Its entry in catalog.json's `previews` (docs/about/catalog.md)."""
        return {"audience": self.audience, "alt": self.alt,
                "small": self.small.site_path, "small_width": self.small.width, "small_height": self.small.height,
                "large": self.large.site_path, "large_width": self.large.width, "large_height": self.large.height}


def preview_folder(kit_root: Path) -> Path:
    return cache_folder(kit_root).parent / "previews"


def preview_site_path(item_id: str, number: int, size: str) -> str:
    """Where a picture is published in the site: the one rule for its name."""
    return f"previews/{item_id}-{number}-{size}.webp"


def sheet_audiences(kit: Kit, item: Item) -> list[str | None]:
    """Who each participant sheet is for. When there are several, a sheet that names no audience
    is for the vocabulary's first, as its page says; a lone sheet that names none is for everyone."""
    audiences = [audience for audience, _ in item.content.participant_sheets()]
    if len(audiences) > 1:
        return [audience or kit.vocabulary.audiences[0].id for audience in audiences]
    return audiences


def sheet_alt(kit: Kit, item: Item, index: int) -> str:
    """The text alternative of sheet `index` (from 0): who it is for, its title and the texts it
    begins with, cut at a word to ALT_LIMIT characters."""
    words = ui_words(kit.settings.language)
    title = " ".join(item.content.title.split())
    audience = sheet_audiences(kit, item)[index]
    head = (words["sheet_preview_alt_for"].format(audience=kit.vocabulary.label("audiences", audience), title=title)
            if audience else words["sheet_preview_alt"].format(title=title))
    _, texts = item.content.participant_sheets()[index]
    # Each text a sentence of its own, as a screen reader pauses after one; the title is said already.
    said = [end_sentence(text) for text in (" ".join(text.split()) for text in texts) if text and text != title]
    alt = end_sentence(head)
    if said:
        alt += " " + words["sheet_preview_alt_text"].format(texts=" ".join(said))
    return shortened(alt, ALT_LIMIT)


def shortened(text: str, limit: int) -> str:
    """`text`, or as many of its words as fit in `limit` characters with an ellipsis after them."""
    if len(text) <= limit:
        return text
    cut = text[:limit - len(ELLIPSIS)]
    if not text[len(cut)].isspace() and " " in cut:  # the cut falls inside a word: leave the word out
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" .;:,") + ELLIPSIS


@functools.cache
def _library_versions() -> str:
    return " ".join(f"{name}={importlib.metadata.version(name)}" for name in PREVIEW_LIBRARIES)


def preview_key(pdf_key: str, bookmark: int, width: int) -> str:
    """The key of the picture, `width` pixels wide, of the page where bookmark `bookmark` of the
    PDF cached as `pdf_key` starts. The PDF's key is a hash of everything that shapes it, so the
    bookmark stands for the page: one PDF's bookmarks always point at the same pages."""
    digest = hashlib.sha256()
    for part in (str(PREVIEW_VERSION), str(WEBP_QUALITY), _library_versions(), pdf_key, str(bookmark), str(width)):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def build_previews(kit: Kit, rendered: dict[str, list[RenderedPdf]]) -> dict[str, list[SheetPreview]]:
    """The pictures of every participant sheet whose PDF in the kit's paper is in `rendered`,
    keyed by item id. Items without participant sheets (session plans) have none."""
    started = time.monotonic()
    folder = preview_folder(kit.root)
    variant = PAPERS[kit.settings.paper].variant
    results: dict[str, list[SheetPreview]] = {}
    made: list[bool] = []  # for each sheet: made now (True) or taken from the cache
    for item_id, pdfs in rendered.items():
        item = kit.items.get(item_id)
        pdf = next((pdf for pdf in pdfs if pdf.variant == variant), None)
        if item is not None and pdf is not None and item.content.participant_sheets():
            for preview, fresh in _item_previews(kit, item, pdf, folder):
                results.setdefault(item_id, []).append(preview)
                made.append(fresh)
    if made:
        prune(folder, {image.path for group in results.values() for preview in group
                       for image in (preview.small, preview.large)}, pattern="*.webp")
        log.info("Previews: %d made, %d from cache, in %.1f s", sum(made), made.count(False),
                 time.monotonic() - started)
    return results


def _item_previews(kit: Kit, item: Item, pdf: RenderedPdf, folder: Path) -> list[tuple[SheetPreview, bool]]:
    """Each participant sheet's preview, and whether it was made now (else it came from the cache)."""
    first = getattr(type(item.content), "first_sheet_bookmark", None)
    if first is None:
        log.warning("%s has participant sheets, but its model does not say which bookmark of its PDF is the "
                    "first (first_sheet_bookmark), so they have no preview.", item.source.shown_as)
        return []
    previews = []
    for index, audience in enumerate(sheet_audiences(kit, item)):
        try:
            images = _cached_or_made(folder, pdf, first + index)
        except pdfium.PdfiumError as error:
            log.warning("%s: its PDF could not be read (%s), so its sheets have no preview.",
                        item.source.shown_as, error)
            return previews
        if images is None:
            # Not a warning: in the live preview a tool just given another sheet still has its
            # last PDF until the new one is made (preview.py), and a strict build must not fail.
            log.info("%s: its PDF has no bookmark %d, where sheet %d should start, so the sheet has no "
                     "preview.", item.source.shown_as, first + index + 1, index + 1)
            continue
        fresh, paths = images
        pictures = {size: _image(path, preview_site_path(item.id, index + 1, size)) for size, path in paths.items()}
        previews.append((SheetPreview(item.id, index + 1, audience, sheet_alt(kit, item, index), pdf.site_path,
                                      **pictures), fresh))
    return previews


def _cached_or_made(folder: Path, pdf: RenderedPdf, bookmark: int) -> tuple[bool, dict[str, Path]] | None:
    """The cached pictures of the page at `bookmark`, made first if any is missing or damaged:
    (whether they were made now, each size's file). None when the PDF has no such bookmark."""
    paths = {size: folder / f"{preview_key(pdf.path.stem, bookmark, width)}.webp" for size, width in WIDTHS.items()}
    if all(is_intact(path) for path in paths.values()):
        return False, paths
    page = _render_page(pdf.path, bookmark, WIDTHS["large"])
    if page is None:
        return None
    for size, width in WIDTHS.items():
        store(folder, paths[size].stem, _webp(page, width), suffix=".webp")
    return True, paths


def _render_page(pdf: Path, bookmark: int, width: int) -> Image.Image | None:
    """The page where top-level bookmark `bookmark` points, drawn `width` pixels wide on white."""
    with _PDFIUM:
        document = pdfium.PdfDocument(pdf)
        try:
            starts = [mark.get_dest() for mark in document.get_toc(max_depth=1)]
            if bookmark >= len(starts) or starts[bookmark] is None:
                return None
            page = document[starts[bookmark].get_index()]
            # Just under `width`: PDFium rounds the size up, and width / points * points can come
            # out a hair above `width`.
            return page.render(scale=(width - 0.001) / page.get_width()).to_pil().convert("RGB")
        finally:
            document.close()


def _webp(page: Image.Image, width: int) -> bytes:
    """The page `width` pixels wide as WebP: no metadata, so the same page gives the same bytes."""
    if page.width != width:
        page = page.resize((width, round(page.height * width / page.width)), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    page.save(buffer, "WEBP", quality=WEBP_QUALITY, method=6)
    return buffer.getvalue()


def _image(path: Path, site_path: str) -> PreviewImage:
    with Image.open(path) as image:  # reads the header only
        return PreviewImage(path, site_path, image.width, image.height)
