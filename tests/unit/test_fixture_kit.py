"""The fixture kit (tests/fixture_kit/) is the small kit the tests of the code expect: valid,
with two activities, a canvas, a checklist, a session using both activities, a handout that the
session and one activity name, and two guide pages."""

from __future__ import annotations

from tests.helpers import FIXTURE_KIT, VALID_ACTIVITY


def test_the_fixture_kit_has_a_few_tools_of_each_type(fixture_kit):
    assert {kind: sorted(item.id for item in fixture_kit.of_type(kind))
            for kind in ("activity", "canvas", "checklist", "session", "handout")} == {
        "activity": ["food-and-housing", "quick-check-in"], "canvas": ["hopes-and-worries"],
        "checklist": ["ready-to-meet"], "session": ["first-meeting"], "handout": ["ground-rules-sheet"]}
    agenda = fixture_kit.items["first-meeting"].content.agenda
    assert [row.tool for row in agenda if row.tool] == ["quick-check-in", "food-and-housing"]
    assert fixture_kit.items["food-and-housing"].content.related == ["quick-check-in"]
    assert fixture_kit.items["food-and-housing"].content.handouts == ["ground-rules-sheet"]
    assert fixture_kit.items["first-meeting"].content.handouts == ["ground-rules-sheet"]
    assert sorted(path.name for path in (FIXTURE_KIT / "facilitation/guide").glob("*.md")) == [
        "ground-rules.md", "index.md"]


def test_its_quick_check_in_is_the_valid_activity_the_tests_write():
    assert (FIXTURE_KIT / "toolkit/activities/quick-check-in.yml").read_text(encoding="utf-8") == VALID_ACTIVITY


def test_the_fixture_kit_is_valid(fixture_kit_root, monkeypatch, capsys):
    from tests.helpers import validate_in_process

    assert validate_in_process(fixture_kit_root, monkeypatch, capsys) == (
        0, "The kit is valid: 4 tools, 1 session plan and 1 handout.\n", "")
