"""Shared fixtures: the shipped kit, a built copy of its site, and small throwaway kits."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

KIT_ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture(scope="session")
def kit():
    from generators.kit import load_kit

    return load_kit(KIT_ROOT)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The shipped kit built once, with `toolkit build`, into a temporary folder."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = run_toolkit(["build", "--site-dir", str(site)], cwd=KIT_ROOT)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def catalog(built_site) -> dict:
    return json.loads((built_site / "catalog.json").read_text(encoding="utf-8"))


def run_toolkit(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """Run the installed `toolkit` command as a user would."""
    toolkit = Path(sys.executable).parent / "toolkit"
    return subprocess.run([str(toolkit), *args], cwd=cwd, capture_output=True, text=True, timeout=600)


KIT_SKELETON = ("mkdocs.yml", "kit.yml", "toolkit/vocabulary.yml", "docs", "overrides", "schemas")


def copy_kit_skeleton(target: Path) -> Path:
    """The kit's settings, vocabulary, pages, overrides and schemas, without any tool."""
    for name in KIT_SKELETON:
        source = KIT_ROOT / name
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    return target


@pytest.fixture
def small_kit(tmp_path) -> Path:
    """A kit with the real settings and vocabulary and no tools yet."""
    copy_kit_skeleton(tmp_path)
    (tmp_path / "toolkit" / "activities").mkdir(parents=True)
    return tmp_path


VALID_ACTIVITY = """\
title: Quick check-in
purpose: Start a meeting so everyone has spoken once
phases: [link]
buckets: [internal-champions]
sectors: [community, public-health]
minutes: {min: 10, max: 20}
group_size: {min: 3, max: 12}
difficulty: easy
steps:
  - title: Ask
    minutes: 5
    text: Ask one question that everyone answers in a sentence.
  - title: Listen
    minutes: 10
    text: Go round the circle; nobody comments on answers.
worksheet:
  prompts:
    - label: One thing I hope we decide today
      lines: 3
"""


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite golden files (expected outputs) from what the code produces now")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")
