"""Whatever a text field holds shows as literal text on the site and in the PDFs, and never runs."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from tests.helpers import VALID_ACTIVITY, pdf_text, run_toolkit

TRICKS = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "[click me](javascript:alert(1))",
    "{{ 7 * 7 }} and {% if true %}yes{% endif %}",
    "</style><style>body{display:none}</style>",
    "**not bold** _not italic_ `not code`",
    "# not a heading",
    "1. not a list",
    "| not | a | table |",
    "&lt;already escaped&gt; & ampersand",
    "<!-- not a comment -->",
    "{: .injected-class }",
]


def _yaml_string(text: str) -> str:
    return json.dumps(text)  # a JSON string is a valid YAML double-quoted string


def tricky_activity() -> str:
    text = VALID_ACTIVITY.replace("title: Quick check-in", f"title: {_yaml_string(TRICKS[0] + ' check-in')}")
    steps = "".join(f"  - minutes: 1\n    text: {_yaml_string(trick)}\n" for trick in TRICKS)
    text = text[: text.index("steps:")] + "steps:\n" + steps + text[text.index("worksheet:"):]
    text = text.replace("minutes: {min: 10, max: 20}", f"minutes: {{min: {len(TRICKS)}, max: {len(TRICKS)}}}")
    text = text.replace("    - label: One thing I hope we decide today",
                        f"    - label: {_yaml_string(TRICKS[3])}\n      hint: {_yaml_string(TRICKS[1])}")
    return text + "tips:\n" + "".join(f"  - {_yaml_string(t)}\n" for t in TRICKS[:4])


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        if self.depth:
            self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def test_tricky_text_is_literal_on_the_page_and_in_the_pdf(small_kit, tmp_path):
    (small_kit / "toolkit/activities/quick-check-in.yml").write_text(tricky_activity(), encoding="utf-8")
    site = tmp_path / "site"
    result = run_toolkit(["build", "--site-dir", str(site)], cwd=small_kit)
    assert result.returncode == 0, result.stderr

    page = _Elements()
    page.feed((site / "activities/quick-check-in/index.html").read_text(encoding="utf-8"))
    visible = " ".join("".join(page.text).split())
    for trick in TRICKS:
        assert " ".join(trick.split()) in visible, trick
    # The one picture is the sheet's own preview: its text alternative holds the tricks as text.
    pictures = [attrs for tag, attrs in page.tags if tag == "img"]
    assert [attrs["src"] for attrs in pictures] == ["../../previews/quick-check-in-1-large.webp"]
    assert TRICKS[0] in pictures[0]["alt"] and TRICKS[1] in pictures[0]["alt"]
    tags = {tag for tag, attrs in page.tags if attrs not in pictures}
    assert not tags & {"script", "img", "style", "table", "code", "em"}
    assert not any(v and "javascript:" in v for _, attrs in page.tags for v in attrs.values())
    assert not any("injected-class" in (attrs.get("class") or "") for _, attrs in page.tags)

    printed = pdf_text(site / "pdf/quick-check-in-letter.pdf")
    for trick in TRICKS:
        assert " ".join(trick.split()) in printed, trick
