"""JSON Schemas generated from the content model, for editors (autocomplete and checks as you type).

They are committed under schemas/ so an editor finds them without running anything;
`toolkit schemas` rewrites them, and a test fails when they are stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .content_types import CONTENT_TYPES
from .model import Settings, Vocabulary

SCHEMA_FOLDER = "schemas"


def schema_models() -> dict[str, type[BaseModel]]:
    """File stem -> model, for every kind of YAML file in the kit."""
    return {**{ctype.name: ctype.model for ctype in CONTENT_TYPES}, "kit": Settings, "vocabulary": Vocabulary}


def schema_text(model: type[BaseModel]) -> str:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def schema_files(kit_root: Path) -> dict[Path, str]:
    folder = kit_root / SCHEMA_FOLDER
    return {folder / f"{name}.schema.json": schema_text(model) for name, model in schema_models().items()}


def write_schemas(kit_root: Path) -> list[Path]:
    written = []
    for path, text in schema_files(kit_root).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written
