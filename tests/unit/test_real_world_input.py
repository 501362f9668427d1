"""Files as real people and real computers leave them: editor backups and system files beside
the tools, YAML saved as UTF-16 or UTF-32, a folder named like a tool, and kit.yml's logo and
colour lines. The bad kit.yml cases with their exact messages are in tests/unit/bad_inputs (kit-*)."""

from __future__ import annotations

import codecs
import os

import pytest

from generators.errors import KitInvalid
from generators.kit import load_kit
from tests.helpers import VALID_ACTIVITY, png, validate_in_process

ACTIVITIES = "toolkit/activities"


@pytest.mark.parametrize("name", ["quick-check-in.yml~", ".#quick-check-in.yml", "#quick-check-in.yml#",
                                  "quick-check-in.yml.swp", "quick-check-in.yml.swo", ".quick-check-in.yml.swp",
                                  ".DS_Store", "Thumbs.db", "desktop.ini"])
def test_editor_backups_and_system_files_are_passed_over(one_tool_kit, name, monkeypatch, capsys):
    # The backup holds a copy of the tool: read as a tool, it would clash with the real one.
    (one_tool_kit / ACTIVITIES / name).write_text(VALID_ACTIVITY, encoding="utf-8")
    (one_tool_kit / "facilitation/sessions").mkdir(parents=True)
    (one_tool_kit / "facilitation/sessions" / name).write_bytes(b"\x00\x01 not text")
    code, out, err = validate_in_process(one_tool_kit, monkeypatch, capsys)
    assert (code, err) == (0, "")
    assert out == "The kit is valid: 1 tool, 0 session plans and 0 handouts.\n"
    assert list(load_kit(one_tool_kit).items) == ["quick-check-in"]


@pytest.mark.parametrize("codec, mark", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
                                         ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE)])
def test_utf16_and_utf32_files_with_a_byte_order_mark_load(small_kit, codec, mark):
    text = VALID_ACTIVITY.replace("title: Quick check-in", "title: Ronda rápida de año nuevo")
    (small_kit / ACTIVITIES / "ronda.yml").write_bytes(mark + text.encode(codec))
    item = load_kit(small_kit).items["ronda"]
    assert item.content.title == "Ronda rápida de año nuevo"
    assert [step.title for step in item.content.steps] == ["Ask", "Listen"]


def test_utf16_without_a_byte_order_mark_is_still_not_text(small_kit, monkeypatch, capsys):
    (small_kit / ACTIVITIES / "ronda.yml").write_bytes(VALID_ACTIVITY.encode("utf-16-le"))
    code, _, err = validate_in_process(small_kit, monkeypatch, capsys)
    assert code == 1
    assert err.splitlines()[0] == ("toolkit/activities/ronda.yml:1:1: this is not a text file. "
                                   "Save it as plain UTF-8 text.")


def test_a_damaged_utf16_file_says_so(small_kit, monkeypatch, capsys):
    raw = codecs.BOM_UTF16_LE + VALID_ACTIVITY.encode("utf-16-le") + b"\x00\xdc"  # a lone low surrogate
    (small_kit / ACTIVITIES / "ronda.yml").write_bytes(raw)
    code, _, err = validate_in_process(small_kit, monkeypatch, capsys)
    assert code == 1
    assert err.splitlines()[0] == ("toolkit/activities/ronda.yml:1:1: the file starts like UTF-16 text but is "
                                   "damaged further on. Save it again as UTF-8 text.")


def test_a_folder_named_like_a_tool_file_is_reported(one_tool_kit, monkeypatch, capsys):
    (one_tool_kit / ACTIVITIES / "foo.yml").mkdir()
    (one_tool_kit / ACTIVITIES / "foo.yml" / "notes.txt").write_text("x", encoding="utf-8")
    code, out, err = validate_in_process(one_tool_kit, monkeypatch, capsys)
    assert (code, out) == (1, "")
    assert "Traceback" not in err
    assert err == (
        "toolkit/activities/foo.yml: this is a folder, but its name ends in .yml like a tool file. Tools are "
        "files directly in toolkit/activities/: move any files out of the folder, then delete it or rename it "
        "so it does not end in .yml.\n"
        "1 problem found. Fix the lines above, then run the command again.\n")


def test_other_folders_beside_the_tools_are_left_alone(one_tool_kit):
    (one_tool_kit / ACTIVITIES / "drafts").mkdir()
    assert list(load_kit(one_tool_kit).items) == ["quick-check-in"]


def set_logo(kit_root, logo: str, content: bytes | None = None) -> None:
    settings = kit_root / "kit.yml"
    text = settings.read_text(encoding="utf-8").replace("logo: overrides/assets/logo.svg", f"logo: {logo}")
    settings.write_text(text, encoding="utf-8")
    if content is not None:
        (kit_root / logo).write_bytes(content)


