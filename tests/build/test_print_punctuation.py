"""A step title that ends in a mark of its own keeps it alone in print: no full stop after
'¡Año, niño, acción!'. A title without a mark still gets the full stop the design adds.
Which titles get a full stop, without rendering: tests/unit/test_print_punctuation.py."""

from __future__ import annotations

import pytest

from tests.helpers import VALID_ACTIVITY, render, text_of

TITLE = "¡Año, niño, acción!"


@pytest.fixture
def spanish_step_kit(small_kit):
    text = VALID_ACTIVITY.replace("  - title: Ask\n", f"  - title: {TITLE}\n")
    (small_kit / "toolkit/activities/quick-check-in.yml").write_text(text, encoding="utf-8")
    return small_kit


def test_a_step_title_ending_in_a_mark_prints_without_a_full_stop(spanish_step_kit):
    for name in ("quick-check-in-letter", "partnership-toolkit-cards-letter"):
        text = text_of(render(spanish_step_kit, name))
        assert f"{TITLE} Ask one question" in text, name
        assert f"{TITLE}." not in text, name
        assert "Listen. Go round the circle" in text, name  # a title without a mark keeps its full stop
