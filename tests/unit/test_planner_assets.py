"""The meeting planner's own script and styles: light enough, and every word they show is in the
locale file (a word missing there would show as 'undefined' on the page)."""

from __future__ import annotations

import gzip
import re

import yaml

from tests.helpers import KIT_ROOT

ASSETS = KIT_ROOT / "overrides" / "assets"
SCRIPTS = [ASSETS / "javascripts" / name for name in ("planner.js", "plan-model.js", "plan-store.js")]
PLANNER_FILES = [*SCRIPTS, ASSETS / "stylesheets" / "planner.css"]
BUDGET = 30 * 1024  # compressed, all together


def test_the_planners_script_and_styles_fit_the_budget():
    compressed = sum(len(gzip.compress(path.read_bytes(), compresslevel=9)) for path in PLANNER_FILES)
    assert compressed <= BUDGET, f"{compressed} bytes compressed, over {BUDGET}"


def test_every_word_the_planner_shows_is_in_the_locale_file():
    english = yaml.safe_load((KIT_ROOT / "generators" / "locales" / "en.yml").read_text(encoding="utf-8"))
    script = "\n".join(path.read_text(encoding="utf-8") for path in SCRIPTS)
    used = set(re.findall(r"words\.(\w+)", script)) | set(re.findall(r'words\["(\w+)"\]', script))
    # Words picked by name at run time: "type_" + a type, "planner_free_" + a free item's kind.
    used |= {f"type_{name}" for name in ("activity", "canvas", "checklist")}
    used |= {f"planner_free_{kind}" for kind in ("welcome", "meal", "break", "closing", "other")}
    assert len(used) > 40, "the search for words in the scripts found too few: has the script changed its form?"
    assert sorted(used - set(english)) == []
