"""Rendering twice gives the same bytes: the date is the day the tool last changed in git
(or none), never the build's, and the file identifier is computed from the content."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from conftest import KIT_ROOT
from pypdf import PdfReader

JOBS = ["stakeholder-map-letter", "readiness-to-partner-fillable-letter", "theory-of-change-poster-a3"]

# Renders the named PDFs of the shipped kit into a folder, in a process of its own.
_RENDER = """
import sys
from pathlib import Path
from generators.kit import load_kit
from generators.pdf.assets import AssetLookup, asset_folders
from generators.pdf.rendering import render_pdf
from generators.pdf.worksheets import pdf_jobs
kit = load_kit(Path(sys.argv[1]))
urls = {i: f"{kit.items[i].type.plural}/{i}/" for i in kit.items}
jobs = {f"{j.item_id}-{j.variant}": j for j in pdf_jobs(kit, urls)}
lookup = AssetLookup(asset_folders(kit.root))
for name in sys.argv[3:]:
    (Path(sys.argv[2]) / f"{name}.pdf").write_bytes(render_pdf(jobs[name].html, lookup, jobs[name].kind))
"""


def render_fresh(folder: Path, names: list[str], **env) -> dict[str, bytes]:
    folder.mkdir(parents=True)
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | env
    result = subprocess.run([sys.executable, "-c", _RENDER, str(KIT_ROOT), str(folder), *names],
                            env=environment, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    return {name: (folder / f"{name}.pdf").read_bytes() for name in names}


def test_two_renders_in_separate_processes_are_byte_identical(tmp_path):
    first = render_fresh(tmp_path / "first", JOBS)
    second = render_fresh(tmp_path / "second", list(reversed(JOBS)))
    assert [name for name in JOBS if first[name] != second[name]] == []


def _last_commit_day(relative: str) -> str | None:
    """The day git last saw the file change; None when the kit is not a git checkout."""
    result = subprocess.run(["git", "log", "-1", "--format=%ct", "--", relative], cwd=KIT_ROOT,
                            capture_output=True, text=True)
    stamp = result.stdout.strip()
    return datetime.fromtimestamp(int(stamp), tz=UTC).strftime("%Y%m%d") if result.returncode == 0 and stamp else None


def test_the_date_is_the_day_the_tool_last_changed_not_the_builds(tmp_path):
    dated = render_fresh(tmp_path / "dated", JOBS[:1], SOURCE_DATE_EPOCH="1700000000")[JOBS[0]]
    again = render_fresh(tmp_path / "again", JOBS[:1])[JOBS[0]]
    metadata = PdfReader(tmp_path / "dated" / f"{JOBS[0]}.pdf").metadata
    day = _last_commit_day("toolkit/activities/stakeholder-map.yml")
    if day is None:  # a copy of the kit outside git: its PDFs carry no date
        assert "/CreationDate" not in metadata
    else:
        assert metadata["/CreationDate"] == f"D:{day}"
        assert metadata["/ModDate"] == f"D:{day}"
    assert dated == again, "the build's date (SOURCE_DATE_EPOCH) plays no part"


def test_every_pdf_has_an_identifier_made_from_its_content(tmp_path):
    pdf = render_fresh(tmp_path / "one", JOBS[:1])[JOBS[0]]
    identifier = PdfReader(tmp_path / "one" / f"{JOBS[0]}.pdf").trailer["/ID"]
    assert len(identifier) == 2 and identifier[0] == identifier[1] and len(identifier[0]) == 32
    assert pdf.count(b"/ID") == 1


def test_the_built_site_has_the_same_bytes_as_a_fresh_render(built_site, tmp_path):
    """Parallel workers sharing fonts, and the PDF cache, change nothing in the output."""
    fresh = render_fresh(tmp_path / "fresh", JOBS)
    for name in JOBS:
        assert (built_site / f"pdf/{name}.pdf").read_bytes() == fresh[name], name
