"""Fillable worksheets: the names of their fields, and nesting those names as PDF expects.

Every field is named '<tool id>.<what it holds>', so a program reading filled-in PDFs
knows where each answer came from:

- an activity prompt:  'stakeholder-map.our-goal-in-one-sentence'; a prompt with several
  answers holds one field per answer: 'stakeholder-map.who-is-missing.row-2.their-stake'
  (a table cell), 'choose-focus-activities.how-ready.leaders-agree' (a rating's radio group);
  the prompts of a second worksheet go under its audience: 'tool.community-members.<prompt>'
- a canvas block:      'influence-interest-map.high-influence-high-interest'
- a checklist answer:  'readiness-to-partner.leadership-and-authority-1.yes'
- name and date:       'stakeholder-map.name', 'stakeholder-map.date'

In a PDF, a dot separates the levels of a field hierarchy: 'a.b' is field 'b' inside
field 'a'. WeasyPrint writes every field flat with its whole dotted name, so
`nest_field_names` rebuilds the hierarchy after rendering; readers then show the
names above, and no field's own name contains a dot.
"""

from __future__ import annotations

import re

import pydyf

from ..kit import Item
from ..model.canvas import Block

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str, max_length: int = 64) -> str:
    """'Our goal, in one sentence' -> 'our-goal-in-one-sentence'; "Don't know" -> 'dont-know'.

    Long text is cut after the last whole word that fits in max_length characters.
    """
    words = _NOT_SLUG.sub(" ", text.lower().replace("'", "").replace("’", "")).split()
    kept = words[:1]
    for word in words[1:]:
        if len("-".join([*kept, word])) > max_length:
            break
        kept.append(word)
    return "-".join(kept) or "field"


class FieldNames:
    """Field names for the templates: one method per kind of field."""

    def prompt(self, item: Item, index: int, sheet: int = 0) -> str:
        """The field of an activity's prompt (or the parent of its fields); a repeated label gets a
        number, so names stay unique."""
        worksheet = item.content.all_worksheets[sheet]
        labels = [slug(p.label) for p in worksheet.prompts]
        name = labels[index]
        if labels.count(name) > 1:
            name = f"{name}-{labels[:index + 1].count(name)}"
        if sheet == 0:
            return f"{item.id}.{name}"
        return f"{item.id}.{worksheet.audience or f'sheet-{sheet + 1}'}.{name}"

    def part(self, prompt_field: str, *words: str) -> str:
        """A field inside a prompt's: a table cell, a rated item, an option. `words` are slugged,
        so 'Their stake' becomes 'their-stake'."""
        return ".".join([prompt_field, *(slug(word) for word in words)])

    def block(self, item: Item, block: Block) -> str:
        return f"{item.id}.{block.id}"

    def answer(self, item: Item, section_index: int, number: int, answer: str) -> str:
        """A checklist answer: '<tool>.<section>-<question number>.<answer>'."""
        heading = slug(item.content.sections[section_index].heading)
        return f"{item.id}.{heading}-{number}.{slug(answer)}"


def nest_field_names(document, pdf: pydyf.PDF) -> None:
    """A WeasyPrint finisher: turn flat fields named 'a.b.c' into fields 'a' > 'b' > 'c'."""
    form = pdf.catalog.get("AcroForm")
    if not form:
        return
    parents: dict[tuple[str, ...], pydyf.Dictionary] = {}
    top_level = pydyf.Array()

    def parent_for(path: tuple[str, ...]) -> pydyf.Dictionary:
        if path not in parents:
            parent = pydyf.Dictionary({"T": pydyf.String(path[-1]), "Kids": pydyf.Array()})
            pdf.add_object(parent)
            parents[path] = parent
            if len(path) == 1:
                top_level.append(parent.reference)
            else:
                grandparent = parent_for(path[:-1])
                parent["Parent"] = grandparent.reference
                grandparent["Kids"].append(parent.reference)
        return parents[path]

    for reference in form["Fields"]:
        field = pdf.objects[int(reference.split()[0])]
        if "Parent" in field:
            # A radio button: WeasyPrint lists it among the fields beside its group, and names it
            # like the group. It is a widget of the group only, or readers see each twice.
            del field["T"]
            continue
        *path, own_name = field["T"].string.split(".")
        if not path:
            top_level.append(reference)
            continue
        parent = parent_for(tuple(path))
        field["T"] = pydyf.String(own_name)
        field["Parent"] = parent.reference
        parent["Kids"].append(reference)
    form["Fields"] = top_level
