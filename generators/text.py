"""How content text is made safe for each output.

Every text field is plain text. In Markdown pages, characters that Markdown or HTML
would act on are escaped so text always shows exactly as written and never runs.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_WHITESPACE = re.compile(r"\s+")


def markdown_text(value: object) -> str:
    """Plain text -> Markdown that renders as that same text, on one line."""
    if isinstance(value, Markup):  # already Markdown, produced by our own code
        return str(value)
    if value is None:
        return ""
    text = _WHITESPACE.sub(" ", str(value)).strip()
    text = html.escape(text, quote=False)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def css_string(value: object) -> Markup:
    """Text -> a quoted CSS string, safe inside a <style> element.

    Quotes and backslashes are escaped; '<' and '>' become CSS escapes so the
    text can never close the style element.
    """
    escaped = []
    for char in _WHITESPACE.sub(" ", str(value)):
        if char in '"\\<>' or ord(char) < 32:
            escaped.append(f"\\{ord(char):x} ")
        else:
            escaped.append(char)
    return Markup('"' + "".join(escaped) + '"')


# Marks that end a sentence or a title already: '¡Año, niño, acción!' needs no full stop after it.
_ENDING_MARKS = ".!?…:;‽。！？؟۔।"
# Closing quotes may follow the mark: 'Ask "Why?"' ends in a question too.
_CLOSING_QUOTES = "\"'”’»›」』"


def end_sentence(value: object) -> str:
    """Text followed by a full stop, unless it already ends in a mark of its own."""
    text = str(value).rstrip()
    last = text.rstrip(_CLOSING_QUOTES)[-1:]
    return text if last and last in _ENDING_MARKS else text + "."


def human_size(size: int) -> str:
    """Bytes -> '42 KB' as people read file sizes."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"
