"""Synthetic kits for `make bench`: any number of tools, each with words of its own.

Copies of one file would compress and cache far better than real content does, so every
generated tool gets its own sentences, made by a word chain (each word chosen from those
that follow the two before it somewhere in the shipped kit) with a random generator seeded
by the tool's number: the same kit each run, different text in every tool, with the length,
words and compressibility of real content. When the shipped kit is published in other
languages, each tool gets a translation file written the same way from that language's
text, stamped as up to date, so the other language's site and PDFs are built in full.
"""

from __future__ import annotations

import random
import re
import shutil
from collections import defaultdict
from pathlib import Path

from generators.kit import Kit, load_kit
from generators.model.common import prose
from generators.translations import fingerprint, stamped

KIT_FILES = ("mkdocs.yml", "kit.yml", "kit.es.yml", "docs", "overrides")
VOCABULARY_FILES = ("vocabulary.yml", "vocabulary.es.yml")
PHASES = ("link", "listen", "co-create")
END = "\n"
# The fields a generated translation holds (every field of a generated tool that has words).
TRANSLATED_FIELDS = ("title", "purpose", "materials", "steps", "tips", "equity_prompts", "worksheet")


class WordChain:
    """Sentences in the style of a body of text: every two words are followed by a word that
    follows them somewhere in it."""

    def __init__(self, texts: list[str]):
        self.next_words: dict[tuple[str, str], list[str]] = defaultdict(list)
        for text in texts:
            for sentence in re.split(r"(?<=[.?!])\s+", text):
                words = sentence.split()
                if len(words) < 4:
                    continue
                for first, second, third in zip(["", "", *words], ["", *words], [*words, END]):
                    self.next_words[(first, second)].append(third)

    def sentence(self, rng: random.Random, most_words: int = 28) -> str:
        words, pair = [], ("", "")
        while len(words) < most_words:
            word = rng.choice(self.next_words[pair])
            if word == END:
                break
            words.append(word)
            pair = (pair[1], word)
        text = " ".join(words).rstrip(",;:")
        return text if text.endswith((".", "?", "!")) else text + "."

    def sentences(self, rng: random.Random, count: int) -> str:
        return " ".join(self.sentence(rng) for _ in range(count))

    def phrase(self, rng: random.Random, words: int) -> str:
        """A few words, for a title or a label: the start of a sentence, without its full stop."""
        text = " ".join(self.sentence(rng).split()[:words]).rstrip(".,;:?!")
        return text[:1].upper() + text[1:]

    def question(self, rng: random.Random) -> str:
        return self.phrase(rng, 9) + "?"


def chains(kit: Kit) -> dict[str, WordChain]:
    """A word chain per language of the kit, from its tools' own words."""
    texts: dict[str, list[str]] = {kit.settings.language: []}
    for item in kit.items.values():
        texts[kit.settings.language].extend(prose(item.content))
    for (_, language), translation in kit.translations.items():
        texts.setdefault(language, []).extend(prose(list(translation.text.values())))
    return {language: WordChain(found) for language, found in texts.items()}


def synthetic_kit(template_kit: Path, target: Path, count: int) -> Path:
    """A kit of `count` generated activities with the shipped settings, vocabulary and
    languages; every tool's text differs, in every language."""
    shipped = load_kit(template_kit)
    words = chains(shipped)
    target.mkdir(parents=True)
    for part in KIT_FILES:
        source = template_kit / part
        if source.exists():
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / part)
    folder = target / "toolkit" / "activities"
    folder.mkdir(parents=True)
    for name in VOCABULARY_FILES:
        if (template_kit / "toolkit" / name).is_file():
            shutil.copy2(template_kit / "toolkit" / name, target / "toolkit" / name)
    others = [language for language in shipped.settings.other_languages if language in words]
    for number in range(1, count + 1):
        (folder / f"generated-{number:04d}.yml").write_text(
            english_activity(words[shipped.settings.language], number), encoding="utf-8")
    if others:
        english = load_kit(target)  # the fingerprints of the English each translation translates
        for number in range(1, count + 1):
            content = english.items[f"generated-{number:04d}"].content
            marks = {name: fingerprint(getattr(content, name)) for name in TRANSLATED_FIELDS}
            for language in others:
                (folder / f"generated-{number:04d}.{language}.yml").write_text(
                    stamped(translated_activity(words[language], number), marks), encoding="utf-8")
    return target


def _rng(number: int, language: str) -> random.Random:
    return random.Random(f"{language}-{number}")


def english_activity(words: WordChain, number: int) -> str:
    rng = _rng(number, "en")
    lines = [f"title: {_quoted(words.phrase(rng, 6))}",
             f"purpose: {_quoted(words.sentence(rng).rstrip('.'))}",
             f"phases: [{PHASES[number % 3]}]",
             "buckets: [advancing-equity]",
             "sectors: [community]",
             "minutes: {min: 20, max: 40}",
             "group_size: {min: 3, max: 12}",
             "difficulty: easy",
             "materials:",
             *(f"  - {_quoted(words.phrase(rng, 5))}" for _ in range(2)),
             "steps:"]
    for minutes in (10, 15, 5):
        lines += [f"  - title: {_quoted(words.phrase(rng, 4))}", f"    minutes: {minutes}",
                  f"    text: {_quoted(words.sentences(rng, 3))}"]
    lines += _lists(words, rng)
    return "\n".join(lines) + "\n"


def translated_activity(words: WordChain, number: int) -> str:
    rng = _rng(number, "translated")
    lines = [f"title: {_quoted(words.phrase(rng, 6))}",
             f"purpose: {_quoted(words.sentence(rng).rstrip('.'))}",
             "materials:",
             *(f"  - {_quoted(words.phrase(rng, 5))}" for _ in range(2)),
             "steps:"]
    for _ in range(3):
        lines += [f"  - title: {_quoted(words.phrase(rng, 4))}", f"    text: {_quoted(words.sentences(rng, 3))}"]
    lines += _lists(words, rng, with_lines=False)
    return "\n".join(lines) + "\n"


def _lists(words: WordChain, rng: random.Random, *, with_lines: bool = True) -> list[str]:
    lines = ["tips:", *(f"  - {_quoted(words.sentence(rng))}" for _ in range(2)),
             "equity_prompts:", *(f"  - {_quoted(words.question(rng))}" for _ in range(2)),
             "worksheet:", "  prompts:"]
    for size in (4, 4, 3):
        lines.append(f"    - label: {_quoted(words.phrase(rng, 6))}")
        if with_lines:
            lines.append(f"      lines: {size}")
    return lines


def _quoted(text: str) -> str:
    """YAML double-quoted: generated words may hold a colon or start with a quote."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
