"""The kit in another language (languages.py), made from translation files; the switch between
languages; translated guide pages; interface words a kit adds for a language of its own."""

from __future__ import annotations

import re

import pytest

from generators.errors import KitInvalid
from generators.kit import load_kit
from generators.languages import kit_in, language_name, language_switch
from generators.locale import ui_words
from generators.page_translations import page_problems, page_status
from generators.plain_words import glossary_on
from tests.helpers import SPANISH, VALID_ACTIVITY, run_toolkit

ITEM = "toolkit/activities/quick-check-in"


@pytest.fixture
def translated_kit(one_tool_kit):
    """The one-tool kit published in Spanish too, with its tool translated and stamped."""
    settings = one_tool_kit / "kit.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "other_languages: [es]\n", encoding="utf-8")
    (one_tool_kit / f"{ITEM}.es.yml").write_text(SPANISH, encoding="utf-8")
    assert run_toolkit(["translations", "--stamp", f"{ITEM}.es.yml"], cwd=one_tool_kit).returncode == 0
    return one_tool_kit


def test_a_current_translation_gives_the_words_and_the_english_gives_the_rest(translated_kit):
    kit = load_kit(translated_kit)
    spanish = kit_in(kit, "es")
    tool, english = spanish.items["quick-check-in"].content, kit.items["quick-check-in"].content
    assert spanish.settings.language == "es" and spanish.source_kit is kit and spanish.untranslated == {}
    assert tool.title == "Ronda rápida"
    assert [step.title for step in tool.steps] == ["Preguntar", "Escuchar"]
    assert [step.minutes for step in tool.steps] == [step.minutes for step in english.steps]
    assert (tool.phases, tool.minutes, tool.group_size) == (english.phases, english.minutes, english.group_size)
    assert tool.worksheet.prompts[0].label == "Algo que espero que decidamos hoy"
    assert tool.worksheet.prompts[0].lines == english.worksheet.prompts[0].lines


def test_an_item_whose_english_changed_stays_whole_in_english(translated_kit):
    english = translated_kit / f"{ITEM}.yml"
    english.write_text(VALID_ACTIVITY.replace("Ask one question", "Ask a single question"), encoding="utf-8")
    spanish = kit_in(load_kit(translated_kit), "es")
    tool = spanish.items["quick-check-in"].content
    assert tool.title == "Quick check-in" and tool.steps[0].text.startswith("Ask a single question")
    assert tool.language == "en"  # marked, for screen readers and hyphenation
    assert spanish.untranslated["quick-check-in"].stale == ["steps"]


def test_the_switch_leads_from_each_language_to_the_others_root():
    class Settings:
        language, other_languages = "en", ["es"]

    class English:
        settings, source_kit = Settings, None

    class Spanish:
        class settings:  # noqa: N801 - stands in for the translated kit's settings
            language, other_languages = "es", []
        source_kit = English

    assert language_switch(English)["toolkit_languages"] == [{"language": "es", "name": "Español", "root": "es/"}]
    assert language_switch(Spanish)["toolkit_languages"] == [{"language": "en", "name": "English", "root": "../"}]
    assert language_switch(Spanish)["alternate"] is True


@pytest.mark.parametrize(("languages", "message"), [
    ("[en]", "other_languages: 'en' is the kit's own language"),
    ("[xx]", "other_languages: there are no interface words for 'xx'. Copy generators/locales/en.yml to "
             "locales/xx.yml beside kit.yml"),
])
def test_a_language_the_kit_cannot_publish_in_is_named_with_what_to_do(one_tool_kit, languages, message):
    settings = one_tool_kit / "kit.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + f"other_languages: {languages}\n", encoding="utf-8")
    with pytest.raises(KitInvalid) as raised:
        load_kit(one_tool_kit)
    assert message in raised.value.report()
    assert "kit.yml:" in raised.value.report()


def test_a_kit_adds_a_language_with_a_file_of_interface_words(one_tool_kit):
    (one_tool_kit / "locales").mkdir()
    (one_tool_kit / "locales/xx.yml").write_text("language_name: Ixish\nsteps: Ix-steps\n", encoding="utf-8")
    settings = one_tool_kit / "kit.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "other_languages: [xx]\n", encoding="utf-8")
    load_kit(one_tool_kit)
    assert language_name("xx") == "Ixish"
    assert ui_words("xx")["steps"] == "Ix-steps" and ui_words("xx")["time"] == ui_words("en")["time"]


