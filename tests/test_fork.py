"""A fork's day: scaffold a tool, fill it in, build it, override a template, rename a tool, build with ProperDocs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest

from generators.schemas import schema_files

from conftest import KIT_ROOT, copy_kit_skeleton, run_toolkit

def make_fork(target: Path) -> Path:
    return copy_kit_skeleton(target)


def pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return " ".join(" ".join((page.extract_text() or "") for page in pdf.pages).split())


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
    for kind, title in (("canvas", "Our canvas"), ("checklist", "Our checklist"), ("session", "Our session")):
        assert run_toolkit(["new", kind, title], cwd=fork).returncode == 0
    validated = run_toolkit(["validate"], cwd=fork)
    assert validated.returncode == 0, validated.stderr
    assert validated.stdout == "The kit is valid: 4 tools and 1 session plan.\n"


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


def test_removing_a_tool_names_every_tool_and_session_that_still_uses_it(tmp_path):
    fork = make_fork(tmp_path / "fork")
    for folder in ("toolkit/activities", "toolkit/canvases", "toolkit/checklists", "facilitation/sessions"):
        shutil.copytree(KIT_ROOT / folder, fork / folder)
    from generators.kit import load_kit

    kit = load_kit(fork)
    removed = "stakeholder-map"
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
