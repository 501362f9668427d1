"""Small pieces of the print code, checked on their own: field names and the card columns."""

from __future__ import annotations

from generators.model.common import Step
from generators.pdf.cards import split_steps
from generators.pdf.fields import slug


def test_field_names_are_readable_slugs_cut_at_a_whole_word():
    assert slug("Don't know") == "dont-know"
    assert slug("Our goal, in one sentence") == "our-goal-in-one-sentence"
    assert slug("What we hope for – and what they want from us", max_length=20) == "what-we-hope-for-and"
    assert slug("!!!") == "field"


def step(characters: int) -> Step:
    return Step(minutes=5, text="x" * characters)


def test_card_steps_are_split_into_two_columns_of_about_the_same_length():
    steps = [step(300), step(100), step(100), step(300)]
    assert split_steps(steps) == (steps[:2], steps[2:])


def test_a_card_never_has_an_empty_first_column():
    steps = [step(1500), step(100)]
    assert split_steps(steps) == (steps[:1], steps[1:])
    assert split_steps(steps[:1]) == (steps[:1], [])
