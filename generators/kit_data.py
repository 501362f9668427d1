"""The loaded kit: every item with its checked content and where it was written.

Read-only once loaded (kit.py loads it); every output only reads it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .content_types import ContentType
from .model import Content, Settings, Vocabulary
from .source_dates import last_change_dates
from .yaml_source import SourceDocument

if TYPE_CHECKING:
    from .translations import FieldStatus, Translation

SETTINGS_FILE = "kit.yml"
VOCABULARY_FILE = "toolkit/vocabulary.yml"


@dataclass(frozen=True)
class Item:
    """One tool or session: its id (the file name), its type, its checked content and its source."""

    id: str
    type: ContentType
    content: Content
    source: SourceDocument


@dataclass
class Kit:
    root: Path
    settings: Settings
    vocabulary: Vocabulary
    items: dict[str, Item] = field(default_factory=dict)  # every tool and session, by id
    settings_source: SourceDocument | None = None  # kit.yml as written: where each setting is
    # Translations by (item id, language): sibling files such as listening-session.es.yml (translations.py).
    translations: dict[tuple[str, str], Translation] = field(default_factory=dict)
    # A kit in another language (languages.py): the kit it was translated from, and the items it
    # shows in that kit's language because their translation is missing or stale, with what is.
    source_kit: Kit | None = None
    untranslated: dict[str, FieldStatus] = field(default_factory=dict)

    def of_type(self, type_name: str) -> list[Item]:
        return sorted((i for i in self.items.values() if i.type.name == type_name),
                      key=lambda i: i.content.title.lower())

    @property
    def tools(self) -> list[Item]:
        return [i for i in self.items.values() if i.type.is_tool]

    @cached_property
    def _change_dates(self) -> dict[Path, str]:
        return last_change_dates(self.root)  # read from git once, when a PDF first needs a date

    def changed_on(self, items: Iterable[Item]) -> str | None:
        """The day the newest of `items` last changed in git ('YYYY-MM-DD'), or None if none is committed."""
        days = [self._change_dates.get(item.source.path.resolve()) for item in items]
        return max((day for day in days if day), default=None)
