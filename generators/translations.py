"""Translations of tools, sessions and handouts: sibling files such as listening-session.es.yml.

A translation holds only the words meant for people (the fields whose type is marked
FOR_PEOPLE in the content model), in the same shape as the English file: the same steps,
prompts and items, in the same order. Ids, numbers, vocabulary terms and references come
from the English file alone. Beside its text, each translated field has a fingerprint of
the English it was translated from (under `fingerprints:`), so a change to the English
shows the translation as stale, field by field, instead of leaving it quietly behind.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import typing
from dataclasses import dataclass

from pydantic import BaseModel

from .errors import Problem
from .model.common import FOR_PEOPLE, prose
from .yaml_source import SourceDocument

# listening-session.es.yml: the English file's id, then the language.
TRANSLATION_NAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z]{2,3}(?:-[a-z0-9]+)?)$")
FINGERPRINTS = "fingerprints"
FINGERPRINT = re.compile(r"^[0-9a-f]{12}$")


@dataclass
class Translation:
    """One translation file, checked against its English item."""

    item_id: str
    language: str
    source: SourceDocument
    text: dict                               # the translated fields and `fingerprints:`, as written

    @property
    def fingerprints(self) -> dict[str, str]:
        """Each translated field's fingerprint of the English it was translated from, as written."""
        marks = self.text.get(FINGERPRINTS)
        return {name: mark for name, mark in marks.items() if isinstance(mark, str)} if isinstance(marks, dict) else {}


def translation_name(stem: str) -> tuple[str, str] | None:
    """(id, language) for a translation's file name without '.yml', else None."""
    match = TRANSLATION_NAME.match(stem)
    return (match[1], match[2]) if match else None


def is_for_people(annotation) -> bool:
    """Whether a field of this type holds words for people somewhere inside: a translation may give it."""
    if annotation is FOR_PEOPLE:
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return any(field_is_for_people(info) for info in annotation.model_fields.values())
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *metadata = typing.get_args(annotation)
        return any(entry is FOR_PEOPLE for entry in metadata) or is_for_people(base)
    return any(is_for_people(argument) for argument in typing.get_args(annotation))


def field_is_for_people(info) -> bool:
    """Whether a model's field (its pydantic FieldInfo) holds words for people. Pydantic keeps the
    marker of a field typed plainly Line or Text among the field's metadata, not in its type."""
    return any(entry is FOR_PEOPLE for entry in info.metadata) or is_for_people(info.annotation)


def fingerprint(value) -> str:
    """A short fingerprint of the English words of a field (any change to them changes it)."""
    return hashlib.sha256(json.dumps(prose(value), ensure_ascii=False).encode("utf-8")).hexdigest()[:12]


def translatable_fields(content: BaseModel) -> list[str]:
    """The top-level fields of an item that hold words for people and have some, in the model's order."""
    return [name for name, info in type(content).model_fields.items()
            if field_is_for_people(info) and prose(getattr(content, name))]


def check_translation(translation: Translation, content: BaseModel, *, stamping: bool = False) -> list[Problem]:
    """What is wrong with a translation file: fields that are not translated, a shape other than
    the English one, fingerprints missing or malformed."""
    problems: list[Problem] = []
    document = translation.source
    fingerprints = translation.text.get(FINGERPRINTS)
    if fingerprints is not None and not isinstance(fingerprints, dict):
        problems.append(document.problem((FINGERPRINTS,), "must be a group of 'field: fingerprint' lines. Run "
                                         f"'toolkit translations --stamp {document.shown_as}' to write them"))
        fingerprints = {}
    fingerprints = fingerprints or {}
    model = type(content)
    for name, value in translation.text.items():
        if name == FINGERPRINTS:
            continue
        info = model.model_fields.get(name)
        if info is None:
            close = difflib.get_close_matches(name, list(model.model_fields), n=1, cutoff=0.6)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            problems.append(document.problem((name,), f"the English file has no field '{name}'.{hint} Remove it, "
                                             "or name a field of the English file", key=True))
            continue
        if not field_is_for_people(info):
            problems.append(document.problem((name,), f"'{name}' is not translated: ids, numbers, vocabulary terms "
                                             "and references come from the English file. Remove this field",
                                             key=True))
            continue
        _check_shape(value, getattr(content, name), (name,), document, problems)
        mark = fingerprints.get(name)
        if stamping:
            continue  # the fingerprints are about to be written
        if mark is None:
            problems.append(document.problem((name,), f"'{name}' has no fingerprint of the English it was translated "
                                             f"from. Run 'toolkit translations --stamp {document.shown_as}' after "
                                             "translating it", key=True))
        elif not isinstance(mark, str) or not FINGERPRINT.match(mark):
            problems.append(document.problem((FINGERPRINTS, name), "a fingerprint is 12 letters and digits (0-9, a-f), "
                                             f"as 'toolkit translations --stamp {document.shown_as}' writes it"))
    for name in fingerprints:
        if name not in translation.text:
            problems.append(document.problem((FINGERPRINTS, name), f"there is a fingerprint for '{name}', but no "
                                             "translated text. Remove the fingerprint, or translate the field",
                                             key=True))
    return problems


