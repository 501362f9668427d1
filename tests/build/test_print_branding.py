"""A fork's branding: its own name, organization, colour, logo and site address on its PDFs and
its site; a missing logo stops the build at kit.yml's line. The shipped kit's branding:
tests/content/test_print_branding.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import VALID_ACTIVITY, colour_of, read_pdf, render, run_toolkit, tiny_png


@pytest.fixture
def branded_kit(small_kit) -> Path:
    """A fork with its own name, organization, colour, logo and site address."""
    settings = small_kit / "kit.yml"
    text = settings.read_text(encoding="utf-8")
    text = text.replace("name: Partnership Toolkit", "name: Riverside Health Compact")
    text = text.replace("organization: Partnership Toolkit contributors", "organization: Riverside County Public Health")
    text = text.replace("logo: overrides/assets/logo.svg", "logo: overrides/assets/riverside.png")
    text = text.replace('primary_colour: "#0b5563"', 'primary_colour: "#7a1f5c"')
    settings.write_text(text + "site_url: https://compact.example.org/\n", encoding="utf-8")
    tiny_png(small_kit / "overrides/assets/riverside.png")
    (small_kit / "toolkit/activities/quick-check-in.yml").write_text(VALID_ACTIVITY, encoding="utf-8")
    return small_kit


def test_a_fork_prints_its_own_name_colour_logo_and_short_link(branded_kit):
    for name in ("quick-check-in-a4", "riverside-health-compact-cards-letter", "riverside-health-compact-book-letter"):
        pages = read_pdf(render(branded_kit, name))
        for page in pages:
            assert "Riverside Health Compact" in page.text
            assert "Partnership Toolkit" not in page.text
            assert any(shape.kind == "image" for shape in page.shapes), f"{name}: no logo"
        assert "Riverside County Public Health" in " ".join(page.text for page in pages)
    worksheet = read_pdf(branded_kit / "quick-check-in-a4.pdf")
    assert colour_of(worksheet[0], "Quick check-in") == (122, 31, 92)
    assert all("compact.example.org/activities/quick-check-in/" in page.text for page in worksheet)


def test_a_missing_logo_stops_the_build_with_the_line_to_fix(small_kit):
    settings = small_kit / "kit.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("overrides/assets/logo.svg",
                                                                    "overrides/assets/our-logo.svg"))
    (small_kit / "toolkit/activities/quick-check-in.yml").write_text(VALID_ACTIVITY, encoding="utf-8")
    line = next(n for n, text in enumerate(settings.read_text().splitlines(), start=1) if text.startswith("logo:"))
    result = run_toolkit(["build", "--site-dir", str(small_kit / "site")], cwd=small_kit)
    assert result.returncode == 1
    assert f"kit.yml:{line}:7: logo: there is no file overrides/assets/our-logo.svg. Put the logo there, or " \
           "change 'logo:' to the path of your logo file, or remove the line." in result.stderr
    assert "Traceback" not in result.stderr


def test_a_fork_sees_its_own_colour_logo_publisher_and_contact_on_the_site(branded_kit):
    settings = branded_kit / "kit.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "contact: Call <555-0100> & ask for Sam\n",
                        encoding="utf-8")
    result = run_toolkit(["build", "--no-pdfs"], cwd=branded_kit)  # the site is what this test reads
    assert result.returncode == 0, result.stderr
    home = (branded_kit / "site" / "index.html").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #7a1f5c;" in home
    assert '<img src="assets/riverside.png"' in home
    assert (branded_kit / "site" / "assets" / "riverside.png").read_bytes()[:4] == b"\x89PNG"
    page = (branded_kit / "site" / "activities" / "quick-check-in" / "index.html").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #7a1f5c;" in page and '<img src="../../assets/riverside.png"' in page
    assert ("Published by Riverside County Public Health. Content licence: "
            '<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>. '
            "Contact: Call &lt;555-0100&gt; &amp; ask for Sam") in page
