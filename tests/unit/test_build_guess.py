"""When a build starts its PDF workers: early if a file of the kit changed since the last site was built."""

from __future__ import annotations

import os
import time

from generators.build import changed_since_built
from generators.output_safety import SITE_MARKER
from tests.helpers import copy_kit_skeleton


def _built(kit, seconds_ago: float = 0) -> None:
    (kit / "site").mkdir(exist_ok=True)
    marker = kit / "site" / SITE_MARKER
    marker.write_text("built", encoding="utf-8")
    moment = time.time() - seconds_ago
    os.utime(marker, (moment, moment))


def _age_every_file(kit, seconds: float) -> None:
    moment = time.time() - seconds
    for path in kit.rglob("*"):
        if "site" not in path.relative_to(kit).parts:
            os.utime(path, (moment, moment))


def test_a_kit_never_built_has_changed(tmp_path):
    copy_kit_skeleton(tmp_path)
    assert changed_since_built(tmp_path, tmp_path / "site")


def test_a_kit_untouched_since_its_site_was_built_has_not(tmp_path):
    copy_kit_skeleton(tmp_path)
    _age_every_file(tmp_path, 3600)
    _built(tmp_path)
    assert not changed_since_built(tmp_path, tmp_path / "site")


def test_an_edited_tool_or_a_translated_settings_file_is_a_change(tmp_path):
    copy_kit_skeleton(tmp_path)
    (tmp_path / "toolkit" / "activities").mkdir(parents=True, exist_ok=True)
    tool = tmp_path / "toolkit" / "activities" / "check-in.yml"
    tool.write_text("title: Check-in\n", encoding="utf-8")
    _age_every_file(tmp_path, 3600)
    _built(tmp_path, 60)
    assert not changed_since_built(tmp_path, tmp_path / "site")
    tool.write_text("title: Check-in, edited\n", encoding="utf-8")
    assert changed_since_built(tmp_path, tmp_path / "site")
    _built(tmp_path)
    assert not changed_since_built(tmp_path, tmp_path / "site")
    (tmp_path / "kit.es.yml").write_text("name: Kit\n", encoding="utf-8")
    os.utime(tmp_path / "kit.es.yml", (time.time() + 5, time.time() + 5))
    assert changed_since_built(tmp_path, tmp_path / "site")
