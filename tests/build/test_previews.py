"""The pictures of the participant sheets' first pages (generators/pdf/previews.py), on the fixture
kit built once: one small and one large picture for every sheet the model has, each the first page
of its sheet, shown on its item's page and its catalog card; a second build takes every one from
the cache. The text alternative and the templates alone: tests/unit/test_sheet_preview_text.py."""

from __future__ import annotations

import json
import logging
import re
from html.parser import HTMLParser
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops, ImageStat

from generators.locale import ui_words
from generators.paper import PAPERS
from generators.pdf.previews import WIDTHS
from tests.helpers import read_pdf, run_toolkit

PREVIEWS_LOGGED = re.compile(r"Previews: (\d+) made, (\d+) from cache, in ")


@pytest.fixture(scope="module")
def site(fixture_kit_root, tmp_path_factory) -> Path:
    """The fixture kit's site, built with `toolkit build` (its PDF cache is the session's)."""
    site = tmp_path_factory.mktemp("previews") / "site"
    result = run_toolkit(["build", "--site-dir", str(site)], cwd=fixture_kit_root)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def catalog(site) -> dict[str, dict]:
    return {entry["id"]: entry for entry in json.loads((site / "catalog.json").read_text(encoding="utf-8"))["items"]}


def _sheet_counts(kit) -> dict[str, int]:
    """How many participant sheets each item has, as the model says."""
    return {item_id: len(item.content.participant_sheets()) for item_id, item in kit.items.items()}


def test_every_participant_sheet_has_a_small_and_a_large_picture_and_nothing_else_has_one(site, fixture_kit):
    counts = _sheet_counts(fixture_kit)
    with_sheets = {fixture_kit.items[item_id].type.name for item_id, count in counts.items() if count}
    assert with_sheets == {"activity", "canvas", "checklist", "handout"}, "the fixture kit has each type with sheets"
    assert all(count == 0 for item_id, count in counts.items() if fixture_kit.items[item_id].type.name == "session")
    expected = {f"{item_id}-{number}-{size}.webp" for item_id, count in counts.items()
                for number in range(1, count + 1) for size in WIDTHS}
    assert sorted(path.name for path in (site / "previews").iterdir()) == sorted(expected)


def _shares(image: Image.Image) -> tuple[float, float]:
    """The share of the picture's pixels that are paper (near white) and that are ink (darker grey)."""
    histogram = image.convert("L").histogram()
    return sum(histogram[230:]) / sum(histogram), sum(histogram[:200]) / sum(histogram)


def test_each_picture_is_a_webp_of_its_width_that_looks_like_a_printed_sheet(site):
    for path in sorted((site / "previews").iterdir()):
        with Image.open(path) as image:
            image.load()  # decodes every pixel, not just the header
            assert image.format == "WEBP", path.name
            assert image.width == WIDTHS[path.stem.rsplit("-", 1)[1]], path.name
            assert image.height > image.width / 2, path.name
            paper, ink = _shares(image)
        assert paper > 0.85, f"{path.name} is not mostly white paper"
        assert ink > 0.003, f"{path.name} has no text or rules on it"


def _render(page: pdfium.PdfPage, size: tuple[int, int]) -> Image.Image:
    return page.render(scale=size[0] / page.get_width()).to_pil().convert("L").resize(size)


def test_each_picture_shows_the_first_page_of_its_sheet_not_the_facilitators_side(site, fixture_kit):
    """The picture matches, of all the pages of its PDF, the first one that is not for the facilitator
    (each tool's first sheet; the fixture kit has one sheet a tool)."""
    facilitator = ui_words("en")["facilitator_side"].lower()
    variant = PAPERS[fixture_kit.settings.paper].variant
    for item_id, count in _sheet_counts(fixture_kit).items():
        if not count:
            continue
        pdf_path = site / "pdf" / f"{item_id}-{variant}.pdf"
        expected = next(index for index, page in enumerate(read_pdf(pdf_path))
                        if not page.text.lower().startswith(facilitator))
        with Image.open(site / "previews" / f"{item_id}-1-small.webp") as picture:
            picture = picture.convert("L")
        document = pdfium.PdfDocument(pdf_path)
        try:
            differences = [ImageStat.Stat(ImageChops.difference(picture, _render(page, picture.size))).mean[0]
                           for page in document]
        finally:
            document.close()
        assert differences.index(min(differences)) == expected, f"{item_id}: {differences}"


