"""Extra fonts, named in kit.yml: they print the characters the kit's own font lacks.

The kit's own font (Atkinson Hyperlegible) covers the Latin letters of Western European
languages. Chinese, Arabic, Vietnamese and many more need another font; the PDFs never
borrow one from the computer that builds them, so that they look the same everywhere.
"""

from __future__ import annotations

import re
from typing import Annotated, NamedTuple

from pydantic import AfterValidator, Field, StringConstraints, WithJsonSchema

from .common import Strict

FONTS_FOLDER = "overrides/assets/fonts/"
FONT_ENDINGS = (".ttf", ".otf", ".woff", ".woff2", ".ttc")
FONT_FILE_PATTERN = r"^overrides/assets/fonts/[A-Za-z0-9_./-]+\.(ttf|otf|woff|woff2|ttc)$"
_FONT_FILE = re.compile(FONT_FILE_PATTERN)
_EXAMPLE = f"'{FONTS_FOLDER}NotoSansSC-Regular.ttf'"


def _font_file(path: str) -> str:
    # Checked here rather than by a pattern alone, to say which part is wrong. '..' would
    # reach files outside the folder the PDFs may load fonts from.
    if ".." in path.split("/"):
        raise ValueError(f"'{path}' points outside the fonts folder ('..'). Put the font file inside "
                         f"{FONTS_FOLDER} and write its path from there, e.g. {_EXAMPLE}")
    if not _FONT_FILE.match(path):
        raise ValueError(f"'{path}' is not the path of a font file in {FONTS_FOLDER}. Write the path "
                         f"of a file in that folder ending in .ttf, .otf, .woff, .woff2 or .ttc, e.g. {_EXAMPLE}")
    return path


# The pattern is also written into the JSON Schema, so editors check it as you type.
FontFile = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200), AfterValidator(_font_file),
                     WithJsonSchema({"type": "string", "maxLength": 200, "pattern": FONT_FILE_PATTERN})]


class FontFace(NamedTuple):
    """One file of a font, with the weight and style it prints."""

    file: str
    weight: int
    style: str

    @property
    def url(self) -> str:
        """The file as print documents load it (overrides/assets/ is their asset folder)."""
        return self.file.removeprefix("overrides/assets/")


class Font(Strict):
    """A font for the characters the kit's own font lacks: its regular file and, if it has them,
    its bold and italic files."""

    regular: FontFile = Field(description="The font's regular file, e.g. "
                              "'overrides/assets/fonts/NotoSansSC-Regular.ttf'.")
    bold: FontFile | None = Field(None, description="Its bold file, if the font has one; without it, bold "
                                  "text prints in the regular file.")
    italic: FontFile | None = Field(None, description="Its italic file, if the font has one.")
    bold_italic: FontFile | None = Field(None, description="Its bold italic file, if the font has one.")

    @property
    def faces(self) -> list[FontFace]:
        given = [(self.regular, 400, "normal"), (self.bold, 700, "normal"),
                 (self.italic, 400, "italic"), (self.bold_italic, 700, "italic")]
        return [FontFace(file, weight, style) for file, weight, style in given if file]

    @property
    def files(self) -> dict[str, str]:
        """Field name -> file, for the files this entry names (to point at the right line)."""
        return {name: file for name in ("regular", "bold", "italic", "bold_italic")
                if (file := getattr(self, name))}
