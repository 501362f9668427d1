"""How plain the sheets participants read are: their reading grade, their share of uncommon words,
and the glossary meanings each sheet prints for the jargon it uses.

The reading grade is the Flesch-Kincaid grade level, computed here for English text: it counts
sentences, words and syllables (by spelling, so it is an estimate, as every such formula is). Each
text of a sheet (a prompt, a hint, an option) ends a sentence of its own, the way a reader meets it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .kit_data import Item, Kit
    from .model.vocabulary import GlossaryEntry

# Targets for participant text (issue: plain words for participants): a sheet's grade, on average and at most.
AVERAGE_GRADE_TARGET = 6.0
SHEET_GRADE_LIMIT = 8.0
# How many of a language's most frequent words count as common.
COMMON_WORD_COUNT = 5000

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?…]+(?:\s+|$)")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")


def words(text: str) -> list[str]:
    """The words of `text`: letters, joined by an apostrophe or a hyphen; numbers are not words."""
    return _WORD.findall(text)


def sentence_count(text: str) -> int:
    """Sentences in one text; a text without a closing mark (a label, an option) is one sentence."""
    pieces = [piece for piece in _SENTENCE_END.split(text) if words(piece)]
    return max(1, len(pieces))


def syllables(word: str) -> int:
    """An English word's syllables, estimated from its spelling."""
    parts = [part for part in re.split(r"[-'’]", word.lower()) if part]
    return sum(_syllables_of_part(part) for part in parts) or 1


def _syllables_of_part(part: str) -> int:
    if len(part) <= 3:
        return 1
    if part.endswith("ed") and part[-3] not in "td":
        part = part[:-2]  # asked, planned: the -ed is not said as a syllable
    elif part.endswith("es") and not part.endswith(("ses", "xes", "zes", "ches", "shes", "ges", "ces")):
        part = part[:-2]  # makes, homes
    elif part.endswith("e") and not part.endswith(("le", "ee")):
        part = part[:-1]  # silent e: make, home
    return max(1, len(_VOWEL_GROUP.findall(part)))


def reading_grade(texts: Sequence[str]) -> float:
    """The Flesch-Kincaid grade level of `texts` read together; 0.0 for no words."""
    all_words = [word for text in texts for word in words(text)]
    if not all_words:
        return 0.0
    sentences = sum(sentence_count(text) for text in texts if words(text))
    syllable_total = sum(syllables(word) for word in all_words)
    return 0.39 * len(all_words) / sentences + 11.8 * syllable_total / len(all_words) - 15.59


@lru_cache(maxsize=8)
def common_words(language: str) -> frozenset[str]:
    """The language's most frequent words (wordfreq's lists, bundled with it: nothing is fetched)."""
    from wordfreq import top_n_list

    return frozenset(top_n_list(language.split("-", 1)[0], COMMON_WORD_COUNT))


def _is_common(word: str, common: frozenset[str]) -> bool:
    word = word.lower().replace("’", "'")
    if word in common:
        return True
    # An ending added to a common word keeps it common: 'partners', 'asked', 'meeting's'.
    for ending in ("'s", "s", "es", "ed", "d", "ing", "ly"):
        if word.endswith(ending) and word[: -len(ending)] in common:
            return True
    return False


def uncommon_words(texts: Iterable[str], language: str) -> list[str]:
    """Words of `texts` outside the language's common words, each once, in order of first use."""
    common = common_words(language)
    found = [word for text in texts for word in words(text) if not _is_common(word, common)]
    return list(dict.fromkeys(word.lower() for word in found))


def uncommon_share(texts: Sequence[str], language: str) -> float:
    """The share (0 to 1) of the words of `texts` that are outside the language's common words."""
    common = common_words(language)
    all_words = [word for text in texts for word in words(text)]
    if not all_words:
        return 0.0
    return sum(not _is_common(word, common) for word in all_words) / len(all_words)


def glossary_on(texts: Iterable[str], glossary: Sequence[GlossaryEntry]) -> list[GlossaryEntry]:
    """The glossary entries whose term appears in `texts` (any case, any of its words also with -s or -es),
    in glossary order."""
    found = _terms_in("\n".join(texts), tuple(entry.term for entry in glossary))
    return [glossary[index] for index in found]


# The live preview asks again for every sheet after each save, and most sheets have not changed.
@lru_cache(maxsize=4096)
def _terms_in(text: str, terms: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(index for index, term in enumerate(terms) if _term_pattern(term).search(text))


@lru_cache(maxsize=1024)
def _term_pattern(term: str) -> re.Pattern:
    """Any word of the term may be plural: English makes the last one so ('community health workers'),
    Spanish the first ('promotores de salud', 'partes interesadas')."""
    plural_words = r"\s+".join(rf"{re.escape(word)}(?:s|es)?" for word in term.split())
    return re.compile(rf"(?<![\w-]){plural_words}(?![\w-])", re.IGNORECASE)


def sheet_glossary(tool, glossary: Sequence[GlossaryEntry], index: int = 0) -> list[GlossaryEntry]:
    """The glossary entries printed at the foot of the tool's participant sheet number `index`."""
    return glossary_on(tool.participant_sheets()[index][1], glossary)


@dataclass(frozen=True)
class SheetReading:
    """The reading figures of one printed sheet participants read."""

    item: Item
    audience: str | None  # set when the tool has several sheets, one per audience
    word_count: int
    grade: float | None  # None where the grade formula does not fit the language
    uncommon: float
    explained: list[str]  # glossary terms the sheet uses, printed with their meanings
    ease: float | None = None  # the Fernández-Huerta score, for a sheet in Spanish (spanish_words.py)

    @property
    def name(self) -> str:
        return f"{self.item.type.plural}/{self.item.id}" + (f" ({self.audience})" if self.audience else "")


def fernandez_huerta(texts: Sequence[str]) -> float | None:
    from .spanish_words import fernandez_huerta as score  # it counts words with this module's rules

    return score(texts)


def sheet_readings(kit: Kit) -> list[SheetReading]:
    """Every participant sheet of the kit with its reading figures, in the order the site lists items.

    A sheet is read with the glossary meanings it prints, since participants read those too."""
    readings = []
    for item in kit.items.values():
        sheets = item.content.participant_sheets()
        language = item.content.language or kit.settings.language
        for audience, texts in sheets:
            explained = glossary_on(texts, kit.vocabulary.glossary)
            read = [*texts, *(entry.meaning for entry in explained)]
            primary = language.split("-", 1)[0]
            readings.append(SheetReading(
                item, audience if len(sheets) > 1 else None, sum(len(words(text)) for text in read),
                reading_grade(read) if primary == "en" else None, uncommon_share(read, language),
                [entry.term for entry in explained], fernandez_huerta(read) if primary == "es" else None))
    return readings
