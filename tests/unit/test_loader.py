"""Loading and checking YAML: valid files load, bad files give exact, plain messages.
The property-based tests of the loader (hundreds of generated files): tests/build/test_loader_properties.py."""

from __future__ import annotations

import pytest

from generators.errors import KitInvalid
from generators.kit import load_kit
from tests.helpers import VALID_ACTIVITY, run_toolkit


def write(kit_root, relative, text):
    path = kit_root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(kit_root) -> list[str]:
    with pytest.raises(KitInvalid) as caught:
        load_kit(kit_root)
    return [str(p) for p in caught.value.problems]


def test_a_valid_activity_loads_with_its_fields(small_kit):
    write(small_kit, "toolkit/activities/quick-check-in.yml", VALID_ACTIVITY)
    kit = load_kit(small_kit)
    item = kit.items["quick-check-in"]
    assert item.type.name == "activity"
    assert item.content.title == "Quick check-in"
    assert [s.minutes for s in item.content.steps] == [5, 10]


BAD_FILES = [
    pytest.param(
        VALID_ACTIVITY.replace("  - title: Listen\n    minutes: 10\n    text: Go round the circle; nobody comments on answers.\n",
                               "  - title: Listen\n    minutes: 10\n"),
        ["toolkit/activities/bad.yml:13:5: steps[2]: 'text' is missing. Add a 'text:' line"
         ": what the facilitator and the group do in this step."],
        id="missing-field"),
    pytest.param(
        VALID_ACTIVITY.replace("difficulty: easy", "dificulty: easy"),
        ["toolkit/activities/bad.yml:1:1: 'difficulty' is missing. Add a 'difficulty:' line"
         ": how much facilitation experience it needs (an id from the vocabulary).",
         "toolkit/activities/bad.yml:8:1: dificulty: unknown field 'dificulty'. Did you mean 'difficulty'?"],
        id="misspelled-key"),
    pytest.param(
        VALID_ACTIVITY.replace("phases: [link]", "phases: [link, lisen]"),
        ["toolkit/activities/bad.yml:3:16: phases[2]: 'lisen' is not a phase in toolkit/vocabulary.yml. "
         "Did you mean 'listen'? Use one of: link, listen, co-create."],
        id="unknown-vocabulary-term"),
    pytest.param(
        VALID_ACTIVITY.replace("difficulty: easy", "difficulty: easy\ndifficulty: moderate"),
        ["toolkit/activities/bad.yml:9:1: difficulty: 'difficulty' appears twice in the same place "
         "(first on line 8). Keep one and delete the other."],
        id="duplicate-key"),
    pytest.param(
        VALID_ACTIVITY.replace("title: Quick check-in", "title: Quick check-in\n\tpurpose: x"),
        ["toolkit/activities/bad.yml:2:1: YAML syntax: found character '\\t' that cannot start any token. "
         "Tabs cannot indent YAML. Replace them with spaces."],
        id="tab"),
    pytest.param(
        VALID_ACTIVITY.replace("minutes: {min: 10, max: 20}", "minutes: {min: 30, max: 40}"),
        ["toolkit/activities/bad.yml:10:3: steps: the steps add up to 15 minutes, outside the tool's time of "
         "30-40 minutes. Change the steps' minutes or the tool's minutes."],
        id="steps-do-not-add-up"),
    pytest.param(
        VALID_ACTIVITY.replace("    minutes: 5\n", "    minutes: five\n"),
        ["toolkit/activities/bad.yml:11:14: steps[1].minutes: expected a whole number, found 'five'. "
         "It is: how long the step takes, in minutes."],
        id="wrong-type"),
    pytest.param(
        VALID_ACTIVITY + "related: [no-such-tool]\n",
        ["toolkit/activities/bad.yml:20:11: related[1]: there is no tool with the id 'no-such-tool'. "
         "A tool's id is its file name without '.yml'."],
        id="unknown-reference"),
    pytest.param(
        "",
        ["toolkit/activities/bad.yml:1:1: the file is empty. Fill it in, or delete it."],
        id="empty-file"),
]


@pytest.mark.parametrize("text, expected", BAD_FILES)
def test_bad_files_give_exact_messages(small_kit, text, expected):
    write(small_kit, "toolkit/activities/bad.yml", text)
    assert problems_of(small_kit) == expected


def test_problems_of_all_files_are_reported_together(small_kit):
    write(small_kit, "toolkit/activities/first.yml", VALID_ACTIVITY.replace("difficulty: easy", "difficulty: hard"))
    write(small_kit, "toolkit/activities/second.yml", VALID_ACTIVITY.replace("sectors: [community, public-health]",
                                                                           "sectors: [community, shools]"))
    found = problems_of(small_kit)
    assert [line.split(":")[0] for line in found] == ["toolkit/activities/first.yml", "toolkit/activities/second.yml"]


def test_the_same_id_in_two_folders_is_an_error(small_kit):
    write(small_kit, "toolkit/activities/quick-check-in.yml", VALID_ACTIVITY)
    write(small_kit, "toolkit/activities/quick-check-in.yaml", VALID_ACTIVITY)
    assert problems_of(small_kit) == [
        "toolkit/activities/quick-check-in.yaml: the id 'quick-check-in' is also used by "
        "toolkit/activities/quick-check-in.yml. Ids must be unique across the kit; rename one of the files.",
        "toolkit/activities/quick-check-in.yml: the id 'quick-check-in' is also used by "
        "toolkit/activities/quick-check-in.yaml. Ids must be unique across the kit; rename one of the files."]


def test_yes_and_times_stay_text(small_kit):
    """YAML 1.1 would turn `yes` into true and 9:30 into 570; tool files keep them as written."""
    from generators.yaml_source import read_yaml

    path = write(small_kit, "x.yml", "answer: yes\nstart: 9:30\nday: 2024-05-01\n")
    assert read_yaml(path, "x.yml").data == {"answer": "yes", "start": "9:30", "day": "2024-05-01"}


def test_validate_command_exits_1_with_the_report_and_no_traceback(small_kit):
    write(small_kit, "toolkit/activities/bad.yml", VALID_ACTIVITY.replace("phases: [link]", "phases: [lnk]"))
    result = run_toolkit(["validate"], cwd=small_kit)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "toolkit/activities/bad.yml:3:10: phases[1]: 'lnk' is not a phase in toolkit/vocabulary.yml. "
        "Did you mean 'link'? Use one of: link, listen, co-create.\n"
        "1 problem found. Fix the lines above, then run the command again.\n")


def test_validate_command_reports_a_valid_kit(small_kit):
    write(small_kit, "toolkit/activities/quick-check-in.yml", VALID_ACTIVITY)
    result = run_toolkit(["validate"], cwd=small_kit / "toolkit")  # works from a sub-folder too
    assert result.returncode == 0, result.stderr
    assert result.stdout == "The kit is valid: 1 tool, 0 session plans and 0 handouts.\n"


def test_a_file_is_parsed_again_exactly_when_its_bytes_change(tmp_path):
    """The live preview reloads the kit after every save: unchanged files are not parsed again,
    and a change is never missed, even one that keeps the file's size and time."""
    import os

    from generators.yaml_source import read_yaml

    path = tmp_path / "tool.yml"
    path.write_text("title: Round one\n", encoding="utf-8")
    first = read_yaml(path, "tool.yml")
    assert read_yaml(path, "tool.yml") is first
    stamp = path.stat().st_mtime_ns
    path.write_text("title: Round two\n", encoding="utf-8")
    os.utime(path, ns=(stamp, stamp))
    assert read_yaml(path, "tool.yml").data == {"title": "Round two"}
