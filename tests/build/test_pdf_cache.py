"""PDFs are cached by everything that shapes them: an unchanged kit renders nothing, one
changed tool re-renders only its own PDFs and its pieces of the card decks and the book,
and a changed template re-renders only what uses it. The joined book stays tagged."""

from __future__ import annotations

import logging
import os
import re
import shutil
import time
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from generators.kit import load_kit
from generators.pdf.cache import UNUSED_DAYS_KEPT, cache_folder, is_intact, prune
from generators.pdf.worksheets import KIT_DOCUMENTS, build_pdfs
from generators.templating import PACKAGE_TEMPLATES
from tests.helpers import FOUR_TITLES, PROGRESS, build_pdfs_counted, copy_kit_skeleton, page_urls, write_four_activities

@pytest.fixture
def four_activities(small_kit):
    """A kit of four activities and an empty PDF cache."""
    return write_four_activities(small_kit)


@pytest.fixture(scope="module")
def four_built(tmp_path_factory) -> tuple[object, int, int, dict]:
    """Four activities built once from an empty cache: (the kit's folder, PDFs rendered, taken from
    the cache, each PDF's file by '<id>-<variant>'). Tests read it; those that change it use a copy."""
    root = write_four_activities(copy_kit_skeleton(tmp_path_factory.mktemp("four") / "kit"))
    messages = []
    handler = logging.Handler()
    handler.emit = lambda record: messages.append(record.getMessage())
    logger = logging.getLogger("mkdocs.plugins.toolkit")
    level = logger.level
    logger.setLevel(logging.INFO)  # setLevel, not the attribute: the logger caches what it lets through
    logger.addHandler(handler)
    try:
        kit = load_kit(root)
        pdfs = build_pdfs(kit, page_urls(kit))
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    rendered, cached, _ = (int(n) for n in PROGRESS.search("\n".join(messages)).groups())
    return root, rendered, cached, {f"{pdf.item_id}-{pdf.variant}": pdf.path for group in pdfs.values() for pdf in group}


@pytest.fixture
def four_built_copy(four_built, tmp_path):
    """A copy of the built kit with a copy of its PDF cache: its first build renders nothing."""
    copy = shutil.copytree(four_built[0], tmp_path / "kit")
    return copy


def build(kit_root, caplog) -> tuple[int, int, dict]:
    """Build every PDF; return how many were rendered and taken from the cache."""
    rendered, cached, _, pdfs = build_pdfs_counted(kit_root, caplog)
    return rendered, cached, pdfs


def test_a_second_build_renders_nothing_and_gives_the_same_files(four_built, four_built_copy, caplog):
    _, rendered, cached, first = four_built
    assert rendered > 0 and cached == 0
    rendered, cached, second = build(four_built_copy, caplog)
    assert rendered == 0
    assert {name: path.read_bytes() for name, path in first.items()} == {
        name: path.read_bytes() for name, path in second.items()}


def test_changing_one_tool_renders_only_its_pdfs_and_its_pieces(four_built_copy, caplog):
    _, _, before = build(four_built_copy, caplog)
    changed = four_built_copy / "toolkit" / "activities" / "round-of-hopes.yml"
    changed.write_text(changed.read_text(encoding="utf-8").replace(
        "Ask one question", "Ask one short question"), encoding="utf-8")
    rendered, _, after = build(four_built_copy, caplog)
    # Its letter, A4 and fillable worksheets and its card sheet in both papers. Its section of
    # the book is its letter worksheet, rendered once for both; the steps are not in the book's
    # contents, so the front is reused, and its page numbers are the same as before.
    assert rendered == 3 + 2
    changed_files = {name for name in after if after[name] != before[name]}
    stem = "partnership-toolkit"
    assert changed_files == {"round-of-hopes-letter", "round-of-hopes-a4", "round-of-hopes-fillable-letter",
                             f"{stem}-cards-letter", f"{stem}-cards-a4", f"{stem}-book-letter"}


