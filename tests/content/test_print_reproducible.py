"""The shipped kit's built PDFs are the bytes a fresh render in a process of its own gives:
parallel workers sharing fonts, and the PDF cache, change nothing."""

from __future__ import annotations

from tests.helpers import KIT_ROOT, render_fresh

JOBS = ["stakeholder-map-letter", "readiness-to-partner-fillable-letter", "theory-of-change-poster-a3"]


def test_the_built_site_has_the_same_bytes_as_a_fresh_render(built_site, tmp_path):
    """Parallel workers sharing fonts, and the PDF cache, change nothing in the output."""
    fresh = render_fresh(KIT_ROOT, tmp_path / "fresh", JOBS)
    for name in JOBS:
        assert (built_site / f"pdf/{name}.pdf").read_bytes() == fresh[name], name
