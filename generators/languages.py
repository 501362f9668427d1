"""The kit in each language it is published in: its own (kit.yml's `language`), and every one of
`other_languages`, made from the translation files (translations.py).

A kit in another language is an ordinary Kit, so every page and PDF is made from it as from the
English one. An item whose translation is missing or stale stays whole in the kit's own language,
never half translated: it is listed in `untranslated`, its page says so, and its PDFs are the
ones of the kit's own language.
"""

from __future__ import annotations

from dataclasses import replace

from pydantic import BaseModel

from .kit_data import SETTINGS_FILE, VOCABULARY_FILE, Kit
from .locale import ui_words
from .translations import translatable_fields, translated, translation_status


def published_languages(kit: Kit) -> list[str]:
    """The kit's own language first, then the others it is published in, as kit.yml lists them."""
    source = kit.source_kit or kit
    return [source.settings.language, *source.settings.other_languages]


def language_name(language: str) -> str:
    """The language's name in itself ('Español'), as its file of interface words gives it."""
    name = ui_words(language)["language_name"]
    # A file of interface words without a name of its own has English's, by the fallback.
    return language if language != "en" and name == ui_words("en")["language_name"] else name


def language_switch(kit: Kit) -> dict:
    """mkdocs.yml's `extra` for the switch to the same page in the kit's other languages: each
    language's root folder as seen from this one's ('es/' from the English site, '../' back)."""
    languages = published_languages(kit)
    if len(languages) < 2:
        return {}
    here = "" if kit.source_kit is None else f"{kit.settings.language}/"
    back = "../" * here.count("/")
    others = [{"language": language, "name": language_name(language),
               "root": back + ("" if index == 0 else f"{language}/")}
              for index, language in enumerate(languages) if language != kit.settings.language]
    # `alternate` set but not a list: Material then includes partials/alternate.html (ours, which
    # links to the same page) without the <link rel="alternate"> tags that make its script fetch
    # every language's sitemap.xml on every page.
    return {"alternate": True, "toolkit_languages": others}


def kit_in(kit: Kit, language: str) -> Kit:
    """`kit` in `language`: each item translated where its translation is complete and current."""
    if language == kit.settings.language:
        return kit
    items, untranslated = {}, {}
    for item_id, item in kit.items.items():
        translation = kit.translations.get((item_id, language))
        status = translation_status(item.content, item_id, language, translation, item.source.shown_as)
        if status.complete:
            content = translated(item.content, translation.text) if translation else item.content
            items[item_id] = replace(item, content=content)
        else:
            # Marked with the language it is written in, so its page and sheets say so to screen readers.
            own_language = item.content.language or kit.settings.language
            items[item_id] = replace(item, content=item.content.model_copy(update={"language": own_language}))
            untranslated[item_id] = status
    settings = _current_fields(kit, SETTINGS_FILE, kit.settings, language)
    settings = settings.model_copy(update={"language": language, "other_languages": []})
    return Kit(kit.root, settings, _current_fields(kit, VOCABULARY_FILE, kit.vocabulary, language), items,
               kit.settings_source, source_kit=kit, untranslated=untranslated)


def _current_fields(kit: Kit, english_file: str, english: BaseModel, language: str) -> BaseModel:
    """kit.yml's or the vocabulary's words in `language`, field by field: a field whose translation is
    missing or stale keeps its English (a label in English reads better than an outdated one)."""
    translation = kit.translations.get((english_file, language))
    if translation is None:
        return english
    status = translation_status(english, english_file, language, translation, english_file)
    current = {name: translation.text[name] for name in translatable_fields(english)
               if name in translation.text and name not in status.stale}
    return translated(english, current)


def printing_kit(kit: Kit, item_id: str) -> Kit:
    """The kit an item's PDFs are printed from: an item a translated kit shows untranslated prints
    whole as in the kit it comes from, words around it included."""
    return kit.source_kit if item_id in kit.untranslated else kit
