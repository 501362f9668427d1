"""Linked print stylesheets are parsed once per worker and shared by later documents
(generators/pdf/parsed_stylesheets.py): documents rendered with shared sheets must have the
bytes of documents whose sheets were parsed for each, page rules (paper size, margins, the
running header with each document's own title) and fonts included."""

from __future__ import annotations

import html
import re
from io import BytesIO

import pytest
from pypdf import PdfReader

from generators.kit import load_kit
from generators.pdf import parsed_stylesheets
from generators.pdf.assets import AssetLookup, asset_folders
from generators.pdf.rendering import render_pdf
from generators.pdf.worksheets import pdf_jobs
from tests.helpers import copy_fixture_kit, page_urls

# A letter worksheet, an A4 worksheet, a fillable checklist and an A3 poster, then other tools'
# worksheets in both papers: each with its own title in its page header, sharing linked sheets.
NAMES = ["quick-check-in-letter", "quick-check-in-a4", "ready-to-meet-fillable-letter",
         "hopes-and-worries-poster-a3", "food-and-housing-letter", "first-meeting-a4", "ground-rules-sheet-letter"]
PAPERS = [(612, 792), (595, 842), (612, 792), (1191, 842), (612, 792), (595, 842), (612, 792)]


@pytest.fixture(scope="module")
def kit(tmp_path_factory):
    return load_kit(copy_fixture_kit(tmp_path_factory.mktemp("stylesheets") / "kit"))


@pytest.fixture(scope="module")
def jobs(kit):
    by_name = {f"{job.item_id}-{job.variant}": job for job in pdf_jobs(kit, page_urls(kit))}
    return [by_name[name] for name in NAMES]


def _rendered(kit, jobs) -> list[bytes]:
    lookup = AssetLookup(asset_folders(kit.root))  # a new lookup: nothing carried from another test
    return [render_pdf(job.html, lookup, job.kind) for job in jobs]


def test_shared_sheets_give_the_bytes_of_sheets_parsed_for_each_document(kit, jobs, monkeypatch):
    parsed = []
    parse = parsed_stylesheets._parse

    def counted(*args, **kwargs):
        if kwargs.get("url"):
            parsed.append(kwargs["url"])
        return parse(*args, **kwargs)

    monkeypatch.setattr(parsed_stylesheets, "_parse", counted)
    shared = _rendered(kit, jobs)
    assert sorted(parsed) == sorted(set(parsed)), "each linked sheet is parsed once"
    assert len(parsed) >= 4  # fonts.css, print.css and two papers at least

    monkeypatch.setattr(parsed_stylesheets, "reuse_for", lambda font_config: None)
    parsed.clear()
    parsed_each_time = _rendered(kit, jobs)
    assert len(parsed) > len(set(parsed)), "without sharing, every document parses its sheets"

    for name, with_shared, without in zip(NAMES, shared, parsed_each_time):
        assert with_shared == without, f"{name}: the render with shared sheets differs"


def test_shared_sheets_keep_each_documents_paper_and_title(kit, jobs):
    for name, pdf, paper, job in zip(NAMES, _rendered(kit, jobs), PAPERS, jobs):
        page = PdfReader(BytesIO(pdf)).pages[0]
        assert tuple(round(float(side)) for side in page.mediabox[2:]) == paper, name
        if "@top-right" in job.html:  # its heading, and its own title in the page header (its own <style>)
            title = html.unescape(re.search(r"<title>(.*?)</title>", job.html).group(1))
            assert " ".join(page.extract_text().split()).count(title) == 2, name
