"""The meeting planner ("My meeting") in Chromium: adding tools from their pages, the keyboard,
clock times and warnings, the plan kept across a reload and in a shared link, copying a session,
a shared link with bad parts, printing, accessibility, and the session file it saves, which
`toolkit validate` accepts in a fork and `toolkit packet --plan` prints."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader

from tests.helpers import KIT_ROOT, WCAG_21_A_AA, copy_kit_skeleton, pdf_text, run_toolkit

PLANNER = "my-meeting/"


def _tools(catalog) -> list[dict]:
    """Three tools with short versions, each with a distinct title: the ones the tests plan with."""
    tools = [entry for entry in catalog["items"] if entry.get("short")]
    assert len(tools) >= 3, "the shipped kit has fewer than three tools with a short version"
    return tools[:3]


def _clock(start: str, minutes: int) -> str:
    hours, mins = (int(part) for part in start.split(":"))
    total = hours * 60 + mins + minutes
    return f"{total // 60:02d}:{total % 60:02d}"


def _times(start: str, minutes: list[int]) -> list[str]:
    """Each item's 'HH:MM–HH:MM', run one after the other from `start`."""
    times, elapsed = [], 0
    for length in minutes:
        times.append(f"{_clock(start, elapsed)}–{_clock(start, elapsed + length)}")
        elapsed += length
    return times


def _rows(page) -> list[tuple[str, str]]:
    """(time, title) of every agenda item on the planner, in order."""
    page.locator("[data-tk-agenda]").wait_for(state="attached")
    items = page.locator(".tk-agenda__item")
    return [(items.nth(i).locator(".tk-agenda__time").inner_text(), items.nth(i).locator("h3").inner_text())
            for i in range(items.count())]


def _open_planner(page):
    page.wait_for_selector("[data-tk-app]:not([hidden])")
    return page


def _add_from_tool_pages(page, site_url, tools) -> None:
    for count, tool in enumerate(tools, start=1):
        page.goto(site_url + tool["page"])
        page.get_by_role("button", name="Add to my meeting").click()
        expect_status = f"Items in your meeting: {count}."
        page.wait_for_function("text => document.querySelector('[data-tk-plan-status]').textContent.includes(text)",
                               arg=expect_status)


def test_plan_from_tool_pages_keyboard_times_warning_reload_and_shared_link(visit, site_url, catalog, browser):
    first, second, third = _tools(catalog)
    page = visit("")
    _add_from_tool_pages(page, site_url, [first, second, third])
    page.get_by_role("link", name="My meeting").first.click()
    _open_planner(page)
    minutes = [first["steps_minutes"], second["steps_minutes"], third["steps_minutes"]]
    assert _rows(page) == list(zip(_times("09:00", minutes), [first["title"], second["title"], third["title"]]))

    # The keyboard alone: the third item's Up button, then Alt+Up from the same button.
    page.get_by_role("button", name=f"Move {third['title']} up").focus()
    page.keyboard.press("Enter")
    assert [title for _, title in _rows(page)] == [first["title"], third["title"], second["title"]]
    page.keyboard.press("Alt+ArrowUp")
    order = [third, first, second]
    assert [title for _, title in _rows(page)] == [tool["title"] for tool in order]
    focused = page.evaluate("document.activeElement.closest('.tk-agenda__item').querySelector('h3').textContent")
    assert focused == third["title"], "the moved item lost the focus"
    page.wait_for_function("text => document.querySelector('[data-tk-status]').textContent.includes(text)",
                           arg=f"{third['title']} is now item 1 of 3")

    # A later start, and one tool given less time than its steps need.
    page.get_by_label("Starts at").fill("10:30")
    page.get_by_label("Starts at").dispatch_event("change")
    short_of = order[1]["minutes"]["min"] if order[1]["minutes"]["min"] < order[1]["steps_minutes"] else None
    target = order[1] if short_of else order[0]
    given = short_of or target["minutes"]["min"]
    field = page.get_by_role("spinbutton", name=f"Minutes {target['title']}", exact=True)
    field.fill(str(given))
    field.dispatch_event("change")
    lengths = [tool["steps_minutes"] for tool in order]
    lengths[order.index(target)] = given
    assert [time for time, _ in _rows(page)] == _times("10:30", lengths)
    if given < target["steps_minutes"]:
        warning = page.locator(".tk-planner__warnings")
        assert warning.is_visible()
        assert f"{target['title']} has {given} minutes, but its steps need {target['steps_minutes']}" in warning.inner_text()
        assert field.get_attribute("aria-invalid") == "true"

    # An end time before the last item ends.
    page.get_by_label("Must end by (optional)").fill("10:45")
    page.get_by_label("Must end by (optional)").dispatch_event("change")
    assert "after its end time of 10:45" in page.locator(".tk-planner__warnings").inner_text()
    total = sum(lengths)
    assert page.locator("[data-tk-total]").inner_text().endswith(f"from 10:30 to {_clock('10:30', total)}.")

    # The plan is still there after a reload...
    expected = _rows(page)
    page.reload()
    _open_planner(page)
    assert _rows(page) == expected
    assert page.get_by_label("Starts at").input_value() == "10:30"

    # ...and the link opens it in another browser, with nothing stored there.
    link = page.get_by_label("Link to this plan").input_value()
    other = visit(link.removeprefix(site_url))
    _open_planner(other)
    assert _rows(other) == expected
    assert other.locator("[data-tk-problems]").is_hidden()


