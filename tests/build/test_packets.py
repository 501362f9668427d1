"""`toolkit packet` on the fixture kit: an agenda from the given start, on the paper asked for,
with each tool's worksheet; an unknown id is named. The shipped kit's session packets:
tests/content/test_packets.py."""

from __future__ import annotations

from pypdf import PdfReader

from tests.helpers import contents, page_texts, plus_minutes, run_toolkit


def test_toolkit_packet_writes_an_agenda_from_the_given_start(tmp_path, fixture_kit, fixture_kit_root):
    kit = fixture_kit
    output = tmp_path / "my-packet.pdf"
    ids = ["food-and-housing", "hopes-and-worries", "ready-to-meet"]  # an activity, a canvas, a checklist
    result = run_toolkit(["packet", *ids, "--start", "13:15", "--paper", "a4", "--output", str(output)],
                         cwd=fixture_kit_root)
    assert result.returncode == 0, result.stderr
    reader = PdfReader(output)
    sizes = {tuple(sorted((round(float(p.mediabox.width)), round(float(p.mediabox.height))))) for p in reader.pages}
    assert sizes == {(595, 842)}
    agenda_page = page_texts(output)[1]
    elapsed = 0
    for tool_id in ids:
        minutes = sum(step.minutes for step in kit.items[tool_id].content.steps)
        assert f"{plus_minutes('13:15', elapsed)}–{plus_minutes('13:15', elapsed + minutes)}" in agenda_page
        elapsed += minutes
    # Each tool's worksheet, then the handout food-and-housing names.
    assert [title for title, _ in contents(output)][2:] == [*(kit.items[i].content.title for i in ids),
                                                             kit.items["ground-rules-sheet"].content.title]


def test_toolkit_packet_with_an_unknown_id_names_it_and_fails(tmp_path, fixture_kit_root):
    output = tmp_path / "never.pdf"
    result = run_toolkit(["packet", "quick-check-in", "no-such-tool", "--output", str(output)], cwd=fixture_kit_root)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "toolkit packet: there is no tool or session with the id 'no-such-tool'. Ids are file names without "
        "'.yml'; run 'toolkit validate' to list problems, or look in toolkit/ and facilitation/sessions/.")
    assert "Traceback" not in result.stderr
    assert not output.exists()
