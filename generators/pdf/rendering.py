"""HTML to PDF with WeasyPrint: what decides a PDF's bytes (options, finishers, the fetcher).

This module is part of the PDF cache's key (cache.py): a change here renders every PDF
again. Which documents are rendered, where and when is decided in renderer.py and
workers.py, which are not.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from .assets import ASSET_BASE_URL, AssetLookup, KitAssetFetcher
from .accessibility import fillable_finisher, tagged_finisher

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

    from .parsed_stylesheets import reuse_for

    if lookup not in _loaded:
        _loaded[lookup] = (FontConfiguration(), {})
        reuse_for(_loaded[lookup][0])
    font_config, image_cache = _loaded[lookup]
    document = HTML(string=html, base_url=ASSET_BASE_URL, url_fetcher=KitAssetFetcher(lookup))
    return document.write_pdf(font_config=font_config, cache=image_cache,
                              finisher=FINISHERS[kind], **OPTIONS[kind])


def render_or_error(html: str, lookup: AssetLookup, kind: str) -> bytes | str:
    """The PDF, or a message saying why it could not be made."""
    try:
        return render_pdf(html, lookup, kind)
    except Exception as error:  # WeasyPrint raises many kinds; the caller reports them per file
        return f"{type(error).__name__}: {error}"
    except BaseException as error:  # WeasyPrint's FatalURLFetchingError derives from BaseException
        if isinstance(error, (KeyboardInterrupt, SystemExit)):
            raise
        return f"{type(error).__name__}: {error}"
