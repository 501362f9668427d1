"""UI words for templates, loaded from locales/<language>.yml.

The kit ships English (and its translations) in generators/locales/. A kit may add a language
of its own, or reword one, in a locales/ folder beside kit.yml: that file wins. Adding a
language is data only.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

LOCALES = Path(__file__).parent / "locales"
KIT_LOCALES = "locales"  # the kit's own folder of interface words, beside kit.yml
_kit_locales: Path | None = None


def use_kit_locales(kit_root: Path) -> None:
    """Read interface words from the kit's own locales/ folder first (load_kit calls this)."""
    global _kit_locales
    folder = kit_root / KIT_LOCALES
    if folder != _kit_locales:
        _kit_locales = folder
        ui_words.cache_clear()


def locale_file(language: str) -> Path | None:
    """The file of interface words for `language`: the kit's own, else the one shipped, else None."""
    for folder in (_kit_locales, LOCALES):
        if folder is not None and (folder / f"{language}.yml").is_file():
            return folder / f"{language}.yml"
    return None


@lru_cache(maxsize=None)
def ui_words(language: str) -> dict[str, str]:
    english = yaml.safe_load((LOCALES / "en.yml").read_text(encoding="utf-8"))
    translated = locale_file(language)
    if translated is not None and translated != LOCALES / "en.yml":
        # Missing keys fall back to English, so a partial translation still builds.
        return {**english, **(yaml.safe_load(translated.read_text(encoding="utf-8")) or {})}
    return english


# Languages written from right to left, by their primary language code (the part before
# any '-'): the site and every PDF of a kit in one of them run right to left.
RIGHT_TO_LEFT = frozenset({"ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"})


def text_direction(language: str) -> str:
    """'rtl' for a right-to-left language such as 'ar' or 'fa-af', else 'ltr' (HTML's dir values)."""
    return "rtl" if language.lower().split("-", 1)[0] in RIGHT_TO_LEFT else "ltr"
