"""A fork's day, the parts without a build: the committed schemas match the model, `toolkit new`
writes valid starters, and removing a tool names everything that still uses it. Building a
fork: tests/build/test_fork.py."""

from __future__ import annotations

from pathlib import Path

from generators.kit import load_kit
from generators.schemas import schema_files
from tests.helpers import KIT_ROOT, copy_kit_skeleton, run_toolkit


def make_fork(target: Path) -> Path:
    return copy_kit_skeleton(target)


def test_the_committed_schemas_match_the_model():
    stale = [path.name for path, text in schema_files(KIT_ROOT).items()
             if not path.is_file() or path.read_text(encoding="utf-8") != text]
    assert stale == [], "run `toolkit schemas` and commit schemas/"


def test_new_writes_a_valid_starter_with_a_free_id_and_never_overwrites(tmp_path):
    fork = make_fork(tmp_path / "fork")
    first = run_toolkit(["new", "activity", "Map our partners"], cwd=fork)
    second = run_toolkit(["new", "activity", "Map our partners"], cwd=fork)
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert first.stdout.startswith("Wrote toolkit/activities/map-our-partners.yml.")
    assert second.stdout.startswith("Wrote toolkit/activities/map-our-partners-2.yml.")
    starter = (fork / "toolkit/activities/map-our-partners.yml").read_text(encoding="utf-8")
    assert starter.startswith("# yaml-language-server: $schema=../../schemas/activity.schema.json\n")
    assert (fork / "toolkit/activities/../../schemas/activity.schema.json").is_file()
    for kind, title in (("canvas", "Our canvas"), ("checklist", "Our checklist"), ("session", "Our session"),
                        ("handout", "Our handout")):
        assert run_toolkit(["new", kind, title], cwd=fork).returncode == 0
    validated = run_toolkit(["validate"], cwd=fork)
    assert validated.returncode == 0, validated.stderr
    assert validated.stdout == "The kit is valid: 4 tools, 1 session plan and 1 handout.\n"


def test_removing_a_tool_names_every_tool_and_session_that_still_uses_it(fixture_kit_copy):
    fork = fixture_kit_copy
    kit = load_kit(fork)
    removed = "quick-check-in"
    referrers = sorted(item.source.shown_as for item in kit.items.values()
                       if removed in getattr(item.content, "related", [])
                       or any(getattr(a, "tool", None) == removed for a in getattr(item.content, "agenda", [])))
    assert referrers, "the test needs a tool that others refer to"
    (fork / "toolkit/activities" / f"{removed}.yml").unlink()
    result = run_toolkit(["validate"], cwd=fork)
    assert result.returncode == 1
    named = sorted({line.split(":")[0] for line in result.stderr.splitlines()[:-1]})
    assert named == referrers
    assert all(f"'{removed}'" in line for line in result.stderr.splitlines()[:-1])
