"""`toolkit packet` never destroys what people made, and prints what it promises.

Each test runs the command in-process on a small kit, as a user would type it, and checks
what they see: the message, the exit status, the files left, and the PDF's text. The atomic
write and the clock times, without a kit: tests/unit/test_packet_safety.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generators.cli import main
from tests.helpers import VALID_ACTIVITY, contents, page_texts

SUMMARY = "1 problem found. Fix the lines above, then run the command again."
WORKSHEET_PROMPT = "One thing I hope we decide today"
LONG_PURPOSES = {
    "call-round": "Agree, before anyone leaves the room, which neighbourhood organizations each partner "
                  "will call this month, who makes each call, and what we ask them to bring next time",
    "money-map": "See together where the partnership's money comes from, where it goes, who decides how "
                 "it is spent, and which community groups have never been offered any of it at all",
}
SESSION_TWICE = """\
title: Open and close
phase: link
purpose: Open and close a meeting with the same round
invite: [Partners]
group_size: {min: 4, max: 10}
start: "18:00"
minutes: 50
roles:
  - role: Facilitator
    does: Runs the meeting.
agenda:
  - tool: quick-check-in
    minutes: 15
  - title: Main discussion
    minutes: 20
  - tool: quick-check-in
    minutes: 15
"""
ONE_MINUTE_ACTIVITY = VALID_ACTIVITY.replace("minutes: {min: 10, max: 20}", "minutes: {min: 1, max: 1}").replace(
    """    minutes: 5
    text: Ask one question that everyone answers in a sentence.
  - title: Listen
    minutes: 10
    text: Go round the circle; nobody comments on answers.
""", """    minutes: 1
    text: Ask one question that everyone answers in a word.
