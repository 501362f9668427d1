"""A build replaces only a folder that is new, empty or a site it built; it refuses the kit,
the folders above it, its sources and anyone's other files, leaving them exactly as they were.
The swap leaves the old site or the new one at every moment, with ordinary permissions."""

from __future__ import annotations

import hashlib
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from generators import staging_area
from generators.cli import main
from generators.output_safety import SITE_MARKER
from tests.helpers import VALID_ACTIVITY


@pytest.fixture
def kit_root(small_kit) -> Path:
    (small_kit / "toolkit/activities/quick-check-in.yml").write_text(VALID_ACTIVITY, encoding="utf-8")
    (small_kit / ".git").mkdir()  # stands for the kit's repository: a build must never touch it
    (small_kit / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    return small_kit


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` with a hash of its bytes."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def build(kit_root: Path, site_dir: str, monkeypatch, capsys, *options: str) -> tuple[int, str]:
    monkeypatch.chdir(kit_root)
    code = main(["build", "--site-dir", site_dir, *options])
    return code, capsys.readouterr().err


REFUSED = {
    ".": "holds the kit itself",
    "..": "holds the kit itself",
    "docs": "is the kit's docs/ folder, which people write by hand",
    "toolkit": "is the kit's toolkit/ folder, which people write by hand",
    "toolkit/activities": "is inside the kit's toolkit/ folder, which people write by hand",
    "facilitation/new-site": "is inside the kit's facilitation/ folder, which people write by hand",
    "overrides": "is the kit's overrides/ folder, which people write by hand",
    ".git": "is the kit's .git/ folder, which people write by hand",
    "kit.yml": "is the kit's kit.yml file, which people write by hand",
}


@pytest.mark.parametrize("site_dir", sorted(REFUSED))
def test_the_kit_its_parents_and_its_sources_are_refused_and_left_unchanged(site_dir, kit_root, monkeypatch,
                                                                           capsys):
    (kit_root / "facilitation").mkdir()
    before, beside = snapshot(kit_root), sorted(kit_root.parent.iterdir())
    code, err = build(kit_root, site_dir, monkeypatch, capsys)
    assert code == 1
    assert REFUSED[site_dir] in err and "Traceback" not in err
    assert err.startswith("toolkit build --site-dir: ")
    assert snapshot(kit_root) == before
    assert sorted(kit_root.parent.iterdir()) == beside


def test_a_folder_of_someone_elses_files_is_refused(kit_root, tmp_path_factory, monkeypatch, capsys):
    theirs = tmp_path_factory.mktemp("theirs")
    (theirs / "thesis.docx").write_bytes(b"years of work")
    code, err = build(kit_root, str(theirs), monkeypatch, capsys)
    assert code == 1
    assert "already holds files that this kit did not build" in err
    assert snapshot(theirs) == {"thesis.docx": hashlib.sha256(b"years of work").hexdigest()}


def test_a_file_and_another_kit_are_refused(kit_root, tmp_path_factory, monkeypatch, capsys):
    a_file = tmp_path_factory.mktemp("file") / "notes.txt"
    a_file.write_text("mine", encoding="utf-8")
    assert build(kit_root, str(a_file), monkeypatch, capsys)[0] == 1
    assert a_file.read_text(encoding="utf-8") == "mine"
    other_kit = tmp_path_factory.mktemp("other") / "kit"
    (other_kit / "toolkit").mkdir(parents=True)
    (other_kit / "kit.yml").write_text("name: Other\n", encoding="utf-8")
    code, err = build(kit_root, str(other_kit), monkeypatch, capsys)
    assert code == 1 and "holds a kit's sources" in err
    assert (other_kit / "kit.yml").read_text(encoding="utf-8") == "name: Other\n"


def test_a_new_an_empty_and_an_earlier_site_folder_are_built_into(kit_root, tmp_path_factory, monkeypatch, capsys):
    outside = tmp_path_factory.mktemp("out")
    (outside / "empty").mkdir()
    for site_dir in (str(outside / "new" / "site"), str(outside / "empty"), str(outside / "new" / "site")):
        code, err = build(kit_root, site_dir, monkeypatch, capsys, "--no-pdfs")
        assert code == 0, err
        assert (Path(site_dir) / SITE_MARKER).is_file()
        assert "Quick check-in" in (Path(site_dir) / "activities/quick-check-in/index.html").read_text(encoding="utf-8")


def test_a_site_built_before_the_marker_existed_is_still_replaced(kit_root, monkeypatch, capsys):
    assert build(kit_root, "site", monkeypatch, capsys, "--no-pdfs")[0] == 0
    (kit_root / "site" / SITE_MARKER).unlink()
    code, err = build(kit_root, "site", monkeypatch, capsys, "--no-pdfs")
    assert code == 0, err


def test_published_files_get_ordinary_permissions(kit_root, monkeypatch, capsys):
    old_umask = os.umask(0o022)
    try:
        assert build(kit_root, "site", monkeypatch, capsys, "--no-pdfs")[0] == 0
    finally:
        os.umask(old_umask)
    site = kit_root / "site"
    modes = {stat.S_IMODE(path.stat().st_mode) for path in [site, *site.rglob("*")] if path.is_dir()}
    assert modes == {0o755}
    modes = {stat.S_IMODE(path.stat().st_mode) for path in site.rglob("*") if path.is_file()}
    assert modes == {0o644}


def test_the_swap_never_leaves_the_target_missing(tmp_path):
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("old", encoding="utf-8")
    seen_missing, done = [], threading.Event()

    def watch():
        while not done.is_set():
            if not (target / "index.html").exists():
                seen_missing.append(time.monotonic())

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for round_number in range(200):
            staging = staging_area.new_folder(target)
            (staging / "index.html").write_text(str(round_number), encoding="utf-8")
            staging_area.swap_into_place(staging, target)
    finally:
        done.set()
        watcher.join()
    assert seen_missing == []
    assert (target / "index.html").read_text(encoding="utf-8") == "199"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_leftovers_of_killed_builds_are_removed_and_running_builds_kept(tmp_path):
    target = tmp_path / "site"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    killed = tmp_path / f".site.staging-{dead}-0123abcd"
    running = tmp_path / f".site.staging-{os.getppid()}-0123abcd"
    other_target = tmp_path / f".public.staging-{dead}-0123abcd"
    earlier = tmp_path / ".site-k2j4h5g6"  # named by builds before this version
    for folder in (killed, running, other_target, earlier / "site" / "search"):
        folder.mkdir(parents=True)
    (earlier / "site" / SITE_MARKER).write_text("", encoding="utf-8")
    staging_area.remove_leftovers(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([running.name, other_target.name])


KILLED_BUILD = """
import os, sys
os.chdir(sys.argv[1])
from generators.cli import main
sys.exit(main(["build", "--no-pdfs", "--site-dir", "site"]))
"""


def test_a_build_killed_at_any_moment_leaves_the_old_site_or_the_new(kit_root, monkeypatch, capsys):
    assert build(kit_root, "site", monkeypatch, capsys, "--no-pdfs")[0] == 0
    site = kit_root / "site"
    (site / "old.txt").write_text("the site before", encoding="utf-8")
    activity = kit_root / "toolkit/activities/quick-check-in.yml"
    activity.write_text(VALID_ACTIVITY.replace("Quick check-in", "Quick check-out"), encoding="utf-8")
    environment = dict(os.environ)
    for delay in (0.3, 0.8, 1.5, 2.5, 4.0):
        process = subprocess.Popen([sys.executable, "-c", KILLED_BUILD, str(kit_root)], env=environment,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.kill()
        process.wait()
        page = (site / "activities/quick-check-in/index.html").read_text(encoding="utf-8")
        assert (site / SITE_MARKER).is_file()
        assert (site / "old.txt").is_file() or "Quick check-out" in page, f"killed after {delay} s"
    assert build(kit_root, "site", monkeypatch, capsys, "--no-pdfs")[0] == 0
    assert sorted(p.name for p in kit_root.iterdir() if ".staging-" in p.name) == []
    assert "Quick check-out" in (site / "activities/quick-check-in/index.html").read_text(encoding="utf-8")


def test_a_terminated_build_removes_its_staging_folder_and_says_so(kit_root):
    process = subprocess.Popen([sys.executable, "-c", KILLED_BUILD, str(kit_root)],
                               stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not any(".staging-" in p.name for p in kit_root.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 128 + signal.SIGTERM, err
    assert "Traceback" not in err and "Stopped." in err
    assert [p.name for p in kit_root.iterdir() if ".staging-" in p.name] == []
    assert not (kit_root / "site").exists()