class _Images(HTMLParser):
    """Every img of a page with its attributes, the link around it and the catalog card it is on,
    and each card's elements in order."""

    def __init__(self):
        super().__init__()
        self.images: list[dict] = []
        self.cards: dict[str, list[str]] = {}
        self._link = None
        self._card = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "li" and "tk-card" in (attrs.get("class") or "").split():
            self._card = attrs["data-id"]
            self.cards[self._card] = []
        if self._card is not None:
            self.cards[self._card].append(tag)
        if tag == "a":
            self._link = attrs.get("href")
        if tag == "img":
            self.images.append({**attrs, "link": self._link, "card": self._card})

    def handle_endtag(self, tag):
        if tag == "a":
            self._link = None
        if tag == "li":
            self._card = None


def _images(path: Path) -> _Images:
    parser = _Images()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _size(path: Path) -> tuple[str, str]:
    with Image.open(path) as image:
        return str(image.width), str(image.height)


def test_each_item_page_shows_its_sheets_large_linked_to_the_pdf_in_the_kits_paper(site, fixture_kit, catalog):
    variant = PAPERS[fixture_kit.settings.paper].variant
    for item_id, count in _sheet_counts(fixture_kit).items():
        item = fixture_kit.items[item_id]
        page = site / item.type.plural / item_id / "index.html"
        shown = [image for image in _images(page).images if "previews/" in image["src"]]
        assert len(shown) == count, item_id
        for number, (image, described) in enumerate(zip(shown, catalog[item_id].get("previews", [])), start=1):
            assert image["src"] == f"../../previews/{item_id}-{number}-large.webp"
            assert image["alt"].strip() and image["alt"] == described["alt"]
            assert (image["width"], image["height"]) == _size(site / "previews" / f"{item_id}-{number}-large.webp")
            assert image["loading"] == "lazy"
            assert image["link"] == f"../../pdf/{item_id}-{variant}.pdf"
        if count:
            assert "What the sheet looks like" in page.read_text(encoding="utf-8")


def test_each_catalog_card_shows_its_first_sheet_small_after_its_title(site, fixture_kit, catalog):
    page = _images(site / "catalog" / "index.html")
    on_cards = {image["card"]: image for image in page.images if image.get("class") == "tk-card__preview"}
    counts = _sheet_counts(fixture_kit)
    assert set(on_cards) == {item_id for item_id, count in counts.items() if count}, "session plans show none"
    for item_id, image in on_cards.items():
        first = catalog[item_id]["previews"][0]
        assert image["src"] == f"../previews/{item_id}-1-small.webp" == f"../{first['small']}"
        assert image["alt"] == first["alt"] and len(image["alt"]) > len("First page")
        assert (image["width"], image["height"]) == _size(site / first["small"])
        assert (int(image["width"]), int(image["height"])) == (first["small_width"], first["small_height"])
        assert image["loading"] == "lazy"
        assert page.cards[item_id].index("h2") < page.cards[item_id].index("img"), "the title comes first"
    assert all(len(catalog[item_id].get("previews", [])) == count for item_id, count in counts.items())


def test_a_second_build_takes_every_picture_from_the_cache(site, fixture_kit_root, caplog):
    from generators.kit import load_kit
    from generators.site_files import site_files

    kit = load_kit(fixture_kit_root)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.toolkit"):
        site_files(kit, fixture_kit_root / "docs")
    made, cached = (int(count) for count in PREVIEWS_LOGGED.search(caplog.text).groups())
    assert (made, cached) == (0, sum(_sheet_counts(kit).values()))
