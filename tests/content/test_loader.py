"""The shipped kit loads: every YAML file it holds is one item."""

from __future__ import annotations


def test_the_shipped_kit_loads_every_file(kit):
    from generators.kit import content_files

    files = content_files(kit.root)
    assert len(files) == len(kit.items)
    assert {path.stem for _, path in files} == set(kit.items)
