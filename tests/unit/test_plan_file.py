"""A session file from outside the kit (the planner's "Download as a session file"), read by
`toolkit packet --plan`: checked against the kit like a session in it, with plain messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from generators.errors import KitInvalid
from generators.kit import load_kit, load_plan
from tests.helpers import copy_fixture_kit, run_toolkit

PLAN = """\
# yaml-language-server: $schema=../../schemas/session.schema.json
title: "Tuesday partners' meeting"
phase: "link"
purpose: "Check in and agree next steps"
invite:
  - "Partner staff"
group_size: {min: 3, max: 12}
start: "17:30"
minutes: 40
meets: "online"
roles:
  - role: "Facilitator"
    does: "Runs the meeting."
agenda:
  - title: "Welcome: food first"
    minutes: 5
  - tool: "quick-check-in"
    minutes: 20
  - title: "Closing"
    minutes: 15
"""


@pytest.fixture
def kit(tmp_path):
    return load_kit(copy_fixture_kit(tmp_path / "kit"))


def test_a_plan_from_anywhere_is_read_with_the_kits_tools(kit, tmp_path):
    plan = tmp_path / "downloads" / "tuesday-partners.yml"
    plan.parent.mkdir()
    plan.write_text(PLAN, encoding="utf-8")
    item = load_plan(kit, plan)
    assert item.id == "tuesday-partners" and item.type.name == "session"
    assert item.content.tool_ids == ["quick-check-in"]
    assert item.content.agenda[1].minutes == 20  # more than the steps' 15, within the tool's 10-20


def test_a_plan_named_like_a_tool_of_the_kit_gets_an_id_of_its_own(kit, tmp_path):
    plan = tmp_path / "quick-check-in.yml"
    plan.write_text(PLAN, encoding="utf-8")
    assert load_plan(kit, plan).id == "quick-check-in-plan"


@pytest.mark.parametrize(("change", "expected"), [
    (("tool: \"quick-check-in\"", "tool: \"quick-chek-in\""),
     ":17:11: agenda[2].tool: there is no tool with the id 'quick-chek-in'"),
    (("    minutes: 20\n", "    minutes: 12\n"), "agenda[2].minutes: this item gives 'quick-check-in' 12 minutes"),
    (("minutes: 40", "minutes: 45"), "agenda: the agenda adds up to 40 minutes but the session is 45 minutes"),
])
def test_a_bad_plan_is_named_by_file_line_and_field(kit, tmp_path, change, expected):
    plan = tmp_path / "plan.yml"
    text = PLAN.replace(*change)
    if change[1].endswith("12\n"):
        text = text.replace("minutes: 40", "minutes: 32")
    plan.write_text(text, encoding="utf-8")
    with pytest.raises(KitInvalid) as raised:
        load_plan(kit, plan)
    report = raised.value.report()
    assert expected in report, report
    assert str(plan) in report or plan.as_posix() in report


def test_toolkit_packet_plan_says_what_is_wrong_without_a_traceback(tmp_path):
    root = copy_fixture_kit(tmp_path / "kit")
    plan = tmp_path / "plan.yml"
    plan.write_text(PLAN.replace("quick-check-in", "no-such-tool"), encoding="utf-8")
    result = run_toolkit(["packet", "--plan", str(plan), "--output", str(tmp_path / "out.pdf")], cwd=root)
    assert result.returncode == 1
    assert "no-such-tool" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out.pdf").exists()
    both = run_toolkit(["packet", "quick-check-in", "--plan", str(plan), "--output", str(tmp_path / "out.pdf")],
                       cwd=root)
    assert both.returncode == 1 and "not ids and --plan together" in both.stderr
    missing = run_toolkit(["packet", "--plan", str(tmp_path / "nowhere.yml"), "--output", str(tmp_path / "o.pdf")],
                          cwd=root)
    assert missing.returncode == 1 and "there is no such file" in missing.stderr
    assert Path(root / "facilitation/sessions/plan.yml").exists() is False