def test_copy_a_session_then_undo(visit, site_url, catalog):
    session = next(entry for entry in catalog["items"] if entry["type"] == "session")
    tool = _tools(catalog)[0]
    page = visit(tool["page"])
    page.get_by_role("button", name="Add to my meeting").click()
    page.goto(site_url + session["page"])
    page.get_by_role("link", name="Copy into my meeting").click()
    _open_planner(page)
    titles = {entry["id"]: entry["title"] for entry in catalog["items"]}
    agenda = session["agenda"]
    assert _rows(page) == list(zip(_times(session["start"], [row["minutes"] for row in agenda]),
                                   [titles[row["tool"]] if "tool" in row else row["title"] for row in agenda]))
    assert page.get_by_label("Title", exact=True).input_value() == session["title"]
    page.get_by_role("button", name="Undo").click()
    assert [title for _, title in _rows(page)] == [tool["title"]]


def test_a_shared_link_with_bad_parts_opens_what_it_can(visit, catalog):
    tool = _tools(catalog)[0]
    longest = tool["minutes"]["max"]
    page = visit(f"{PLANNER}#v=1&start=25:99&i=tool:no-such-tool:30:full&i=tool:{tool['id']}:{longest + 40}:full"
                 "&i=free:10:Welcome&i=nonsense")
    _open_planner(page)
    assert _rows(page) == list(zip(_times("09:00", [tool["steps_minutes"], 10]), [tool["title"], "Welcome"]))
    problems = page.locator("[data-tk-problems]").inner_text()
    assert "'no-such-tool' is not a tool of this kit" in problems
    assert f"{tool['title']} had {longest + 40} minutes" in problems
    assert "'25:99'" in problems and "'nonsense'" in problems

    broken = visit(f"{PLANNER}#%E0%A4%A%%garbage")
    _open_planner(broken)
    assert "could not be read" in broken.locator("[data-tk-problems]").inner_text()
    assert _rows(broken) == []


def test_print_the_participants_agenda_on_a4(visit, catalog, tmp_path):
    tool = _tools(catalog)[0]
    page = visit(f"{PLANNER}#v=1&title=Spring%20partners%20meeting&start=13:00&i=free:10:Welcome"
                 f"&i=tool:{tool['id']}:{tool['steps_minutes']}:full")
    _open_planner(page)
    page.get_by_label("Paper for printing").select_option("a4")
    page.evaluate("window.print = () => {}")
    page.get_by_role("button", name="Print the agenda for participants").click()
    page.emulate_media(media="print")
    pdf = tmp_path / "agenda.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    text = pdf_text(pdf)
    assert "Spring partners meeting" in text and tool["title"] in text
    assert "13:00–13:10" in text
    assert "Print the run-sheet" not in text, "the planner's controls were printed"
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2, (width, height)


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def _violations(axe, page) -> list[str]:
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_A_AA}})
    assert results.response["passes"], "axe checked nothing"
    return [f"{v['id']}: {v['help']} at {[node['target'] for node in v['nodes']]}" for v in results.response["violations"]]


