"""Controlled vocabularies: the one place phases, buckets, sectors, difficulty levels and
audiences are defined."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import Field, model_validator

from .common import Line, Slug, Strict, Text


class Term(Strict):
    """One term of a vocabulary."""

    id: Slug = Field(description="The id used in tool files.")
    label: Line = Field(description="The name shown to readers.")
    description: Text = Field(description="One or two sentences on what the term means.")


class GlossaryEntry(Strict):
    """A word participants may not know, and its plain meaning: printed on every sheet that uses the word."""

    term: Line = Field(description="The word or phrase as sheets write it, e.g. 'stakeholder'. Any of its "
                       "words may also end in -s or -es, so plurals match ('partes interesadas' for "
                       "'parte interesada').")
    meaning: Text = Field(description="What it means, in one short plain sentence.")


# Who a worksheet or handout is written for. A kit whose vocabulary.yml predates audiences gets these.
DEFAULT_AUDIENCES = [
    Term(id="partner-staff", label="Partner staff",
         description="People who work for the partner organizations: clinics, health departments, agencies."),
    Term(id="community-members", label="Community members",
         description="Residents and community leaders taking part in their own right, not for an organization."),
]


class Vocabulary(Strict):
    """All vocabularies of the kit."""

    phases: list[Term] = Field(min_length=1, description="Phases of the journey, in order.")
    buckets: list[Term] = Field(min_length=1, description="Integrator buckets.")
    sectors: list[Term] = Field(min_length=1, description="Sectors at the table.")
    difficulty: list[Term] = Field(min_length=1, description="Difficulty levels, easiest first.")
    audiences: list[Term] = Field(default_factory=lambda: list(DEFAULT_AUDIENCES), min_length=1,
                                  description="Who a worksheet or handout is written for; the first is "
                                  "the audience of a worksheet that names none.")
    glossary: list[GlossaryEntry] = Field(default_factory=list, description="Words participants may not "
                                          "know, each with a plain meaning; a printed sheet that uses one "
                                          "lists its meaning at the bottom.")

    @model_validator(mode="after")
    def _unique_ids(self):
        for name in ("phases", "buckets", "sectors", "difficulty", "audiences"):
            ids = [term.id for term in getattr(self, name)]
            repeated = sorted({i for i in ids if ids.count(i) > 1})
            if repeated:
                raise ValueError(f"{name} lists {', '.join(repeated)} more than once. Keep one of each")
        terms = [entry.term.lower() for entry in self.glossary]
        repeated = sorted({term for term in terms if terms.count(term) > 1})
        if repeated:
            raise ValueError(f"the glossary explains {', '.join(repeated)} more than once. Keep one of each")
        return self

    def label(self, kind: str, term_id: str) -> str:
        return next(t.label for t in getattr(self, kind) if t.id == term_id)

    def in_order(self, kind: str, term_ids: Iterable[str]) -> list[str]:
        """`term_ids`, terms of one vocabulary, each once and in the order the vocabulary lists them."""
        wanted = set(term_ids)
        return [term.id for term in getattr(self, kind) if term.id in wanted]
