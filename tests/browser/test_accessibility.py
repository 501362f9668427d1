"""axe-core finds no WCAG 2.1 A or AA violations on the home page, the catalog and a page of every kind."""

from __future__ import annotations

import pytest

from tests.helpers import WCAG_21_A_AA
PAGES = [
    "",                                  # home
    "catalog/",
    "catalog/?phase=listen&people=12",   # the catalog with filters applied
    "activities/stakeholder-map/",
    "canvases/theory-of-change/",
    "checklists/equity-impact-assessment/",
    "sessions/strategic-focus/",
    "guide/where-to-start/",
    "phases/co-create/",
    "buckets/",
    "activities/",
    "es/",                               # the Spanish site: its home, a tool, the catalog
    "es/activities/data-walk/",
    "es/catalog/",
]


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path or "home")
def test_axe_finds_no_violations(visit, axe, path):
    page = visit(path)
    page.wait_for_load_state("networkidle")
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_A_AA}})
    violations = [f"{v['id']}: {v['help']} at {[node['target'] for node in v['nodes']]}"
                  for v in results.response["violations"]]
    assert violations == []
    assert results.response["passes"], "axe checked nothing: the page did not load"


def test_the_search_dialog_has_a_name(visit):
    page = visit("")
    assert page.get_by_role("dialog", name="Search").count() == 1
