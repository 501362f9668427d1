"""`toolkit new`: write a commented starter YAML for a new tool or session.

The starter is valid as written (placeholders are marked TODO), so its page and
PDFs can be previewed at once. A new file is never written over an existing one.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path

import jinja2

from .content_types import BY_NAME
from .errors import KitInvalid, Problem
from .schemas import SCHEMA_FOLDER
from .templating import PACKAGE_TEMPLATES


def slug_from_title(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    return slug[:60].rstrip("-") or "new-tool"


def free_id(kit_root: Path, title: str) -> str:
    """The title's slug, or the slug with -2, -3... if that id is taken by any tool or session."""
    taken = {path.stem for ctype in BY_NAME.values() for path in (kit_root / ctype.folder).glob("*.y*ml")}
    base = slug_from_title(title)
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def new_item(kit_root: Path, type_name: str, title: str) -> Path:
    if type_name not in BY_NAME:
        raise KitInvalid([Problem("toolkit new", 0, 0, "", f"'{type_name}' is not a type. Use one of: "
                                  f"{', '.join(BY_NAME)}.")])
    if not title.strip() or "\n" in title:
        raise KitInvalid([Problem("toolkit new", 0, 0, "", "give the title on one line, in quotes, "
                                  "e.g. toolkit new activity \"Map our partners\".")])
    ctype = BY_NAME[type_name]
    folder = kit_root / ctype.folder
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{free_id(kit_root, title)}.yml"
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(PACKAGE_TEMPLATES / "new")),
                             keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    # A JSON string is a valid, safely quoted YAML string.
    env.filters["yaml"] = lambda text: json.dumps(text, ensure_ascii=False)
    schema = os.path.relpath(kit_root / SCHEMA_FOLDER / f"{type_name}.schema.json", folder)
    text = env.get_template(f"{type_name}.yml.j2").render(title=title.strip(), schema=schema)
    with path.open("x", encoding="utf-8") as out:  # "x": fail rather than replace an existing file
        out.write(text)
    return path
