"""The built site holds together: no broken internal link or anchor, and two builds are identical."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import KIT_ROOT, VALID_ACTIVITY, copy_kit_skeleton, run_toolkit

LINK_ATTRIBUTES = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src")}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.anchors: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if (tag, name) in LINK_ATTRIBUTES and value:
                self.links.append(value)
            if name in ("id", "name") and value:
                self.anchors.add(value)


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _target_file(site: Path, page: Path, path: str) -> Path:
    # Root-relative links appear only on 404.html, which MkDocs writes for a site served at "/".
    base = site if path.startswith("/") else page.parent
    target = (base / unquote(path).lstrip("/")).resolve() if path else page
    if target.is_dir():
        target = target / "index.html"
    return target


def test_no_broken_internal_link_or_anchor(built_site):
    site = built_site.resolve()
    parsed = {page: _parse(page) for page in site.rglob("*.html")}
    broken = []
    for page, links in parsed.items():
        for link in links.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                assert parts.scheme in ("http", "https", "mailto"), f"{page}: unexpected link {link}"
                continue
            target = _target_file(site, page, parts.path)
            where = f"{page.relative_to(site)} -> {link}"
            if not target.is_file() or not target.is_relative_to(site):
                broken.append(f"{where}: no such file")
            elif parts.fragment and target.suffix == ".html":
                anchors = (parsed.get(target) or _parse(target)).anchors
                if unquote(parts.fragment) not in anchors:
                    broken.append(f"{where}: no anchor '{parts.fragment}'")
    assert broken == []


def _copy_kit(target: Path, tools: list[str]) -> Path:
    copy_kit_skeleton(target)
    for relative in tools:
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        (target / relative).write_text(_without_related(KIT_ROOT / relative), encoding="utf-8")
    return target


def _without_related(path: Path) -> str:
    """The tool's YAML minus its `related:` list, which points at tools this small copy lacks."""
    kept, skipping = [], False
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith("related:"):
            skipping = True
            continue
        if skipping and line[:1] not in (" ", "-", "\n", ""):
            skipping = False
        if not skipping:
            kept.append(line)
    return "".join(kept)


def test_two_clean_builds_are_byte_identical(tmp_path):
    """Two copies in different folders, each with an empty PDF cache, build the same bytes."""
    tools = ["toolkit/activities/opening-and-closing.yml", "toolkit/canvases/influence-interest-map.yml",
             "toolkit/checklists/readiness-to-partner.yml"]
    trees = []
    for name in ("first", "second"):
        kit = _copy_kit(tmp_path / name, tools)
        (kit / "toolkit/activities/quick-check-in.yml").write_text(VALID_ACTIVITY, encoding="utf-8")
        result = run_toolkit(["build"], cwd=kit)
        assert result.returncode == 0, result.stderr
        site = kit / "site"
        trees.append({p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()})
    assert sorted(trees[0]) == sorted(trees[1])
    assert [name for name in trees[0] if trees[0][name] != trees[1][name]] == []
    assert any(name.endswith(".pdf") for name in trees[0])


def test_no_command_changes_a_yaml_file(tmp_path):
    """validate, build (passing and failing) and packet only read the kit's YAML files."""
    kit = _copy_kit(tmp_path / "kit", ["toolkit/activities/who-is-missing.yml"])
    (kit / "toolkit/activities/quick-check-in.yml").write_text(VALID_ACTIVITY, encoding="utf-8")

    def snapshot():
        return {p.relative_to(kit): (p.read_bytes(), p.stat().st_mtime_ns) for p in kit.rglob("*.yml")}

    before = snapshot()
    assert run_toolkit(["validate"], cwd=kit).returncode == 0
    assert run_toolkit(["build"], cwd=kit).returncode == 0
    assert run_toolkit(["packet", "quick-check-in", "--output", str(tmp_path / "p.pdf")], cwd=kit).returncode == 0
    assert snapshot() == before

    (kit / "toolkit/activities/broken.yml").write_text("title: [\n", encoding="utf-8")
    before = snapshot()
    assert run_toolkit(["build"], cwd=kit).returncode == 1
    assert run_toolkit(["validate"], cwd=kit).returncode == 1
    assert snapshot() == before
