"""The tests stay in their tiers and share code through tests/helpers.py only: every test file
is in tests/unit/, tests/build/, tests/content/ or tests/browser/, and none imports from
another test file or from a conftest.py (CONTRIBUTING.md, "Tests")."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
TIERS = ("unit", "build", "content", "browser")


def _test_files():
    return sorted(TESTS.rglob("test_*.py"))


def test_every_test_file_is_in_a_tier():
    outside = [path.relative_to(TESTS).as_posix() for path in _test_files()
               if path.relative_to(TESTS).parts[0] not in TIERS]
    assert outside == [], "move these into tests/unit/, tests/build/, tests/content/ or tests/browser/"
    assert all((TESTS / tier / "__init__.py").is_file() for tier in TIERS)


def test_no_test_file_imports_from_another_or_from_a_conftest():
    wrong = []
    for path in _test_files() + sorted(TESTS.rglob("conftest.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [("." * node.level) + (node.module or "")]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                last = name.rsplit(".", 1)[-1]
                if last.startswith("test_") or last == "conftest" or name.startswith("."):
                    wrong.append(f"{path.relative_to(TESTS)}:{node.lineno}: {name}")
    assert wrong == [], "import shared code from tests.helpers instead"
