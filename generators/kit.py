"""Load and check the whole kit: settings, vocabulary, every tool and session.

All problems of all files are collected and raised together as KitInvalid.
The Kit that comes back is read-only; renderers only read it.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .content_types import CONTENT_TYPES, ContentType
from .errors import KitInvalid, Problem, display_path
from .explain import explain
from .logo import logo_problem
from .kit_data import SETTINGS_FILE, VOCABULARY_FILE, Item, Kit
from .locale import locale_file, use_kit_locales
from .page_translations import page_folders, page_problems
from .model import Settings, Vocabulary
from .references import check_references
from .translations import Translation, check_translation, translation_name
from .yaml_source import SourceDocument, YamlProblem, read_yaml

__all__ = ["SETTINGS_FILE", "VOCABULARY_FILE", "Item", "Kit", "find_kit_root", "load_kit", "load_plan"]


def find_kit_root(start: Path) -> Path:
    """The nearest folder at or above `start` that holds mkdocs.yml."""
    for folder in [start.resolve(), *start.resolve().parents]:
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise KitInvalid([Problem(display_path(start, start), 0, 0, "",
                              "no mkdocs.yml here or in any folder above. Run the command inside the kit's folder.")])


YAML_ENDINGS = (".yml", ".yaml")
# Files that editors and operating systems leave beside the ones people write: backups (x.yml~),
# Emacs lock and auto-save files (.#x.yml, #x.yml#), Vim swap files (x.yml.swp, .swo, ...),
# Finder and Explorer folder settings. Nobody wrote them as tools, so they are passed over
# without a word; telling people to rename one to .yml would make a second copy of a tool.
_SYSTEM_FILES = {"thumbs.db", "desktop.ini", "ehthumbs.db"}
_VIM_SWAP = re.compile(r"\.sw[a-p]$")


def _left_by_tools(name: str) -> bool:
    """Whether a file name is an editor's backup or a system file rather than something a person wrote."""
    return (name.startswith(".") or name.endswith("~") or (name.startswith("#") and name.endswith("#"))
            or _VIM_SWAP.search(name.lower()) is not None or name.lower() in _SYSTEM_FILES)


def content_files(root: Path, *, translations: bool = False) -> list[tuple[ContentType, Path]]:
    """Every file of every content type, and every folder named like a YAML file, without the
    backups and system files of _left_by_tools. Files with other endings are reported, not skipped.
    Translations (data-walk.es.yml) are listed only with `translations=True`, and then alone."""
    found = []
    for ctype in CONTENT_TYPES:
        folder = root / ctype.folder
        if folder.is_dir():
            found.extend((ctype, path) for path in sorted(folder.iterdir())
                         if not _left_by_tools(path.name) and (path.is_file() or path.suffix in YAML_ENDINGS)
                         and (path.suffix in YAML_ENDINGS and translation_name(path.stem) is not None) == translations)
    return found


