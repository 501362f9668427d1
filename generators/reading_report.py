"""`toolkit report`: how plain each sheet participants read is, as a table a writer can act on."""

from __future__ import annotations

from statistics import mean

from .kit_data import Kit
from .plain_words import AVERAGE_GRADE_TARGET, COMMON_WORD_COUNT, SHEET_GRADE_LIMIT, SheetReading, sheet_readings
from .spanish_words import EASE_TARGET, SHEET_EASE_LIMIT


def report_lines(kit: Kit, readings: list[SheetReading] | None = None) -> list[str]:
    """The report: one row per participant sheet, hardest first, then the averages against the targets."""
    readings = sheet_readings(kit) if readings is None else readings
    if not readings:
        return ["The kit has no sheets for participants yet."]
    rated = [reading for reading in readings if reading.grade is not None]
    eased = [reading for reading in readings if reading.ease is not None]
    # Hardest first: the highest grade, or the lowest ease.
    rows = sorted(readings, key=lambda reading: (-(reading.grade or 0), reading.ease or 0))
    width = max(len("Sheet"), *(len(reading.name) for reading in rows))
    score = "Ease" if eased else "Grade"
    lines = [f"Reading report ({kit.settings.language}): {len(readings)} sheets that participants read.",
             ("Ease: the Fernández-Huerta score (100 very easy, 70 fairly easy, below 60 hard). " if eased else
              "Grade: the Flesch-Kincaid grade level (school years of reading it takes). ")
             + f"Uncommon: the share of words outside the {COMMON_WORD_COUNT:,} most common words of the language. "
             "Explained: words the sheet prints with their plain meaning (the vocabulary's glossary).",
             "",
             f"{'Sheet':<{width}}  Words  {score:>5}  Uncommon  Explained"]
    for reading in rows:
        value, hard = reading.grade, reading.grade is not None and reading.grade > SHEET_GRADE_LIMIT
        if reading.ease is not None:
            value, hard = reading.ease, reading.ease < SHEET_EASE_LIMIT
        shown = f"{value:5.1f}" if value is not None else "    -"
        lines.append(f"{reading.name:<{width}}  {reading.word_count:5d}  {shown}{' !' if hard else '  '} "
                     f"{reading.uncommon:6.0%}    {', '.join(reading.explained) or '-'}")
    lines.append("")
    lines.append(f"Uncommon words: {mean(reading.uncommon for reading in readings):.0%} of a sheet's words on average.")
    if rated:
        average = mean(reading.grade for reading in rated)
        hardest = max(rated, key=lambda reading: reading.grade)
        over = [reading for reading in rated if reading.grade > SHEET_GRADE_LIMIT]
        lines.append(f"Average grade: {average:.1f} (target: {AVERAGE_GRADE_TARGET:g} or below"
                     f"{', met' if average <= AVERAGE_GRADE_TARGET else ', NOT met'}).")
        lines.append(f"Hardest sheet: {hardest.name} at grade {hardest.grade:.1f} (limit: {SHEET_GRADE_LIMIT:g}; "
                     + (f"{len(over)} sheet{'s' if len(over) != 1 else ''} over it, marked !)." if over
                        else "none over it)."))
        if over or average > AVERAGE_GRADE_TARGET:
            lines.append("To lower a grade: shorter sentences, and shorter, everyday words. Put a word people "
                         "may not know in the glossary (toolkit/vocabulary.yml) so its meaning prints on the sheet.")
    if eased:
        average = mean(reading.ease for reading in eased)
        hardest = min(eased, key=lambda reading: reading.ease)
        under = [reading for reading in eased if reading.ease < SHEET_EASE_LIMIT]
        lines.append(f"Average ease: {average:.1f} (target: {EASE_TARGET} or above"
                     f"{', met' if average >= EASE_TARGET else ', NOT met'}).")
        lines.append(f"Hardest sheet: {hardest.name} at {hardest.ease:.1f} (limit: {SHEET_EASE_LIMIT}; "
                     + (f"{len(under)} sheet{'s' if len(under) != 1 else ''} under it, marked !)." if under
                        else "none under it)."))
        if under or average < EASE_TARGET:
            lines.append("To make a sheet easier: shorter sentences, and shorter, everyday words.")
    return lines


def targets_met(readings: list[SheetReading]) -> bool:
    rated = [reading.grade for reading in readings if reading.grade is not None]
    eased = [reading.ease for reading in readings if reading.ease is not None]
    grades_met = not rated or (mean(rated) <= AVERAGE_GRADE_TARGET and max(rated) <= SHEET_GRADE_LIMIT)
    return grades_met and (not eased or (mean(eased) >= EASE_TARGET and min(eased) >= SHEET_EASE_LIMIT))
