"""Writing a file so that nobody ever sees half of it.

The bytes go to a temporary file beside the target, then a rename puts them in place:
a run that is stopped or fails half-way leaves the earlier file (or none) under the
name, never a piece of the new one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _current_umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


_UMASK = _current_umask()  # read once: reading it means setting it, which is not safe while threads write


def write_atomically(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write `data` to `path`, keeping the permissions of the file it replaces (or a new
    file's usual ones: mkstemp alone would make it readable by its owner only).

    `durable`: on disk before the rename, so a power cut cannot leave an empty file. A
    cache can skip it (a damaged entry is noticed by its checksum and made again)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_UMASK
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:  # an interrupt included
        Path(temporary).unlink(missing_ok=True)
        raise
