"""Page numbers laid over a document after it is rendered.

A worksheet is rendered once, without its "page X of Y": that PDF is a piece of the book as
it is, and the worksheet's own PDF is the same piece with its numbers laid over it. The
numbers come from a small document holding nothing else (page_numbers.html.j2), which is the
same for every worksheet with the same run of pages, so the whole kit needs only a handful.
Laying them over takes a few hundredths of a second; rendering the worksheet a second time
for the book took most of a second.
"""

from __future__ import annotations

import hashlib
import logging
from functools import cache
from pathlib import Path

import jinja2

from .. import __version__
from ..kit import Kit
from ..locale import ui_words
from ..paper import PAPERS, Paper
from .cache import is_intact, store
from .documents import print_context
from .joining import landscape_pages, laid_over
from .renderer import Renderer
from .rendering import PdfJob

log = logging.getLogger("mkdocs.plugins.toolkit")
# Page numbers are rendered in runs of this many pages: a long book's render in parallel.
NUMBERED_PAGES_PER_RUN = 100


def page_numbers_htmls(env: jinja2.Environment, kit: Kit, paper: Paper, landscape: list[bool], *,
                       cover: bool = False) -> list[str]:
    """Documents that together have as many pages as `landscape`, in the same orientation, and hold
    only each page's number; with `cover`, the first page (the book's cover) has none."""
    words = ui_words(kit.settings.language)
    total, template = len(landscape), env.get_template("page_numbers.html.j2")
    pages = [{"kind": "cover" if cover and index == 0 else "landscape" if wide else "portrait",
              "number": "" if cover and index == 0 else words["page_x_of_y"].format(page=index + 1, pages=total)}
             for index, wide in enumerate(landscape)]
    return [template.render(**print_context(kit, "", None), paper=paper, pages=pages[start:start + NUMBERED_PAGES_PER_RUN])
            for start in range(0, total, NUMBERED_PAGES_PER_RUN)]


def numbered_paths(env: jinja2.Environment, kit: Kit, pieces: dict[PdfJob, Path], renderer: Renderer) -> dict[PdfJob, Path]:
    """Each job's own PDF in the cache: its rendered piece with its page numbers laid over.

    A numbered PDF is cached under a key made from its piece's and from what shapes the numbers
    (their template and words), so an unchanged worksheet opens nothing. Those still to make
    are numbered once the few distinct runs of numbers they need are rendered, in one round.
    """
    numbered, waiting, shapes = {}, [], {}
    for job, piece in pieces.items():
        # One sample of numbers per language and paper, not one per worksheet: every build makes these keys.
        shape_of = (job.numbered_in, job.variant)
        if shape_of not in shapes:
            shapes[shape_of] = _numbers_shape(env, _numbers_kit(kit, job), PAPERS[job.variant])
        key = _numbered_key(piece.stem, shapes[shape_of])
        target = renderer.cache / f"{key}.pdf"
        renderer.used.add(target)
        numbered[job] = target
        if not is_intact(target):
            if target.exists():
                log.warning("A cached PDF was damaged (%s); it is made again.", target.name)
            waiting.append((piece, key, number_runs(env, kit, job, piece.read_bytes())))
    rendered = iter(renderer.paths([run for _, _, runs in waiting for run in runs]))
    for piece, key, runs in waiting:
        store(renderer.cache, key, laid_over(piece.read_bytes(), [next(rendered).read_bytes() for _ in runs]))
    return numbered


def number_runs(env: jinja2.Environment, kit: Kit, job: PdfJob, piece: bytes) -> list[PdfJob]:
    """The documents of page numbers to lay over the job's rendered piece (joining.laid_over)."""
    return [PdfJob(job.item_id, job.variant, job.label, job.source, html, "overlay")
            for html in page_numbers_htmls(env, _numbers_kit(kit, job), PAPERS[job.variant], landscape_pages(piece))]


def _numbers_kit(kit: Kit, job: PdfJob) -> Kit:
    """The kit whose words number the job: an untranslated item's are its own kit's (languages.py)."""
    return kit if job.numbered_in == kit.settings.language else kit.source_kit


def _numbers_shape(env: jinja2.Environment, kit: Kit, paper: Paper) -> str:
    """What the numbers of a document look like, whatever its pages: a sample run of them."""
    return page_numbers_htmls(env, kit, paper, [False, True])[0]


@cache
def _own_code() -> str:
    """This module is part of what shapes a numbered PDF (joining.py is in every piece's key)."""
    return Path(__file__).read_text(encoding="utf-8")


def _numbered_key(piece_key: str, numbers_shape: str) -> str:
    digest = hashlib.sha256()
    for part in ("numbered", __version__, _own_code(), numbers_shape, piece_key):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()
