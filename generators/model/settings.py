"""Kit settings: name, organization, licence, paper and branding, in one file (kit.yml)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from .common import Address, Line, Slug, Strict, Text
from .fonts import Font

# Headings and rules print in the primary colour on white paper; below this contrast
# ratio (WCAG AA for body text) they become hard to read, on paper and on screen.
MINIMUM_CONTRAST = 4.5


class Licence(Strict):
    """The licence of the kit's content (tools, worksheets, guide)."""

    name: Line = Field(description="Short name, e.g. 'CC BY 4.0'.")
    url: Address = Field(pattern=r"^https?://", description="Where the licence text is published.")


def contrast_with_white(colour: str) -> float:
    """The WCAG contrast ratio between a '#rrggbb' colour and white."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    return 1.05 / (luminance + 0.05)


class Settings(Strict):
    """Settings for the whole kit."""

    name: Line = Field(description="The kit's name, shown on the site and on every PDF.")
    tagline: Line = Field(description="One line under the name on the home page.")
    organization: Line = Field(description="Who publishes this copy of the kit; printed on every PDF.")
    language: Slug = Field("en", description="Language of the content, e.g. 'en'.")
    other_languages: list[Slug] = Field(default_factory=list, description="Languages the site and PDFs are "
                                        "also published in, e.g. [es]: each is built from the translation files "
                                        "(such as data-walk.es.yml) into its own folder of the site, such as es/. "
                                        "Each needs a file of interface words, locales/<language>.yml.")
    content_licence: Licence = Field(description="Licence of the content.")
    paper: Literal["letter", "a4"] = Field("letter", description="Paper size listed first, and the paper "
                                           "of the fillable worksheets.")
    logo: Address | None = Field(None, pattern=r"^overrides/assets/[A-Za-z0-9_./-]+\.(svg|png)$",
                              description="The organization's logo, printed on every PDF: an .svg or .png "
                              "file under overrides/assets/, e.g. 'overrides/assets/logo.svg'.")
    primary_colour: str = Field("#0b5563", pattern=r"^#[0-9a-fA-F]{6}$",
                                description="The colour of headings and rules on every PDF, as '#rrggbb'. "
                                "It must be dark enough to read on white paper.")
    catalog_page_size: int = Field(100, ge=5, le=2000, description="Cards on each page of the catalog. A kit "
                                   "with more tools than this shows them in pages, so the catalog opens quickly "
                                   "and every tool is a few clicks away without JavaScript.")
    volume_size: int = Field(75, ge=2, le=5000, description="Most items in one PDF of the whole-kit book, "
                             "and most activities in one card deck. A bigger kit's book and decks come in "
                             "volumes, one per phase (a phase with more items than this in several), so "
                             "each file stays easy to print and an edit rebuilds one volume only.")
    site_url: Address | None = Field(None, pattern=r"^https?://", description="Where the site is published; "
                                  "used for short links in PDF footers.")
    repository_url: Address | None = Field(None, pattern=r"^https?://", description="The kit's repository; "
                                        "enables 'edit this tool' links.")
    contact: Text | None = Field(None, description="How readers reach the publisher.")
    fonts: list[Font] = Field(default_factory=list, description="Fonts for the characters the kit's own "
                             "font (Atkinson Hyperlegible: Latin letters of Western European languages) "
                             "lacks, such as Chinese, Arabic or Vietnamese. Each character prints in the first "
                             "font that has it: the kit's own, then these in order. Put the font files in "
                             "overrides/assets/fonts/.")

    @field_validator("primary_colour")
    @classmethod
    def _readable_on_white(cls, colour: str) -> str:
        ratio = contrast_with_white(colour)
        if ratio < MINIMUM_CONTRAST:
            raise ValueError(f"'{colour}' is too light to read on white paper (contrast {ratio:.1f}:1; "
                             f"at least {MINIMUM_CONTRAST}:1 is needed). Pick a darker shade of the colour")
        return colour.lower()
