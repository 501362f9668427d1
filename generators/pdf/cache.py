"""PDFs cached by a hash of everything that shapes them, outside the site folder.

An unchanged tool is not rendered again, and cleaning site/ keeps the cache.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
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
