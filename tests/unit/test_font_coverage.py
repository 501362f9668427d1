"""The font check, without a build: which characters no font of the kit has, reported once per
field at its line; a font named in kit.yml covers them; kit.yml's 'fonts:' lines are checked
by validate. What a build does with them: tests/build/test_font_coverage.py.
"""

from __future__ import annotations

import pytest

from generators.errors import KitInvalid
from generators.kit import load_kit
from generators.pdf.coverage import check_font_coverage
from tests.helpers import DEJAVU, add_font, run_toolkit, system_font, write_activity

VIETNAMESE_TITLE = "Lắng nghe cộng đồng"


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
