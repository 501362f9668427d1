"""Building a small kit: text is shown as written, a failed build leaves the previous site as it
was, and a repository address gives every page an edit link. The shipped kit's site:
tests/content/test_site.py."""

from __future__ import annotations

from tests.helpers import VALID_ACTIVITY, read_page, run_toolkit


def test_text_is_shown_as_written_never_as_markup(small_kit, tmp_path):
    """A title with HTML and Markdown in it shows literally and adds no element."""
    tricky = VALID_ACTIVITY.replace("title: Quick check-in",
                                    "title: \"<script>alert(1)</script> *bold* [link](http://x.test) # 1.\"")
    (small_kit / "toolkit/activities/quick-check-in.yml").write_text(tricky, encoding="utf-8")
    site = tmp_path / "out"
    result = run_toolkit(["build", "--no-pdfs", "--site-dir", str(site)], cwd=small_kit)
    assert result.returncode == 0, result.stderr
    html = (site / "activities/quick-check-in/index.html").read_text(encoding="utf-8")
    page = read_page(site / "activities/quick-check-in/index.html")
    assert page.headings[0] == "<script>alert(1)</script> *bold* [link](http://x.test) # 1."
    assert "<script>alert(1)" not in html
    assert "http://x.test" not in page.links


def test_a_failed_build_leaves_the_previous_site_untouched(small_kit, tmp_path):
    (small_kit / "toolkit/activities/quick-check-in.yml").write_text(VALID_ACTIVITY, encoding="utf-8")
    site = tmp_path / "out"
    assert run_toolkit(["build", "--no-pdfs", "--site-dir", str(site)], cwd=small_kit).returncode == 0
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    yaml_before = (small_kit / "toolkit/activities/quick-check-in.yml").read_bytes()

    (small_kit / "toolkit/activities/broken.yml").write_text("title: [unclosed\n", encoding="utf-8")
    result = run_toolkit(["build", "--no-pdfs", "--site-dir", str(site)], cwd=small_kit)

    assert result.returncode == 1
    assert result.stderr.startswith("toolkit/activities/broken.yml:2:1: YAML syntax:")
    assert "Traceback" not in result.stderr
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert (small_kit / "toolkit/activities/quick-check-in.yml").read_bytes() == yaml_before
    assert not list(tmp_path.glob(".site-*")), "the staging folder was not cleaned up"


def test_with_a_repository_url_every_page_links_to_its_yaml_file(small_kit, tmp_path, monkeypatch):
    (small_kit / "toolkit/activities/quick-check-in.yml").write_text(VALID_ACTIVITY, encoding="utf-8")
    settings = small_kit / "kit.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "repository_url: https://git.example.org/health/kit/\n",
                        encoding="utf-8")
    site = tmp_path / "out"
    result = run_toolkit(["build", "--no-pdfs", "--site-dir", str(site)], cwd=small_kit)  # pages are enough
    assert result.returncode == 0, result.stderr
    page = read_page(site / "activities/quick-check-in/index.html")
    assert "Edit this tool's file" in page.visible
    assert "https://git.example.org/health/kit/edit/main/toolkit/activities/quick-check-in.yml" in page.links
