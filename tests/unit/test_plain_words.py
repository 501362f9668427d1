"""How plain participant sheets are: syllables, the reading grade, uncommon words, the glossary and `toolkit report`."""

from __future__ import annotations

import pytest

from generators.cli import main
from generators.model.vocabulary import GlossaryEntry
from generators.plain_words import (
    glossary_on,
    reading_grade,
    sentence_count,
    sheet_readings,
    syllables,
    uncommon_share,
    uncommon_words,
)


@pytest.mark.parametrize(("word", "count"), [
    ("the", 1), ("make", 1), ("asked", 1), ("homes", 1), ("wanted", 2), ("table", 2),
    ("people", 2), ("agreement", 3), ("community", 4), ("organization", 5), ("sign-up", 2),
])
def test_syllables_are_counted_from_spelling(word, count):
    assert syllables(word) == count


def test_a_text_without_a_closing_mark_is_one_sentence_and_marks_split_the_rest():
    assert sentence_count("What is one good thing about this street") == 1
    assert sentence_count("Write it down. Then share it! Who else?") == 3
    assert sentence_count("Costs $2.50 each.") == 1


def test_long_words_in_long_sentences_read_at_a_higher_grade_than_short_plain_ones():
    plain = ["Say one thing you like about your street.", "Who helps you most?"]
    dense = ["Organizational stakeholders should collaboratively operationalize interdisciplinary "
             "accountability mechanisms across institutional boundaries to maximize sustainability."]
    assert reading_grade(plain) < 3 < 12 < reading_grade(dense)
    assert reading_grade([]) == 0.0


def test_uncommon_words_are_those_outside_the_languages_most_frequent_words():
    texts = ["Our partners asked for the meso level of the stakeholder map."]
    assert uncommon_words(texts, "en") == ["meso", "stakeholder"]
    assert uncommon_share(texts, "en") == pytest.approx(2 / 11)
    assert uncommon_share(["Nuestra comunidad tiene una escuela."], "es") == 0.0


def test_a_glossary_term_matches_whole_words_in_any_case_and_its_plurals():
    glossary = [GlossaryEntry(term="stakeholder", meaning="A group with something to gain or lose."),
                GlossaryEntry(term="shared savings", meaning="Money saved that partners split."),
                GlossaryEntry(term="meso", meaning="The level of organizations.")]
    found = glossary_on(["Name three Stakeholders.", "How would shared savings work?"], glossary)
    assert [entry.term for entry in found] == ["stakeholder", "shared savings"]
    assert glossary_on(["A mesoscale model", "non-stakeholder-led"], glossary) == []


def test_every_participant_sheet_is_read_with_the_meanings_it_prints(fixture_kit):
    readings = {reading.name: reading for reading in sheet_readings(fixture_kit)}
    assert set(readings) == {"activities/food-and-housing", "activities/quick-check-in", "canvases/hopes-and-worries",
                             "checklists/ready-to-meet", "handouts/ground-rules-sheet"}
    food = readings["activities/food-and-housing"]
    assert food.explained == ["housing need"]
    # The title, two prompt labels and the printed meaning.
    assert food.word_count == 5 + 7 + 7 + 12
    assert 0 < food.grade < 8


def test_toolkit_report_lists_every_sheet_and_checks_the_targets(fixture_kit_copy, monkeypatch, capsys):
    monkeypatch.chdir(fixture_kit_copy)
    assert main(["report", "--check"]) == 0
    out = capsys.readouterr().out
    assert "activities/food-and-housing" in out and "housing need" in out
    assert "Average grade:" in out and "met" in out
    # A sheet of long words in one long sentence fails the check, and the report says what to do.
    sheet = fixture_kit_copy / "toolkit/activities/quick-check-in.yml"
    sheet.write_text(sheet.read_text().replace(
        "One thing I hope we decide today",
        "Organizational interdependencies necessitating collaborative institutional prioritization"))
    assert main(["report", "--check"]) == 1
    out = capsys.readouterr().out
    assert "activities/quick-check-in" in out.split("\n")[4], "the hardest sheet comes first"
    assert "To lower a grade" in out
