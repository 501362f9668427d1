"""A step title that ends in a mark of its own keeps it alone in print: no full stop after
'¡Año, niño, acción!'. A title without a mark still gets the full stop the design adds."""

from __future__ import annotations

import pytest
from conftest import VALID_ACTIVITY
from test_pdfs import text_of
from test_print_branding import render

from generators.text import end_sentence

TITLE = "¡Año, niño, acción!"


@pytest.mark.parametrize("title, printed", [
    ("Ask", "Ask."),
    ("Ask ", "Ask."),
    (TITLE, TITLE),
    ("Why now?", "Why now?"),
    ("And so on…", "And so on…"),
    ("Agree on one thing:", "Agree on one thing:"),
    ("Ask “Why?”", "Ask “Why?”"),
    ("Cut costs by 10%", "Cut costs by 10%."),
    ("Map the partners (all of them)", "Map the partners (all of them)."),
    ("ما هو هدفنا؟", "ما هو هدفنا؟"),
])
def test_a_full_stop_follows_a_title_only_when_it_has_no_mark(title, printed):
    assert end_sentence(title) == printed


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
