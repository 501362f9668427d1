"""The Pages workflow keeps the PDF cache between publishes, keyed so that new generators or
libraries start afresh, and checks out the history the PDFs' dates come from."""

from __future__ import annotations

import yaml

from tests.helpers import KIT_ROOT


def _steps() -> list[dict]:
    workflow = yaml.safe_load((KIT_ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    return workflow["jobs"]["build"]["steps"]


def test_the_pdf_cache_is_restored_before_the_build_and_keyed_by_what_shapes_the_pdfs():
    steps = _steps()
    names = [step.get("uses", "") or step.get("run", "") for step in steps]
    cache = next(index for index, name in enumerate(names) if name.startswith("actions/cache@"))
    build = next(index for index, name in enumerate(names) if name == "make site")
    assert cache < build
    settings = steps[cache]["with"]
    assert ".cache/toolkit/pdf" in settings["path"] and ".cache/toolkit/previews" in settings["path"]
    for shaping in ("requirements.lock", "generators/**"):
        assert shaping in settings["key"] and shaping in settings["restore-keys"]
    # A new key on every commit saves the newest cache; the prefix restores the last one.
    assert settings["key"].endswith("-${{ github.sha }}")
    assert settings["key"].startswith(settings["restore-keys"].strip())


def test_the_whole_history_is_checked_out_for_the_pdfs_dates():
    checkout = next(step for step in _steps() if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
