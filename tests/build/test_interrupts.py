"""Ctrl-C stops a build at once: the workers are ended, nothing half-written stays in the
cache or the site, the previous site is whole, and the exit status is 130.

The time limit here is generous (a loaded machine); `make bench` measures the real figure."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generators.output_safety import SITE_MARKER
from generators.pdf.cache import cache_folder, is_intact
from tests.helpers import VALID_ACTIVITY

GENEROUS_SECONDS = 6


def _children(pid: int) -> list[int]:
    try:
        return [int(n) for n in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


@pytest.fixture
def busy_kit(small_kit) -> Path:
    for number in range(12):
        text = VALID_ACTIVITY.replace("Quick check-in", f"Check-in number {number}")
        (small_kit / f"toolkit/activities/check-in-{number}.yml").write_text(text, encoding="utf-8")
    return small_kit


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads worker processes from /proc (Linux)")
@pytest.mark.parametrize("how", ["terminal", "process"])
def test_ctrl_c_ends_the_build_and_its_workers_quickly_leaving_everything_whole(busy_kit, how):
    # The site before: pages only, so the build that is stopped has every PDF still to render.
    assert subprocess.run([str(Path(sys.executable).parent / "toolkit"), "build", "--no-pdfs"], cwd=busy_kit,
                          capture_output=True).returncode == 0
    first_site = {path.relative_to(busy_kit / "site") for path in (busy_kit / "site").rglob("*")}
    toolkit = Path(sys.executable).parent / "toolkit"
    process = subprocess.Popen([str(toolkit), "build"], cwd=busy_kit, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    while not list(cache_folder(busy_kit).glob("*.pdf")) and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = _children(process.pid)
    assert workers, "the build is rendering in worker processes"
    started = time.monotonic()
    if how == "terminal":
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C does: every process of the terminal
    else:
        process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    took = time.monotonic() - started

    assert process.returncode == 130, err
    assert took < GENEROUS_SECONDS
    assert "Traceback" not in err and "Stopped." in err
    time.sleep(0.5)
    assert [pid for pid in workers if _alive(pid)] == []
    assert [path.name for path in busy_kit.iterdir() if ".staging-" in path.name] == []
    assert [path.name for path in cache_folder(busy_kit).iterdir() if path.suffix not in (".pdf", ".sha256")] == []
    assert all(is_intact(path) for path in cache_folder(busy_kit).glob("*.pdf"))
    assert (busy_kit / "site" / SITE_MARKER).is_file()
    assert {path.relative_to(busy_kit / "site") for path in (busy_kit / "site").rglob("*")} == first_site


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers end with their parent on Linux")
def test_workers_end_when_the_build_is_killed_outright(busy_kit):
    """SIGKILL (or a preview server stopped without cleaning up) leaves no worker waiting forever."""
    toolkit = Path(sys.executable).parent / "toolkit"
    process = subprocess.Popen([str(toolkit), "build"], cwd=busy_kit, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not list(cache_folder(busy_kit).glob("*.pdf")) and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = _children(process.pid)
    assert workers, "the build is rendering in worker processes"
    process.kill()
    process.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in workers if _alive(pid)] == []
