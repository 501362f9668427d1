"""Where a command may write: never over what people made.

A build replaces its whole output folder, so it may only take a folder that does not
exist, is empty, or holds a site this kit built (a marker file says so). A single
output file (a meeting packet) may only replace a PDF. Nothing is ever written into the
kit's own folder, a folder above it, or a folder that holds its sources.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .errors import KitInvalid, Problem

# Folders (and files) of the kit that people make by hand or that git keeps.
SOURCE_NAMES = ("toolkit", "facilitation", "docs", "overrides", "generators", "tests", "schemas", ".git",
                "kit.yml", "mkdocs.yml")
# Written into every built site, so the next build knows the folder is its own to replace.
SITE_MARKER = ".toolkit-site"


def _refused(command: str, message: str) -> KitInvalid:
    return KitInvalid([Problem(command, 0, 0, "", message)])


def _is_kit_source(path: Path, root: Path) -> str | None:
    """The source folder `path` is (or is inside), e.g. 'toolkit'; None if it is none of them."""
    for name in SOURCE_NAMES:
        source = root / name
        if path == source or path.is_relative_to(source):
            return name
    return None


def _source_label(name: str) -> str:
    return f"the kit's {name} file" if name.endswith(".yml") else f"the kit's {name}/ folder"


def _holds_kit_sources(folder: Path) -> bool:
    return any((folder / name).exists() for name in ("toolkit", "facilitation", "kit.yml", ".git"))


def was_built_here(folder: Path) -> bool:
    """A site this kit built: it has our marker, or (built before the marker existed) our
    catalog.json and search index side by side."""
    if (folder / SITE_MARKER).is_file():
        return True
    catalog = folder / "catalog.json"
    if not (catalog.is_file() and (folder / "search" / "search_index.json").is_file()):
        return False
    try:
        return isinstance(json.loads(catalog.read_text(encoding="utf-8")).get("items"), list)
    except (OSError, ValueError, AttributeError):
        return False


def check_site_folder(target: Path, root: Path, option: str = "--site-dir", command: str = "toolkit build") -> Path:
    """The resolved folder a build may replace, or KitInvalid saying why not and what to do."""
    target, root = target.resolve(), root.resolve()
    shown = str(target)
    command = f"{command} {option}"
    if target == root or root.is_relative_to(target):
        raise _refused(command, f"{shown} holds the kit itself; a build replaces its whole output folder. "
                       "Give a folder of its own, e.g. site/ (the default) or ../my-site.")
    source = _is_kit_source(target, root)
    if source:
        place = "is" if target == root / source else "is inside"
        raise _refused(command, f"{shown} {place} {_source_label(source)}, which people write by hand. "
                       "Give a folder of its own, e.g. site/ (the default) or ../my-site.")
    if target.exists() and not target.is_dir():
        raise _refused(command, f"{shown} is a file, not a folder. Give a folder that does not exist yet.")
    if target.is_dir() and _holds_kit_sources(target):
        raise _refused(command, f"{shown} holds a kit's sources (toolkit/, kit.yml or .git); a build "
                       "replaces its whole output folder. Give a folder of its own.")
    if target.is_dir() and any(target.iterdir()) and not was_built_here(target):
        raise _refused(command, f"{shown} already holds files that this kit did not build, and a build "
                       "replaces the whole folder. Give an empty or new folder, or move those files away.")
    return target


def mark_as_built(folder: Path) -> None:
    (folder / SITE_MARKER).write_text(
        "This folder was built by `toolkit build`; the next build replaces all of it.\n", encoding="utf-8")


def check_output_file(output: Path, root: Path, force: bool, command: str = "toolkit packet --output") -> Path:
    """The resolved file a command may write one PDF to, or KitInvalid saying why not.

    Checked before any rendering, so a wrong path costs nothing."""
    resolved, root = output.resolve(), root.resolve()
    shown = str(output)
    source = _is_kit_source(resolved, root)
    if source:
        raise _refused(command, f"{shown} is inside {_source_label(source)}, which people write by hand. "
                       "Write the packet elsewhere, e.g. packet.pdf in the kit's folder or ../packet.pdf.")
    site = next((folder for folder in resolved.parents if was_built_here(folder)), None)
    if site:
        raise _refused(command, f"{shown} is inside the built site {site}, which the next build replaces "
                       "whole. Write the packet elsewhere, e.g. packet.pdf in the kit's folder.")
    if resolved.is_dir():
        raise _refused(command, f"{shown} is a folder. Give a file name inside it, e.g. {shown}/packet.pdf.")
    if resolved.suffix.lower() != ".pdf":
        raise _refused(command, f"{shown} does not end in .pdf. Give a file name such as packet.pdf.")
    if resolved.exists():
        if not _starts_like_pdf(resolved):
            raise _refused(command, f"{shown} exists and is not a PDF; it was left as it is. "
                           "Give another file name.")
        if not force:
            raise _refused(command, f"{shown} exists. Add --force to replace it, or give another file name.")
    _check_folder_writable(resolved.parent, command)
    return resolved


def _check_folder_writable(folder: Path, command: str) -> None:
    """The folder exists and can be written to, or can be made inside the nearest one that exists."""
    existing = next(parent for parent in (folder, *folder.parents) if parent.exists())
    if not existing.is_dir():
        raise _refused(command, f"{existing} is a file, not a folder. Give another place for the file.")
    if not os.access(existing, os.W_OK):
        raise _refused(command, f"you may not write in {existing}. Give a folder of your own.")


def _starts_like_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(5) == b"%PDF-"
    except OSError:
        return False
