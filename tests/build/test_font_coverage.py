"""Text no font of the kit has stops the build with a plain message; a font named in kit.yml fixes it.

The PDFs use only the kit's own fonts (never the building computer's), so these tests
copy a font that Debian ships into a throwaway kit. Without that font on the machine they
are skipped, except in CI, where they fail: CI must install the packages named below
(tests/helpers.py: CJK_FONTS, DEJAVU). The checks that need no build are in
tests/unit/test_font_coverage.py.
"""

from __future__ import annotations

from tests.helpers import (
    CJK_FONTS,
    add_font,
    pdf_text,
    pdf_ua_failures,
    run_toolkit,
    system_font,
    write_activity,
)

CHINESE_TITLE = "社区倾听会"
VIETNAMESE_TITLE = "Lắng nghe cộng đồng"


def test_chinese_text_without_a_font_stops_the_build_and_says_how_to_add_one(small_kit, tmp_path):
    write_activity(small_kit, title=CHINESE_TITLE)
    site = tmp_path / "site"
    result = run_toolkit(["build", "--site-dir", str(site)], cwd=small_kit)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert ("toolkit/activities/quick-check-in.yml:1:8: title: the PDFs cannot print 5 characters of this text: "
            "'社' (U+793E), '区' (U+533A), '倾' (U+503E), '听' (U+542C), '会' (U+4F1A). None of the kit's fonts "
            "has them, so they would print as empty boxes. Add a font that has them: put its file (.ttf, .otf, "
            ".woff, .woff2 or .ttc) in overrides/assets/fonts/ and name it in kit.yml under 'fonts:', as "
            "'- regular: overrides/assets/fonts/<file name>'.") in result.stderr
    assert not site.exists()


def test_chinese_text_builds_with_a_chinese_font_named_in_kit_yml(small_kit, tmp_path):
    font = system_font(CJK_FONTS)
    write_activity(small_kit, title=CHINESE_TITLE)
    add_font(small_kit, font)
    site = tmp_path / "site"
    result = run_toolkit(["build", "--site-dir", str(site)], cwd=small_kit)
    assert result.returncode == 0, result.stderr
    assert CHINESE_TITLE in pdf_text(site / "pdf/quick-check-in-letter.pdf")
    # The form's fields keep the kit's small Latin font: a fillable PDF embeds its fields'
    # whole font, and a Chinese font is megabytes.
    assert font.stat().st_size > 3_000_000
    assert (site / "pdf/quick-check-in-fillable-letter.pdf").stat().st_size < 1_000_000
    assert pdf_ua_failures(sorted((site / "pdf").glob("*.pdf"))) == [], "with a second font too"


def test_vietnamese_is_not_covered_by_the_shipped_font_and_says_which_letters(small_kit, tmp_path):
    write_activity(small_kit, title=VIETNAMESE_TITLE)
    result = run_toolkit(["build", "--site-dir", str(tmp_path / "site")], cwd=small_kit)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert ("toolkit/activities/quick-check-in.yml:1:8: title: the PDFs cannot print 4 characters of this text: "
            "'ắ' (U+1EAF), 'ộ' (U+1ED9), 'đ' (U+0111), 'ồ' (U+1ED3).") in result.stderr


def test_font_files_that_are_missing_or_not_fonts_stop_the_build_at_their_line(small_kit, tmp_path):
    write_activity(small_kit)
    (small_kit / "overrides/assets/fonts/notes.ttf").write_text("These are my notes, not a font.\n")
    (tmp_path / "elsewhere.ttf").write_bytes(b"\0" * 64)
    (small_kit / "overrides/assets/fonts/elsewhere.ttf").symlink_to(tmp_path / "elsewhere.ttf")
    with (small_kit / "kit.yml").open("a", encoding="utf-8") as settings:
        settings.write("fonts:\n"
                       "  - regular: overrides/assets/fonts/NotoSans-Regular.ttf\n"
                       "  - regular: overrides/assets/fonts/atkinson-hyperlegible-latin-400-normal.woff2\n"
                       "    bold: overrides/assets/fonts/notes.ttf\n"
                       "    italic: overrides/assets/fonts/elsewhere.ttf\n")
    last = len((small_kit / "kit.yml").read_text(encoding="utf-8").splitlines()) - 1
    site = tmp_path / "site"
    expected = [
        f"kit.yml:{last - 2}:14: fonts[1].regular: there is no font file "
        "overrides/assets/fonts/NotoSans-Regular.ttf. Put the font file there, or correct the path, "
        "or remove this line.",
        f"kit.yml:{last}:11: fonts[2].bold: overrides/assets/fonts/notes.ttf cannot be used as a font: "
        "it is not a font file the toolkit can read. Use a font file ending in .ttf, .otf, .woff, .woff2 "
        "or .ttc, as font makers publish them.",
        f"kit.yml:{last + 1}:13: fonts[2].italic: overrides/assets/fonts/elsewhere.ttf is a link to a file "
        "outside overrides/assets/, which the PDFs may not load. Copy the font file itself there."]
    # `validate` finds them as the build does, before anything is rendered.
    for command in (["validate"], ["build", "--site-dir", str(site)]):
        result = run_toolkit(command, cwd=small_kit)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert all(line in result.stderr for line in expected), result.stderr
    assert not site.exists()
