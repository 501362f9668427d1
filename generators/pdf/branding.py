"""The kit's branding on every PDF: its colours and logo, from kit.yml."""

from __future__ import annotations

from ..colour import WHITE, mixed
from ..errors import KitInvalid
from ..kit import Kit
from ..logo import logo_problem

ASSETS_PREFIX = "overrides/assets/"


def brand(kit: Kit) -> dict:
    """Colours and logo for print templates: the logo as an asset URL, the tint mixed from the colour."""
    primary = kit.settings.primary_colour
    # A pale wash of the primary colour behind summaries: 12% colour on white paper.
    tint = mixed(primary, WHITE, 0.88)
    logo = kit.settings.logo
    return {"primary": primary, "tint": tint, "logo": logo.removeprefix(ASSETS_PREFIX) if logo else None}


def check_logo(kit: Kit) -> None:
    """Stop with a plain message, pointing at kit.yml's logo line, when the logo cannot be used.

    load_kit makes the same check; it is made again here, just before the logo is used,
    because the file may have changed since the kit was loaded.
    """
    message = logo_problem(kit.root, kit.settings.logo)
    if message:
        raise KitInvalid([kit.settings_source.problem(("logo",), message)])
