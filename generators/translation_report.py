"""`toolkit translations`: what is translated, missing or stale, and `--stamp` to record what a
translation was made from. Items, kit.yml, the vocabulary and the hand-written pages alike."""

from __future__ import annotations

from pathlib import Path

from .errors import KitInvalid, Problem, display_path
from .kit import load_kit
from .kit_data import SETTINGS_FILE, VOCABULARY_FILE, Kit
from .page_translations import (english_pages, is_page_translation, page_fingerprint, page_folders, page_status,
                                stamped_page, stamped_template, template_status, template_translation_name,
                                translated_templates)
from .templating import template_folders
from .translations import FINGERPRINTS, FieldStatus, fingerprint, stamped, translation_name, translation_status


def statuses(kit: Kit, languages: list[str]) -> list[FieldStatus]:
    """Per language: every item, kit.yml, the vocabulary and every hand-written page."""
    found = []
    for language in languages:
        for item in kit.items.values():
            found.append(translation_status(item.content, item.id, language,
                                            kit.translations.get((item.id, language)), item.source.shown_as))
        for english_file, english in ((SETTINGS_FILE, kit.settings), (VOCABULARY_FILE, kit.vocabulary)):
            found.append(translation_status(english, english_file, language,
                                            kit.translations.get((english_file, language)), english_file))
        found.extend(page_status(page, language, kit.root) for folder in page_folders(kit.root)
                     for page in english_pages(folder))
        found.extend(template_status(template, language, kit.root) for template in _page_templates(kit.root))
    return found


def _page_templates(root: Path) -> list[Path]:
    """The page templates with sentences of their own that have been translated (home.md.j2)."""
    return sorted(translated_templates([*template_folders(root, "site"), *template_folders(root, "print")]))


def listed_languages(kit: Kit, asked: list[str]) -> list[str]:
    """The languages kit.yml publishes, those with a translation file (of an item or a page), and
    those asked for."""
    pages = {translation_name(path.stem)[1] for folder in page_folders(kit.root) if folder.is_dir()
             for path in folder.rglob("*.md") if is_page_translation(path)}
    return sorted({*kit.settings.other_languages, *(language for _, language in kit.translations), *pages, *asked})


def stamp(root: Path, given: str) -> str:
    """Write into one translation file the fingerprints of the English it now translates."""
    path = Path(given).resolve()
    named = translation_name(path.stem) or template_translation_name(path)
    if not named or not path.is_file() or path.suffix not in (".yml", ".md", ".j2"):
        raise KitInvalid([Problem("toolkit translations --stamp", 0, 0, "", f"{given} is not a translation "
                                  "file: give the path of one such as toolkit/activities/data-walk.es.yml or "
                                  "facilitation/guide/index.es.md.")])
    shown = display_path(path, root)
    template = template_translation_name(path)
    if template:
        english = path.with_name(f"{template[0]}.md.j2")
        if not english.is_file():
            raise KitInvalid([Problem(shown, 1, 1, "", f"there is no {english.name} beside this translation.")])
        path.write_text(stamped_template(path.read_text(encoding="utf-8"), page_fingerprint(english)),
                        encoding="utf-8")
        return f"Wrote the fingerprint of {english.name} into {shown}."
    if is_page_translation(path):
        english = path.with_name(f"{named[0]}.md")
        if not english.is_file():
            raise KitInvalid([Problem(shown, 1, 1, "", f"there is no {english.name} beside this translation.")])
        path.write_text(stamped_page(path.read_text(encoding="utf-8"), page_fingerprint(english)), encoding="utf-8")
        return f"Wrote the fingerprint of {english.name} into {shown}."
    kit = load_kit(root, stamping=path)
    key = next((english_file for english_file in (SETTINGS_FILE, VOCABULARY_FILE)
                if (root / english_file).resolve() == path.with_name(f"{named[0]}.yml").resolve()), named[0])
    translation = kit.translations[(key, named[1])]
    english = kit.items[key].content if key in kit.items else (kit.settings if key == SETTINGS_FILE else kit.vocabulary)
    marks = {name: fingerprint(getattr(english, name)) for name in translation.text if name != FINGERPRINTS}
    path.write_text(stamped(path.read_text(encoding="utf-8"), marks), encoding="utf-8")
    return f"Wrote the fingerprints of {len(marks)} fields into {translation.source.shown_as}."
