"""Each print stylesheet parsed once per worker, not once for every document.

WeasyPrint fetches and parses every stylesheet a document links, and our documents link the
same few files (fonts.css, print.css, the paper's sheet, the kind's own sheet): about a fifth
of a worksheet's rendering time, spent again on each of hundreds of documents. For the font
configurations render_pdf registers (one per set of assets: one per worker and build), a
linked sheet is parsed the first time and the same parsed sheet serves every later document.
A document's own <style> (its title in the page header) is parsed each time, as before.

WeasyPrint gives all sheets of a document one list of page rules and one of layers, and
applies each sheet's list in turn; a shared sheet gets lists of its own instead, which gives
the same cascade: its rules come in the same order, once. A sheet that declares layers is
never shared (their order would be counted per sheet). Counter styles and colour profiles go
to per-document dictionaries: what parsing added is recorded and added again for each
document. A test renders with and without this reuse and compares the bytes, which guards a
WeasyPrint upgrade.
"""

from __future__ import annotations

import weakref

from weasyprint import css as weasyprint_css

_parse = weasyprint_css.CSS
# font configuration -> {(url, media type): (parsed sheet, counter styles added, colour profiles added)}
_parsed: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def reuse_for(font_config) -> None:
    """Documents rendered with this font configuration share their parsed linked stylesheets."""
    _parsed.setdefault(font_config, {})


def _added(before: dict, after: dict) -> dict:
    return {key: value for key, value in after.items() if before.get(key) is not value}


def _linked_stylesheet(*args, url=None, font_config=None, counter_style=None, color_profiles=None,
                       page_rules=None, layers=None, matcher=None, layer=None, media_type="print", **kwargs):
    """weasyprint.css.CSS as find_stylesheets calls it for a <link>: the parsed sheet, shared.
    Any other call (a <style>, an @import into another sheet's rules) parses as before."""
    known = _parsed.get(font_config) if font_config is not None else None
    if known is None or args or url is None or matcher is not None or layer is not None:
        return _parse(*args, url=url, font_config=font_config, counter_style=counter_style,
                      color_profiles=color_profiles, page_rules=page_rules, layers=layers, matcher=matcher,
                      layer=layer, media_type=media_type, **kwargs)
    counter_style = {} if counter_style is None else counter_style
    color_profiles = {} if color_profiles is None else color_profiles
    key = (url, media_type)
    if key not in known:
        counters_before, profiles_before = dict(counter_style), dict(color_profiles)
        sheet = _parse(url=url, font_config=font_config, counter_style=counter_style,
                       color_profiles=color_profiles, page_rules=[], layers=[], media_type=media_type, **kwargs)
        if sheet.layers:
            # Parse it again into the document's own lists (its page rules must not count twice).
            return _parse(url=url, font_config=font_config, counter_style=counter_style,
                          color_profiles=color_profiles, page_rules=page_rules, layers=layers,
                          media_type=media_type, **kwargs)
        known[key] = (sheet, _added(counters_before, counter_style), _added(profiles_before, color_profiles))
        return sheet
    sheet, counters, profiles = known[key]
    counter_style.update(counters)
    color_profiles.update(profiles)
    return sheet


# find_stylesheets looks the name up in its module at each call.
weasyprint_css.CSS = _linked_stylesheet