""")


def _activity(title: str, purpose: str) -> str:
    return VALID_ACTIVITY.replace("Quick check-in", title).replace(
        "Start a meeting so everyone has spoken once", purpose).replace(WORKSHEET_PROMPT, f"What {title} showed us")


@pytest.fixture
def kit_dir(small_kit, monkeypatch) -> Path:
    """A small kit with three tools and a session that uses one tool twice; the current folder."""
    activities = small_kit / "toolkit/activities"
    (activities / "quick-check-in.yml").write_text(VALID_ACTIVITY, encoding="utf-8")
    for tool_id, purpose in LONG_PURPOSES.items():
        (activities / f"{tool_id}.yml").write_text(_activity(tool_id.replace("-", " ").title(), purpose),
                                                   encoding="utf-8")
    (small_kit / "facilitation/sessions").mkdir(parents=True)
    (small_kit / "facilitation/sessions/open-and-close.yml").write_text(SESSION_TWICE, encoding="utf-8")
    monkeypatch.chdir(small_kit)
    return small_kit


@pytest.fixture
def no_rendering(monkeypatch) -> list:
    """Replaces the PDF renderer: a refusal must come before any rendering, which takes seconds."""
    import generators.pdf.renderer as rendering

    calls = []

    class Refuses:
        def __init__(self, *args, **kwargs):
            calls.append(args)
            raise AssertionError("the packet was rendered before its output path was checked")

    monkeypatch.setattr(rendering, "Renderer", Refuses)
    return calls


def packet(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["packet", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_refused(code: int, out: str, err: str, message: str) -> None:
    assert (code, out) == (1, "")
    assert err.splitlines() == [message, SUMMARY]


# --- Where the packet may be written ------------------------------------------------------

def test_output_over_a_tools_yaml_is_refused_and_the_yaml_kept(kit_dir, capsys, no_rendering):
    tool = kit_dir / "toolkit/activities/quick-check-in.yml"
    before = tool.read_bytes()
    code, out, err = packet(capsys, "quick-check-in", "--output", "toolkit/activities/quick-check-in.yml", "--force")
    # Where it is matters more than its ending: the message names the folder.
    assert_refused(code, out, err, "toolkit packet --output: toolkit/activities/quick-check-in.yml is inside the "
                   "kit's toolkit/ folder, which people write by hand. Write the packet elsewhere, e.g. packet.pdf "
                   "in the kit's folder or ../packet.pdf.")
    assert tool.read_bytes() == before
    assert no_rendering == []


def test_output_must_end_in_pdf(kit_dir, capsys, no_rendering):
    code, out, err = packet(capsys, "quick-check-in", "--output", "notes.txt")
    assert_refused(code, out, err, "toolkit packet --output: notes.txt does not end in .pdf. "
                   "Give a file name such as packet.pdf.")
    assert not (kit_dir / "notes.txt").exists()


@pytest.mark.parametrize("folder", ["toolkit/activities", "docs", "overrides", "facilitation/sessions"])
def test_output_inside_the_kits_sources_is_refused(kit_dir, capsys, no_rendering, folder):
    before = sorted(p.name for p in (kit_dir / folder).iterdir())
    code, out, err = packet(capsys, "quick-check-in", "--output", f"{folder}/packet.pdf")
    source = folder.split("/")[0]
    assert_refused(code, out, err, f"toolkit packet --output: {folder}/packet.pdf is inside the kit's {source}/ folder, "
                   "which people write by hand. Write the packet elsewhere, e.g. packet.pdf in the kit's folder "
                   "or ../packet.pdf.")
    assert sorted(p.name for p in (kit_dir / folder).iterdir()) == before
    assert no_rendering == []


@pytest.mark.parametrize("name", ["meetings", "meetings.pdf"])
def test_an_existing_folder_is_refused_before_rendering(kit_dir, capsys, no_rendering, name):
    (kit_dir / name).mkdir()
    code, out, err = packet(capsys, "quick-check-in", "--output", name)
    assert_refused(code, out, err, f"toolkit packet --output: {name} is a folder. Give a file name inside it, "
                   f"e.g. {name}/packet.pdf.")
    assert no_rendering == [], "nothing is rendered for an output that cannot be written"
    assert list((kit_dir / name).iterdir()) == []


def test_output_inside_a_built_site_is_refused(kit_dir, capsys, no_rendering):
    (kit_dir / "site").mkdir()
    (kit_dir / "site" / ".toolkit-site").write_text("", encoding="utf-8")
    code, out, err = packet(capsys, "quick-check-in", "--output", "site/pdf/packet.pdf")
    assert_refused(code, out, err, f"toolkit packet --output: site/pdf/packet.pdf is inside the built site "
                   f"{(kit_dir / 'site').resolve()}, which the next build replaces whole. Write the packet "
                   "elsewhere, e.g. packet.pdf in the kit's folder.")


def test_an_existing_pdf_is_kept_without_force(kit_dir, capsys, no_rendering):
    old = kit_dir / "packet.pdf"
    old.write_bytes(b"%PDF-1.7 last week's packet")
    code, out, err = packet(capsys, "quick-check-in", "--output", "packet.pdf")
    assert_refused(code, out, err, "toolkit packet --output: packet.pdf exists. Add --force to replace it, "
                   "or give another file name.")
    assert old.read_bytes() == b"%PDF-1.7 last week's packet"


def test_an_existing_pdf_is_replaced_with_force(kit_dir, capsys):
    old = kit_dir / "packet.pdf"
    old.write_bytes(b"%PDF-1.7 last week's packet")
    code, out, err = packet(capsys, "quick-check-in", "--output", "packet.pdf", "--force")
    assert (code, err) == (0, "")
    assert out.startswith("Wrote packet.pdf: ")
    assert "Quick check-in" in page_texts(old)[1]
    assert sorted(p.name for p in kit_dir.iterdir() if "packet" in p.name) == ["packet.pdf"], "no temporary file left"


def test_a_file_named_pdf_that_is_not_one_is_kept_even_with_force(kit_dir, capsys, no_rendering):
    notes = kit_dir / "minutes.pdf"
    notes.write_text("Minutes of our last meeting, typed by hand.\n", encoding="utf-8")
    code, out, err = packet(capsys, "quick-check-in", "--output", "minutes.pdf", "--force")
    assert_refused(code, out, err, "toolkit packet --output: minutes.pdf exists and is not a PDF; it was left "
                   "as it is. Give another file name.")
    assert notes.read_text(encoding="utf-8") == "Minutes of our last meeting, typed by hand.\n"


def test_a_new_folder_outside_the_sources_is_created(kit_dir, capsys):
    code, out, err = packet(capsys, "quick-check-in", "--output", "printouts/june/packet.pdf")
    assert (code, err) == (0, "")
    assert [p.name for p in (kit_dir / "printouts/june").iterdir()] == ["packet.pdf"]
    assert (kit_dir / "printouts/june/packet.pdf").read_bytes().startswith(b"%PDF-")


# --- What the packet says -----------------------------------------------------------------

def test_a_tool_named_twice_gets_two_agenda_rows_and_one_worksheet(kit_dir, capsys):
    code, out, err = packet(capsys, "quick-check-in", "call-round", "quick-check-in", "--output", "p.pdf")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Wrote p.pdf: 2 tools, 09:00–09:45, letter paper.",
        "  09:00–09:15  Quick check-in (15 min)",
        "  09:15–09:30  Call Round (15 min)",
        "  09:30–09:45  Quick check-in (15 min)",
    ]
    texts = page_texts(kit_dir / "p.pdf")
    agenda = texts[1]
    assert re.search(r"09:00–09:15 Quick check-in.*09:15–09:30 Call Round.*09:30–09:45 Quick check-in", agenda)
    assert [title for title, _ in contents(kit_dir / "p.pdf")] == [
        "Agenda", "Facilitator notes", "Quick check-in", "Call Round"]
    assert sum(text.count(WORKSHEET_PROMPT) for text in texts) == 1, "the worksheet is printed once"


def test_a_session_using_a_tool_twice_lists_both_rows_and_one_worksheet(kit_dir, capsys):
    code, out, err = packet(capsys, "open-and-close", "--output", "p.pdf")
    assert (code, err) == (0, "")
    texts = page_texts(kit_dir / "p.pdf")
    assert re.search(r"18:00–18:15 Quick check-in.*18:15–18:35 Main discussion.*18:35–18:50 Quick check-in",
                     texts[1])
    assert sum(text.count(WORKSHEET_PROMPT) for text in texts) == 1


def test_tools_past_midnight_are_refused_with_what_to_do(kit_dir, capsys, no_rendering):
    code, out, err = packet(capsys, "quick-check-in", "call-round", "--start", "23:40", "--output", "late.pdf")
    assert_refused(code, out, err, "toolkit packet: the agenda starts at 23:40 and takes 30 minutes, so it "
                   "would end at 00:10 the next day, after midnight. Start at 23:30 or earlier (--start 23:30), "
                   "or split the tools into two meetings, one packet each.")
    assert not (kit_dir / "late.pdf").exists()


def test_more_than_a_days_tools_are_refused(kit_dir, capsys, no_rendering):
    code, out, err = packet(capsys, *["quick-check-in"] * 100, "--output", "long.pdf")
    assert_refused(code, out, err, "toolkit packet: the agenda starts at 09:00 and takes 1500 minutes, so it "
                   "would end at 10:00 the next day, after midnight; that is more than a whole day. Split the "
                   "tools into several meetings, one packet each.")
    assert not (kit_dir / "long.pdf").exists()


def test_a_session_moved_past_midnight_by_start_is_refused(kit_dir, capsys, no_rendering):
    code, out, err = packet(capsys, "open-and-close", "--start", "23:30", "--output", "late.pdf")
    assert_refused(code, out, err, "toolkit packet: the agenda starts at 23:30 and takes 50 minutes, so it "
                   "would end at 00:20 the next day, after midnight. Start at 23:10 or earlier (--start 23:10), "
                   "or leave out --start to use the session's own start time, 18:00.")
    assert not (kit_dir / "late.pdf").exists()


def test_an_agenda_ending_at_midnight_is_printed(kit_dir, capsys):
    code, out, err = packet(capsys, "open-and-close", "--start", "23:10", "--output", "late.pdf")
    assert (code, err) == (0, "")
    assert "18:35" not in page_texts(kit_dir / "late.pdf")[1]
    assert re.search(r"23:45–00:00 Quick check-in", page_texts(kit_dir / "late.pdf")[1])


def test_the_cover_of_several_tools_prints_each_purpose_whole(kit_dir, capsys):
    code, _, err = packet(capsys, "call-round", "money-map", "call-round", "--output", "p.pdf")
    assert (code, err) == (0, "")
    cover = page_texts(kit_dir / "p.pdf")[0]
    for purpose in LONG_PURPOSES.values():
        assert purpose in cover
    assert re.search(r"\b2 tools\b", cover) and re.search(r"\b45 minutes\b", cover)


def test_one_tool_is_one_tool_and_one_minute_is_one_minute(kit_dir, capsys):
    (kit_dir / "toolkit/activities/one-word.yml").write_text(ONE_MINUTE_ACTIVITY.replace(
        "Quick check-in", "One word"), encoding="utf-8")
    code, out, err = packet(capsys, "one-word", "--output", "p.pdf")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "Wrote p.pdf: 1 tool, 09:00–09:01, letter paper."
    cover = page_texts(kit_dir / "p.pdf")[0]
    assert "Start a meeting so everyone has spoken once" in cover, "one tool's purpose is the cover's"
    assert re.search(r"\b1 tool(?!s)", cover) and re.search(r"\b1 minute(?!s)", cover)