def logo_problems(kit_root) -> list[str]:
    with pytest.raises(KitInvalid) as caught:
        load_kit(kit_root)
    return [p.message for p in caught.value.problems if p.field == "logo"]


@pytest.mark.parametrize("name, content", [
    ("small.png", png(1200, 300)),
    ("sized.svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="240px" height="60" viewBox="0 0 9000 9000"/>'),
    ("in-mm.svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="200mm" height="50mm"/>'),
    ("plain.svg", b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0,0,480,120"/>'),
])
def test_a_logo_within_the_limits_passes(one_tool_kit, name, content):
    set_logo(one_tool_kit, f"overrides/assets/{name}", content)
    assert load_kit(one_tool_kit).settings.logo == f"overrides/assets/{name}"


def test_a_logo_that_is_not_an_svg_drawing_is_refused(one_tool_kit):
    set_logo(one_tool_kit, "overrides/assets/page.svg", b"<html><body>logo</body></html>")
    assert logo_problems(one_tool_kit) == [
        "overrides/assets/page.svg is not an SVG image: it is XML, but not a drawing. Export the logo again as "
        "SVG from your drawing program, or use a PNG copy of it."]


def test_a_logo_that_cannot_be_read_is_refused(one_tool_kit, monkeypatch):
    set_logo(one_tool_kit, "overrides/assets/locked.png", png(4, 4))
    real_read = type(one_tool_kit).read_bytes

    def refuse(path):
        if path.name == "locked.png":
            raise PermissionError(13, "Permission denied")
        return real_read(path)

    # The tests may run as root, who can read any file: refuse the read instead of changing permissions.
    monkeypatch.setattr(type(one_tool_kit), "read_bytes", refuse)
    assert logo_problems(one_tool_kit) == [
        "the logo file cannot be read (Permission denied). Check its permissions, or save it again."]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_logo_that_links_outside_the_assets_folder_is_refused(one_tool_kit, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "logo.png"
    outside.write_bytes(png(4, 4))
    (one_tool_kit / "overrides/assets/linked.png").symlink_to(outside)
    set_logo(one_tool_kit, "overrides/assets/linked.png")
    assert logo_problems(one_tool_kit) == [
        "overrides/assets/linked.png is a link to a file outside overrides/assets/. "
        "Copy the logo file itself into overrides/assets/."]


def test_check_logo_still_stops_a_build_when_the_logo_went_missing_after_loading(one_tool_kit):
    from generators.pdf.branding import check_logo

    set_logo(one_tool_kit, "overrides/assets/ours.png", png(4, 4))
    kit = load_kit(one_tool_kit)
    (one_tool_kit / "overrides/assets/ours.png").unlink()
    with pytest.raises(KitInvalid) as caught:
        check_logo(kit)
    lines = (one_tool_kit / "kit.yml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, start=1) if text.startswith("logo:"))
    assert [str(p) for p in caught.value.problems] == [
        f"kit.yml:{line}:7: logo: there is no file overrides/assets/ours.png. Put the logo there, or change 'logo:' "
        "to the path of your logo file, or remove the line."]


def test_a_comment_after_an_optional_field_is_still_a_comment(one_tool_kit):
    settings = one_tool_kit / "kit.yml"
    text = settings.read_text(encoding="utf-8").replace("logo: overrides/assets/logo.svg", "logo:   # none yet")
    settings.write_text(text, encoding="utf-8")
    assert load_kit(one_tool_kit).settings.logo is None


def test_a_commented_out_value_that_is_not_text_is_not_told_to_use_quotes(small_kit):
    text = VALID_ACTIVITY.replace("minutes: {min: 10, max: 20}", "minutes: # 10 to 20")
    (small_kit / ACTIVITIES / "quick-check-in.yml").write_text(text, encoding="utf-8")
    with pytest.raises(KitInvalid) as caught:
        load_kit(small_kit)
    assert [str(p) for p in caught.value.problems] == [
        "toolkit/activities/quick-check-in.yml:6:9: minutes: the value is empty: in YAML, a # after a space "
        "starts a comment, so '# 10 to 20' was left out. Write the value after the colon, before any #."]


def test_an_svg_sized_in_other_units_is_not_measured_by_its_viewbox(one_tool_kit):
    set_logo(one_tool_kit, "overrides/assets/print.svg",
             b'<svg xmlns="http://www.w3.org/2000/svg" width="60mm" height="15mm" viewBox="0 0 6000 1500"/>')
    assert load_kit(one_tool_kit).settings.logo == "overrides/assets/print.svg"
