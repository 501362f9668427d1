"""`mkdocs serve --dirty` (what `make serve` runs): the edited page first, the rest right after.

A full rebuild of the preview renders every page again: about 2.5 s on the shipped kit, most
of it Markdown and theme templates of pages the edit did not touch. In a dirty build MkDocs
renders only the pages whose source is newer than their output. So, while previewing, each
generated page is written to a cache folder, and a file is rewritten only when its text
changed: an edit makes just the pages it touched newer, and those are rebuilt at once.

That alone would leave two things wrong, which MkDocs warns about at every dirty build:
- Every page shows the navigation. When an edit changes it (a new title, a new tool) or
  changes the theme or the settings, the other pages are out of date. They are marked so
  once the edited pages are built, and a watched file is touched, which rebuilds them next.
- Pages that are not rebuilt are not read, so they would have no title in the navigation of
  the pages that are; their sources are read (not rendered) so their titles are right.
The search index is merged here too: Material's own merge assumes one page per rebuild.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from .atomic_write import write_atomically
from .site_files import Site, SiteFile

DIRTY_BUILD_WARNING = "A 'dirty' build is being performed"


class DirtyPreview:
    def __init__(self, root: Path):
        cache = root / ".cache" / "toolkit"
        self.pages_folder = cache / "preview-pages"
        self.stale_file = cache / "preview-pages-stale"  # touched when pages wait for a rebuild; watched
        self._surroundings: str | None = None  # what every page shows around its text, at the last build
        self._surroundings_now = ""
        self._rebuilt: set[str] = set()
        self._files = Files([])
        logging.getLogger("mkdocs.commands.build").addFilter(_without_dirty_warning)

    def begin(self, site: Site, config: MkDocsConfig) -> None:
        self._surroundings_now = _surroundings(site, config)

    def page_source(self, file: SiteFile) -> str:
        """The cached copy of a generated page, rewritten only when its text changed, so that its
        time tells MkDocs whether to render it again."""
        path = self.pages_folder / file.path
        data = file.text.encode("utf-8")
        if not path.is_file() or path.read_bytes() != data:
            write_atomically(path, data, durable=False)  # a cache: made again from the YAML
        return str(path)

    def read_titles(self, nav: Navigation, config: MkDocsConfig) -> None:
        """Read (without rendering) the pages this build will not render, for their titles."""
        for page in nav.pages:
            if page.markdown is None and not page.file.is_modified():
                page.read_source(config)

    def before_pages(self, files: Files, config: MkDocsConfig) -> None:
        """Note the pages this build renders, and carry over the search entries of the others."""
        self._files = files
        titles = [(file.url, file.page.title if file.page else None) for file in files.documentation_pages()]
        self._surroundings_now += hashlib.sha256(json.dumps(titles).encode()).hexdigest()
        self._rebuilt = {_location(file.url) for file in files.documentation_pages() if file.is_modified()}
        search = config.plugins.get("material/search") or config.plugins.get("search")
        previous = getattr(search, "search_index_prev", None)
        if previous is None or not hasattr(getattr(search, "search_index", None), "entries"):
            return
        kept = [entry for entry in previous.entries if entry["location"].split("#")[0] not in self._rebuilt]
        search.search_index.entries[:0] = kept
        search.search_index_prev = None  # the index is whole now; Material's merge would drop entries

    def finish(self) -> None:
        """After a build: if what surrounds every page changed, the pages not built this time are
        out of date; mark them so and ask the preview for one more build."""
        changed = self._surroundings is not None and self._surroundings != self._surroundings_now
        self._surroundings = self._surroundings_now
        if not changed:
            return
        for file in self._files.documentation_pages():
            if _location(file.url) not in self._rebuilt and os.path.isfile(file.abs_dest_path):
                os.utime(file.abs_dest_path, (0, 0))  # older than any source: rendered next time
        write_atomically(self.stale_file, b"Pages wait for a rebuild; the preview rebuilds when this file changes.\n",
                         durable=False)


def _surroundings(site: Site, config: MkDocsConfig) -> str:
    """A fingerprint of what every page shows besides its own text: the navigation and the
    pages in it, the settings, mkdocs.yml, the theme's overrides (the pages' titles are
    added once the pages are read)."""
    digest = hashlib.sha256(json.dumps([site.nav, site.settings, site.extra, [file.path for file in site.files]],
                                       sort_keys=True, default=str).encode())
    config_file = Path(config.config_file_path)
    digest.update(config_file.read_bytes())
    overrides = config.theme.custom_dir
    if overrides and Path(overrides).is_dir():
        for path in sorted(Path(overrides).rglob("*")):
            if path.is_file():
                digest.update(f"{path}\0{path.stat().st_mtime_ns}\0".encode())
    return digest.hexdigest()


def _location(url: str) -> str:
    """A page's address as the search index gives it (the home page's is empty)."""
    return "" if url in (".", "./") else url


def _without_dirty_warning(record: logging.LogRecord) -> bool:
    # The pages this warning is about are rebuilt right after (see the module's docstring).
    return not str(record.msg).startswith(DIRTY_BUILD_WARNING)
