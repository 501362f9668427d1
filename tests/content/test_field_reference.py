"""The built site has the field reference page (what the page lists: tests/unit/test_field_reference.py)."""

from __future__ import annotations


def test_the_built_site_has_the_field_reference_page(built_site):
    page = (built_site / "about" / "fields" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="activity">' in page and 'id="activity-worksheet-prompts-table"' in page
    assert "<code>toolkit/activities/&lt;id&gt;.yml</code>" in page