def test_retitling_a_tool_renders_only_its_own_pieces_though_its_place_in_the_lists_moves(four_built_copy, caplog):
    """The new title moves the tool to the top of every list ordered by title: the card deck pairs
    cards by file name, so no other sheet changes, and the book's sections are reordered, not rendered."""
    build(four_built_copy, caplog)
    changed = four_built_copy / "toolkit" / "activities" / "round-of-hopes.yml"
    changed.write_text(changed.read_text(encoding="utf-8").replace("title: Round of hopes", "title: A round of hopes"),
                       encoding="utf-8")
    rendered, _, after = build(four_built_copy, caplog)
    # Its letter, A4 and fillable worksheets, its one card sheet in both papers, and the two
    # pages of the book that list the new title: the contents and its part's opening.
    assert rendered == 3 + 2 + 2
    assert "A round of hopes" in PdfReader(after["partnership-toolkit-book-letter"]).pages[1].extract_text()


def test_a_worksheet_is_numbered_on_every_page_once_after_rendering(four_built):
    """Rendered without numbers (the same render is the book's piece: see the test above), then numbered."""
    pdfs = four_built[3]
    for name in ("round-of-hopes-letter", "round-of-hopes-a4"):
        pages = PdfReader(pdfs[name]).pages
        for number, page in enumerate(pages, start=1):
            assert re.findall(r"Page \d+ of \d+", page.extract_text()) == [f"Page {number} of {len(pages)}"]
        with pikepdf.open(pdfs[name]) as numbered:
            assert "/StructTreeRoot" in numbered.Root and str(numbered.Root.Lang) == "en"


def test_a_template_override_renders_only_the_documents_that_use_it(four_built_copy, caplog):
    build(four_built_copy, caplog)
    override = four_built_copy / "overrides" / "toolkit" / "print" / "cards.html.j2"
    override.parent.mkdir(parents=True)
    override.write_text((PACKAGE_TEMPLATES / "print" / "cards.html.j2").read_text(encoding="utf-8")
                        .replace("{% block body %}", "{% block body %}<!-- the fork's own cards -->"),
                        encoding="utf-8")
    rendered, _, _ = build(four_built_copy, caplog)
    assert rendered == 2 * 2  # two sheets of two cards, in each paper


def test_the_joined_book_keeps_one_structure_tree_for_all_its_pages(four_built):
    pdfs = four_built[3]
    with pikepdf.open(pdfs["partnership-toolkit-book-letter"]) as book:
        tree = book.Root.StructTreeRoot
        (document,) = list(tree.K) if isinstance(tree.K, pikepdf.Array) else [tree.K]
        assert document.S == "/Document"
        parts = [kid for kid in document.K if isinstance(kid, pikepdf.Dictionary)]
        assert len(parts) > len(FOUR_TITLES)  # the front, each phase's opening, each tool
        assert all(part.P.objgen == document.objgen for part in parts)
        numbers = list(tree.ParentTree.Nums)
        keys = [int(numbers[i]) for i in range(0, len(numbers), 2)]
        assert keys == sorted(set(keys)), "every key of the parent tree is used once"
        page_keys = [int(page.obj.StructParents) for page in book.pages]
        assert set(page_keys) <= set(keys) and len(set(page_keys)) == len(book.pages)
        page_ids = {page.obj.objgen for page in book.pages}
        marked = [value for value in numbers[1::2] if isinstance(value, pikepdf.Array)]
        assert all(element.Pg.objgen in page_ids for value in marked for element in value
                   if isinstance(element, pikepdf.Dictionary) and "/Pg" in element), \
            "every tagged piece of content belongs to a page of the book"
        assert int(tree.ParentTreeNextKey) == max(keys) + 1


def test_pdfs_unused_for_a_month_are_removed_and_used_ones_kept(tmp_path):
    folder = cache_folder(tmp_path)
    folder.mkdir(parents=True)
    month_ago = time.time() - (UNUSED_DAYS_KEPT + 1) * 86400
    old_used, old_unused, recent_unused = (folder / f"{name}.pdf" for name in ("a", "b", "c"))
    for path in (old_used, old_unused, recent_unused):
        path.write_bytes(b"%PDF-1.7")
    for path in (old_used, old_unused):
        os.utime(path, (month_ago, month_ago))
    prune(folder, {old_used})
    assert old_used.is_file() and recent_unused.is_file() and not old_unused.exists()
    assert old_used.stat().st_mtime > month_ago + 86400, "a used PDF counts as used today"


