"""How easy a Spanish text is to read: the Fernández-Huerta score, Spanish's adaptation of the
Flesch reading ease. 100 is very easy; 70 to 80 is "fairly easy", the aim for participant sheets.

    score = 206.84 - 0.60 * (syllables per 100 words) - 1.02 * (words per sentence)

The formula as first printed reads "sentences per 100 words" in the last term, which scores
shorter sentences as harder; the words per sentence of Flesch's own formula are used instead,
as is usual today.
"""

from __future__ import annotations

from collections.abc import Sequence

from .plain_words import sentence_count, words

EASE_TARGET = 70      # "fairly easy": the average participant sheet should reach it
SHEET_EASE_LIMIT = 60  # below this a sheet is "somewhat difficult", and the report marks it

_VOWELS = frozenset("aeiouáéíóúü")
# Two of these side by side are said as two syllables (a hiatus: po-e-ta, dí-a); any other pair of
# vowels is one syllable (a diphthong: ciu-dad, a-gua, ai-re).
_OWN_SYLLABLE = frozenset("aeoáéóíú")


def spanish_syllables(word: str) -> int:
    """A Spanish word's syllables, from its vowels: one per group of vowels, plus one per hiatus."""
    count, previous = 0, None
    for letter in word.lower():
        if letter not in _VOWELS:
            previous = None
            continue
        if previous is None or (previous in _OWN_SYLLABLE and letter in _OWN_SYLLABLE):
            count += 1
        previous = letter
    return max(1, count)


def fernandez_huerta(texts: Sequence[str]) -> float | None:
    """The Fernández-Huerta score of `texts` read together; None for no words."""
    all_words = [word for text in texts for word in words(text)]
    if not all_words:
        return None
    sentences = sum(sentence_count(text) for text in texts if words(text))
    syllables_per_hundred = 100 * sum(spanish_syllables(word) for word in all_words) / len(all_words)
    return 206.84 - 0.60 * syllables_per_hundred - 1.02 * len(all_words) / sentences
