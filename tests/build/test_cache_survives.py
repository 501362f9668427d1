"""The PDF cache survives commits and checks itself: a commit elsewhere renders no PDF,
each PDF is dated the day its own tool last changed, `make serve` and `make site` share
the cache, and a damaged cache file is rendered again."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from generators.pdf.cache import cache_folder
from generators.pdf.layout_memory import FOLDER
from tests.helpers import VALID_ACTIVITY, build_pdfs_counted, git


@pytest.fixture
def committed_kit(small_kit):
    for title in ("Quick check-in", "Closing round"):
        name = title.lower().replace(" ", "-")
        (small_kit / f"toolkit/activities/{name}.yml").write_text(
            VALID_ACTIVITY.replace("Quick check-in", title), encoding="utf-8")
    guide = small_kit / "facilitation" / "guide"
    guide.mkdir(parents=True)
    (guide / "index.md").write_text("# Guide\n\nWhere to start.\n", encoding="utf-8")
    git(small_kit, "init", "-q", "-b", "main")
    git(small_kit, "add", "-A")
    git(small_kit, "commit", "-q", "-m", "first", day="2026-01-05")
    return small_kit


def build(kit_root, caplog) -> tuple[int, dict]:
    rendered, _, _, pdfs = build_pdfs_counted(kit_root, caplog)
    return rendered, pdfs


def created(path) -> str:
    return PdfReader(path).metadata["/CreationDate"]


def test_a_commit_that_touches_only_a_guide_page_renders_no_pdf(committed_kit, caplog):
    rendered, first = build(committed_kit, caplog)
    assert rendered > 0
    assert created(first["quick-check-in-letter"]) == "D:20260105"
    (committed_kit / "facilitation/guide/index.md").write_text("# Guide\n\nStart here.\n", encoding="utf-8")
    git(committed_kit, "commit", "-q", "-am", "guide", day="2026-03-09")
    rendered, second = build(committed_kit, caplog)
    assert rendered == 0
    assert {name: path.read_bytes() for name, path in first.items()} == {
        name: path.read_bytes() for name, path in second.items()}


def test_a_commit_to_one_tool_dates_and_renders_only_that_tools_pdfs(committed_kit, caplog):
    build(committed_kit, caplog)
    changed = committed_kit / "toolkit/activities/closing-round.yml"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Ask one question", "Ask a question"),
                       encoding="utf-8")
    git(committed_kit, "commit", "-q", "-am", "closing round", day="2026-03-09")
    rendered, pdfs = build(committed_kit, caplog)
    # Its letter, A4 and fillable worksheets, its card sheet in two papers, the book's front (its
    # section of the book is its letter worksheet, rendered once for both).
    assert rendered == 6
    assert created(pdfs["closing-round-letter"]) == "D:20260309"
    assert created(pdfs["quick-check-in-letter"]) == "D:20260105"
    book = next(path for name, path in pdfs.items() if "-book-" in name)
    assert created(book) == "D:20260309", "the book is as new as its newest tool"


def test_the_builds_date_plays_no_part_so_preview_and_build_share_the_cache(committed_kit, caplog, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # what `toolkit build` sets
    build(committed_kit, caplog)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")  # `mkdocs serve` sets none
    assert build(committed_kit, caplog)[0] == 0


def test_a_kit_outside_git_gets_undated_pdfs(small_kit, caplog):
    (small_kit / "toolkit/activities/quick-check-in.yml").write_text(VALID_ACTIVITY, encoding="utf-8")
    _, pdfs = build(small_kit, caplog)
    assert "/CreationDate" not in PdfReader(pdfs["quick-check-in-letter"]).metadata


def test_a_damaged_cache_file_is_rendered_again_with_a_note(committed_kit, caplog):
    _, first = build(committed_kit, caplog)
    good = first["quick-check-in-a4"].read_bytes()
    first["quick-check-in-a4"].write_bytes(good[: len(good) // 2])  # cut short, as by a full disk
    rendered, second = build(committed_kit, caplog)
    # The worksheet's piece, without page numbers, was intact: only the numbers are laid over again.
    assert rendered == 0
    assert "A cached PDF was damaged" in caplog.text
    assert second["quick-check-in-a4"].read_bytes() == good
    assert len(PdfReader(second["quick-check-in-a4"]).pages) >= 1


def test_no_half_written_file_is_left_in_the_cache(committed_kit, caplog):
    build(committed_kit, caplog)
    folder = cache_folder(committed_kit)
    assert [path.name for path in folder.iterdir() if path.suffix not in (".pdf", ".sha256")] == [FOLDER]
    # The joined documents' layouts, remembered for the next build's guess (layout_memory.py).
    assert {path.suffix for path in (folder / FOLDER).iterdir()} == {".json"}
