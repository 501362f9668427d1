"""Translations as sibling files (toolkit/activities/quick-check-in.es.yml): only the words for
people, in the English file's shape, with a fingerprint per field; `toolkit translations` says
what is translated, missing or stale, and `--stamp` writes the fingerprints."""

from __future__ import annotations

import pytest

from generators.kit import load_kit
from generators.model import Activity
from generators.page_translations import english_pages, page_folders, translated_templates
from generators.templating import template_folders
from generators.translations import field_is_for_people, translatable_fields
from tests.helpers import SPANISH, VALID_ACTIVITY, run_toolkit



@pytest.fixture
def kit_root(one_tool_kit):
    return one_tool_kit


def _translate(kit_root, text=SPANISH):
    path = kit_root / "toolkit/activities/quick-check-in.es.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_words_for_people_are_declared_by_their_type_and_nothing_else_is_translated():
    fields = Activity.model_fields
    assert field_is_for_people(fields["title"]) and field_is_for_people(fields["steps"])
    assert field_is_for_people(fields["worksheet"]) and field_is_for_people(fields["preparation"])
    for name in ("minutes", "phases", "sectors", "difficulty", "related", "handouts", "group_size", "language"):
        assert not field_is_for_people(fields[name]), name


def test_a_translation_is_stamped_then_complete_then_stale_when_the_english_changes(kit_root):
    path = _translate(kit_root)
    result = run_toolkit(["translations", "--stamp", str(path)], cwd=kit_root)
    assert result.returncode == 0, result.stderr
    text = path.read_text(encoding="utf-8")
    assert text.startswith(SPANISH) and "\nfingerprints:\n  title: " in text
    kit = load_kit(kit_root)
    assert set(kit.translations[("quick-check-in", "es")].fingerprints) == {"title", "purpose", "steps", "worksheet"}
    result = run_toolkit(["translations"], cwd=kit_root)
    assert result.returncode == 0, result.stdout + result.stderr
    # The tool is translated; kit.yml, the vocabulary and the hand-written pages are not yet.
    assert "quick-check-in" not in result.stdout
    assert "  kit.yml: missing: name, tagline, organization, content_licence" in result.stdout

    english = kit_root / "toolkit/activities/quick-check-in.yml"
    english.write_text(VALID_ACTIVITY.replace("nobody comments on answers", "nobody answers back"), encoding="utf-8")
    result = run_toolkit(["translations", "--strict", "--language", "es"], cwd=kit_root)
    assert result.returncode == 1
    assert ("toolkit/activities/quick-check-in.es.yml: stale (the English changed after translation): steps"
            in result.stdout)
    # Stamping again after updating the translation makes it current.
    assert run_toolkit(["translations", "--stamp", str(path)], cwd=kit_root).returncode == 0
    assert "quick-check-in" not in run_toolkit(["translations", "--strict", "--language", "es"], cwd=kit_root).stdout


def test_what_is_not_translated_yet_is_missing_field_by_field(kit_root):
    path = _translate(kit_root, SPANISH.split("steps:")[0])
    assert run_toolkit(["translations", "--stamp", str(path)], cwd=kit_root).returncode == 0
    result = run_toolkit(["translations", "--language", "fr"], cwd=kit_root)
    assert result.returncode == 0
    assert "toolkit/activities/quick-check-in.es.yml: missing: steps, worksheet" in result.stdout
    pages = sum(len(english_pages(folder)) for folder in page_folders(kit_root)) + len(translated_templates(
        [*template_folders(kit_root, "site"), *template_folders(kit_root, "print")]))
    assert f"fr: 0 of {3 + pages} files translated, 0 stale, {3 + pages} missing." in result.stdout
    assert "toolkit/activities/quick-check-in.yml: missing: title, purpose, steps, worksheet" in result.stdout
    assert translatable_fields(load_kit(kit_root).items["quick-check-in"].content) == [
        "title", "purpose", "steps", "worksheet"]


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("quick-chek-in.es.yml", SPANISH,
     "toolkit/activities/quick-chek-in.es.yml: there is no quick-chek-in.yml beside this translation. "
     "Did you mean 'quick-check-in.es.yml'?"),
    ("quick-check-in.es.yml", SPANISH + "minutes: {min: 5, max: 10}\n",
     "quick-check-in.es.yml:12:1: minutes: 'minutes' is not translated: ids, numbers, vocabulary terms and "
     "references come from the English file. Remove this field"),
    ("quick-check-in.es.yml", SPANISH.replace("  - title: Escuchar\n    text: Den la vuelta al círculo; nadie comenta "
                                              "las respuestas.\n", ""),
     "quick-check-in.es.yml:5:3: steps: has 1 entries, but the English has 2. Translate each one, in the same "
     "order, and add or remove none"),
    ("quick-check-in.es.yml", SPANISH.replace("  - title: Preguntar\n", "  - title: Preguntar\n    minutes: 5\n"),
     "steps[1].minutes: 'minutes' is not translated: it comes from the English file. Remove it"),
    ("quick-check-in.es.yml", SPANISH,
     "quick-check-in.es.yml:2:1: title: 'title' has no fingerprint of the English it was translated from. "
     "Run 'toolkit translations --stamp toolkit/activities/quick-check-in.es.yml' after translating it"),
    ("quick-check-in.es.yml", SPANISH + "fingerprints:\n  title: not-a-hash\n",
     "fingerprints.title: a fingerprint is 12 letters and digits (0-9, a-f)"),
])
def test_bad_translations_are_named_by_file_line_and_field(kit_root, name, text, expected):
    (kit_root / "toolkit/activities" / name).write_text(text, encoding="utf-8")
    result = run_toolkit(["validate"], cwd=kit_root)
    assert result.returncode == 1
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_the_shipped_kit_has_no_missing_or_stale_translation():
    """Changing English text means updating its translations too (then `toolkit translations --stamp`)."""
    from tests.helpers import KIT_ROOT

    result = run_toolkit(["translations", "--strict"], cwd=KIT_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("es: ") and " 0 stale, 0 missing." in result.stdout.splitlines()[0]
