"""Turn pydantic's validation errors into plain-language problems with a line and column."""

from __future__ import annotations

import difflib
import re
import typing

from pydantic import BaseModel, ValidationError

from .errors import Problem
from .yaml_source import SourceDocument

_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "list_type": "a list (lines starting with '- ')",
    "dict_type": "a group of fields (name: value lines, indented)",
    "model_type": "a group of fields (name: value lines, indented)",
    "model_attributes_type": "a group of fields (name: value lines, indented)",
    "bool_type": "true or false",
}


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """Follow a location through nested models to the model that holds its last part."""
    current: object = model
    for part in loc:
        if isinstance(part, int):
            continue
        if part in _tagged_members(current):
            current = _tagged_members(current)[part]
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _element(field.annotation)
        current = current if _tagged_members(current) else _inner_model(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _without_union_tags(model: type[BaseModel], loc: tuple) -> tuple:
    """The location as the YAML file has it. Pydantic puts the chosen member of a tagged union
    (a prompt's kind, say) into an error's location: ('prompts', 0, 'table', 'columns')."""
    kept, current = [], model
    for part in loc:
        members = _tagged_members(current)
        if isinstance(part, str) and part in members:
            current = members[part]
            continue
        kept.append(part)
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if isinstance(current, type) and issubclass(current, BaseModel) else None
        current = _element(field.annotation) if field else None
    return tuple(kept)


def _element(annotation) -> object:
    """What a field holds, past list[...] and '| None': a model, a tagged union, or a plain type."""
    args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    if typing.get_origin(annotation) is list or (len(args) == 1 and typing.get_origin(annotation) is not typing.Annotated):
        return _element(args[0]) if args else annotation
    return annotation


def _tagged_members(annotation) -> dict[str, object]:
    """The members of a tagged union by tag ({} for anything else)."""
    if typing.get_origin(annotation) is not typing.Annotated:
        return {}
    members = {}
    for member in typing.get_args(typing.get_args(annotation)[0]):
        if typing.get_origin(member) is typing.Annotated:
            model, *metadata = typing.get_args(member)
            for tag in metadata:
                if hasattr(tag, "tag"):
                    members[tag.tag] = model
    return members


def _inner_model(annotation) -> object:
    """The model inside list[X], X | None and similar annotations, else the annotation."""
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if isinstance(found, type) and issubclass(found, BaseModel):
            return found
    return annotation


def _describe(model: type[BaseModel], loc: tuple) -> str:
    parent = _model_at(model, loc[:-1])
    if parent is None or not loc or loc[-1] not in parent.model_fields:
        return ""
    return parent.model_fields[loc[-1]].description or ""


def _shown(value: object) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{' '.join(value.split())}'"
    return text if len(text) <= 60 else text[:57] + "..."


def explain(error: ValidationError, model: type[BaseModel], doc: SourceDocument) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        # `where` may name the member of a tagged union, to find the right model's fields and
        # descriptions; `loc` is the location as the file has it.
        where = tuple(detail["loc"])
        loc = _without_union_tags(model, where)
        kind = detail["type"]
        if kind == "extra_forbidden":
            problems.append(doc.problem(loc, _unknown_key(model, where), key=True))
            continue
        if kind == "missing":
            name = loc[-1]
            hint = _describe(model, where)
            message = f"'{name}' is missing. Add a '{name}:' line" + (f": {_lower_first(hint)}" if hint else "") + "."
            problems.append(doc.problem(loc[:-1], message))
            continue
        message = _commented_out(doc, loc, detail) or _message(kind, detail, model, where)
        problems.append(doc.problem(loc, message))
    return problems


# After a field's colon, a space and then '#': YAML reads the rest of the line as a comment.
_COMMENT_AFTER_COLON = re.compile(r"[^:]*:[ \t]+(#.*?)\s*$")


def _commented_out(doc: SourceDocument, loc: tuple, detail: dict) -> str | None:
    """When a field is empty because what was written after its colon starts with '#'
    (primary_colour: #0b5563), say so: the raw line shows what the person meant."""
    if detail.get("input") is not None or not loc or loc not in doc.key_at:
        return None
    line, column = doc.key_at[loc]
    found = _COMMENT_AFTER_COLON.match(doc.raw_line(line)[column - 1:])
    if not found:
        return None
    name, meant = loc[-1], found.group(1)
    if detail["type"] != "string_type":  # quotes would turn a number or a list into text
        return (f"the value is empty: in YAML, a # after a space starts a comment, so '{meant}' was left out. "
                "Write the value after the colon, before any #.")
    return (f"the value is empty: in YAML, a # after a space starts a comment, so '{meant}' was left out. "
            f'Put the value in quotes: {name}: "{meant}".')


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:].rstrip(".")


def _unknown_key(model: type[BaseModel], loc: tuple) -> str:
    name = str(loc[-1])
    parent = _model_at(model, loc[:-1])
    allowed = list(parent.model_fields) if parent else []
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    if close:
        return f"unknown field '{name}'. Did you mean '{close[0]}'?"
    return f"unknown field '{name}'. Fields allowed here: {', '.join(allowed)}."


def _message(kind: str, detail: dict, model: type[BaseModel], loc: tuple) -> str:
    value = detail.get("input")
    context = detail.get("ctx") or {}
    hint = _describe(model, loc)
    tail = f" It is: {_lower_first(hint)}." if hint else ""
    if kind in _TYPE_WORDS:
        return f"expected {_TYPE_WORDS[kind]}, found {_shown(value)}.{tail}"
    if kind == "value_error":
        message = str(context.get("error", detail["msg"]))
        return message.rstrip(".") + "."
    if kind == "string_pattern_mismatch" and isinstance(value, str) and "\n" in value:
        return "this must fit on one line. Remove the line breaks, and any '|' or '>' after the colon."
    if kind == "string_pattern_mismatch" and "[a-z0-9]+" in str(context.get("pattern", "")):
        return (f"{_shown(value)} must be an id: lowercase letters, digits and hyphens, "
                "such as 'co-create' or 'stakeholder-map'.")
    if kind == "string_pattern_mismatch":
        return f"{_shown(value)} is not in the expected form.{tail}"
    if kind == "string_too_long":
        return f"the text is longer than {context.get('max_length')} characters. Shorten it."
    if kind == "string_too_short":
        return "the text is empty. Write something, or remove the line."
    if kind == "too_long":
        count = context.get("max_length")
        return f"has more than {count} entries; keep at most {count}.{tail}"
    if kind == "union_tag_invalid":
        tag, allowed = str(context.get("tag")), re.findall(r"'([^']+)'", str(context.get("expected_tags")))
        close = difflib.get_close_matches(tag, allowed, n=1, cutoff=0.6)
        suggestion = f" Did you mean '{close[0]}'?" if close else ""
        return f"'{tag}' is not a kind of prompt.{suggestion} Use one of: {', '.join(allowed)}."
    if kind == "too_short":
        count = context.get("min_length")
        return f"needs at least {count} {'entry' if count == 1 else 'entries'}.{tail}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = next(iter(context.values()), "")
        word = {"greater_than_equal": "at least", "less_than_equal": "at most",
                "greater_than": "more than", "less_than": "less than"}[kind]
        return f"{_shown(value)} is too {'small' if 'greater' in kind else 'large'}; use a number {word} {bound}."
    if kind == "literal_error":
        return f"{_shown(value)} is not allowed here. Use one of: {context.get('expected')}."
    return f"{detail['msg']}.{tail}"