def test_axe_finds_nothing_empty_filled_and_with_a_warning(visit, axe, catalog):
    empty = _open_planner(visit(PLANNER))
    assert _violations(axe, empty) == []
    tools = _tools(catalog)
    items = "&".join(f"i=tool:{tool['id']}:{tool['steps_minutes']}:full" for tool in tools)
    filled = _open_planner(visit(f"{PLANNER}#v=1&date=2026-12-03&{items}&i=free:15:Break"))
    assert _violations(axe, filled) == []
    short = next(tool for tool in tools if tool["minutes"]["min"] < tool["steps_minutes"])
    warned = _open_planner(visit(f"{PLANNER}#v=1&end=09:10&i=tool:{short['id']}:{short['minutes']['min']}:full"))
    assert warned.locator(".tk-planner__warnings").is_visible()
    assert _violations(axe, warned) == []


def test_preparation_is_dated_back_from_the_meeting(visit, catalog):
    tool = next(entry for entry in catalog["items"]
                if any(task["days"] for task in entry.get("preparation", [])))
    page = _open_planner(visit(f"{PLANNER}#v=1&date=2026-12-15&i=tool:{tool['id']}:{tool['steps_minutes']}:full"))
    dated = page.locator("[data-tk-preparation] time")
    shown = {dated.nth(i).get_attribute("datetime") for i in range(dated.count())}
    expected = {(date(2026, 12, 15) - timedelta(days=task["days"])).isoformat()
                for task in tool["preparation"] if task["days"] is not None}
    assert expected <= shown
    materials = page.locator("[data-tk-materials] li").all_inner_texts()
    assert materials == tool["materials"] or (not tool["materials"] and len(materials) == 1)
    printed = page.locator("[data-tk-print-list] a")
    assert printed.first.get_attribute("href").endswith(tool["pdfs"]["letter"])


def test_the_session_file_validates_in_a_fork_and_prints_a_packet(visit, catalog, tmp_path):
    tools = _tools(catalog)
    items = "&".join(f"i=tool:{tool['id']}:{tool['steps_minutes']}:full" for tool in tools[:2])
    page = _open_planner(visit(f"{PLANNER}#v=1&title=Our%20first%20meeting&date=2026-12-03&start=17:30"
                               f"&i=free:10:Welcome%3A%20food%20first&{items}"))
    with page.expect_download() as waiting:
        page.get_by_role("button", name="Download as a session file").click()
    download = waiting.value
    assert download.suggested_filename == "our-first-meeting.yml"
    fork = copy_kit_skeleton(tmp_path / "fork")
    for folder in ("toolkit", "facilitation"):
        shutil.copytree(KIT_ROOT / folder, fork / folder, dirs_exist_ok=True)
    saved = fork / "facilitation" / "sessions" / download.suggested_filename
    download.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/session.schema.json\n")
    result = run_toolkit(["validate"], cwd=fork)
    assert result.returncode == 0, result.stdout + result.stderr
    packet = tmp_path / "packet.pdf"
    result = run_toolkit(["packet", "--plan", str(saved), "--output", str(packet)], cwd=fork)
    assert result.returncode == 0, result.stdout + result.stderr
    printed = pdf_text(packet)
    assert "Our first meeting" in printed and "Welcome: food first" in printed
    assert all(tool["title"] in printed for tool in tools[:2])
    total = 10 + sum(tool["steps_minutes"] for tool in tools[:2])
    assert f"17:30–{_clock('17:30', total)}" in result.stdout


def test_no_request_leaves_the_site_and_only_plan_pages_load_the_planner(visit, catalog, traffic):
    tool = _tools(catalog)[0]
    page = visit(tool["page"])
    page.wait_for_load_state("networkidle")
    guide = visit("guide/")
    guide.wait_for_load_state("networkidle")
    planner = _open_planner(visit(PLANNER))
    planner.wait_for_load_state("networkidle")
    loaded = [urlsplit(url).path for url in traffic.urls]
    assert any(path.endswith("/planner.js") for path in loaded)
    assert sum(path.endswith("/planner.js") for path in loaded) == 1, "planner.js loaded off the planner"
    assert sum(path.endswith("/plan-store.js") for path in loaded) == 2, "plan-store.js loaded off the plan pages"
    assert sum(path.endswith("/catalog.json") for path in loaded) == 1, "only the planner reads catalog.json"
