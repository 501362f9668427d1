"""`toolkit build` and `toolkit generate`.

`generate` writes the site as an ordinary project (generate.py). `build` writes that
project beside the target, runs a site engine on it (engines.py), finishes the pages,
and swaps the result into place. Only a folder that is new, empty or one this kit made
is ever replaced (output_safety.py); if anything fails or the build is stopped, the
previous site is left exactly as it was (staging_area.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from . import staging_area
from .console import show_messages
from .engines import run_engine
from .errors import KitInvalid, Problem
from .generate import projects_written, write_projects
from .languages import published_languages
from .kit import Kit, load_kit
from .locale import text_direction
from .output_safety import SITE_MARKER, check_site_folder, mark_as_built
from .pdf.assets import AssetLookup, asset_folders
from .pdf.workers import shared_workers
from .plain_folder import finish_plain_folder
from .site_language import mark_pages_language

PROGRESS_LOG = "mkdocs.plugins.toolkit"  # the PDF step's progress lines (the preview shows them too)
# What an engine cannot do, said before anything is rendered.
PLAIN_FOLDER_ENGINES = ("mkdocs", "properdocs")


def build_site(root: Path, site_dir: Path | None = None, *, plain_folder: bool = False, engine: str = "mkdocs",
               pdfs: bool = True) -> Path:
    """Build into site_dir (default site/); `plain_folder` for a copy that opens from a folder."""
    target = check_site_folder(site_dir or root / "site", root)
    if plain_folder and engine not in PLAIN_FOLDER_ENGINES:
        raise KitInvalid([Problem(f"toolkit build --engine {engine}", 0, 0, "", f"{engine} cannot make the copy "
                                  "that opens from a plain folder (its search needs a web server). Leave out "
                                  "--plain-folder, or use --engine mkdocs or --engine properdocs.")])
    # Workers for the PDFs import WeasyPrint while the kit is read, when a PDF will likely be rendered.
    early = AssetLookup(asset_folders(root)) if pdfs and changed_since_built(root, target) else None
    with shared_workers(early):
        kit = load_kit(root)  # report content problems plainly before anything else
        return _build(kit, target, plain_folder=plain_folder, engine=engine, pdfs=pdfs)


def _build(kit: Kit, target: Path, *, plain_folder: bool, engine: str, pdfs: bool) -> Path:
    root = kit.root
    target.parent.mkdir(parents=True, exist_ok=True)
    staging_area.remove_leftovers(target)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("SOURCE_DATE_EPOCH", _source_date_epoch(root))
    show_messages(PROGRESS_LOG, progress=True)
    project = None
    try:  # from the moment the project folder exists, a stop removes it
        project = staging_area.new_folder(target)
        built = project / "site"
        # The kit's own language first: building a site empties its folder, and the others go inside it.
        # Its site is built while the other languages' PDFs may still be rendering.
        with projects_written(kit, project, directory_urls=not plain_folder, pdfs=pdfs) as config_files:
            for language, config_file in zip(published_languages(kit), config_files):
                run_engine(engine, config_file)
                language_root = built if language == kit.settings.language else built / language
                mark_pages_language(language_root, language, text_direction(language))
                if plain_folder:
                    finish_plain_folder(language_root)
        mark_as_built(built)
        staging_area.swap_into_place(built, target)
    finally:
        if project is not None:
            shutil.rmtree(project, ignore_errors=True)  # the project, and after the swap the old site
    return target


# What a kit is made of: a change to any of them since the last build likely changes a PDF.
KIT_SOURCES = ("toolkit", "facilitation", "overrides", "locales", "kit.yml", "mkdocs.yml")


def changed_since_built(root: Path, site: Path) -> bool:
    """Whether a file of the kit is newer than the site last built from it (or no site was built).
    Only a guess, which decides when the PDF workers start: early if something will likely render,
    at the first PDF missing from the cache otherwise, so an unchanged build starts none."""
    try:
        built = (site / SITE_MARKER).stat().st_mtime
    except OSError:
        return True
    for name in KIT_SOURCES:
        path = root / name
        files = path.rglob("*") if path.is_dir() else [path]
        if any(_newer(file, built) for file in files):
            return True
    return any(_newer(file, built) for file in root.glob("kit.*.yml"))  # the kit's settings in other languages


def _newer(file: Path, moment: float) -> bool:
    try:
        return file.stat().st_mtime > moment
    except OSError:  # not there (any more)
        return False


def generate_project(root: Path, folder: Path, *, pdfs: bool = True) -> Path:
    """`toolkit generate DIR`: the project any engine can build, written whole or not at all."""
    target = check_site_folder(folder, root, option="DIR", command="toolkit generate")
    kit = load_kit(root)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging_area.remove_leftovers(target)
    show_messages(PROGRESS_LOG, progress=True)
    staging = None
    try:
        staging = staging_area.new_folder(target)
        write_projects(kit, staging, pdfs=pdfs)
        mark_as_built(staging)
        staging_area.swap_into_place(staging, target)
    except BaseException:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def _source_date_epoch(root: Path) -> str:
    """The build's date (used in sitemap.xml): the last commit's, so rebuilding a commit gives the same bytes."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True,
                                text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "0"
    return result.stdout.strip() if result.returncode == 0 and result.stdout.strip().isdigit() else "0"
