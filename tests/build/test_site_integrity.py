"""Two clean builds of a kit are byte-identical, and no command changes a YAML file (on the
fixture kit). That the shipped site has no broken link: tests/content/test_site_integrity.py."""

from __future__ import annotations

import pytest

from tests.helpers import copy_fixture_kit, run_toolkit


def _yaml_files(kit):
    return {p.relative_to(kit): (p.read_bytes(), p.stat().st_mtime_ns) for p in kit.rglob("*.yml")}


@pytest.fixture(scope="module")
def first_kit(tmp_path_factory):
    """A copy of the fixture kit, built from an empty cache after `validate`, then used by `packet`:
    its YAML files as they were before, and after. (One cold build serves both tests below.)"""
    kit = copy_fixture_kit(tmp_path_factory.mktemp("first") / "kit")
    before = _yaml_files(kit)
    assert run_toolkit(["validate"], cwd=kit).returncode == 0
    result = run_toolkit(["build"], cwd=kit)
    assert result.returncode == 0, result.stderr
    packet = kit.parent / "p.pdf"
    assert run_toolkit(["packet", "quick-check-in", "--output", str(packet)], cwd=kit).returncode == 0
    return kit, before, _yaml_files(kit)


def test_two_clean_builds_are_byte_identical(first_kit, tmp_path):
    """Two copies in different folders, each with an empty PDF cache, build the same bytes."""
    trees = []
    second = copy_fixture_kit(tmp_path / "second")
    result = run_toolkit(["build"], cwd=second)
    assert result.returncode == 0, result.stderr
    for kit in (first_kit[0], second):
        site = kit / "site"
        trees.append({p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()})
    assert sorted(trees[0]) == sorted(trees[1])
    assert [name for name in trees[0] if trees[0][name] != trees[1][name]] == []
    assert any(name.endswith(".pdf") for name in trees[0])


def test_no_command_changes_a_yaml_file(first_kit):
    """validate, build (passing and failing) and packet only read the kit's YAML files."""
    kit, before, after = first_kit
    assert after == before

    def snapshot():
        return _yaml_files(kit)

    (kit / "toolkit/activities/broken.yml").write_text("title: [\n", encoding="utf-8")
    before = snapshot()
    assert run_toolkit(["build"], cwd=kit).returncode == 1
    assert run_toolkit(["validate"], cwd=kit).returncode == 1
    assert snapshot() == before