def load_kit(root: Path, *, stamping: Path | None = None) -> Kit:
    """`stamping`: a translation file about to get its fingerprints, so none are asked of it yet."""
    problems: list[Problem] = []
    use_kit_locales(root)
    settings_source, settings = _load_settings(root, problems)
    _, vocabulary = _load_one(root, VOCABULARY_FILE, Vocabulary, problems)

    items: dict[str, Item] = {}
    invalid_ids: set[str] = set()  # files with problems: references to them are not reported twice
    files_by_id: dict[str, list[str]] = {}
    candidates = []
    for ctype, path in content_files(root):
        shown = display_path(path, root)
        if path.is_dir():
            problems.append(Problem(shown, 0, 0, "", f"this is a folder, but its name ends in {path.suffix} like a "
                                    f"tool file. Tools are files directly in {ctype.folder}/: move any files out "
                                    f"of the folder, then delete it or rename it so it does not end in {path.suffix}."))
            continue
        if path.suffix not in YAML_ENDINGS:
            problems.append(Problem(shown, 0, 0, "", f"only .yml files belong in {ctype.folder}/. "
                                    "Rename the file to end in .yml, or move it elsewhere."))
            continue
        if not _is_slug(path.stem):
            problems.append(Problem(shown, 0, 0, "", f"the file name '{path.name}' must be its id: lowercase "
                                    "letters, digits and hyphens, e.g. 'stakeholder-map.yml'. Rename the file."))
            continue
        files_by_id.setdefault(path.stem, []).append(shown)
        candidates.append((ctype, path, shown))

    for ctype, path, shown in candidates:
        item_id = path.stem
        others = [other for other in files_by_id[item_id] if other != shown]
        if others:
            problems.append(Problem(shown, 0, 0, "", f"the id '{item_id}' is also used by {', '.join(others)}. "
                                    "Ids must be unique across the kit; rename one of the files."))
            invalid_ids.add(item_id)
            continue
        doc, content = _validate(path, shown, ctype.model, problems)
        if content is None:
            invalid_ids.add(item_id)
            continue
        items[item_id] = Item(item_id, ctype, content, doc)

    if settings is None or vocabulary is None:
        raise KitInvalid(problems)
    kit = Kit(root, settings, vocabulary, items, settings_source)
    problems.extend(check_references(kit, invalid_ids))
    for _, path in content_files(root, translations=True):
        if stamping is not None and path.resolve() != stamping.resolve():
            continue  # stamping one file needs no other translation, nor waits for others to be finished
        problems.extend(_load_translation(kit, path, invalid_ids, stamping=stamping is not None))
    for english_file, content in ((SETTINGS_FILE, settings), (VOCABULARY_FILE, vocabulary)):
        for path in kit_translation_files(root, english_file):
            if stamping is None or path.resolve() == stamping.resolve():
                problems.extend(_read_translation(kit, path, english_file, content, stamping=stamping is not None))
    problems.extend(_language_problems(kit))
    problems.extend(problem for folder in page_folders(root) for problem in page_problems(folder, root))
    if settings.fonts:  # imported only then: reading fonts brings in the PDF side
        from .pdf.font_files import extra_font_problems

        problems.extend(extra_font_problems(kit))
    if problems:
        raise KitInvalid(problems)
    return kit


def load_plan(kit: Kit, path: Path) -> Item:
    """A session file from anywhere (one the site's meeting planner wrote, say), checked as if it were
    in facilitation/sessions/: its fields, then every tool and term it names against `kit`."""
    session_type = next(ctype for ctype in CONTENT_TYPES if ctype.name == "session")
    shown = display_path(path, kit.root)
    problems: list[Problem] = []
    if not path.is_file():
        raise KitInvalid([Problem(shown, 0, 0, "", "there is no such file. Give the path of a session file, "
                                  "such as the one 'Download as a session file' saves from the planner.")])
    doc, content = _validate(path, shown, session_type.model, problems)
    if content is None:
        raise KitInvalid(problems)
    # Its id is its file name, as in the kit; a name some other item has would mix the two up.
    item_id = path.stem if _is_slug(path.stem) else "plan"
    existing = kit.items.get(item_id)
    if existing is not None and existing.source.path.resolve() != path.resolve():
        item_id = f"{item_id}-plan"
    item = Item(item_id, session_type, content, doc)
    with_plan = Kit(kit.root, kit.settings, kit.vocabulary, {**kit.items, item_id: item}, kit.settings_source)
    problems = [problem for problem in check_references(with_plan, set()) if problem.file == shown]
    if problems:
        raise KitInvalid(problems)
    return item


def _load_translation(kit: Kit, path: Path, invalid_ids: set[str], *, stamping: bool = False) -> list[Problem]:
    """Read one translation file and check it against its English item; it joins kit.translations."""
    shown = display_path(path, kit.root)
    item_id, language = translation_name(path.stem)
    english = kit.items.get(item_id)
    if english is None or english.source.path.parent != path.parent:
        if item_id in invalid_ids:
            return []  # the English file has problems of its own, already reported
        ids = [other.stem for other in path.parent.glob("*.yml") if not translation_name(other.stem)]
        close = difflib.get_close_matches(item_id, ids, n=1, cutoff=0.6)
        hint = f" Did you mean '{close[0]}.{language}.yml'?" if close else ""
        return [Problem(shown, 0, 0, "", f"there is no {item_id}.yml beside this translation.{hint} A translation "
                        "is named after its English file: <id>.<language>.yml, in the same folder.")]
    return _read_translation(kit, path, item_id, english.content, stamping=stamping)