def test_a_guide_page_translation_is_missing_then_current_then_stale(one_tool_kit):
    guide = one_tool_kit / "facilitation/guide"
    guide.mkdir(parents=True, exist_ok=True)
    english = guide / "welcome.md"
    english.write_text("# Welcome\n\nRead this first.\n", encoding="utf-8")
    assert page_status(english, "es", one_tool_kit).missing == ["page"]
    spanish = guide / "welcome.es.md"
    spanish.write_text("# Bienvenida\n\nLea esto primero.\n", encoding="utf-8")
    assert page_status(english, "es", one_tool_kit).stale == ["page"]  # no fingerprint yet
    result = run_toolkit(["translations", "--stamp", "facilitation/guide/welcome.es.md"], cwd=one_tool_kit)
    assert result.returncode == 0, result.stderr
    assert spanish.read_text(encoding="utf-8").startswith('---\nfingerprint: "')
    assert page_status(english, "es", one_tool_kit).complete
    english.write_text("# Welcome\n\nRead this first, then the tools.\n", encoding="utf-8")
    assert page_status(english, "es", one_tool_kit).stale == ["page"]
    result = run_toolkit(["translations", "--strict", "--language", "es"], cwd=one_tool_kit)
    assert result.returncode == 1
    assert "facilitation/guide/welcome.es.md: stale (the English changed after translation): page" in result.stdout


def test_a_page_translation_without_its_english_page_is_named(one_tool_kit):
    guide = one_tool_kit / "facilitation/guide"
    guide.mkdir(parents=True, exist_ok=True)
    (guide / "welcom.es.md").write_text("# Bienvenida\n", encoding="utf-8")
    problems = page_problems(guide, one_tool_kit)
    assert [problem.file for problem in problems] == ["facilitation/guide/welcom.es.md"]
    assert "there is no welcom.md beside this translation" in problems[0].message


def test_a_glossary_term_matches_when_any_of_its_words_is_plural():
    class Entry:
        def __init__(self, term):
            self.term = term

    glossary = [Entry("promotor de salud"), Entry("parte interesada"), Entry("community health worker")]
    found = glossary_on(["Los promotores de salud hablan con las partes interesadas."], glossary)
    assert [entry.term for entry in found] == ["promotor de salud", "parte interesada"]
    assert [entry.term for entry in glossary_on(["Two community health workers came."], glossary)] == [
        "community health worker"]


def test_spanish_syllables_follow_diphthongs_and_hiatuses():
    from generators.spanish_words import spanish_syllables

    counts = {"día": 2, "ciudad": 2, "poeta": 3, "aire": 2, "que": 1, "caminata": 4, "organización": 5, "hoy": 1}
    assert {word: spanish_syllables(word) for word in counts} == counts


def test_the_fernandez_huerta_score_is_high_for_short_plain_sentences_and_low_for_long_ones():
    from generators.spanish_words import fernandez_huerta

    plain = ["Lea la hoja. Escriba una idea. Pase la hoja."]
    dense = ["La implementación intersectorial de estrategias comunitarias requiere coordinación "
             "interinstitucional, planificación participativa y evaluación sistemática de resultados."]
    assert fernandez_huerta(plain) > 80 > 0 > fernandez_huerta(dense)
    assert fernandez_huerta([]) is None


def test_the_spanish_reading_report_gives_each_sheet_its_ease_and_the_shipped_kit_meets_the_target():
    from tests.helpers import KIT_ROOT

    result = run_toolkit(["report", "--language", "es", "--check"], cwd=KIT_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Reading report (es)" in result.stdout and "Ease: the Fernández-Huerta score" in result.stdout
    assert re.search(r"^activities/data-walk\b.* \d+ +\d+\.\d", result.stdout, re.MULTILINE)
    assert re.search(r"Average ease: \d+\.\d \(target: 70 or above, met\)", result.stdout)
    result = run_toolkit(["report", "--language", "fr"], cwd=KIT_ROOT)
    assert result.returncode == 1 and "the kit is not published in 'fr'" in result.stderr


def test_a_translated_page_template_is_stamped_and_goes_stale_with_its_english(one_tool_kit):
    folder = one_tool_kit / "overrides/toolkit/site"
    folder.mkdir(parents=True)
    (folder / "welcome.md.j2").write_text("# Welcome\n", encoding="utf-8")
    spanish = folder / "welcome.es.md.j2"
    spanish.write_text("# Bienvenida\n", encoding="utf-8")
    result = run_toolkit(["translations", "--language", "es"], cwd=one_tool_kit)
    assert "overrides/toolkit/site/welcome.es.md.j2: stale (the English changed after translation): page" in result.stdout
    assert run_toolkit(["translations", "--stamp", str(spanish)], cwd=one_tool_kit).returncode == 0
    assert spanish.read_text(encoding="utf-8").startswith('{#- fingerprint: "')
    assert spanish.read_text(encoding="utf-8").endswith("# Bienvenida\n")
    assert "welcome" not in run_toolkit(["translations", "--language", "es"], cwd=one_tool_kit).stdout
    (folder / "welcome.md.j2").write_text("# Welcome, everyone\n", encoding="utf-8")
    result = run_toolkit(["translations", "--strict", "--language", "es"], cwd=one_tool_kit)
    assert result.returncode == 1 and "welcome.es.md.j2: stale" in result.stdout
