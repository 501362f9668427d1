"""UI words for templates, loaded from generators/locales/<language>.yml."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

LOCALES = Path(__file__).parent / "locales"


@lru_cache(maxsize=None)
def ui_words(language: str) -> dict[str, str]:
    english = yaml.safe_load((LOCALES / "en.yml").read_text(encoding="utf-8"))
    translated = LOCALES / f"{language}.yml"
    if language != "en" and translated.is_file():
        # Missing keys fall back to English, so a partial translation still builds.
        return {**english, **yaml.safe_load(translated.read_text(encoding="utf-8"))}
    return english


# Languages written from right to left, by their primary language code (the part before
# any '-'): the site and every PDF of a kit in one of them run right to left.
RIGHT_TO_LEFT = frozenset({"ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"})


def text_direction(language: str) -> str:
    """'rtl' for a right-to-left language such as 'ar' or 'fa-af', else 'ltr' (HTML's dir values)."""
    return "rtl" if language.lower().split("-", 1)[0] in RIGHT_TO_LEFT else "ltr"