def kit_translation_files(root: Path, english_file: str) -> list[Path]:
    """The translations of kit.yml or the vocabulary: kit.es.yml, toolkit/vocabulary.es.yml."""
    english = root / english_file
    return sorted(path for path in english.parent.glob(f"{english.stem}.*.yml")
                  if translation_name(path.stem) and translation_name(path.stem)[0] == english.stem)


def _read_translation(kit: Kit, path: Path, key: str, english: BaseModel, *, stamping: bool) -> list[Problem]:
    """Read one translation file and check it against the English `english`; it joins kit.translations
    under (key, language): key is the item's id, or the English file (kit.yml, toolkit/vocabulary.yml)."""
    shown = display_path(path, kit.root)
    language = translation_name(path.stem)[1]
    try:
        doc = read_yaml(path, shown)
    except YamlProblem as error:
        return [error.problem]
    except OSError as error:
        return [Problem(shown, 1, 1, "", f"the file cannot be read ({error.strerror}). Check its permissions.")]
    if not isinstance(doc.data, dict):
        return [doc.problem((), "a translation is a list of 'field: translated text' lines, with the English "
                            "file's fields, and 'fingerprints:'.")]
    translation = Translation(key, language, doc, doc.data)
    problems = check_translation(translation, english, stamping=stamping)
    if not problems:
        kit.translations[(key, language)] = translation
    return problems


def _language_problems(kit: Kit) -> list[Problem]:
    """Each language the kit is also published in has interface words, and is not the kit's own."""
    problems = []
    source = kit.settings_source
    for language in kit.settings.other_languages:
        if language == kit.settings.language:
            problems.append(source.problem(("other_languages",), f"'{language}' is the kit's own language "
                                           "(language:). List only the languages it is translated into"))
        elif locale_file(language) is None:
            problems.append(source.problem(("other_languages",), f"there are no interface words for '{language}'. "
                                           f"Copy generators/locales/en.yml to locales/{language}.yml beside kit.yml "
                                           "and translate its values, or remove the language"))
    return problems


def _is_slug(text: str) -> bool:
    return re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", text) is not None


def _load_settings(root: Path, problems: list[Problem]) -> tuple[SourceDocument | None, Settings | None]:
    """kit.yml, and the logo it names: a logo that would spoil the build is found by validate."""
    doc, settings = _load_one(root, SETTINGS_FILE, Settings, problems)
    message = logo_problem(root, settings.logo) if settings else None
    if message:
        problems.append(doc.problem(("logo",), message))
    return doc, settings


def _load_one(root: Path, relative: str, model: type[BaseModel], problems: list[Problem]):
    """The file's source document and checked content; None for each that could not be had."""
    path = root / relative
    if not path.is_file():
        problems.append(Problem(relative, 1, 1, "", f"the file is missing. Every kit needs {relative}."))
        return None, None
    return _validate(path, relative, model, problems)


def _validate(path: Path, shown: str, model: type[BaseModel], problems: list[Problem]):
    try:
        doc = read_yaml(path, shown)
    except YamlProblem as error:
        problems.append(error.problem)
        return None, None
    except OSError as error:
        problems.append(Problem(shown, 1, 1, "", f"the file cannot be read ({error.strerror}). Check its permissions."))
        return None, None
    if not isinstance(doc.data, dict):
        problems.append(doc.problem((), "the file must be a list of 'field: value' lines, starting with 'title:'."))
        return doc, None
    try:
        return doc, model.model_validate(doc.data)
    except ValidationError as error:
        problems.extend(explain(error, model, doc))
        return doc, None
