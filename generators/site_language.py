"""The site's language and writing direction, from kit.yml's `language`.

Material translates its interface (search box, navigation labels) into many languages,
one template per language. A language it has no template for would stop the build, so
the site then keeps Material's English words, while every page still declares the kit's
language and direction.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

_HTML_ELEMENT = re.compile(r"<html\b([^>]*)>", re.IGNORECASE)
_LANGUAGE_OR_DIRECTION = re.compile(r"""\s(?:lang|dir)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE)


def theme_language(language: str, theme_folders: list[str]) -> str:
    """The theme's translation for `language`: 'pt-br' -> 'pt-BR', 'fr-ca' -> 'fr'; 'en' if it has none.

    A fork may add its own translation as overrides/partials/languages/<language>.html.
    """
    available = {path.stem.lower(): path.stem for folder in theme_folders
                 for path in (Path(folder) / "partials" / "languages").glob("*.html")}
    for candidate in (language.lower(), language.lower().split("-", 1)[0]):
        if candidate in available:
            return available[candidate]
    return "en"


def mark_language(html: str, language: str, direction: str) -> str:
    """The page with the kit's language and direction on its <html> element.

    Material writes its translation's code there, and the direction only on <body>;
    screen readers and browsers read both from <html>.
    """
    def marked(match: re.Match) -> str:
        others = _LANGUAGE_OR_DIRECTION.sub("", match[1])
        return f'<html lang="{escape(language)}" dir="{escape(direction)}"{others}>'

    return _HTML_ELEMENT.sub(marked, html, count=1)


def mark_pages_language(site_dir: Path, language: str, direction: str) -> None:
    """mark_language on every page of a built site, for engines that run no plugin of ours."""
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        marked = mark_language(html, language, direction)
        if marked != html:
            page.write_text(marked, encoding="utf-8")
