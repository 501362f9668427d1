"""Every PDF carries the kit's branding and page furniture: logo, kit name, organization,
primary colour; a running header with the tool's title; "Page X of Y", the content
licence and a short link to the tool's page in the footer."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from conftest import VALID_ACTIVITY, run_toolkit
from test_pdfs import flat, read_pdf

SHIPPED_LOGO_STROKE = (42, 138, 155)   # the middle ring of overrides/assets/logo.svg
PRIMARY = (11, 85, 99)                 # kit.yml's primary_colour, #0b5563


def logo_on(page, stroke=SHIPPED_LOGO_STROKE) -> bool:
    """The logo is drawn on the page: the placeholder's rings, or any image."""
    return any(shape.stroke == stroke or shape.kind == "image" for shape in page.shapes)


def colour_of(page, words: str) -> tuple:
    """The fill colour of the first character of `words` on the page."""
    chars = [c for c in page.chars if c.text.strip()]
    index = "".join(c.text for c in chars).index("".join(words.split()))
    return chars[index].colour


def worksheets(catalog):
    return [(entry, variant, path) for entry in catalog["items"] for variant, path in entry["pdfs"].items()
            if not variant.startswith("poster-")]


def test_every_page_has_the_header_and_footer(built_site, catalog, kit):
    for entry, variant, relative in worksheets(catalog):
        pages = read_pdf(built_site / relative)
        for number, page in enumerate(pages, start=1):
            for words in ("Partnership Toolkit", f"Page {number} of {len(pages)}",
                          "Partnership Toolkit contributors · Content licence: CC BY 4.0"):
                assert words in page.text, f"{relative} page {number} lacks '{words}'"
            assert logo_on(page), f"{relative} page {number} has no logo"
        if not variant.startswith("packet-"):  # a packet's header names each part instead
            assert all(flat(entry["title"]) in page.text for page in pages), relative


def test_titles_print_in_the_kits_primary_colour(built_site, kit):
    for item in kit.items.values():
        first = read_pdf(built_site / f"pdf/{item.id}-letter.pdf")[0]
        assert colour_of(first, item.content.title) == PRIMARY, item.id


def test_posters_and_cards_carry_the_kits_name_licence_and_logo(built_site, catalog):
    posters = [path for entry in catalog["items"] for variant, path in entry["pdfs"].items()
               if variant.startswith("poster-")]
    paths = posters + list(catalog["kit"]["pdfs"].values())
    for relative in paths:
        for page in read_pdf(built_site / relative):
            assert "Partnership Toolkit" in page.text and "Content licence: CC BY 4.0" in page.text, relative
            assert logo_on(page), relative


def tiny_png(path: Path, rgb=(122, 31, 92)) -> None:
    """A 4x4 pixel PNG in one colour: a stand-in for an organization's logo."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\0" + bytes(rgb) * 4 for _ in range(4))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


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


def render(kit_root: Path, name: str) -> Path:
    """Build the kit's PDFs (in its own cache) and copy out the one called `name`."""
    from generators.kit import load_kit
    from generators.pdf.worksheets import build_pdfs

    kit = load_kit(kit_root)
    urls = {i: f"{kit.items[i].type.plural}/{i}/" for i in kit.items}
    built = {f"{pdf.item_id}-{pdf.variant}": pdf.path for pdfs in build_pdfs(kit, urls).values() for pdf in pdfs}
    path = kit_root / f"{name}.pdf"
    path.write_bytes(built[name].read_bytes())
    return path


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


def test_a_fork_sees_its_own_colour_logo_publisher_and_contact_on_the_site(branded_kit):
    settings = branded_kit / "kit.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "contact: Call <555-0100> & ask for Sam\n",
                        encoding="utf-8")
    result = run_toolkit(["build"], cwd=branded_kit)
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
