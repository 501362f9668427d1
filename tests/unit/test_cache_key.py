"""The PDF cache's key records the versions of the libraries that write PDFs (what a new
version renders again: tests/build/test_cache_key.py)."""

from __future__ import annotations

from generators.pdf import cache


def test_the_key_records_the_versions_of_the_libraries_that_write_pdfs():
    versions = cache.library_versions()
    for library in ("weasyprint=", "pydyf=", "pikepdf=", "fonttools="):
        assert library in versions
    assert "=none" not in versions
