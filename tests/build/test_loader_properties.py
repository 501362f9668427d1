"""Property-based tests: any document yields a valid kit or a clear error, never an exception.

They load a kit once per generated document, 800 times (about 15 s), so they run with the
slower tier; the loader's exact messages are checked in tests/unit/."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generators.errors import KitInvalid
from generators.kit import load_kit
from tests.helpers import FIXTURE_KIT, KIT_ROOT, VALID_ACTIVITY

FIELD_NAMES = ["title", "purpose", "phases", "buckets", "sectors", "minutes", "group_size", "difficulty",
               "steps", "worksheet", "tips", "related", "min", "max", "text", "label", "lines", "tool", "agenda"]

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
                    st.text(max_size=30), st.sampled_from(["link", "listen", "easy", "09:30", "yes", "~"]))
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=8)),
                                               children, max_size=6)),
    max_leaves=25,
)


@pytest.fixture(scope="module")
def kit_root(tmp_path_factory) -> Path:
    # Module scope: Hypothesis runs every example of a test inside one call, and the
    # folder is removed with pytest's other temporary folders, not left in /tmp.
    root = tmp_path_factory.mktemp("kit-property")
    # The fixture kit's settings and vocabulary, and the logo kit.yml names, from the shipped theme.
    for source, name in [(FIXTURE_KIT, "mkdocs.yml"), (FIXTURE_KIT, "kit.yml"), (FIXTURE_KIT, "toolkit/vocabulary.yml"),
                         (KIT_ROOT, "overrides/assets/logo.svg")]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes((source / name).read_bytes())
    (root / "toolkit/activities").mkdir(parents=True, exist_ok=True)
    return root


def _outcome(root: Path, content: bytes) -> str:
    (root / "toolkit/activities/generated.yml").write_bytes(content)
    try:
        load_kit(root)
    except KitInvalid as error:
        assert error.problems, "an error always says what is wrong"
        for problem in error.problems:
            assert problem.file == "toolkit/activities/generated.yml"
            assert problem.message.strip()
        return "error"
    return "valid"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_any_yaml_document_is_a_kit_or_a_clear_error(kit_root, document):
    _outcome(kit_root, yaml.safe_dump(document, allow_unicode=True).encode("utf-8"))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_are_a_kit_or_a_clear_error(kit_root, content):
    _outcome(kit_root, content)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(VALID_ACTIVITY) - 1), st.text(max_size=5))
def test_a_valid_file_with_a_random_edit_is_a_kit_or_a_clear_error(kit_root, position, insertion):
    edited = VALID_ACTIVITY[:position] + insertion + VALID_ACTIVITY[position:]
    _outcome(kit_root, edited.encode("utf-8"))


def test_the_unedited_file_is_valid(kit_root):
    assert _outcome(kit_root, VALID_ACTIVITY.encode()) == "valid"
