"""`toolkit build`: build the whole site into a fresh folder, then swap it into place.

Only a folder that is new, empty or a site this kit built is ever replaced
(output_safety.py). If anything fails or the build is stopped, the previous site is
left exactly as it was (staging_area.py).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from . import staging_area
from .errors import KitInvalid, Problem
from .kit import load_kit
from .output_safety import check_site_folder, mark_as_built


class BuildFailed(Exception):
    """The site could not be built; the message says why and the old site is untouched."""


def _show_mkdocs_messages() -> logging.Handler:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    handler.setLevel(logging.WARNING)
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    mkdocs_log.setLevel(logging.INFO)
    progress = logging.StreamHandler(sys.stdout)
    progress.setFormatter(logging.Formatter("%(message)s"))
    progress.addFilter(lambda record: record.levelno == logging.INFO)
    logging.getLogger("mkdocs.plugins.toolkit").addHandler(progress)
    return handler


def build_site(root: Path, site_dir: Path | None = None, plain_folder: bool = False) -> Path:
    """Build into site_dir (default site/); `plain_folder` for a copy that opens from a folder."""
    target = check_site_folder(site_dir or root / "site", root)
    load_kit(root)  # report content problems plainly before MkDocs starts
    target.parent.mkdir(parents=True, exist_ok=True)
    staging_area.remove_leftovers(target)
    staging = staging_area.new_folder(target)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("SOURCE_DATE_EPOCH", _source_date_epoch(root))
    _show_mkdocs_messages()
    try:
        overrides = {"use_directory_urls": False} if plain_folder else {}
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(staging), strict=True, **overrides)
        mkdocs_build(config)
        mark_as_built(staging)
    except (Abort, ConfigurationError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise KitInvalid([Problem("mkdocs.yml", 0, 0, "", f"the site build stopped ({error}). "
                                  "See the messages above; the previous site was left as it was.")]) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    staging_area.swap_into_place(staging, target)
    return target


def _source_date_epoch(root: Path) -> str:
    """The build's date (used in sitemap.xml): the last commit's, so rebuilding a commit gives the same bytes."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True,
                                text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "0"
    return result.stdout.strip() if result.returncode == 0 and result.stdout.strip().isdigit() else "0"
