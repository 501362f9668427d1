"""The logo named in kit.yml: checked when the kit is loaded, so `toolkit validate` finds
every problem with it before a build embeds it in hundreds of PDFs.

The site publishes overrides/ as the theme's folder and the PDFs load their images from
overrides/assets/, so the logo must be a real PNG or SVG file inside overrides/assets/.
"""

from __future__ import annotations

import math
import re
import struct
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

LOGO_FOLDER = "overrides/assets"
# Every PDF carries a copy of the logo: a big one multiplies into gigabytes of PDFs and cache.
MAX_LOGO_BYTES = 1024 * 1024  # 1 MB, as file managers count
MAX_LOGO_PIXELS = 2000
_SMALLER = "Save a smaller copy of the logo (a few hundred pixels wide is plenty for print) and use that."

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# What a file that is not a PNG often really is, named so people know what to export.
_OTHER_FORMATS = ((b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"), (b"%PDF", "a PDF document"),
                  (b"<", "text (perhaps SVG or HTML)"))
_PIXELS = re.compile(r"\s*([0-9]*\.?[0-9]+)\s*(?:px)?\s*")


def logo_problem(root: Path, logo: str | None) -> str | None:
    """What is wrong with the logo kit.yml names, worded for its 'logo:' line; None when it is fine."""
    if not logo:
        return None
    if ".." in PurePosixPath(logo).parts:
        return (f"'..' is not allowed in the logo's path: the logo must be inside {LOGO_FOLDER}/. "
                f"Put the logo file in {LOGO_FOLDER}/ and write its path without '..', "
                f"e.g. '{LOGO_FOLDER}/logo.png'.")
    path = root / logo
    if not path.exists():
        return (f"there is no file {logo}. Put the logo there, or change 'logo:' to the path of your "
                "logo file, or remove the line.")
    return _place_problem(root, logo, path) or _content_problem(logo, path)


def _place_problem(root: Path, logo: str, path: Path) -> str | None:
    if not path.is_file():
        return f"{logo} is a folder, not a file. Change 'logo:' to the path of the logo file itself."
    # A link that leads out of the folder would not be found when the PDFs are made.
    if not path.resolve().is_relative_to((root / LOGO_FOLDER).resolve()):
        return (f"{logo} is a link to a file outside {LOGO_FOLDER}/. "
                f"Copy the logo file itself into {LOGO_FOLDER}/.")
    size = path.stat().st_size
    if size > MAX_LOGO_BYTES:
        # Rounded up, so a file just over the limit does not read as "1.0 MB".
        megabytes = math.ceil(size * 10 / MAX_LOGO_BYTES) / 10
        return (f"the logo file is {megabytes:.1f} MB; a logo may be at most 1 MB, as every PDF carries "
                f"a copy. {_SMALLER}")
    return None


def _content_problem(logo: str, path: Path) -> str | None:
    try:
        data = path.read_bytes()
    except OSError as error:
        return f"the logo file cannot be read ({error.strerror}). Check its permissions, or save it again."
    found = _png_size(logo, data) if path.suffix == ".png" else _svg_size(logo, data)
    if isinstance(found, str):
        return found
    if found and max(found) > MAX_LOGO_PIXELS:
        width, height = found
        # An SVG's size is only its width and height attributes: setting them is enough.
        how = (f"Give its <svg> tag a width and height of at most {MAX_LOGO_PIXELS}, "
               'e.g. width="480" height="60", or export it again at a smaller size.'
               if path.suffix == ".svg" else _SMALLER)
        return (f"the logo is {width:g} × {height:g} pixels; a logo may be at most {MAX_LOGO_PIXELS} pixels "
                f"wide and {MAX_LOGO_PIXELS} high. {how}")
    return None


def _png_size(logo: str, data: bytes) -> tuple[float, float] | str:
    """The width and height from the PNG's header, or what is wrong with the file."""
    # A PNG starts with its signature, then the IHDR chunk: length, 'IHDR', width, height.
    if data.startswith(_PNG_SIGNATURE) and data[12:16] == b"IHDR" and len(data) >= 24:
        return struct.unpack(">II", data[16:24])
    really = next((name for start, name in _OTHER_FORMATS if data.lstrip().startswith(start)), None)
    what = f"it holds {really}" if really else "its content is not a PNG image"
    return (f"{logo} is not a real PNG file: {what}. Open the logo in an image program and export it "
            "as PNG (or as SVG, and change 'logo:' to match).")


def _svg_size(logo: str, data: bytes) -> tuple[float, float] | None | str:
    """The width and height in pixels when the SVG gives them, None when it does not, or what is wrong."""
    redo = "Export the logo again as SVG from your drawing program, or use a PNG copy of it."
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return f"{logo} is not a readable SVG file: its XML is broken on line {error.position[0]}. {redo}"
    if root.tag.rsplit("}", 1)[-1] != "svg":
        return f"{logo} is not an SVG image: it is XML, but not a drawing. {redo}"
    # The size is width and height when written, else the viewBox's; in other units it is not pixels.
    given = [root.get("width"), root.get("height")]
    if not any(given):
        given = (root.get("viewBox") or "").replace(",", " ").split()[2:]
    sizes = [_pixels(value) for value in given]
    return tuple(sizes) if len(sizes) == 2 and None not in sizes else None


def _pixels(value: str | None) -> float | None:
    """'120', '120px' or '120.5' as a number; None for other units (mm, %, em), which set no pixel size."""
    match = _PIXELS.fullmatch(value or "")
    return float(match.group(1)) if match else None