def test_pruning_passes_over_files_gone_since_the_folder_was_listed(tmp_path, monkeypatch):
    """The other language's Renderer (or another build) renames its .part file into place, or prunes
    a PDF, between the listing and the look at its age: nothing to do, and no error."""
    folder = cache_folder(tmp_path)
    folder.mkdir(parents=True)
    listed = []
    monkeypatch.setattr(type(folder), "glob", lambda self, pattern: iter(listed.append(pattern) or
                                                                           [self / pattern.replace("*", "gone")]))
    prune(folder, set())
    assert listed == ["*.pdf", "*.part"]


def test_the_kit_wide_pdfs_are_filed_under_the_kit(four_built_copy):
    kit = load_kit(four_built_copy)
    pdfs = build_pdfs(kit, page_urls(kit))
    assert sorted(pdf.variant for pdf in pdfs[KIT_DOCUMENTS]) == ["book-letter", "cards-a4", "cards-letter"]


def test_a_book_joined_in_batches_with_numbers_in_runs_reads_like_one_document(four_activities, caplog,
                                                                                 monkeypatch):
    from generators.pdf import joining, numbering

    # Small batches and runs, so this short book takes the paths a 1000-tool book takes.
    monkeypatch.setattr(joining, "BATCH", 2)
    monkeypatch.setattr(numbering, "NUMBERED_PAGES_PER_RUN", 3)
    _, _, pdfs = build(four_activities, caplog)
    path = pdfs["partnership-toolkit-book-letter"]
    reader = PdfReader(path)
    total = len(reader.pages)
    assert total > 3 * 2
    for number, page in enumerate(reader.pages, start=1):
        found = re.findall(r"Page \d+ of \d+", page.extract_text())
        assert found == ([] if number == 1 else [f"Page {number} of {total}"])
    assert [entry.title for entry in reader.outline if not isinstance(entry, list)] == ["Link"]
    with pikepdf.open(path) as joined:
        (document,) = list(joined.Root.StructTreeRoot.K)
        parts = list(document.K)
        assert [str(part.S) for part in parts] == ["/Part"] * len(parts)
        assert len(parts) == 1 + 1 + len(FOUR_TITLES)  # front, the phase's opening, each tool


def _pages(language: str, count: int) -> list:
    from generators.pdf.rendering import PdfJob

    return [PdfJob("page", f"{language}{number}", "", "page.yml",
                   f"<html lang='{language}'><head><title>{number}</title></head>"
                   f"<body><h1>{language} {number}</h1></body></html>") for number in range(count)]


def test_fresh_workers_take_over_after_their_share_of_documents(small_kit, monkeypatch, tmp_path):
    """Workers are replaced after TASKS_PER_WORKER documents each (their memory grows), and the
    documents rendered by the later workers are whole. Small documents: the handover is what counts."""
    from generators.pdf import workers
    from generators.pdf.assets import AssetLookup, asset_folders
    from generators.pdf.renderer import Renderer

    monkeypatch.setattr(workers, "TASKS_PER_WORKER", 2)
    pools = []
    start_pool = workers.Workers._current

    def noted(self):
        pool = start_pool(self)
        if not pools or pools[-1] is not pool:
            pools.append(pool)
        return pool

    monkeypatch.setattr(workers.Workers, "_current", noted)
    cores = os.cpu_count() or 1
    jobs = _pages("en", 4 * cores + 1)
    with Renderer(AssetLookup(asset_folders(small_kit)), tmp_path / "cache") as renderer:
        paths = renderer.paths(jobs)
    assert renderer.rendered == len(jobs) and renderer.reused == 0
    assert len(pools) == 3, "every 2 documents a worker, fresh workers should have taken over"
    assert [path.read_bytes().startswith(b"%PDF-") for path in paths] == [True] * len(jobs)
    assert len({path.read_bytes() for path in paths}) == len(jobs)


