"""A joined document's front is laid out with the page counts it had when last joined and
rendered beside the pieces (layout_memory.py, joined.start_fronts_early): an edit that keeps
every page count renders everything it needs in one round. A wrong guess costs a render,
never a wrong PDF."""

from __future__ import annotations

import json
import shutil

import pytest
from pypdf import PdfReader

from generators.kit import load_kit
from generators.pdf.cache import cache_folder
from generators.pdf.layout_memory import FOLDER, Layout, remembered
from generators.pdf.renderer import Renderer
from generators.pdf.workers import Workers
from generators.pdf.worksheets import build_pdfs
from tests.helpers import build_pdfs_counted, copy_kit_skeleton, page_urls, write_four_activities

BOOK = "partnership-toolkit-book-letter"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Four activities built once, which leaves the book's layout remembered."""
    root = write_four_activities(copy_kit_skeleton(tmp_path_factory.mktemp("guesses") / "kit"))
    kit = load_kit(root)
    build_pdfs(kit, page_urls(kit))
    return root


@pytest.fixture
def kit_copy(built, tmp_path):
    return shutil.copytree(built, tmp_path / "kit")


def retitle(kit_root) -> None:
    """A new title: the book's contents and the tool's part opening change, no page count does."""
    tool = kit_root / "toolkit" / "activities" / "round-of-hopes.yml"
    tool.write_text(tool.read_text(encoding="utf-8").replace("title: Round of hopes", "title: A round of hopes"),
                    encoding="utf-8")


@pytest.fixture
def submissions(monkeypatch):
    """Every new render handed to the workers, as ('early' or 'round', key), in order; and
    'round done' after each round of Renderer.paths."""
    events = []
    render, paths, start_early = Workers.render, Renderer.paths, Renderer.start_early
    phase = ["round"]

    def recorded_render(self, key, task, target):
        future, shared = render(self, key, task, target)
        if future is not None and not shared:
            events.append((phase[0], key))
        return future, shared

    def recorded_paths(self, jobs):
        result = paths(self, jobs)
        events.append(("round done", ""))
        return result

    def recorded_start_early(self, jobs):
        phase[0] = "early"
        try:
            start_early(self, jobs)
        finally:
            phase[0] = "round"

    monkeypatch.setattr(Workers, "render", recorded_render)
    monkeypatch.setattr(Renderer, "paths", recorded_paths)
    monkeypatch.setattr(Renderer, "start_early", recorded_start_early)
    return events


def test_the_books_layout_is_remembered_after_a_build(built):
    layout = remembered(cache_folder(built), "en", "partnership-toolkit", "book-letter")
    assert layout is not None
    # The cover and the contents, then the parts' openings and the four worksheets.
    assert len(layout.front) >= 2
    assert len(layout.pieces) == len(layout.keys) >= 4
    assert all(pages for pages in layout.pieces)


def test_an_edit_keeping_page_counts_renders_everything_in_the_first_round(kit_copy, submissions, caplog):
    retitle(kit_copy)
    rendered, _, _, pdfs = build_pdfs_counted(kit_copy, caplog)
    first_round_end = submissions.index(("round done", ""))
    early = [key for phase, key in submissions[:first_round_end] if phase == "early"]
    later = [event for event in submissions[first_round_end:] if event[0] != "round done"]
    assert early, "the book's front was started before the pieces' round"
    assert later == [], "no render waited for the pieces' round to end"
    # Counted once each, as a build without the guess counts them: its three worksheets, its card
    # sheet in two papers, the book's contents and the part's opening.
    assert rendered == 3 + 2 + 2
    assert "A round of hopes" in PdfReader(pdfs[BOOK]).pages[1].extract_text()


def test_a_wrong_guess_gives_the_same_book_as_no_guess(kit_copy, tmp_path, submissions, caplog):
    memory = cache_folder(kit_copy) / FOLDER
    without_memory = shutil.copytree(kit_copy, tmp_path / "without")
    shutil.rmtree(cache_folder(without_memory) / FOLDER)
    # Every piece remembered as three pages long: the guessed contents list wrong pages.
    record = memory / "en-partnership-toolkit-book-letter.json"
    data = json.loads(record.read_text(encoding="utf-8"))
    data["pieces"] = [[key, [False, False, False]] for key, _ in data["pieces"]]
    record.write_text(json.dumps(data), encoding="utf-8")
    for kit_root in (kit_copy, without_memory):
        retitle(kit_root)
    guessed_rendered, _, _, guessed = build_pdfs_counted(kit_copy, caplog)
    assert any(phase == "early" for phase, _ in submissions), "the wrong guess was rendered"
    submissions.clear()
    plain_rendered, _, _, plain = build_pdfs_counted(without_memory, caplog)
    assert not any(phase == "early" for phase, _ in submissions)
    assert guessed[BOOK].read_bytes() == plain[BOOK].read_bytes()
    assert guessed_rendered == plain_rendered, "a wrong guess is not counted as a PDF made"
    # The next build guesses from the real layout again.
    assert remembered(cache_folder(kit_copy), "en", "partnership-toolkit", "book-letter").pieces != [
        [False, False, False]] * len(data["pieces"])


def test_a_moved_piece_keeps_its_pages_and_a_replaced_one_takes_the_pages_of_the_one_it_replaced():
    layout = Layout(front=[False, False], pieces=[[False], [False, False], [True]], keys=["a", "b", "c"])
    # "b" was edited (now "b2") and moved to the front.
    assert layout.pieces_guessed(["b2", "a", "c"]) == [[False, False], [False], [True]]
    # Two edited: paired with the two gone, in order.
    assert layout.pieces_guessed(["a2", "b", "c2"]) == [[False], [False, False], [True]]
    # One piece more, or one fewer: no guess.
    assert layout.pieces_guessed(["a", "b", "c", "d"]) is None
    assert layout.pieces_guessed(["a", "c"]) is None


def test_an_unreadable_memory_is_no_memory(tmp_path):
    folder = tmp_path / FOLDER
    folder.mkdir()
    (folder / "en-kit-book-letter.json").write_text("{not json", encoding="utf-8")
    assert remembered(tmp_path, "en", "kit", "book-letter") is None
    (folder / "en-kit-book-letter.json").write_text('{"front": [false]}', encoding="utf-8")
    assert remembered(tmp_path, "en", "kit", "book-letter") is None
    assert remembered(tmp_path, "en", "kit", "cards-letter") is None
