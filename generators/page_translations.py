"""Translations of the hand-written pages (the facilitator guide, docs/): sibling files such as
facilitation/guide/ground-rules.es.md, each with the fingerprint of the English page it was
translated from in its front matter. A page whose English changed since shows as stale,
like a tool's field (translations.py).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import Problem, display_path
from .translations import FINGERPRINT, FieldStatus, translation_name

PAGE_FINGERPRINT = "fingerprint"  # the front matter key
PAGE_FIELD = "page"               # what the status report names as the page's one field


def page_fingerprint(english: Path) -> str:
    """A short fingerprint of the English page's whole text."""
    return hashlib.sha256(english.read_bytes()).hexdigest()[:12]


def is_page_translation(path: Path) -> bool:
    return path.suffix == ".md" and translation_name(path.stem) is not None


def english_pages(folder: Path) -> list[Path]:
    """The hand-written pages of `folder` and its subfolders, without their translations."""
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.rglob("*.md") if not is_page_translation(path))


def translation_path(english: Path, language: str) -> Path:
    return english.with_name(f"{english.stem}.{language}.md")


@dataclass(frozen=True)
class PageTranslation:
    path: Path
    text: str          # the page as written, front matter and all
    fingerprint: str | None


def read_page_translation(path: Path) -> PageTranslation:
    text = path.read_text(encoding="utf-8")
    meta = _front_matter(text)
    mark = meta.get(PAGE_FINGERPRINT) if isinstance(meta, dict) else None
    return PageTranslation(path, text, mark if isinstance(mark, str) else None)


def _front_matter(text: str) -> dict:
    if not text.startswith("---\n"):
        return {}
    block = text[4:].partition("\n---\n")[0]
    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def page_status(english: Path, language: str, root: Path) -> FieldStatus:
    """Whether the page's translation is missing, stale or current."""
    path = translation_path(english, language)
    shown = display_path(english, root)
    if not path.is_file():
        return FieldStatus(shown, language, shown, [PAGE_FIELD], [])
    translation = read_page_translation(path)
    stale = [] if translation.fingerprint == page_fingerprint(english) else [PAGE_FIELD]
    return FieldStatus(shown, language, display_path(path, root), [], stale)


def page_problems(folder: Path, root: Path) -> list[Problem]:
    """Page translations without an English page, or with a fingerprint that is not one."""
    problems = []
    if not folder.is_dir():
        return problems
    for path in sorted(folder.rglob("*.md")):
        if not is_page_translation(path):
            continue
        shown = display_path(path, root)
        item_id, language = translation_name(path.stem)
        if not (path.parent / f"{item_id}.md").is_file():
            problems.append(Problem(shown, 1, 1, "", f"there is no {item_id}.md beside this translation. A page's "
                                    "translation is named after its English page: <name>.<language>.md, in the "
                                    "same folder. Rename it, or remove it"))
            continue
        mark = _front_matter(path.read_text(encoding="utf-8")).get(PAGE_FINGERPRINT)
        if mark is not None and not (isinstance(mark, str) and FINGERPRINT.match(mark)):
            problems.append(Problem(shown, 2, 1, PAGE_FINGERPRINT, "a fingerprint is 12 letters and digits (0-9, "
                                    f"a-f), as 'toolkit translations --stamp {shown}' writes it"))
    return problems


def stamped_page(text: str, mark: str) -> str:
    """The page with `fingerprint: <mark>` in its front matter (added if it has none)."""
    if text.startswith("---\n"):
        block, _, body = text[4:].partition("\n---\n")
        lines = [line for line in block.splitlines() if not line.startswith(f"{PAGE_FINGERPRINT}:")]
        return "---\n" + "\n".join([*lines, f'{PAGE_FINGERPRINT}: "{mark}"']) + "\n---\n" + body
    return f'---\n{PAGE_FINGERPRINT}: "{mark}"\n---\n' + text


GUIDE_FOLDER = "facilitation/guide"


def page_folders(root: Path) -> list[Path]:
    """The folders of hand-written pages: the facilitator guide, and the site's docs folder."""
    docs = "docs"
    try:
        config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
        docs = config.get("docs_dir", docs) if isinstance(config, dict) else docs
    except (OSError, yaml.YAMLError):
        pass  # the build reports an unreadable mkdocs.yml; the pages are then looked for in docs/
    return [root / GUIDE_FOLDER, root / docs]


# Page templates with sentences of their own (home.md.j2) may have a translation beside them
# (home.es.md.j2), whose first line holds the fingerprint of the English template:
#   {#- fingerprint: "0123456789ab" -#}
TEMPLATE_ENDING = ".md.j2"
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]+)?$")
_TEMPLATE_MARK = re.compile(r'^\{#- fingerprint: "([0-9a-f]{12})" -#\}\n')


def template_translation_name(path: Path) -> tuple[str, str] | None:
    """('home', 'es') for home.es.md.j2; None for any other file."""
    if not path.name.endswith(TEMPLATE_ENDING):
        return None
    # Template names may hold underscores (print_page), which ids may not.
    name, _, language = path.name.removesuffix(TEMPLATE_ENDING).rpartition(".")
    return (name, language) if name and _LANGUAGE.match(language) else None


def translated_templates(folders: list[Path]) -> dict[Path, set[str]]:
    """Each English page template that has a translation, with the languages it has one in."""
    found: dict[Path, set[str]] = {}
    for folder in folders:
        for path in sorted(folder.glob(f"*{TEMPLATE_ENDING}")) if folder.is_dir() else []:
            named = template_translation_name(path)
            if named and (folder / f"{named[0]}{TEMPLATE_ENDING}").is_file():
                found.setdefault(folder / f"{named[0]}{TEMPLATE_ENDING}", set()).add(named[1])
    return found


def template_status(english: Path, language: str, root: Path) -> FieldStatus:
    """Whether the template's translation into `language` is missing, stale or current."""
    path = english.with_name(english.name.removesuffix(TEMPLATE_ENDING) + f".{language}{TEMPLATE_ENDING}")
    shown = display_path(english, root)
    if not path.is_file():
        return FieldStatus(shown, language, shown, [PAGE_FIELD], [])
    mark = _TEMPLATE_MARK.match(path.read_text(encoding="utf-8"))
    stale = [] if mark and mark[1] == page_fingerprint(english) else [PAGE_FIELD]
    return FieldStatus(shown, language, display_path(path, root), [], stale)


def stamped_template(text: str, mark: str) -> str:
    """The template with its fingerprint line first (replacing the one it had)."""
    return f'{{#- fingerprint: "{mark}" -#}}\n' + _TEMPLATE_MARK.sub("", text, count=1)