def test_renderers_inside_shared_workers_use_the_same_workers_started_at_once(small_kit, tmp_path):
    """A kit in two languages builds its PDFs with two Renderers: inside shared_workers(), both
    use the workers the block started (in the background) before any document was asked for,
    which end with the block."""
    from generators.pdf import workers
    from generators.pdf.assets import AssetLookup, asset_folders
    from generators.pdf.renderer import Renderer

    lookup = AssetLookup(asset_folders(small_kit))
    with workers.shared_workers(lookup):
        shared = workers.workers_for(lookup, False)
        with Renderer(lookup, tmp_path / "cache") as english:
            english.paths(_pages("en", 1))  # one document: it would render here if no workers ran
        assert english.rendered == 1 and shared.running(), "the block's workers rendered it"
        with Renderer(lookup, tmp_path / "cache") as spanish:
            spanish.paths(_pages("es", 3))
        assert english.workers is spanish.workers is shared and shared.running()
        started = shared.processes()
        assert len(started) == (os.cpu_count() or 1)
    assert not shared.running(), "the shared workers end with the block"
    with Renderer(lookup, tmp_path / "cache") as alone:
        alone.paths(_pages("fr", 3))
        assert alone.workers is not shared and not alone.workers.processes() & started
    assert not alone.workers.running(), "outside the block, a Renderer ends its own workers"


