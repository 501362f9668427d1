"""A new content type is a model, its templates and one registry entry, and nothing else.

The test adds a "glossary" the way CONTRIBUTING.md says ("Adding a content type"), without
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


class Glossary(ToolBase):
    """Words a partnership uses, each explained, gone through together."""

    text: list[Text] = Field(min_length=1, description="The glossary's entries, one paragraph each.")
    steps: list[Step] = Field(min_length=1, description="How to go through the glossary in the meeting.")

    _steps_fit = steps_fit_validator()


GLOSSARY = ContentType("glossary", "glossaries", "toolkit/glossaries", Glossary, "Glossaries")

GLOSSARY_FILE = """\
title: Our shared words
purpose: Agree what the words we use mean
phases: [link]
buckets: [internal-champions]
sectors: [community]
minutes: {min: 5, max: 10}
group_size: {min: 2, max: 30}
difficulty: easy
steps:
  - minutes: 5
    text: Read each entry aloud and ask if anyone uses the word differently.
text:
  - Partner means an organization that signed the network's charter.
  - Resident means a person who lives in the neighborhood; we end on time for them.
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
{% include "glossary_body.html.j2" %}
{% endblock %}
"""
PRINT_BODY = """\
<article class="glossary">
  <h1>{{ tool.title }}</h1>
  <p class="purpose">{{ tool.purpose }}</p>
  {% for paragraph in tool.text %}<p>{{ paragraph }}</p>{% endfor %}
</article>
"""


@pytest.fixture
def glossary_kit(small_kit: Path, monkeypatch):
    monkeypatch.setitem(content_types.BY_NAME, GLOSSARY.name, GLOSSARY)  # the one registry entry
    files = {"toolkit/glossaries/shared-words.yml": GLOSSARY_FILE,
             "overrides/toolkit/site/glossary.md.j2": SITE_TEMPLATE,
             "overrides/toolkit/print/glossary.html.j2": PRINT_TEMPLATE,
             "overrides/toolkit/print/glossary_body.html.j2": PRINT_BODY}
    for relative, text in files.items():
        (small_kit / relative).parent.mkdir(parents=True, exist_ok=True)
        (small_kit / relative).write_text(text, encoding="utf-8")
    return load_kit(small_kit)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_kit_loads_the_new_type(glossary_kit):
    item = glossary_kit.items["shared-words"]
    assert item.type is GLOSSARY
    assert isinstance(item.content, Glossary)
    assert item.content.text[0] == "Partner means an organization that signed the network's charter."
    assert glossary_kit.tools == [item]


def test_the_new_type_has_its_catalog_entry_and_pages(glossary_kit, tmp_path):
    site = site_files(glossary_kit, tmp_path / "no-docs", pdfs=None)
    files = {file.path: file.text for file in site.files}

    entry = next(e for e in json.loads(files["catalog.json"])["items"] if e["id"] == "shared-words")
    assert entry == {"id": "shared-words", "type": "glossary", "title": "Our shared words",
                     "purpose": "Agree what the words we use mean", "phases": ["link"],
                     "buckets": ["internal-champions"], "sectors": ["community"],
                     "minutes": {"min": 5, "max": 10}, "group_size": {"min": 2, "max": 30},
                     "page": "glossaries/shared-words/", "pdfs": {},
                     # A tool of any type goes on a planned meeting: the planner reads these.
                     "steps_minutes": 5, "short": None, "materials": [], "preparation": [], "handouts": []}

    page = files["glossaries/shared-words.md"]
    assert "# Our shared words" in page
    assert "we end on time for them" in page  # the site escapes its '.'
    assert "[Our shared words](shared-words.md)" in files["glossaries/index.md"]
    # Listed on the catalog page and on its phase's page, under its type's name.
    assert 'value="glossary"> Glossary</label>' in files["catalog.md"]
    assert "Our shared words" in files["catalog.md"]
    assert "## Glossaries" in files["phases/link.md"]


def test_the_new_type_is_printed(glossary_kit):
    urls = {item_id: page_url(page_path(item)) for item_id, item in glossary_kit.items.items()}
    pdfs = build_pdfs(glossary_kit, urls)

    variants = {pdf.variant: pdf.path for pdf in pdfs["shared-words"]}
    assert set(variants) == {"letter", "a4", "fillable-letter"}  # a tool's PDFs, as its entry says
    for path in variants.values():
        text = _flat(" ".join(page.extract_text() for page in PdfReader(path).pages))
        assert "Our shared words" in text
        assert "Partner means an organization that signed the network's charter." in text
    book = next(pdf.path for pdf in pdfs[KIT_DOCUMENTS] if pdf.variant.startswith("book-"))
    assert "Resident means a person who lives in the neighborhood; we end on time for them." in _flat(
        " ".join(page.extract_text() for page in PdfReader(book).pages))
