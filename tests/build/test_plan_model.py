"""The planner's plan model (overrides/assets/javascripts/plan-model.js), run in Node on the
shipped kit's catalog: every session file it writes is one `toolkit packet --plan` accepts as it
is (every tool, both versions, every session copied, titles with quotes, colons and accents),
and a link read back gives the same plan."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from generators.catalog import catalog_entry, catalog_json
from generators.kit import load_kit, load_plan
from generators.locale import ui_words
from tests.helpers import KIT_ROOT

MODEL = KIT_ROOT / "overrides" / "assets" / "javascripts" / "plan-model.js"
# Runs the model on the plans given on stdin: for each, its session file and its link read back.
RUN_MODEL = """
globalThis.window = globalThis;
require(process.argv[1]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const blank = () => ({ title: "", date: "", start: "09:00", end: "", paper: "", phase: "", meets: "in-person",
                       purpose: "", from: "", items: [] });
const model = window.toolkitPlanModel(input.catalog, input.words, blank);
const results = input.plans.map((raw) => {
  const problems = [];
  const plan = raw.session ? model.fromSession(raw.session, null) : model.tidy(raw, problems);
  const again = model.tidy(model.decode(model.encode(plan), problems), problems);
  return { file: model.sessionFile(plan), name: model.slug(plan.title), problems: problems,
           same: model.encode(again) === model.encode(plan), warnings: model.warnings(plan, model.schedule(plan)) };
});
process.stdout.write(JSON.stringify(results));
"""
TRICKY_TITLES = ['Lunch: "tacos" & #1 \\ table', "Café — ¿qué tal? 'quotes'", "- starts with a dash", "[not a list]"]


def _meetings(tools: list, version: str) -> list[dict]:
    """The tools as plans of meetings of at most 8 hours, each tool in `version`, at its steps' minutes."""
    plans, current, total = [], [], 0
    for tool in tools:
        minutes = tool.content.version_steps(version)
        minutes = sum(step.minutes for step in minutes)
        if total + minutes > 480:
            plans.append(current)
            current, total = [], 0
        current.append({"kind": "tool", "id": tool.id, "minutes": minutes, "version": version})
        total += minutes
    plans.append(current)
    return [{"title": f"Meeting {number} ({version})", "start": "08:00", "items": items}
            for number, items in enumerate(plans, start=1)]


@pytest.fixture(scope="module")
def kit():
    return load_kit(KIT_ROOT)


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node, which `make test` installs for the HTML checker")
def test_every_session_file_the_planner_writes_is_accepted_as_it_is(kit, tmp_path):
    catalog = json.loads(catalog_json(kit, [catalog_entry(kit, item, f"x/{item.id}/", {}) for item in kit.items.values()]))
    tools = [item for item in kit.items.values() if item.type.is_tool]
    plans = _meetings(tools, "full") + _meetings([tool for tool in tools if tool.content.short], "short")
    plans.append({"title": TRICKY_TITLES[0], "purpose": TRICKY_TITLES[1], "start": "18:00", "meets": "hybrid",
                  "items": [{"kind": "free", "title": title, "minutes": 5} for title in TRICKY_TITLES]
                  + [{"kind": "tool", "id": tools[0].id, "minutes": tools[0].content.minutes.max, "version": "full"}]})
    plans += [{"session": item.id} for item in kit.items.values() if item.type.name == "session"]
    words = {key: value for key, value in ui_words("en").items()}
    result = subprocess.run(["node", "-e", RUN_MODEL, str(MODEL)], input=json.dumps(
        {"catalog": catalog, "words": words, "plans": plans}), capture_output=True, text=True, timeout=60, check=True)
    outcomes = json.loads(result.stdout)
    assert len(outcomes) == len(plans)
    for plan, outcome in zip(plans, outcomes):
        assert outcome["problems"] == [] and outcome["same"], (plan, outcome)
        assert not [warning for warning in outcome["warnings"] if warning["blocks"]], outcome["warnings"]
        path = tmp_path / f"{outcome['name']}.yml"
        path.write_text(outcome["file"], encoding="utf-8")
        session = load_plan(kit, path).content  # raises, with the file's line, on anything wrong
        if "session" in plan:
            copied = kit.items[plan["session"]].content
            assert session.agenda == copied.agenda and session.invite == copied.invite
            assert session.preparation == copied.preparation and session.handouts == copied.handouts
        else:
            assert [(entry.tool or entry.title, entry.minutes, entry.version) for entry in session.agenda] == [
                (item.get("id") or item["title"], item["minutes"], item.get("version", "full")) for item in plan["items"]]
            assert session.title == plan["title"]
