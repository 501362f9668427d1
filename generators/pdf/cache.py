"""PDFs cached by a hash of everything that shapes them, outside the site folder.

An unchanged tool is not rendered again, and cleaning site/ keeps the cache. PDFs no
build has used for a month are removed, so editing in preview does not fill the disk.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import os
import time
from pathlib import Path

from .. import __version__
from ..atomic_write import write_atomically


def cache_folder(kit_root: Path) -> Path:
    return kit_root / ".cache" / "toolkit" / "pdf"


# The libraries that turn HTML into PDF bytes: a new version may write other bytes.
RENDERING_LIBRARIES = ("weasyprint", "pydyf", "pikepdf", "fonttools")
# Our modules that act on a document after its HTML is made (render options, the fetcher,
# form field names, joining): the HTML, which every key holds, does not show their changes.
RENDERING_MODULES = ("rendering.py", "assets.py", "fields.py", "accessibility.py", "joining.py",
                     "parsed_stylesheets.py")
RENDERING_FOLDER = Path(__file__).parent


def library_versions() -> str:
    return " ".join(f"{name}={_version(name)}" for name in RENDERING_LIBRARIES)


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "none"


@functools.cache
def renderer_fingerprint() -> str:
    """What shapes PDF bytes besides the HTML and the assets: the libraries' versions and
    the source of our rendering modules. Computed once per process."""
    digest = hashlib.sha256(library_versions().encode())
    for name in RENDERING_MODULES:
        digest.update((RENDERING_FOLDER / name).read_bytes())
    return digest.hexdigest()


def cache_key(html: str, assets_fingerprint: str, options: dict) -> str:
    digest = hashlib.sha256()
    for part in (__version__, renderer_fingerprint(), assets_fingerprint, repr(sorted(options.items())), html):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def store(folder: Path, key: str, pdf: bytes, *, suffix: str = ".pdf") -> Path:
    """Write atomically, so a crash never leaves half a PDF under a valid key; its checksum
    beside it lets the next build notice a file damaged afterwards. `suffix`: the sheets'
    preview images (previews.py) are cached the same way, as .webp files."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{key}{suffix}"
    write_atomically(target, pdf, durable=False)
    write_atomically(_checksum_file(target), hashlib.sha256(pdf).hexdigest().encode("ascii"), durable=False)
    return target


def is_intact(path: Path) -> bool:
    """The cached PDF is there and has the bytes it was stored with."""
    try:
        expected = _checksum_file(path).read_text(encoding="ascii").strip()
        return hashlib.sha256(path.read_bytes()).hexdigest() == expected
    except (OSError, UnicodeDecodeError):
        return False


def _checksum_file(pdf: Path) -> Path:
    return pdf.with_suffix(".sha256")


UNUSED_DAYS_KEPT = 30


def prune(folder: Path, used: set[Path], *, pattern: str = "*.pdf") -> None:
    """Mark this build's PDFs as used now; remove others unused for UNUSED_DAYS_KEPT days,
    and files half-written by a build that was killed. `pattern`: the files it looks after
    ('*.webp' in the folder of the sheets' previews).

    Another copy of the kit (a branch, a second checkout) keeps its own cache in its own
    folder, so its PDFs are never removed here.
    """
    now = time.time()
    for path in used:
        os.utime(path, (now, now))
    cutoff = now - UNUSED_DAYS_KEPT * 86400
    for path in folder.glob(pattern):
        if path not in used and _changed_before(path, cutoff):
            path.unlink(missing_ok=True)
            _checksum_file(path).unlink(missing_ok=True)
    # A build running now may be writing a .part file: only those an hour old are litter.
    for path in folder.glob("*.part"):
        if _changed_before(path, now - 3600):
            path.unlink(missing_ok=True)


def _changed_before(path: Path, moment: float) -> bool:
    """False for a file gone since the folder was listed: another build (or the other language of
    this one) renamed its .part file into place, or pruned it first."""
    try:
        return path.stat().st_mtime < moment
    except FileNotFoundError:
        return False
