"""Before any PDF is made: every character the PDFs print must be in one of the kit's fonts.

Without this check a character no font has prints as an empty box, or in whatever font
the building computer happens to have (Vietnamese then changes font in the middle of a
word), and the build still succeeds. Checked: every text of every tool and session, the
vocabulary, kit.yml, and the interface words of the kit's language. One problem per
field, at its line, naming the characters.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from ..errors import KitInvalid, Problem, display_path
from ..kit import SETTINGS_FILE, VOCABULARY_FILE, Kit
from ..locale import LOCALES, locale_file, ui_words
from ..model.fonts import FONT_ENDINGS, FONTS_FOLDER
from ..yaml_source import SourceDocument, read_yaml
from .font_files import code_points, extra_font_files, extra_font_problems, own_font_files

MAX_SHOWN = 10  # characters named per problem; the rest are counted
# Characters that never print a glyph: HarfBuzz hides them (joiners, direction marks,
# variation selectors), so no font needs them.
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zl", "Zp"}
_INVISIBLE_RANGES = ((0x034F, 0x034F), (0x180B, 0x180F), (0xFE00, 0xFE0F), (0xE0100, 0xE01EF))


@dataclass(frozen=True)
class Place:
    """A text where it was written: the file (read only when a problem needs its line) and the field."""

    path: Path
    shown_as: str
    loc: tuple

    def problem(self, message: str, documents: dict[Path, SourceDocument]) -> Problem:
        if self.path not in documents:
            documents[self.path] = read_yaml(self.path, self.shown_as)
        return documents[self.path].problem(self.loc, message)


def check_font_coverage(kit: Kit) -> None:
    """Raise KitInvalid if a font named in kit.yml is unusable, or a printed character is in no font."""
    problems = extra_font_problems(kit)
    if problems:
        raise KitInvalid(problems)
    fonts = [*own_font_files(kit.root), *extra_font_files(kit)]
    covered = frozenset().union(*(code_points(path) for path in fonts))
    documents = {item.source.path: item.source for item in kit.items.values()}
    problems = [place.problem(_message(missing), documents) for place, text in printed_texts(kit)
                if (missing := _missing(text, covered))]
    if problems:
        raise KitInvalid(problems)


def printed_texts(kit: Kit) -> Iterator[tuple[Place, str]]:
    """Every text the PDFs may print, with where it was written."""
    for item in kit.items.values():
        yield from _texts(item.content, Place(item.source.path, item.source.shown_as, ()))
    yield from _texts(kit.settings, Place(kit.root / SETTINGS_FILE, SETTINGS_FILE, ()))
    yield from _texts(kit.vocabulary, Place(kit.root / VOCABULARY_FILE, VOCABULARY_FILE, ()))
    yield from _interface_words(kit)


def _texts(value: object, place: Place) -> Iterator[tuple[Place, str]]:
    """The text values inside a checked model, each with its field's place in the file."""
    if isinstance(value, str):
        yield place, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), Place(place.path, place.shown_as, (*place.loc, name)))
    elif isinstance(value, (list, tuple)):
        for index, entry in enumerate(value):
            yield from _texts(entry, Place(place.path, place.shown_as, (*place.loc, index)))


def _interface_words(kit: Kit) -> Iterator[tuple[Place, str]]:
    """The words templates print around the content, from the kit language's file, else English."""
    language = kit.settings.language
    translated = locale_file(language)
    own = set(read_yaml(translated, language).data or {}) if translated and translated.name != "en.yml" else set()
    for key, words in ui_words(language).items():
        path = translated if key in own else LOCALES / "en.yml"
        yield Place(path, display_path(path, kit.root), (key,)), str(words)


def _missing(text: str, covered: frozenset[str]) -> list[str]:
    """The printed characters of `text` no font has, in the order they appear."""
    absent = {char for char in set(text) - covered if _prints(char)}  # the quick test, in one pass
    return list(dict.fromkeys(char for char in text if char in absent)) if absent else []


def _prints(char: str) -> bool:
    code = ord(char)
    if char.isspace() or unicodedata.category(char) in _INVISIBLE_CATEGORIES:
        return False
    return not any(low <= code <= high for low, high in _INVISIBLE_RANGES)


def _message(missing: list[str]) -> str:
    shown = ", ".join(_shown(char) for char in missing[:MAX_SHOWN])
    more = f" and {len(missing) - MAX_SHOWN} more" if len(missing) > MAX_SHOWN else ""
    noun = "character" if len(missing) == 1 else "characters"
    endings = f"{', '.join(FONT_ENDINGS[:-1])} or {FONT_ENDINGS[-1]}"
    return (f"the PDFs cannot print {len(missing)} {noun} of this text: {shown}{more}. None of the kit's fonts "
            "has them, so they would print as empty boxes. Add a font that has them: put its file "
            f"({endings}) in {FONTS_FOLDER} and name it in kit.yml under 'fonts:', as "
            f"'- regular: {FONTS_FOLDER}<file name>'.")


def _shown(char: str) -> str:
    # A combining mark is shown on a dotted circle, as type specimens show one.
    glyph = f"\u25cc{char}" if unicodedata.category(char).startswith("M") else char
    return f"'{glyph}' (U+{ord(char):04X})"
