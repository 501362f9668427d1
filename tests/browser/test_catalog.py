"""The catalog page in a browser: filters narrow the list to exactly the right tools, the address
keeps the choices, the count is announced, and without JavaScript every card shows."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

# Each scenario is what a facilitator chooses, as the catalog's URL parameters spell it.
SCENARIOS = [
    {"type": ["activity"], "phase": ["listen"], "people": ["30"]},
    {"bucket": ["advancing-equity"], "sector": ["health-care"], "minutes": ["60"]},
    {"type": ["canvas", "checklist"], "phase": ["link", "co-create"]},
    {"type": ["session"], "bucket": ["learning-and-data"]},
]
CHECKBOX_GROUPS = {"type": "type", "phase": "phases", "bucket": "buckets", "sector": "sectors"}


def expected_ids(catalog: dict, chosen: dict) -> list[str]:
    """The documented meaning of the filters, applied to catalog.json: any value within a group,
    all groups together; a tool fits the time you have if its shortest version does; a group
    size must fall inside the tool's range. A handout has neither time nor group size, and
    those two filters never hide it."""
    def fits(entry: dict) -> bool:
        for parameter, field in CHECKBOX_GROUPS.items():
            values = entry[field] if isinstance(entry[field], list) else [entry[field]]
            if parameter in chosen and not set(chosen[parameter]) & set(values):
                return False
        if "minutes" in chosen and entry["minutes"] and entry["minutes"]["min"] > int(chosen["minutes"][0]):
            return False
        if "people" in chosen and entry["group_size"]:
            people = int(chosen["people"][0])
            if not entry["group_size"]["min"] <= people <= entry["group_size"]["max"]:
                return False
        return True

    return sorted(entry["id"] for entry in catalog["items"] if fits(entry))


def shown_ids(page) -> list[str]:
    return sorted(page.locator(".tk-card:visible").evaluate_all("cards => cards.map(card => card.dataset.id)"))


def choose_with_keyboard(page, chosen: dict) -> None:
    """Choose filters as a keyboard user does: focus each checkbox and press Space; pick or type the rest."""
    for parameter, values in chosen.items():
        for value in values:
            if parameter == "minutes":
                page.get_by_label("Time you have").select_option(value)
            elif parameter == "people":
                page.get_by_label("People in the group").fill(value)
            else:
                checkbox = page.locator(f'input[name="{parameter}"][value="{value}"]')
                checkbox.focus()
                page.keyboard.press("Space")


@pytest.mark.parametrize("chosen", SCENARIOS, ids=lambda chosen: "&".join(f"{k}={','.join(v)}" for k, v in chosen.items()))
def test_filters_narrow_the_catalog_to_exactly_the_matching_tools(visit, catalog, chosen):
    expected = expected_ids(catalog, chosen)
    total = len(catalog["items"])
    assert 0 < len(expected) < total, "the scenario must narrow the list to be a real check"

    page = visit("catalog/")
    assert len(shown_ids(page)) == total
    choose_with_keyboard(page, chosen)

    assert shown_ids(page) == expected
    status = page.get_by_role("status")
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text() == f"{len(expected)} of {total} tools, session plans and handouts match your filters"
    assert parse_qs(urlsplit(page.url).query) == chosen

    # The address restores the same view, e.g. when a colleague opens a shared link.
    shared = visit("catalog/?" + urlsplit(page.url).query)
    assert shown_ids(shared) == expected
    for parameter, values in chosen.items():
        for value in values:
            if parameter in CHECKBOX_GROUPS:
                assert shared.locator(f'input[name="{parameter}"][value="{value}"]').is_checked()
    if "minutes" in chosen:
        assert shared.get_by_label("Time you have").input_value() == chosen["minutes"][0]


def test_checkboxes_are_named_by_their_vocabulary_labels(visit, kit):
    page = visit("catalog/")
    for term in kit.vocabulary.buckets:
        page.get_by_role("group", name="Integrator buckets").get_by_role("checkbox", name=term.label, exact=True).check()
    assert page.get_by_role("group", name="Integrator buckets").get_by_role("checkbox", checked=True).count() == \
        len(kit.vocabulary.buckets)


def test_clearing_the_filters_shows_everything_again(visit, catalog):
    page = visit("catalog/?type=canvas&minutes=30")
    assert len(shown_ids(page)) < len(catalog["items"])
    page.get_by_role("button", name="Clear all filters").click()
    page.wait_for_function("() => !location.search")
    assert shown_ids(page) == sorted(entry["id"] for entry in catalog["items"])
    assert page.get_by_role("status").inner_text() == f"{len(catalog['items'])} tools, session plans and handouts"


def test_nothing_matching_says_so(visit):
    # Activities only: the time and group-size filters never hide a handout.
    page = visit("catalog/?type=activity&minutes=15&people=1000")
    assert shown_ids(page) == []
    assert page.get_by_role("status").inner_text() == "Nothing matches all these filters. Clear one to see more."


def test_without_javascript_the_whole_list_shows(visit, catalog):
    page = visit("catalog/?type=canvas", javascript=False)
    assert shown_ids(page) == sorted(entry["id"] for entry in catalog["items"])
    assert not page.get_by_role("group", name="Type").is_visible()  # filters that cannot work are not offered
    card = page.locator('.tk-card[data-id="stakeholder-map"]')
    assert card.get_by_role("link").get_attribute("href") == "../activities/stakeholder-map/"


def test_every_card_shows_type_time_group_size_phases_and_buckets(visit, catalog, kit):
    page = visit("catalog/")
    for entry in catalog["items"]:
        text = " ".join(page.locator(f'.tk-card[data-id="{entry["id"]}"]').inner_text().split())
        assert entry["title"] in text
        if entry["group_size"]:  # a handout has none, and its card shows none
            assert f"{entry['group_size']['min']}–{entry['group_size']['max']} people" in text
        if entry["minutes"]:
            assert f"{entry['minutes']['min']}" in text
        for phase in entry["phases"]:
            assert kit.vocabulary.label("phases", phase) in text
        for bucket in entry["buckets"]:
            assert kit.vocabulary.label("buckets", bucket) in text
