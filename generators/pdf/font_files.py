"""The kit's font files, and the characters each one has (read from its cmap with fontTools).

The kit's own font is whatever the print stylesheet fonts.css loads (a fork may replace
that file); kit.yml's `fonts:` adds more. Fonts installed on the computer never count:
the PDFs must look the same whichever machine builds them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont

from ..errors import Problem
from ..kit import Kit
from ..model.fonts import FONT_ENDINGS
from .assets import AssetLookup, asset_folders

_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)['"]?\s*\)""")


class NotAFont(Exception):
    """The file cannot be read as a font; the message says why, in plain words."""


def own_font_files(kit_root: Path) -> list[Path]:
    """The font files fonts.css loads, found as the print documents find them."""
    lookup = AssetLookup(asset_folders(kit_root))
    stylesheet = lookup.find("fonts.css")
    if stylesheet is None:
        return []
    urls = _CSS_URL.findall(stylesheet.read_text(encoding="utf-8"))
    return [path for url in dict.fromkeys(urls) if (path := lookup.find(url)) is not None]


def extra_font_files(kit: Kit) -> list[Path]:
    """The files named under kit.yml's `fonts:`, in order (extra_font_problems says whether they are usable)."""
    lookup = _extra_font_lookup(kit.root)
    return [path for font in kit.settings.fonts for file in font.files.values()
            if (path := lookup.find(file.removeprefix("overrides/assets/"))) is not None]


def extra_font_problems(kit: Kit) -> list[Problem]:
    """A problem at kit.yml's line for each font file named there that is missing or not a font."""
    lookup = _extra_font_lookup(kit.root)
    found = []
    for index, font in enumerate(kit.settings.fonts):
        for name, file in font.files.items():
            path = lookup.find(file.removeprefix("overrides/assets/"))
            message = _file_problem(file, path, (kit.root / file).is_file())
            if message:
                found.append((("fonts", index, name), message))
    if not found:
        return []
    return [kit.settings_source.problem(loc, message) for loc, message in found]


def _extra_font_lookup(kit_root: Path) -> AssetLookup:
    # The same folder the print documents load them from, with the same refusal of links that leave it.
    return AssetLookup([kit_root / "overrides" / "assets"])


def _file_problem(file: str, path: Path | None, exists: bool) -> str:
    if path is None and exists:
        return (f"{file} is a link to a file outside overrides/assets/, which the PDFs may not load. "
                "Copy the font file itself there.")
    if path is None:
        return (f"there is no font file {file}. Put the font file there, or correct the path, "
                "or remove this line.")
    try:
        code_points(path)
    except NotAFont as error:
        return (f"{file} cannot be used as a font: {error}. Use a font file ending in "
                f"{', '.join(FONT_ENDINGS[:-1])} or {FONT_ENDINGS[-1]}, as font makers publish them.")
    return ""


def code_points(path: Path) -> frozenset[str]:
    """Every character the font file has a glyph for. Read once per file and version of it."""
    stat = path.stat()
    return _read_code_points(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=32)
def _read_code_points(path: Path, _mtime_ns: int, _size: int) -> frozenset[str]:
    try:
        maps = _unicode_maps(path)
    except Exception:  # fontTools raises many kinds for a damaged or foreign file
        raise NotAFont("it is not a font file the toolkit can read") from None
    if not maps or any(not cmap for cmap in maps):
        raise NotAFont("it has no table of Unicode characters")
    # A collection (.ttc) holds several fonts, and the PDFs may print from any of them:
    # only the characters every one of them has count as covered.
    return frozenset(chr(code) for code in set.intersection(*(set(cmap) for cmap in maps)))


def _unicode_maps(path: Path) -> list[dict[int, str] | None]:
    """Character -> glyph, for each font in the file (a .ttc collection holds several)."""
    with path.open("rb") as stream:
        collection = stream.read(4) == b"ttcf"
        stream.seek(0)
        faces = TTCollection(stream, lazy=True).fonts if collection else [TTFont(stream, lazy=True)]
        return [face["cmap"].getBestCmap() for face in faces]
