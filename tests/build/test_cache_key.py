"""The PDF cache is never stale: a new version of a library that writes PDFs, or a change
to our code that acts after the HTML, renders every PDF again; a change that cannot
alter a PDF (a site template) renders none."""

from __future__ import annotations

import shutil

import pytest

from generators.pdf import cache
from tests.helpers import build_pdfs_counted


@pytest.fixture(autouse=True)
def fresh_fingerprint():
    cache.renderer_fingerprint.cache_clear()
    yield
    cache.renderer_fingerprint.cache_clear()


def rendered(kit_root, caplog) -> tuple[int, int]:
    cache.renderer_fingerprint.cache_clear()
    done, _, total, _ = build_pdfs_counted(kit_root, caplog)
    return done, total


def test_a_new_version_of_a_library_renders_every_pdf_again(one_tool_kit, caplog, monkeypatch):
    first, total = rendered(one_tool_kit, caplog)
    assert first == total > 0
    assert rendered(one_tool_kit, caplog)[0] == 0
    monkeypatch.setattr(cache, "library_versions", lambda: "weasyprint=999 pydyf=1 pikepdf=1 fonttools=1")
    assert rendered(one_tool_kit, caplog) == (total, total)


def test_a_change_to_a_rendering_module_renders_every_pdf_again(one_tool_kit, caplog, monkeypatch, tmp_path):
    _, total = rendered(one_tool_kit, caplog)
    changed = tmp_path / "pdf"
    shutil.copytree(cache.RENDERING_FOLDER, changed)
    with (changed / "fields.py").open("a", encoding="utf-8") as module:
        module.write("\n# a change to how form fields are named\n")
    monkeypatch.setattr(cache, "RENDERING_FOLDER", changed)
    assert rendered(one_tool_kit, caplog) == (total, total)


def test_a_changed_site_template_renders_no_pdf(one_tool_kit, caplog):
    rendered(one_tool_kit, caplog)
    override = one_tool_kit / "overrides/toolkit/site/activity.md.j2"
    override.parent.mkdir(parents=True)
    override.write_text("# {{ tool.title }}\n\nA fork's own page.\n", encoding="utf-8")
    assert rendered(one_tool_kit, caplog)[0] == 0
