"""The shipped kit's built site holds together: no broken internal link or anchor. That two builds
are identical and that no command changes a YAML file: tests/build/test_site_integrity.py."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

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
