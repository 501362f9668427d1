"""The only files a print document may load: the kit's own print assets.

Print HTML is rendered with a made-up base URL (ASSET_BASE_URL). Every relative
URL in a template or stylesheet resolves under it, and the fetcher below maps it to
the first matching file in the asset folders. Anything else (other file paths, '..',
symlinks that leave the folders, http, data URLs) is refused and stops the render.
"""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from ..templating import template_folders

ASSET_BASE_URL = "file:///toolkit-assets/"
_PREFIX = "/toolkit-assets/"


class AssetRefused(FatalURLFetchingError):
    """A print document asked for something outside the kit's print assets."""


def asset_folders(kit_root: Path) -> list[Path]:
    """Lookup order: a fork's print overrides, the kit's print templates, then shared assets (fonts, logo)."""
    return [*template_folders(kit_root, "print"), kit_root / "overrides" / "assets"]


# The website's own scripts and styles (overrides/assets/javascripts, .../stylesheets): never
# print assets, so a change to the site's look does not make every PDF render again.
SITE_ONLY_FOLDERS = ("javascripts", "stylesheets")


def _site_only(relative_parts: tuple[str, ...]) -> bool:
    return len(relative_parts) > 1 and relative_parts[0] in SITE_ONLY_FOLDERS


class AssetLookup:
    def __init__(self, folders: list[Path]):
        self.folders = [folder.resolve() for folder in folders]

    def find(self, relative: str) -> Path | None:
        parts = PurePosixPath(relative).parts
        if not parts or ".." in parts or relative.startswith("/") or _site_only(parts):
            return None
        for folder in self.folders:
            candidate = (folder / relative).resolve()
            # resolve() follows symlinks: the real file must still sit inside the folder.
            if candidate.is_file() and candidate.is_relative_to(folder):
                return candidate
        return None

    def fingerprint(self) -> str:
        """A hash of every asset file, so a change to any CSS or font invalidates cached PDFs.

        Templates (.j2) are left out: they shape the HTML, which each PDF's key holds, so a
        changed template re-renders only the documents whose HTML it changes. So are the
        website's scripts and styles, which no print document may load.
        """
        digest = hashlib.sha256()
        for folder in self.folders:
            if not folder.is_dir():
                continue
            for path in sorted(folder.rglob("*")):
                if path.is_file() and path.suffix != ".j2" and not _site_only(path.relative_to(folder).parts):
                    digest.update(path.relative_to(folder).as_posix().encode())
                    digest.update(path.read_bytes())
        return digest.hexdigest()


class KitAssetFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves only files found by an AssetLookup."""

    def __init__(self, lookup: AssetLookup):
        super().__init__(allowed_protocols={"file"})
        self.lookup = lookup

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        path = unquote(parts.path)
        if parts.scheme != "file" or parts.netloc or not path.startswith(_PREFIX):
            raise AssetRefused(f"a print document may only load the kit's own assets, not {url}")
        found = self.lookup.find(path[len(_PREFIX):])
        if found is None:
            raise AssetRefused(f"no print asset named '{path[len(_PREFIX):]}' in "
                               f"{', '.join(str(f) for f in self.lookup.folders)}")
        media_type = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
        if found.suffix == ".woff2":
            media_type = "font/woff2"
        return URLFetcherResponse(url, found.read_bytes(), {"Content-Type": media_type})
