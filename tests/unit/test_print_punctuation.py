"""A step title that ends in a mark of its own gets no full stop after it; a title without a
mark gets the one the design adds. The printed PDFs: tests/build/test_print_punctuation.py."""

from __future__ import annotations

import pytest

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
