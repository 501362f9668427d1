"""The field reference page lists every field of every kind of file, as the model defines it."""

from __future__ import annotations

import re
import typing

from pydantic import BaseModel

from generators.field_reference import render_field_reference
from generators.schemas import schema_models
from generators.templating import site_environment

ROW = re.compile(r"^- \*\*`(\w+)`\*\*( \(required\))?: (.+)$")
GROUP = re.compile(r"^#{2,3} (.+?) \{: #([\w-]+) \}$")


def nested_model(annotation) -> type[BaseModel] | None:
    """The model a field holds, directly, in a list or as an optional value."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        found = nested_model(argument)
        if found is not None:
            return found
    return None


def tagged_members(annotation) -> dict[str, type[BaseModel]]:
    """A list of a tagged union's members (a worksheet's prompts), by tag; {} for anything else."""
    found = {}
    for argument in typing.get_args(annotation):
        if typing.get_origin(argument) is typing.Annotated:
            member, *metadata = typing.get_args(argument)
            found.update({tag.tag: member for tag in metadata if hasattr(tag, "tag")})
        found.update(tagged_members(argument))
    return found


def expected_fields(model: type[BaseModel], anchor: str) -> dict[str, dict[str, bool]]:
    """anchor of each group -> field name -> required, walked from the pydantic model; each
    member of a tagged union is a group of its own."""
    groups = {anchor: {}}
    for name, info in model.model_fields.items():
        groups[anchor][name] = info.is_required()
        members = tagged_members(info.annotation)
        if any(not (isinstance(member, type) and issubclass(member, BaseModel)) for member in members.values()):
            members = {}  # text or a group of fields (a tool's preparation): the group is listed as nested
        for tag, member in members.items():
            groups.update(expected_fields(member, f"{anchor}-{name}-{tag}"))
        inner = None if members else nested_model(info.annotation)
        if inner is not None:
            groups.update(expected_fields(inner, f"{anchor}-{name}"))
    return groups


def listed_fields(markdown: str) -> dict[str, dict[str, tuple[bool, str]]]:
    groups, current = {}, None
    for line in markdown.splitlines():
        if heading := GROUP.match(line):
            current = groups.setdefault(heading[2], {})
        elif (row := ROW.match(line)) and current is not None:
            current[row[1]] = (bool(row[2]), row[3])
    return groups


def test_every_field_of_every_model_is_listed_once_with_whether_it_is_required(tmp_path):
    listed = listed_fields(render_field_reference(site_environment(tmp_path)))
    expected = {}
    for kind, model in schema_models().items():
        expected.update(expected_fields(model, kind))
    assert {group: {name: required for name, (required, _) in rows.items()} for group, rows in listed.items()} \
        == expected


def test_each_field_says_what_to_write_and_what_it_means(tmp_path):
    listed = listed_fields(render_field_reference(site_environment(tmp_path)))
    activity = listed["activity"]
    assert activity["title"][1].startswith("one line of text (up to 200 characters). The tool's name")
    assert activity["steps"][1].startswith("a list; each entry has [these fields](#activity-steps)")
    assert listed["activity-steps"]["minutes"][1].startswith("a whole number from 1 to 600. How long")
    assert listed["kit"]["paper"][1].startswith("one of: `letter`, `a4` (if left out: `letter`).")
    assert listed["kit"]["primary_colour"][1].startswith("a colour as `#` and six hex digits")
    assert listed["session"]["start"][1].startswith("a time of day as hours and minutes")
    for group in listed.values():
        for name, (_, text) in group.items():
            assert len(text.split(". ", 1)) == 2 and text.split(". ", 1)[1].strip(), f"{name} has no meaning"
