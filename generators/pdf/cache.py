"""PDFs cached by a hash of everything that shapes them, outside the site folder.

An unchanged tool is not rendered again, and cleaning site/ keeps the cache. PDFs no
build has used for a month are removed, so editing in preview does not fill the disk.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from pathlib import Path

from .. import __version__


def cache_folder(kit_root: Path) -> Path:
    return kit_root / ".cache" / "toolkit" / "pdf"


def cache_key(html: str, assets_fingerprint: str, options: dict) -> str:
    digest = hashlib.sha256()
    for part in (__version__, assets_fingerprint, repr(sorted(options.items())), html):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def store(folder: Path, key: str, pdf: bytes) -> Path:
    """Write atomically, so a crash never leaves half a PDF under a valid key."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{key}.pdf"
    handle, temporary = tempfile.mkstemp(dir=folder, suffix=".part")
    with os.fdopen(handle, "wb") as out:
        out.write(pdf)
    os.replace(temporary, target)
    return target


UNUSED_DAYS_KEPT = 30


def prune(folder: Path, used: set[Path]) -> None:
    """Mark this build's PDFs as used now; remove others unused for UNUSED_DAYS_KEPT days.

    Another copy of the kit (a branch, a second checkout) keeps its own cache in its own
    folder, so its PDFs are never removed here.
    """
    now = time.time()
    for path in used:
        os.utime(path, (now, now))
    cutoff = now - UNUSED_DAYS_KEPT * 86400
    for path in folder.glob("*.pdf"):
        if path not in used and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
