"""A primary colour too light to read on paper is refused by validate, at its line in kit.yml."""

from __future__ import annotations

from tests.helpers import run_toolkit


def test_a_primary_colour_too_light_to_read_is_refused(small_kit):
    settings = small_kit / "kit.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace('"#0b5563"', '"#ffcc00"'))
    line = next(n for n, text in enumerate(settings.read_text().splitlines(), start=1)
                if text.startswith("primary_colour:"))
    result = run_toolkit(["validate"], cwd=small_kit)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"kit.yml:{line}:17: primary_colour: '#ffcc00' is too light to read on white paper (contrast 1.5:1; "
        "at least 4.5:1 is needed). Pick a darker shade of the colour.")
