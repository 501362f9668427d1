"""What the site says about the pictures of the participant sheets, without making any: the text
alternative written from the model (who the sheet is for, its title, what it begins with, at most
300 characters), and where the pages put the pictures. The pictures themselves:
tests/build/test_previews.py."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from generators.catalog import catalog_entry
from generators.model.worksheet import TextPrompt, Worksheet
from generators.pdf.previews import (
    ALT_LIMIT,
    PreviewImage,
    SheetPreview,
    sheet_alt,
    sheet_audiences,
    shortened,
)
from generators.site_files import site_files
from generators.site_pages import CATALOG_PATH, CatalogLinks, catalog_pages, render_catalog_page, render_item_page
from generators.templating import site_environment


def _with_two_sheets(item, first_intro: str | None = None):
    """The item (an activity) with two worksheets: the first names no audience, the second is for
    community members."""
    sheets = [Worksheet(intro=first_intro, prompts=[TextPrompt(label="What do you want from this meeting?")]),
              Worksheet(audience="community-members", intro="Thank you for coming.",
                        prompts=[TextPrompt(label="One good thing about this neighborhood")])]
    content = item.content.model_copy(update={"worksheet": None, "worksheets": sheets})
    return dataclasses.replace(item, content=content)


def test_a_lone_sheet_names_no_audience_and_says_what_it_begins_with(fixture_kit):
    item = fixture_kit.items["quick-check-in"]
    assert sheet_audiences(fixture_kit, item) == [None]
    assert sheet_alt(fixture_kit, item, 0) == ("First page of the participant sheet: Quick check-in. "
                                               "It begins: One thing I hope we decide today.")


def test_each_of_several_sheets_names_who_it_is_for(fixture_kit):
    item = _with_two_sheets(fixture_kit.items["quick-check-in"])
    # A sheet that names no audience is for the vocabulary's first, as the tool's page says.
    assert sheet_audiences(fixture_kit, item) == ["partner-staff", "community-members"]
    assert sheet_alt(fixture_kit, item, 0) == ("First page of the participant sheet for Partner staff: "
                                               "Quick check-in. It begins: What do you want from this meeting?")
    assert sheet_alt(fixture_kit, item, 1) == (
        "First page of the participant sheet for Community members: Quick check-in. "
        "It begins: Thank you for coming. One good thing about this neighborhood.")


def test_a_long_text_alternative_is_cut_at_a_word_with_an_ellipsis(fixture_kit):
    long_intro = " ".join(f"word{number}" for number in range(60))
    item = _with_two_sheets(fixture_kit.items["quick-check-in"], first_intro=long_intro)
    alt = sheet_alt(fixture_kit, item, 0)
    assert len(alt) <= ALT_LIMIT and len(alt) > ALT_LIMIT - 20
    assert alt.endswith("…")
    last_word = alt[:-1].rsplit(" ", 1)[-1]
    assert last_word in long_intro.split(), "the cut falls between two words"


def test_shortening_keeps_short_texts_and_cuts_text_without_spaces_at_the_limit():
    assert shortened("Fits as it is.", 14) == "Fits as it is."
    assert shortened("One two three four", 12) == "One two…"
    assert shortened("一二三四五六七八九十", 5) == "一二三四…"


def test_a_session_plan_has_no_participant_sheet_to_show(fixture_kit):
    assert sheet_audiences(fixture_kit, fixture_kit.items["first-meeting"]) == []


def _preview(item_id: str, number: int, audience: str | None) -> SheetPreview:
    def image(size: str, width: int, height: int) -> PreviewImage:
        return PreviewImage(Path("cached.webp"), f"previews/{item_id}-{number}-{size}.webp", width, height)
    return SheetPreview(item_id, number, audience, f"Sheet {number} <of> two", f"pdf/{item_id}-letter.pdf",
                        image("small", 160, 207), image("large", 560, 725))


def test_the_page_shows_each_sheet_linked_to_its_pdf_and_captioned_with_its_audience(fixture_kit):
    item = fixture_kit.items["quick-check-in"]
    previews = [_preview(item.id, 1, "partner-staff"), _preview(item.id, 2, "community-members")]
    page = render_item_page(site_environment(fixture_kit.root), fixture_kit, item, [], previews)
    assert "## What the sheets look like" in page
    for number, audience in ((1, "Partner staff"), (2, "Community members")):
        assert (f'[![Sheet {number} &lt;of&gt; two](../previews/quick-check-in-{number}-large.webp)'
                '{ width="560" height="725" loading="lazy" }](../pdf/quick-check-in-letter.pdf)') in page
        assert f"<figcaption>{audience}</figcaption>" in page
    one = render_item_page(site_environment(fixture_kit.root), fixture_kit, item, [], previews[:1])
    assert "## What the sheet looks like" in one and "<figcaption>" not in one, "a lone sheet needs no caption"


def test_a_catalog_card_shows_the_first_sheet_after_its_title(fixture_kit):
    item = fixture_kit.items["quick-check-in"]
    previews = [_preview(item.id, 1, None).catalog_fields()]
    entry = catalog_entry(fixture_kit, item, "activities/quick-check-in/", {}, previews=previews)
    assert entry["previews"] == previews
    pages = catalog_pages(fixture_kit, [entry])
    links = CatalogLinks(lambda address: f"../{address}", "my-meeting/", {CATALOG_PATH: "catalog/"})
    page = render_catalog_page(site_environment(fixture_kit.root), fixture_kit, pages[0], pages, 1, links)
    image = ('<img class="tk-card__preview" src="../previews/quick-check-in-1-small.webp" alt="Sheet 1 &lt;of&gt; two"'
             ' width="160" height="207" loading="lazy">')
    assert image in page
    assert page.index('class="tk-card__title"') < page.index(image), "a screen reader meets the title first"


def test_a_site_without_pdfs_has_no_pictures(fixture_kit, fixture_kit_root):
    site = site_files(fixture_kit, fixture_kit_root / "docs", pdfs=None)
    files = {file.path: file for file in site.files}
    assert not [path for path in files if path.startswith("previews/")]
    assert "What the sheet" not in files["activities/quick-check-in.md"].text
    assert "tk-card__preview" not in files["catalog.md"].text
    assert all("previews" not in entry for entry in json.loads(files["catalog.json"].text)["items"])
