"""Shades of the kit's primary colour (kit.yml), for the site's theme and the PDFs."""

from __future__ import annotations

WHITE, BLACK = "#ffffff", "#000000"


def mixed(colour: str, other: str, share_of_other: float) -> str:
    """`colour` with `share_of_other` (0 to 1) of `other` mixed in, as '#rrggbb'."""
    def channels(value: str) -> list[int]:
        return [int(value[i:i + 2], 16) for i in (1, 3, 5)]

    return "#" + "".join(f"{round(a + (b - a) * share_of_other):02x}" for a, b in zip(channels(colour), channels(other)))


def site_colours(primary: str) -> dict[str, str]:
    """Material's primary colour and its lighter and darker shades (hover, focus, headings)."""
    return {"primary": primary, "light": mixed(primary, WHITE, 0.2), "dark": mixed(primary, BLACK, 0.3)}
