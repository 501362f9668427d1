"""The folder a site is built in before it replaces the published one.

It sits beside the target (so the swap is a rename on one disk) and its name carries the
building process's id, so a later build can tell the leftovers of a killed build from
a build still running. The swap exchanges the two folders in one step where the system
can (Linux, macOS): at every moment the target holds the old site or the new one.
"""

from __future__ import annotations

import ctypes
import os
import re
import secrets
import shutil
import sys
from pathlib import Path

from .output_safety import was_built_here

# Named from the target: '.site.staging-<pid>-<random>'.
_OURS = re.compile(r"\.(?P<name>.+)\.staging-(?P<pid>\d+)-[0-9a-f]{8}")
# What builds before these names left behind: '.site-<8 characters>' and '.site-old-<8>'.
_EARLIER = re.compile(r"\.site-(old-)?[a-z0-9_]{8}")


def new_folder(target: Path) -> Path:
    """An empty folder for the new site, readable by a web server running as another user."""
    folder = target.parent / f".{target.name}.staging-{os.getpid()}-{secrets.token_hex(4)}"
    folder.mkdir()  # mode 0777 less the umask: 0755 as a rule, unlike a private temporary folder
    return folder


def remove_leftovers(target: Path) -> None:
    """Remove the staging folders of builds of `target` that were killed before they could."""
    if not target.parent.is_dir():
        return
    for folder in target.parent.iterdir():
        match = _OURS.fullmatch(folder.name)
        if match and match["name"] == target.name and not _is_running(int(match["pid"])):
            shutil.rmtree(folder, ignore_errors=True)
        elif _EARLIER.fullmatch(folder.name) and folder.is_dir() and (
                was_built_here(folder) or was_built_here(folder / "site")):
            shutil.rmtree(folder, ignore_errors=True)


def _is_running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # our own earlier build in this process (the preview) is over
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def swap_into_place(staging: Path, target: Path) -> None:
    """Put the finished site at `target`, then remove the old one."""
    if not target.exists():
        os.rename(staging, target)
        return
    if _exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # now the old site
        return
    # No atomic exchange on this system: the old site is moved aside for the moment
    # between two renames, under a name the next build cleans up.
    retired = target.parent / f".{target.name}.staging-{os.getpid()}-{secrets.token_hex(4)}"
    os.rename(target, retired)
    os.rename(staging, target)
    shutil.rmtree(retired, ignore_errors=True)


_RENAME_EXCHANGE = 2  # Linux renameat2 flag
_RENAME_SWAP = 2      # macOS renamex_np flag
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one system call; False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):
            done = libc.renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
        elif sys.platform == "darwin" and hasattr(libc, "renamex_np"):
            done = libc.renamex_np(os.fsencode(first), os.fsencode(second), _RENAME_SWAP)
        else:
            return False
    except OSError:
        return False
    return done == 0
