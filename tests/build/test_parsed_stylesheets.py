"""Print stylesheets are parsed once per build and reused by later documents
(generators/pdf/parsed_stylesheets.py): the reused sheets must give the same bytes as
sheets parsed for each document, page rules (paper size, margins) and fonts included."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader

from generators.kit import load_kit
from generators.pdf import parsed_stylesheets
from generators.pdf.assets import AssetLookup, asset_folders
from generators.pdf.rendering import render_pdf
from generators.pdf.worksheets import pdf_jobs
from tests.helpers import copy_fixture_kit, page_urls

# A letter worksheet, an A4 worksheet, a fillable checklist and an A3 poster: four sets of
# stylesheets, two of them with the same sheets but another paper.
NAMES = ["quick-check-in-letter", "quick-check-in-a4", "ready-to-meet-fillable-letter",
         "hopes-and-worries-poster-a3"]


@pytest.fixture(scope="module")
def kit(tmp_path_factory):
    return load_kit(copy_fixture_kit(tmp_path_factory.mktemp("stylesheets") / "kit"))


@pytest.fixture(scope="module")
def jobs(kit):
    by_name = {f"{job.item_id}-{job.variant}": job for job in pdf_jobs(kit, page_urls(kit))}
    return [by_name[name] for name in NAMES]


def _rendered(kit, jobs, times: int) -> list[bytes]:
    lookup = AssetLookup(asset_folders(kit.root))  # a new lookup: nothing carried from another test
    return [render_pdf(job.html, lookup, job.kind) for _ in range(times) for job in jobs]


def test_reused_sheets_give_the_bytes_of_sheets_parsed_for_each_document(kit, jobs, monkeypatch):
    parses = []
    parse = parsed_stylesheets._parse_every_time

    def counted(*arguments):
        parses.append(1)
        yield from parse(*arguments)

    monkeypatch.setattr(parsed_stylesheets, "_parse_every_time", counted)
    reused = _rendered(kit, jobs, 2)
    assert len(parses) == len(jobs), "each set of stylesheets is parsed once, then reused"

    monkeypatch.setattr(parsed_stylesheets, "reuse_for", lambda font_config: None)
    parses.clear()
    parsed_each_time = _rendered(kit, jobs, 1)
    assert len(parses) == len(jobs)

    for index, name in enumerate(NAMES):
        assert reused[index] == parsed_each_time[index], f"{name}: first render differs"
        assert reused[len(jobs) + index] == parsed_each_time[index], f"{name}: render with reused sheets differs"


def test_reused_sheets_keep_each_documents_paper(kit, jobs):
    pdfs = _rendered(kit, jobs, 2)[len(jobs):]
    sizes = [tuple(round(float(side)) for side in PdfReader(BytesIO(pdf)).pages[0].mediabox[2:]) for pdf in pdfs]
    assert sizes == [(612, 792), (595, 842), (612, 792), (1191, 842)]
