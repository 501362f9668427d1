"""A fork's day: scaffold a tool, fill it in, build it, override a template, build with ProperDocs.
The parts without a build (schemas, starters, removing a tool): tests/unit/test_fork.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import KIT_ROOT, copy_kit_skeleton, pdf_text, run_toolkit


def make_fork(target: Path) -> Path:
    return copy_kit_skeleton(target)


def test_a_new_tool_filled_in_gets_its_page_and_pdfs(tmp_path):
    fork = make_fork(tmp_path / "fork")
    assert run_toolkit(["new", "activity", "Neighborhood walk"], cwd=fork).returncode == 0
    path = fork / "toolkit/activities/neighborhood-walk.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("TODO Say in one line what the user wants to do, e.g. Map who holds power and who is missing",
                        "See the neighborhood through residents' eyes")
    text = text.replace("title: TODO Open\n    minutes: 10\n    text: TODO Say what the facilitator says and what "
                        "the group does in this step.",
                        "title: Walk\n    minutes: 10\n    text: Residents lead a walk past the places that matter to them.")
    path.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = run_toolkit(["build", "--site-dir", str(site)], cwd=fork)
    assert result.returncode == 0, result.stderr
    page = (site / "activities/neighborhood-walk/index.html").read_text(encoding="utf-8")
    assert "See the neighborhood through residents" in page
    assert "Residents lead a walk past the places that matter to them." in page
    for variant in ("letter", "a4"):
        text = pdf_text(site / f"pdf/neighborhood-walk-{variant}.pdf")
        assert "Neighborhood walk" in text and "Residents lead a walk past the places" in text


def test_a_template_override_in_the_fork_changes_the_output(tmp_path):
    fork = make_fork(tmp_path / "fork")
    assert run_toolkit(["new", "activity", "Override check"], cwd=fork).returncode == 0
    site_override = fork / "overrides/toolkit/site/activity.md.j2"
    site_override.parent.mkdir(parents=True)
    original = (KIT_ROOT / "generators/templates/site/activity.md.j2").read_text(encoding="utf-8")
    site_override.write_text(original + "\nThis page comes from our own template.\n", encoding="utf-8")
    print_override = fork / "overrides/toolkit/print/activity_body.html.j2"
    print_override.parent.mkdir(parents=True)
    original = (KIT_ROOT / "generators/templates/print/activity_body.html.j2").read_text(encoding="utf-8")
    print_override.write_text(original + "\n<p>Printed from our own template.</p>\n", encoding="utf-8")
    site = tmp_path / "site"
    result = run_toolkit(["build", "--site-dir", str(site)], cwd=fork)
    assert result.returncode == 0, result.stderr
    assert "This page comes from our own template." in (site / "activities/override-check/index.html").read_text()
    assert "Printed from our own template." in pdf_text(site / "pdf/override-check-letter.pdf")


def test_the_kit_builds_with_properdocs(tmp_path):
    properdocs = Path(sys.executable).parent / "properdocs"
    if not properdocs.exists():
        pytest.skip("ProperDocs is not installed in this environment")
    fork = make_fork(tmp_path / "fork")
    assert run_toolkit(["new", "activity", "ProperDocs check"], cwd=fork).returncode == 0
    site = tmp_path / "site"
    result = subprocess.run([str(properdocs), "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)], cwd=fork,
                            capture_output=True, text=True, timeout=600,
                            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert "ProperDocs check" in (site / "activities/properdocs-check/index.html").read_text(encoding="utf-8")
    assert (site / "pdf/properdocs-check-a4.pdf").read_bytes()[:5] == b"%PDF-"
