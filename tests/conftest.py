"""The fixtures every tier shares, and the test options. Helpers are in tests/helpers.py.

- The shipped kit (tests/content/, tests/browser/): `kit`, `built_site`, `catalog`.
- The fixture kit, tests/fixture_kit/ (tests/unit/, tests/build/): `fixture_kit_root` and
  `fixture_kit`, one copy for the whole session that no test changes; `fixture_kit_copy`, a
  copy of its own for a test that changes it; `small_kit`, its settings with no tools yet, and
  `one_tool_kit`, the same with VALID_ACTIVITY.
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from tests.helpers import (KIT_ROOT, VALID_ACTIVITY, copy_fixture_kit, copy_kit_skeleton, page_urls, run_toolkit,
                           write_activities_by_phase)

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# A shell starts a background job (`make test &`) and a test runner may start its workers with
# Ctrl-C ignored, and an ignored signal stays ignored in every program started from there: the
# builds the tests interrupt would then never stop. Handled here, it is back to normal in them.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite golden files (expected outputs) from what the code produces now")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


# --- The shipped kit ---------------------------------------------------------------------------

@pytest.fixture(scope="session")
def kit():
    from generators.kit import load_kit

    return load_kit(KIT_ROOT)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The shipped kit built once, with `toolkit build`, into a temporary folder. To rerun tests
    against a site you have just built, set TOOLKIT_TEST_SITE to its folder."""
    prebuilt = os.environ.get("TOOLKIT_TEST_SITE")
    if prebuilt:
        return Path(prebuilt).resolve()
    site = tmp_path_factory.mktemp("built") / "site"
    # Every PDF in two languages, from an empty cache, while the other half of the tests runs.
    result = run_toolkit(["build", "--site-dir", str(site)], cwd=KIT_ROOT, timeout=1500)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def catalog(built_site) -> dict:
    return json.loads((built_site / "catalog.json").read_text(encoding="utf-8"))


# --- The fixture kit ---------------------------------------------------------------------------

@pytest.fixture(scope="session")
def fixture_kit_root(tmp_path_factory) -> Path:
    """The fixture kit, copied once for the session. Tests read it and build from it into other
    folders (its PDF cache fills up and is shared); a test that changes it uses fixture_kit_copy."""
    return copy_fixture_kit(tmp_path_factory.mktemp("fixture") / "kit")


@pytest.fixture(scope="session")
def fixture_kit(fixture_kit_root):
    """The fixture kit, loaded."""
    from generators.kit import load_kit

    return load_kit(fixture_kit_root)


@pytest.fixture
def fixture_kit_copy(tmp_path) -> Path:
    """A copy of the fixture kit for this test alone, with an empty PDF cache."""
    return copy_fixture_kit(tmp_path / "kit")


@pytest.fixture(scope="session")
def fixture_kit_pdfs(fixture_kit_root) -> dict[str, Path]:
    """Every PDF of the fixture kit by '<id>-<variant>', built once in its shared cache."""
    from generators.kit import load_kit
    from generators.pdf.worksheets import build_pdfs

    kit = load_kit(fixture_kit_root)
    return {f"{pdf.item_id}-{pdf.variant}": pdf.path for group in build_pdfs(kit, page_urls(kit)).values()
            for pdf in group}


@pytest.fixture
def fixture_kit_copy_built(tmp_path, fixture_kit_root, fixture_kit_pdfs) -> Path:
    """A copy of the fixture kit for this test alone, with a copy of the PDF cache its build filled:
    for a test of what an edit renders, whose first build would otherwise render everything."""
    import shutil

    copy = copy_fixture_kit(tmp_path / "kit")
    shutil.copytree(fixture_kit_root / ".cache", copy / ".cache")
    return copy


@pytest.fixture(scope="session")
def asset_lookup(fixture_kit_root):
    """Where the PDF renderer finds the fixture kit's print assets (templates, CSS, fonts, logo)."""
    from generators.pdf.assets import AssetLookup, asset_folders

    return AssetLookup(asset_folders(fixture_kit_root))


@pytest.fixture
def small_kit(tmp_path) -> Path:
    """A kit with the fixture kit's settings and vocabulary and no tools yet."""
    copy_kit_skeleton(tmp_path)
    (tmp_path / "toolkit" / "activities").mkdir(parents=True)
    return tmp_path


@pytest.fixture
def five_activities(small_kit) -> Path:
    """small_kit with ACTIVITIES_BY_PHASE (tests/helpers.py): three in "link", two in "listen"."""
    return write_activities_by_phase(small_kit)


@pytest.fixture
def one_tool_kit(small_kit) -> Path:
    """small_kit with one tool: VALID_ACTIVITY as toolkit/activities/quick-check-in.yml."""
    (small_kit / "toolkit/activities/quick-check-in.yml").write_text(VALID_ACTIVITY, encoding="utf-8")
    return small_kit
