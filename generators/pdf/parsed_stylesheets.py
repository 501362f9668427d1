"""Each print stylesheet parsed once per build, not once for every document.

WeasyPrint fetches and parses every stylesheet a document links, and our documents link
the same few files (fonts.css, print.css, the paper's sheet, the kind's own sheet): that
is about a fifth of a worksheet's rendering time, spent again on each of hundreds of
documents. For the font configurations render_pdf registers (one per set of assets, so
one per build), the stylesheets of a given set of <link> and <style> elements are parsed
once; later documents with the same set get the same parsed sheets.

The parsed sheets carry what WeasyPrint collects while parsing (page rules and layers
live inside them; fonts were added to the same font configuration). Counter styles and
colour profiles go to per-document dictionaries, so what parsing added is recorded and
added again for each document. A test renders with and without this reuse and compares
the bytes, which guards a WeasyPrint upgrade.
"""

from __future__ import annotations

import weakref

from weasyprint import css as weasyprint_css

_parse_every_time = weasyprint_css.find_stylesheets
# font configuration -> {signature of a document's stylesheets: (sheets, counter styles added, profiles added)}
_parsed: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def reuse_for(font_config) -> None:
    """Documents rendered with this font configuration share their parsed stylesheets."""
    _parsed.setdefault(font_config, {})


def _signature(wrapper_element) -> tuple:
    """What decides which sheets find_stylesheets returns: each <link> and <style> in order."""
    parts = []
    for wrapper in wrapper_element.query_all("style", "link"):
        element = wrapper.etree_element
        attributes = tuple(sorted(element.attrib.items()))
        text = "".join(element.itertext()) if element.tag == "style" else ""
        parts.append((element.tag, attributes, text))
    return tuple(parts)


def _added(before: dict, after) -> dict:
    return {key: value for key, value in after.items() if before.get(key) is not value}


def _find_stylesheets_once(wrapper_element, device_media_type, url_fetcher, base_url,
                           font_config, counter_style, color_profiles, page_rules, layers):
    known = _parsed.get(font_config)
    if known is None:
        yield from _parse_every_time(wrapper_element, device_media_type, url_fetcher, base_url,
                                     font_config, counter_style, color_profiles, page_rules, layers)
        return
    signature = (_signature(wrapper_element), device_media_type, base_url)
    if signature not in known:
        counters_before = dict(counter_style or {})
        profiles_before = dict(color_profiles or {})
        sheets = list(_parse_every_time(wrapper_element, device_media_type, url_fetcher, base_url,
                                        font_config, counter_style, color_profiles, page_rules, layers))
        known[signature] = (sheets, _added(counters_before, counter_style or {}),
                            _added(profiles_before, color_profiles or {}))
        yield from sheets
        return
    sheets, counters, profiles = known[signature]
    if counter_style is not None:
        counter_style.update(counters)
    if color_profiles is not None:
        color_profiles.update(profiles)
    yield from sheets


# get_all_computed_styles looks the function up in its module at each call.
weasyprint_css.find_stylesheets = _find_stylesheets_once
