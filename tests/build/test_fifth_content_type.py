"""A new content type is a model, its templates and one registry entry, and nothing else.

The test adds a "handout" the way CONTRIBUTING.md says ("Adding a content type"), without
touching the generators: the model class is defined here, its registry entry is added
for this test only, and its site and print templates are written into the test kit's
overrides. The kit must then load it, list it in the catalog, give it a page and print it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import Field
from pypdf import PdfReader

from generators import content_types
from generators.content_types import ContentType
from generators.kit import load_kit
from generators.model.common import Step, Text, ToolBase, steps_fit_validator
from generators.pdf.worksheets import KIT_DOCUMENTS, build_pdfs
from generators.site_files import page_url, site_files
from generators.site_pages import page_path


class Handout(ToolBase):
    """A page participants read and keep."""

    text: list[Text] = Field(min_length=1, description="The handout's paragraphs.")
    steps: list[Step] = Field(min_length=1, description="How to use the handout in the meeting.")

    _steps_fit = steps_fit_validator()


HANDOUT = ContentType("handout", "handouts", "toolkit/handouts", Handout, "Handouts")

HANDOUT_FILE = """\
title: Our ground rules
purpose: Remind everyone of the rules the group agreed
phases: [link]
buckets: [internal-champions]
sectors: [community]
minutes: {min: 5, max: 10}
group_size: {min: 2, max: 30}
difficulty: easy
steps:
  - minutes: 5
    text: Read the rules aloud and ask if any needs changing.
text:
  - Everyone speaks for themselves, not for their organization.
  - We end on time; what is left goes on the next agenda.
"""

# The templates a fork would write, in the kit's overrides; the shared macros and the print
# base template come from the kit.
SITE_TEMPLATE = """\
{% import "_macros.md.j2" as m %}
# {{ tool.title }}

{{ tool.purpose }}
{: .tk-purpose }

{{ m.summary(tool, t, label, term_link) }}
{{ m.downloads(downloads, t) }}
{% for paragraph in tool.text %}
{{ paragraph }}

{% endfor %}
"""
PRINT_TEMPLATE = """\
{% extends "base.html.j2" %}
{% block body %}
{% include "handout_body.html.j2" %}
{% endblock %}
"""
PRINT_BODY = """\
<article class="handout">
  <h1>{{ tool.title }}</h1>
  <p class="purpose">{{ tool.purpose }}</p>
  {% for paragraph in tool.text %}<p>{{ paragraph }}</p>{% endfor %}
</article>
"""


@pytest.fixture
def handout_kit(small_kit: Path, monkeypatch):
    monkeypatch.setitem(content_types.BY_NAME, HANDOUT.name, HANDOUT)  # the one registry entry
    files = {"toolkit/handouts/ground-rules.yml": HANDOUT_FILE,
             "overrides/toolkit/site/handout.md.j2": SITE_TEMPLATE,
             "overrides/toolkit/print/handout.html.j2": PRINT_TEMPLATE,
             "overrides/toolkit/print/handout_body.html.j2": PRINT_BODY}
    for relative, text in files.items():
        (small_kit / relative).parent.mkdir(parents=True, exist_ok=True)
        (small_kit / relative).write_text(text, encoding="utf-8")
    return load_kit(small_kit)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_kit_loads_the_new_type(handout_kit):
    item = handout_kit.items["ground-rules"]
    assert item.type is HANDOUT
    assert isinstance(item.content, Handout)
    assert item.content.text[0] == "Everyone speaks for themselves, not for their organization."
    assert handout_kit.tools == [item]


def test_the_new_type_has_its_catalog_entry_and_pages(handout_kit, tmp_path):
    site = site_files(handout_kit, tmp_path / "no-docs", pdfs=None)
    files = {file.path: file.text for file in site.files}

    entry = next(e for e in json.loads(files["catalog.json"])["items"] if e["id"] == "ground-rules")
    assert entry == {"id": "ground-rules", "type": "handout", "title": "Our ground rules",
                     "purpose": "Remind everyone of the rules the group agreed", "phases": ["link"],
                     "buckets": ["internal-champions"], "sectors": ["community"],
                     "minutes": {"min": 5, "max": 10}, "group_size": {"min": 2, "max": 30},
                     "page": "handouts/ground-rules/", "pdfs": {}}

    page = files["handouts/ground-rules.md"]
    assert "# Our ground rules" in page
    assert "We end on time; what is left goes on the next agenda" in page  # the site escapes its '.'
    assert "[Our ground rules](ground-rules.md)" in files["handouts/index.md"]
    # Listed on the catalog page and on its phase's page, under its type's name.
    assert 'value="handout"> Handout</label>' in files["catalog.md"]
    assert "Our ground rules" in files["catalog.md"]
    assert "## Handouts" in files["phases/link.md"]


def test_the_new_type_is_printed(handout_kit):
    urls = {item_id: page_url(page_path(item)) for item_id, item in handout_kit.items.items()}
    pdfs = build_pdfs(handout_kit, urls)

    variants = {pdf.variant: pdf.path for pdf in pdfs["ground-rules"]}
    assert set(variants) == {"letter", "a4", "fillable-letter"}  # a tool's PDFs, as its entry says
    for path in variants.values():
        text = _flat(" ".join(page.extract_text() for page in PdfReader(path).pages))
        assert "Our ground rules" in text
        assert "Everyone speaks for themselves, not for their organization." in text
    book = next(pdf.path for pdf in pdfs[KIT_DOCUMENTS] if pdf.variant.startswith("book-"))
    assert "We end on time; what is left goes on the next agenda." in _flat(
        " ".join(page.extract_text() for page in PdfReader(book).pages))
