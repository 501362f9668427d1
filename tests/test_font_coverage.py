"""Text no font of the kit has stops the build with a plain message; a font named in kit.yml fixes it.

The PDFs use only the kit's own fonts (never the building computer's), so these tests
copy a font that Debian ships into a throwaway kit. Without that font on the machine they
are skipped, except in CI, where they fail: CI must install the packages named below.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pdfplumber
import pytest

from generators.errors import KitInvalid
from generators.kit import load_kit
from generators.pdf.coverage import check_font_coverage

from conftest import VALID_ACTIVITY, run_toolkit

# Debian package -> font files it installs that have Chinese characters, first found wins.
CJK_FONTS = {"fonts-noto-cjk": ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"],
             "fonts-wqy-zenhei": ["/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"],
             "fonts-droid-fallback": ["/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"]}
# Latin with Vietnamese letters, Arabic, Hebrew and more.
DEJAVU = {"fonts-dejavu-core": ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"]}
CHINESE_TITLE = "社区倾听会"
VIETNAMESE_TITLE = "Lắng nghe cộng đồng"


def system_font(packages: dict[str, list[str]]) -> Path:
    """A font file Debian installs with one of `packages`; skip (fail in CI) when there is none."""
    for files in packages.values():
        for file in files:
            if Path(file).is_file():
                return Path(file)
    reason = f"no suitable font on this machine: install one of the Debian packages {', '.join(packages)}"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def write_activity(kit: Path, **fields: str) -> Path:
    text = VALID_ACTIVITY
    for name, value in fields.items():
        old = next(line for line in text.splitlines() if line.startswith(f"{name}: "))
        text = text.replace(old, f"{name}: {value}", 1)
    path = kit / "toolkit/activities/quick-check-in.yml"
    path.write_text(text, encoding="utf-8")
    return path


def add_font(kit: Path, font: Path, **more: Path) -> None:
    """Copy the font into the kit's fonts folder and name it in kit.yml."""
    lines = ["fonts:"]
    for index, (role, file) in enumerate({"regular": font, **more}.items()):
        shutil.copy(file, kit / "overrides/assets/fonts" / file.name)
        lines.append(f"  {'- ' if index == 0 else '  '}{role}: overrides/assets/fonts/{file.name}")
    with (kit / "kit.yml").open("a", encoding="utf-8") as settings:
        settings.write("\n".join(lines) + "\n")


def pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return " ".join(" ".join((page.extract_text() or "") for page in pdf.pages).split())


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


def test_vietnamese_is_not_covered_by_the_shipped_font_and_says_which_letters(small_kit, tmp_path):
    write_activity(small_kit, title=VIETNAMESE_TITLE)
    result = run_toolkit(["build", "--site-dir", str(tmp_path / "site")], cwd=small_kit)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert ("toolkit/activities/quick-check-in.yml:1:8: title: the PDFs cannot print 4 characters of this text: "
            "'ắ' (U+1EAF), 'ộ' (U+1ED9), 'đ' (U+0111), 'ồ' (U+1ED3).") in result.stderr


def test_vietnamese_passes_the_check_once_a_font_with_its_letters_is_named(small_kit):
    write_activity(small_kit, title=VIETNAMESE_TITLE)
    add_font(small_kit, system_font(DEJAVU))
    check_font_coverage(load_kit(small_kit))  # raises KitInvalid if a letter is still missing


def test_one_problem_per_field_at_its_line_naming_at_most_ten_characters(small_kit):
    path = write_activity(small_kit, title="一二三四五六七八九十百千", purpose="'Ask each person: 你好?'")
    path.write_text(path.read_text(encoding="utf-8").replace("one question", "one question (问题)"), encoding="utf-8")
    with pytest.raises(KitInvalid) as raised:
        check_font_coverage(load_kit(small_kit))
    problems = {(problem.line, problem.field): problem.message for problem in raised.value.problems}
    assert sorted(problems) == [(1, "title"), (2, "purpose"), (12, "steps[1].text")]
    assert "12 characters" in problems[(1, "title")] and "'十' (U+5341) and 2 more." in problems[(1, "title")]
    assert "'你' (U+4F60), '好' (U+597D)." in problems[(2, "purpose")]
    assert "'问' (U+95EE), '题' (U+9898)." in problems[(12, "steps[1].text")]


def test_spaces_and_invisible_characters_need_no_font(small_kit):
    # A no-break space, a tab, a zero-width joiner, a soft hyphen and a variation selector print no glyph.
    write_activity(small_kit, purpose='"Start\u00a0a meeting\tso\u200d every\u00adone has spoken\ufe0f once"')
    check_font_coverage(load_kit(small_kit))


def test_fonts_entries_that_are_not_font_paths_are_reported_at_their_line(small_kit):
    with (small_kit / "kit.yml").open("a", encoding="utf-8") as settings:
        settings.write("fonts:\n"
                       "  - regular: fonts/NotoSans-Regular.ttf\n"
                       "  - regular: overrides/assets/fonts/../../../secret.ttf\n"
                       "  - regular: overrides/assets/fonts/NotoSans-Regular.pdf\n"
                       "  - file: overrides/assets/fonts/NotoSans-Regular.ttf\n")
    first = len((small_kit / "kit.yml").read_text(encoding="utf-8").splitlines()) - 3
    result = run_toolkit(["validate"], cwd=small_kit)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"kit.yml:{first}:14: fonts[1].regular: 'fonts/NotoSans-Regular.ttf' is not the path of a font file in "
        "overrides/assets/fonts/. Write the path of a file in that folder ending in .ttf, .otf, .woff, .woff2 "
        "or .ttc, e.g. 'overrides/assets/fonts/NotoSansSC-Regular.ttf'.",
        f"kit.yml:{first + 1}:14: fonts[2].regular: 'overrides/assets/fonts/../../../secret.ttf' points outside "
        "the fonts folder ('..'). Put the font file inside overrides/assets/fonts/ and write its path from "
        "there, e.g. 'overrides/assets/fonts/NotoSansSC-Regular.ttf'.",
        f"kit.yml:{first + 2}:14: fonts[3].regular: 'overrides/assets/fonts/NotoSans-Regular.pdf' is not the "
        "path of a font file in overrides/assets/fonts/. Write the path of a file in that folder ending in .ttf, "
        ".otf, .woff, .woff2 or .ttc, e.g. 'overrides/assets/fonts/NotoSansSC-Regular.ttf'.",
        f"kit.yml:{first + 3}:5: fonts[4]: 'regular' is missing. Add a 'regular:' line: the font's regular file, "
        "e.g. 'overrides/assets/fonts/NotoSansSC-Regular.ttf'.",
        f"kit.yml:{first + 3}:5: fonts[4].file: unknown field 'file'. Fields allowed here: regular, bold, italic, "
        "bold_italic.",
        "5 problems found. Fix the lines above, then run the command again.",
    ]


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
