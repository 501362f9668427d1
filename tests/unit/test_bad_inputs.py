"""A corpus of bad inputs: each gives a plain message with file, line, field and a fix; exit 1; no traceback.

The inputs live in tests/unit/bad_inputs/<type>-<case>.yml, the expected messages in
tests/unit/bad_inputs/expected/<type>-<case>.txt. A case of type `kit` is a whole kit.yml;
the logo file it names, when the case is about the logo, is made by _case_logos(). After changing a message on purpose, run
`pytest tests/unit/test_bad_inputs.py --update-golden` and review the diff.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import FIXTURE_KIT, VALID_ACTIVITY, png, validate_in_process

CORPUS = Path(__file__).parent / "bad_inputs"
FOLDERS = {"activity": "toolkit/activities", "canvas": "toolkit/canvases",
           "checklist": "toolkit/checklists", "session": "facilitation/sessions", "handout": "toolkit/handouts"}
GOOD_SESSION = (CORPUS / "session-minutes-do-not-add-up.yml").read_text().replace("minutes: 45\n", "minutes: 25\n")
# A handout for cases to name, or to misspell; it names no tool of its own.
GOOD_HANDOUT = (FIXTURE_KIT / "toolkit/handouts/ground-rules-sheet.yml").read_text()
PROBLEM_LINE = re.compile(r"^((toolkit|facilitation)/[a-z/-]+/[a-z0-9-]+\.ya?ml|kit\.yml)(:\d+:\d+)?: .+[.?]$")


def _kit_with(small_kit: Path, files: dict[str, bytes]) -> Path:
    (small_kit / "toolkit/activities/quick-check-in.yml").write_text(VALID_ACTIVITY, encoding="utf-8")
    (small_kit / "facilitation/sessions").mkdir(parents=True, exist_ok=True)
    (small_kit / "facilitation/sessions/good-session.yml").write_text(GOOD_SESSION, encoding="utf-8")
    (small_kit / "toolkit/handouts").mkdir(parents=True, exist_ok=True)
    (small_kit / "toolkit/handouts/ground-rules-sheet.yml").write_text(GOOD_HANDOUT, encoding="utf-8")
    for relative, content in files.items():
        (small_kit / relative).parent.mkdir(parents=True, exist_ok=True)
        (small_kit / relative).write_bytes(content)
    return small_kit


def _generated_cases() -> dict[str, bytes]:
    """Inputs that are better made than stored: binary, huge, deeply nested."""
    return {
        "activity-empty-file": b"",
        "activity-only-spaces": b"   \n\n  \n",
        "activity-only-comments": b"# A tool I will write later\n#\n",
        "activity-binary": bytes(range(256)) * 4,
        "activity-control-character": VALID_ACTIVITY.replace("Quick check-in", "Quick\x1f check-in").encode(),
        "activity-not-utf8": VALID_ACTIVITY.replace("Quick check-in", "Caf\xe9 check-in").encode("latin-1"),
        "activity-five-megabytes": b"title: x\npurpose: " + b"a" * (5 * 1024 * 1024) + b"\n",
        "activity-deep-nesting": b"title: " + b"[" * 2000 + b"]" * 2000 + b"\n",
        "activity-alias-bomb": b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
                               b"b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                               b"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n",
    }


def _case_logos() -> dict[str, tuple[str, bytes]]:
    """The logo file each kit.yml case names, by case: where it goes and what it holds."""
    png_path, svg_path = "overrides/assets/case-logo.png", "overrides/assets/case-logo.svg"
    return {
        "kit-logo-not-really-png": (png_path, b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64),  # a JPEG renamed
        "kit-logo-too-large": (png_path, png(16, 16) + b"\x00" * (3 * 1024 * 1024)),
        "kit-logo-too-wide": (png_path, png(3000, 20)),
        "kit-logo-svg-too-wide": (svg_path, b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4800 600">'
                                            b'<rect width="4800" height="600"/></svg>'),
        "kit-logo-svg-broken": (svg_path, b'<svg xmlns="http://www.w3.org/2000/svg">\n<rect width="10"\n</svg>'),
    }


def _placed(name: str, content: bytes) -> dict[str, bytes]:
    """The files a case puts into the kit: the case itself, where its type belongs, and its logo."""
    kind = name.split("-", 1)[0]
    if kind != "kit":
        return {f"{FOLDERS[kind]}/{name}.yml": content}
    logo = _case_logos().get(name)
    return {"kit.yml": content, **({logo[0]: logo[1]} if logo else {})}


def _all_cases() -> dict[str, bytes]:
    stored = {path.stem: path.read_bytes() for path in sorted(CORPUS.glob("*.yml"))}
    return {**stored, **_generated_cases()}


CASES = _all_cases()


def test_the_corpus_has_at_least_40_inputs():
    assert len(CASES) >= 40


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_bad_input_gives_its_expected_plain_message(name, small_kit, monkeypatch, capsys, update_golden):
    files = _placed(name, CASES[name])
    relative = next(iter(files))
    kit_root = _kit_with(small_kit, files)
    code, out, err = validate_in_process(kit_root, monkeypatch, capsys)

    assert code == 1
    assert out == ""
    assert "Traceback" not in err
    problems, summary = err.splitlines()[:-1], err.splitlines()[-1]
    assert summary.endswith("found. Fix the lines above, then run the command again.")
    assert problems and all(PROBLEM_LINE.match(line) for line in problems), err
    assert all(line.startswith(relative) for line in problems), "the problem is reported in the bad file"
    golden = CORPUS / "expected" / f"{name}.txt"
    if update_golden:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(err, encoding="utf-8")
    assert err == golden.read_text(encoding="utf-8")


def test_two_files_with_the_same_id_are_both_named(small_kit, monkeypatch, capsys):
    kit_root = _kit_with(small_kit, {"toolkit/checklists/quick-check-in.yml": VALID_ACTIVITY.encode()})
    code, _, err = validate_in_process(kit_root, monkeypatch, capsys)
    assert code == 1
    assert err.splitlines()[:2] == [
        "toolkit/activities/quick-check-in.yml: the id 'quick-check-in' is also used by "
        "toolkit/checklists/quick-check-in.yml. Ids must be unique across the kit; rename one of the files.",
        "toolkit/checklists/quick-check-in.yml: the id 'quick-check-in' is also used by "
        "toolkit/activities/quick-check-in.yml. Ids must be unique across the kit; rename one of the files."]


def test_a_file_with_another_ending_is_reported_not_skipped(small_kit, monkeypatch, capsys):
    kit_root = _kit_with(small_kit, {"toolkit/activities/notes.txt": b"title: x\n"})
    code, _, err = validate_in_process(kit_root, monkeypatch, capsys)
    assert code == 1
    assert err.startswith("toolkit/activities/notes.txt: only .yml files belong in toolkit/activities/.")
