"""Rendering twice gives the same bytes: the date is the day the tool last changed in git
(or none), never the build's, and the file identifier is computed from the content. On the
fixture kit, committed to a git repository of its own; that the shipped site's PDFs are
the same bytes as a fresh render: tests/content/test_print_reproducible.py."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from tests.helpers import copy_fixture_kit, git, render_fresh

# A worksheet, a fillable checklist and a poster of the fixture kit.
JOBS = ["quick-check-in-letter", "ready-to-meet-fillable-letter", "hopes-and-worries-poster-a3"]


@pytest.fixture(scope="module")
def committed_kit(tmp_path_factory):
    """The fixture kit in a git repository of its own, committed on a known day."""
    kit_root = copy_fixture_kit(tmp_path_factory.mktemp("reproducible") / "kit")
    git(kit_root, "init", "-q", "-b", "main")
    git(kit_root, "add", "-A")
    git(kit_root, "commit", "-q", "-m", "first", day="2026-01-05")
    return kit_root


def test_two_renders_in_separate_processes_are_byte_identical(committed_kit, tmp_path):
    first = render_fresh(committed_kit, tmp_path / "first", JOBS)
    second = render_fresh(committed_kit, tmp_path / "second", list(reversed(JOBS)))
    assert [name for name in JOBS if first[name] != second[name]] == []


def _last_commit_day(kit_root, relative: str) -> str | None:
    """The day git last saw the file change; None when the kit is not a git checkout."""
    result = subprocess.run(["git", "log", "-1", "--format=%ct", "--", relative], cwd=kit_root,
                            capture_output=True, text=True)
    stamp = result.stdout.strip()
    return datetime.fromtimestamp(int(stamp), tz=UTC).strftime("%Y%m%d") if result.returncode == 0 and stamp else None


def test_the_date_is_the_day_the_tool_last_changed_not_the_builds(committed_kit, tmp_path):
    dated = render_fresh(committed_kit, tmp_path / "dated", JOBS[:1], SOURCE_DATE_EPOCH="1700000000")[JOBS[0]]
    again = render_fresh(committed_kit, tmp_path / "again", JOBS[:1])[JOBS[0]]
    metadata = PdfReader(tmp_path / "dated" / f"{JOBS[0]}.pdf").metadata
    day = _last_commit_day(committed_kit, "toolkit/activities/quick-check-in.yml")
    # The kit is committed, so its PDFs are dated (a kit outside git: tests/build/test_cache_survives.py).
    assert day == "20260105"
    assert metadata["/CreationDate"] == f"D:{day}"
    assert metadata["/ModDate"] == f"D:{day}"
    assert dated == again, "the build's date (SOURCE_DATE_EPOCH) plays no part"


def test_every_pdf_has_an_identifier_made_from_its_content(committed_kit, tmp_path):
    pdf = render_fresh(committed_kit, tmp_path / "one", JOBS[:1])[JOBS[0]]
    identifier = PdfReader(tmp_path / "one" / f"{JOBS[0]}.pdf").trailer["/ID"]
    # The first part is the rendered piece's, the second the numbered file's; both are hashes of
    # content (two renders giving the same bytes: test_two_renders_in_separate_processes_...).
    assert len(identifier) == 2 and all(len(part) in (16, 32) for part in identifier)
    assert pdf.count(b"/ID") == 1


def test_the_render_processes_give_fonts_no_date(small_kit, monkeypatch):
    """Without HarfBuzz's subsetter, WeasyPrint cuts fonts down with fontTools, which stamps each
    with SOURCE_DATE_EPOCH or else the time of the render. The processes that render are given
    a fixed one, whatever the build's date, so a fresh render never differs in those bytes."""
    import os

    from generators.pdf.assets import AssetLookup, asset_folders
    from generators.pdf.workers import Workers

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    workers = Workers(AssetLookup(asset_folders(small_kit)))
    try:
        assert workers.map(os.getenv, ["SOURCE_DATE_EPOCH"] * 2) == ["0", "0"]
    finally:
        workers.shutdown()
