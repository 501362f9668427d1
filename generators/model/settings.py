"""Kit settings: name, organization, licence and paper, in one file (kit.yml)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Line, Slug, Strict, Text


class Licence(Strict):
    """The licence of the kit's content (tools, worksheets, guide)."""

    name: Line = Field(description="Short name, e.g. 'CC BY 4.0'.")
    url: Line = Field(pattern=r"^https?://", description="Where the licence text is published.")


class Settings(Strict):
    """Settings for the whole kit."""

    name: Line = Field(description="The kit's name, shown on the site and on every PDF.")
    tagline: Line = Field(description="One line under the name on the home page.")
    organization: Line = Field(description="Who publishes this copy of the kit.")
    language: Slug = Field("en", description="Language of the content, e.g. 'en'.")
    content_licence: Licence = Field(description="Licence of the content.")
    paper: Literal["letter", "a4"] = Field("letter", description="Paper size listed first.")
    site_url: Line | None = Field(None, pattern=r"^https?://", description="Where the site is published; "
                                  "used for short links in PDF footers.")
    repository_url: Line | None = Field(None, pattern=r"^https?://", description="The kit's repository; "
                                        "enables 'edit this tool' links.")
    contact: Text | None = Field(None, description="How readers reach the publisher.")