def test_a_document_two_threads_ask_for_at_once_is_rendered_once(small_kit, tmp_path):
    """A tool whose translation is out of date prints the same in both languages: the two
    languages' Renderers, in two threads, share one render of it, and both find the PDF."""
    import threading

    from generators.pdf import workers
    from generators.pdf.assets import AssetLookup, asset_folders
    from generators.pdf.renderer import Renderer

    lookup = AssetLookup(asset_folders(small_kit))
    same = _pages("en", 4)
    found = {}
    with workers.shared_workers(lookup):
        shared = workers.workers_for(lookup, False)
        asked = []
        ask = shared.render

        def noted(key, task, target):
            future, before = ask(key, task, target)
            asked.append((key, future is not None and not before))
            return future, before

        shared.render = noted

        def language(name: str) -> None:
            with Renderer(lookup, tmp_path / "cache") as renderer:
                found[name] = (renderer.paths(same), renderer)

        threads = [threading.Thread(target=workers.carried_into_thread(language), args=(name,))
                   for name in ("en", "es")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    (english, first), (spanish, second) = found["en"], found["es"]
    assert english == spanish and all(is_intact(path) for path in english)
    assert sorted(key for key, new in asked if new) == sorted(path.stem for path in english), \
        "each document was handed to the workers once"
    assert first.rendered + second.rendered == len(same)
    assert first.rendered + first.reused == second.rendered + second.reused == len(same)


def test_the_kit_languages_documents_go_before_those_of_a_thread_behind(small_kit):
    """Documents the other languages' thread asked for first still wait while the kit's own language
    has documents waiting: its site can be built while the others' PDFs render."""
    import threading

    from generators.pdf import workers
    from generators.pdf.assets import AssetLookup, asset_folders
    from tests.helpers import finished_at

    lookup = AssetLookup(asset_folders(small_kit))
    cores = os.cpu_count() or 1
    with workers.shared_workers(lookup):
        shared = workers.workers_for(lookup, False)
        shared.map(finished_at, [0] * cores)  # every worker started and ready
        behind = {}

        def other_language() -> None:
            behind["times"] = shared.map(finished_at, [1] * cores + [0.3] * cores)

        thread = threading.Thread(target=workers.carried_into_thread(other_language, behind=True))
        thread.start()
        while len(shared._running) < cores:  # the thread's first documents hold every core
            time.sleep(0.01)
        ahead = shared.map(finished_at, [0] * cores)
        thread.join()
    # First in line, the kit's language's documents (no wait) end before the thread's later ones
    # (0.3 s each) could; in the order asked for, they would end after them.
    assert max(ahead) < min(behind["times"][cores:]), "asked for later, the kit's language went first"


def test_a_document_a_thread_behind_asked_for_goes_ahead_once_the_kit_language_asks_too(small_kit, tmp_path):
    """A tool whose translation is out of date prints the same in both languages: when the other
    languages' thread asked for it first, the kit's language does not wait behind that thread's
    other documents for it."""
    import threading

    from generators.pdf import workers
    from generators.pdf.assets import AssetLookup, asset_folders
    from tests.helpers import finished_at

    html = "<html lang='en'><head><title>Same in both</title></head><body><p>Same</p></body></html>"
    lookup = AssetLookup(asset_folders(small_kit))
    cores = os.cpu_count() or 1
    with workers.shared_workers(lookup):
        shared = workers.workers_for(lookup, False)
        shared.map(finished_at, [0] * cores)  # every worker started and ready
        queued, behind = threading.Event(), {}

        def other_language() -> None:
            holding = [shared._submit(finished_at, 1) for _ in range(cores)]  # every core busy
            waiting = [shared._submit(finished_at, 1) for _ in range(cores)]
            shared.render("same-in-both", (html, "tagged"), tmp_path / "same-in-both.pdf")
            queued.set()
            behind["times"] = [future.result() for future in holding + waiting]

        thread = threading.Thread(target=workers.carried_into_thread(other_language, behind=True))
        thread.start()
        queued.wait(timeout=30)
        future, asked_before = shared.render("same-in-both", (html, "tagged"), tmp_path / "same-in-both.pdf")
        assert asked_before
        assert isinstance(future.result(), bytes)
        done_at = time.monotonic()
        thread.join()
    assert done_at < min(behind["times"][cores:]), "it went before the thread's documents still waiting"


_THREAD_ENDS = """
import os, sys, threading, time
from pathlib import Path
from generators.pdf.assets import AssetLookup, asset_folders
from generators.pdf.workers import Workers
from tests.helpers import finished_at

workers = Workers(AssetLookup(asset_folders(Path(sys.argv[1]))))
cores = os.cpu_count() or 1
thread = threading.Thread(target=workers.map, args=(finished_at, [0] * cores))
thread.start()
thread.join()
started = workers.processes()
time.sleep(1.5)
workers.map(finished_at, [0] * cores)
assert workers.processes() == started, "the same workers, still running"
workers.shutdown()
print("served")
"""


def test_workers_started_from_a_thread_that_ends_keep_serving(small_kit):
    """The preview renders in a thread that ends after each rebuild: the workers it started, and the
    process they start from, outlive it for the next rebuild. In a process of its own, so that the
    thread is the first ever to start workers there."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", _THREAD_ENDS, str(small_kit)], capture_output=True, text=True,
                            timeout=120, cwd=Path(__file__).parents[2])
    assert result.returncode == 0 and result.stdout.strip() == "served", result.stderr[-2000:]


def test_a_failure_inside_shared_workers_ends_them_at_once(small_kit, tmp_path):
    """An error (or Ctrl-C) in the block ends the shared workers without waiting, and a thread
    that still asks for a document is told the build stopped instead of starting new ones."""
    from generators.pdf import workers
    from generators.pdf.assets import AssetLookup, asset_folders
    from generators.pdf.renderer import Renderer

    lookup = AssetLookup(asset_folders(small_kit))
    with pytest.raises(KeyboardInterrupt):
        with workers.shared_workers(lookup):
            shared = workers.workers_for(lookup, False)
            Renderer(lookup, tmp_path / "cache").paths(_pages("es", 2))  # the workers are running
            started = shared.processes()
            raise KeyboardInterrupt
    assert started and not shared.running()
    time.sleep(0.5)
    assert [pid for pid in started if Path(f"/proc/{pid}").is_dir()
            and "\nState:\tZ" not in Path(f"/proc/{pid}/status").read_text()] == []
    renderer = Renderer(lookup, tmp_path / "cache")
    renderer.workers = shared
    with pytest.raises(workers.WorkersStopped):
        renderer.paths(_pages("en", 3))