def _check_shape(value, english, loc: tuple, document: SourceDocument, problems: list[Problem]) -> None:
    """The translated `value` has the shape of the `english` one; only its words differ."""
    if isinstance(english, BaseModel):
        if not isinstance(value, dict):
            problems.append(document.problem(loc, "must be a group of fields, as in the English file"))
            return
        for name, part in value.items():
            info = type(english).model_fields.get(name)
            if info is None or not field_is_for_people(info):
                what = "is not translated: it comes from the English file" if info else "is not a field here"
                problems.append(document.problem((*loc, name), f"'{name}' {what}. Remove it", key=True))
                continue
            _check_shape(part, getattr(english, name), (*loc, name), document, problems)
    elif isinstance(english, (list, tuple)):
        if not isinstance(value, list):
            problems.append(document.problem(loc, f"must be a list of {len(english)}, as in the English file"))
        elif len(value) != len(english):
            problems.append(document.problem(loc, f"has {len(value)} entries, but the English has {len(english)}. "
                                             "Translate each one, in the same order, and add or remove none"))
        else:
            for index, (part, english_part) in enumerate(zip(value, english)):
                _check_shape(part, english_part, (*loc, index), document, problems)
    elif isinstance(english, dict):
        if not isinstance(value, dict) or set(value) != set(english):
            problems.append(document.problem(loc, f"must have the same keys as in the English file: "
                                             f"{', '.join(english)}"))
            return
        for key in english:
            _check_shape(value[key], english[key], (*loc, key), document, problems)
    elif isinstance(english, str):
        if not isinstance(value, str) or not value.strip():
            problems.append(document.problem(loc, "must be the translated text"))
    else:
        problems.append(document.problem(loc, "the English file has no text here. Remove it"))


@dataclass(frozen=True)
class FieldStatus:
    item_id: str
    language: str
    shown_as: str          # the translation file, or the English file when there is none
    missing: list[str]     # fields with English words and no translation
    stale: list[str]       # translated fields whose English changed since

    @property
    def complete(self) -> bool:
        return not self.missing and not self.stale


def translation_status(content: BaseModel, item_id: str, language: str, translation: Translation | None,
                       english_file: str) -> FieldStatus:
    """Which of the item's fields are missing from the translation, and which are stale."""
    fields = translatable_fields(content)
    if translation is None:
        return FieldStatus(item_id, language, english_file, fields, [])
    missing = [name for name in fields if name not in translation.text]
    stale = [name for name in fields if name in translation.text
             and translation.fingerprints.get(name) != fingerprint(getattr(content, name))]
    return FieldStatus(item_id, language, translation.source.shown_as, missing, stale)


def translated(english, text):
    """`english` (a model, list, dict or text) with its words replaced by `text`, a translation of
    the same shape that check_translation accepted. Ids, numbers and terms stay as they were."""
    if isinstance(english, BaseModel):
        return english.model_copy(update={name: translated(getattr(english, name), part)
                                          for name, part in text.items() if name != FINGERPRINTS})
    if isinstance(english, (list, tuple)):
        return type(english)(translated(part, text_part) for part, text_part in zip(english, text))
    if isinstance(english, dict):
        return {key: translated(value, text[key]) for key, value in english.items()}
    return text.strip() if isinstance(text, str) else english


def stamped(text: str, fingerprints: dict[str, str]) -> str:
    """The translation file's text with its `fingerprints:` block replaced by `fingerprints` (put at
    the end); every other line, comments included, stays as it was."""
    kept, inside = [], False
    for line in text.splitlines():
        if line.startswith(f"{FINGERPRINTS}:"):
            inside = True
            continue
        if inside and (line.startswith((" ", "\t")) or not line.strip()):
            continue
        inside = False
        kept.append(line)
    while kept and not kept[-1].strip():
        kept.pop()
    # Quoted: a fingerprint of digits only would otherwise be read as a number.
    block = [f"{FINGERPRINTS}:", *(f"  {name}: \"{mark}\"" for name, mark in fingerprints.items())]
    return "\n".join([*kept, *block]) + "\n"


def report(statuses: list[FieldStatus]) -> list[str]:
    """`toolkit translations`: per language, the count of complete items, then each item not complete."""
    lines = []
    for language in sorted({status.language for status in statuses}):
        mine = [status for status in statuses if status.language == language]
        complete = sum(status.complete for status in mine)
        stale = sum(bool(status.stale) for status in mine)
        missing = sum(bool(status.missing) and not status.stale for status in mine)
        lines.append(f"{language}: {complete} of {len(mine)} files translated, {stale} stale, {missing} missing.")
        for status in mine:
            if status.stale:
                lines.append(f"  {status.shown_as}: stale (the English changed after translation): "
                             f"{', '.join(status.stale)}")
            if status.missing:
                lines.append(f"  {status.shown_as}: missing: {', '.join(status.missing)}")
    return lines
