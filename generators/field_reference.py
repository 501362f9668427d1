"""The field reference page: every field of every kind of YAML file, with what to write.

It is generated from the content model's JSON Schemas (schemas.py), the same ones
editors use, so it always says exactly what the loader accepts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import jinja2
from markupsafe import Markup

from .content_types import CONTENT_TYPES
from .model.fonts import FONT_FILE_PATTERN
from .schemas import schema_models

FIELD_REFERENCE_PATH = "about/fields.md"
ID_PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$"
ONE_LINE_PATTERN = "^[^\\n]*$"
# The model's other text patterns, in words (a pattern not listed here is shown as "text
# in a set form", and the field's meaning says which).
PATTERN_WORDS = {
    "^https?://": "a web address starting with `https://`",
    "^([01][0-9]|2[0-3]):[0-5][0-9]$": "a time of day as hours and minutes, such as `17:30`",
    "^#[0-9a-fA-F]{6}$": "a colour as `#` and six hex digits, such as `#0b5563`",
    "^overrides/assets/[A-Za-z0-9_./-]+\\.(svg|png)$": "a file under `overrides/assets/` ending in `.svg` or `.png`",
    FONT_FILE_PATTERN: "a font file under `overrides/assets/fonts/` ending in `.ttf`, `.otf`, `.woff`, `.woff2` or `.ttc`",
}


@dataclass
class FieldRow:
    name: Markup
    required: bool
    what_to_write: Markup
    meaning: str


@dataclass
class FieldGroup:
    """The fields of one object: a whole file, or each entry of a list such as `steps`."""
    title: Markup   # the path to it, e.g. 'steps' or 'worksheet › prompts'; empty for the file itself
    anchor: Markup
    rows: list[FieldRow] = field(default_factory=list)


@dataclass
class FileReference:
    kind: Markup
    heading: str
    place: Markup
    description: str
    groups: list[FieldGroup]


def _headings_and_places() -> dict[str, tuple[str, str]]:
    """Each kind of file's heading, and where it lives as the page names it (read when the page
    is made, so it holds every content type registered by then)."""
    return {**{ctype.name: (ctype.title, f"{ctype.folder}/<id>.yml") for ctype in CONTENT_TYPES},
            "kit": ("Kit settings", "kit.yml"), "vocabulary": ("Vocabulary", "toolkit/vocabulary.yml")}


def file_references() -> list[FileReference]:
    references, places = [], _headings_and_places()
    for kind, model in schema_models().items():
        schema = model.model_json_schema()
        groups: list[FieldGroup] = []
        _describe_object(schema, schema.get("$defs", {}), "", kind, groups)
        heading, place = places[kind]
        references.append(FileReference(Markup(kind), heading, Markup(place),
                                        schema.get("description", ""),
                                        groups))
    return references


def _describe_object(schema: dict, defs: dict, title: str, anchor: str, groups: list[FieldGroup]) -> FieldGroup:
    # Names, paths and anchors come from the model, not from content: they are written as
    # Markdown (code spans, attribute lists) as they are. Descriptions are escaped as text.
    group = FieldGroup(Markup(title), Markup(anchor))
    groups.append(group)
    required = set(schema.get("required", []))
    for name, prop in schema.get("properties", {}).items():
        nested = _object_schema(prop, defs)
        kinds = _kinds(prop, defs)
        if kinds:
            links = []
            for kind, member in kinds.items():
                path = f"{title} › `{name}` (kind: `{kind}`)" if title else f"`{name}` (kind: `{kind}`)"
                child = _describe_object(member, defs, path, f"{anchor}-{name}-{kind}", groups)
                links.append(f"[{kind}](#{child.anchor})")
            what = f"a list; each entry has the fields of its `kind`: {', '.join(links)}"
        elif (mixed := _text_or_group(prop, defs)) is not None:
            # Entries that are text or a group of fields (a tool's preparation: a line, or a timed task).
            plain, member = mixed
            path = f"{title} › `{name}`" if title else f"`{name}`"
            child = _describe_object(member, defs, path, f"{anchor}-{name}", groups)
            what = f"a list; each entry is {what_to_write(plain, defs)}, or a group of [these fields](#{child.anchor})"
        elif nested is not None:
            path = f"{title} › `{name}`" if title else f"`{name}`"
            child = _describe_object(nested, defs, path, f"{anchor}-{name}", groups)
            what = (f"a list; each entry has [these fields](#{child.anchor})" if _is_list(prop, defs)
                    else f"a group of [these fields](#{child.anchor})")
        else:
            what = what_to_write(prop, defs)
        if "default" in prop and prop["default"] is not None:
            what += f" (if left out: {_shown(prop['default'])})"
        group.rows.append(FieldRow(Markup(name), name in required, Markup(what), prop.get("description", "")))
    return group


def _resolved(schema: dict, defs: dict) -> dict:
    if "$ref" in schema:
        return defs[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _without_null(schema: dict) -> dict:
    options = [option for option in schema.get("anyOf", []) if option.get("type") != "null"]
    return options[0] if len(options) == 1 else schema


def _object_schema(prop: dict, defs: dict) -> dict | None:
    """The object a field holds, or each entry of a list holds; None for plain values."""
    value = _resolved(_without_null(prop), defs)
    if value.get("type") == "array":
        value = _resolved(value.get("items", {}), defs)
    return value if value.get("type") == "object" and value.get("properties") else None


def _kinds(prop: dict, defs: dict) -> dict[str, dict]:
    """The kinds a list's entries come in (a worksheet's prompts), each with its object's schema,
    by the value of its `kind` field; {} for anything else."""
    value = _resolved(_without_null(prop), defs)
    options = value.get("items", {}).get("oneOf", []) if value.get("type") == "array" else []
    members = [_resolved(option, defs) for option in options]
    kinds = {member.get("properties", {}).get("kind", {}).get("const"): member for member in members}
    return {} if not members or None in kinds else kinds


def _text_or_group(prop: dict, defs: dict) -> tuple[dict, dict] | None:
    """For a list whose entries are either a plain value or one kind of object: (the plain value's
    schema, the object's schema); None for anything else."""
    value = _resolved(_without_null(prop), defs)
    options = value.get("items", {}).get("oneOf", []) if value.get("type") == "array" else []
    members = [_resolved(option, defs) for option in options]
    objects = [member for member in members if member.get("type") == "object" and member.get("properties")]
    plain = [member for member in members if member.get("type") != "object"]
    return (plain[0], objects[0]) if len(objects) == 1 and len(plain) == 1 else None


def _is_list(prop: dict, defs: dict) -> bool:
    return _resolved(_without_null(prop), defs).get("type") == "array"


def what_to_write(prop: dict, defs: dict) -> str:
    """A plain-language description of a value's form, from its schema."""
    schema = _resolved(_without_null(prop), defs)
    if "enum" in schema or "const" in schema:
        choices = schema.get("enum", [schema.get("const")])
        return "one of: " + ", ".join(_shown(choice) for choice in choices)
    kind = schema.get("type")
    if kind == "array":
        entry = what_to_write(schema.get("items", {}), defs)
        size = _bounds(schema.get("minItems"), schema.get("maxItems"), "entry", "entries")
        return f"a list{f' ({size})' if size else ''}; each entry is {entry}"
    if kind == "integer":
        return "a whole number" + _range(schema)
    if kind == "number":
        return "a number" + _range(schema)
    if kind == "boolean":
        return "true or false"
    if kind == "string":
        return _text(schema)
    if "anyOf" in schema:
        return " or ".join(what_to_write(option, defs) for option in schema["anyOf"] if option.get("type") != "null")
    return "a value"


def _text(schema: dict) -> str:
    pattern = schema.get("pattern")
    if pattern == ID_PATTERN:
        return "an id: lowercase letters, digits and hyphens, such as `food-access`"
    if pattern in PATTERN_WORDS:
        return PATTERN_WORDS[pattern]
    words = "one line of text" if pattern == ONE_LINE_PATTERN else "text"
    if pattern and pattern != ONE_LINE_PATTERN:
        words += " in a set form (see its meaning)"
    length = _bounds(schema.get("minLength") if schema.get("minLength", 0) > 1 else None,
                     schema.get("maxLength"), "character", "characters")
    return words + (f" ({length})" if length else "")


def _range(schema: dict) -> str:
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and high is not None:
        return f" from {low} to {high}"
    if low is not None:
        return f" of {low} or more"
    return f" up to {high}" if high is not None else ""


def _bounds(low: int | None, high: int | None, one: str, many: str) -> str:
    if low and high:
        return f"{low} to {high} {many}"
    if low:
        return f"at least {low} {one if low == 1 else many}"
    return f"up to {high} {many}" if high else ""


def _shown(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"`{value}`" if isinstance(value, str) else str(value)


# The page depends only on the models and its template: kept per template, since the live preview
# builds the site again after every save and this page took a third of that time.
_RENDERED: dict[int, tuple[jinja2.Template, str]] = {}


def render_field_reference(env: jinja2.Environment) -> str:
    template = env.get_template("fields.md.j2")  # the same object until the template file changes
    kept = _RENDERED.get(id(template))
    if kept is None or kept[0] is not template:
        if len(_RENDERED) > 8:
            _RENDERED.clear()
        kept = _RENDERED[id(template)] = (template, template.render(files=file_references(),
                                                                    required_mark=Markup(" (required)")))
    return kept[1]
