"""The content's second edition: sessions that fit the clock, tools that do distinct jobs, the source
ideas the first edition missed, one worked example that adds up, named sources and plain words."""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations
from statistics import mean

from generators.model.common import prose
from generators.plain_words import AVERAGE_GRADE_TARGET, SHEET_GRADE_LIMIT, sheet_readings
from tests.helpers import KIT_ROOT

# Each gap the first edition left, and the tool that now fills it.
GAP_TOOLS = {
    "life course: life stages and generations": "life-course-planning",
    "life course on one page": "life-course-map",
    "hospital and health-system board oversight": "board-oversight",
    "connecting partners' referral platforms": "referral-platform-readiness",
    "social-services quality and capacity": "social-services-capacity",
    "coordinated training across sectors": "cross-sector-training-plan",
    "pilot a strategy and adjust it": "pilot-and-adjust",
    "participants' feedback on meetings": "meeting-feedback",
    "conflict between partners": "working-through-conflict",
    "a community decision method with a real say": "community-decision-rules",
    "repairing trust at a later meeting": "repair-trust",
}
# Sources the kit stands on: each must be named in a credit, with what the kit took from it.
SOURCES = ["Nemours", "Integrators Toolkit", "Integrator Learning Lab", "American Hospital Association",
           "Advancing Health", "ReThink Health", "WE in the World", "Institute for Population Health Innovation",
           "Governance Institute", "City Health Dashboard", "life course health development"]
# Tools that touch harm, power or trauma, so they plan for someone who becomes upset.
SENSITIVE_TOOLS = ["trust-and-power-check", "repair-trust", "listening-session", "chw-conversations", "data-walk",
                   "community-voice-power", "equity-impact-assessment", "working-through-conflict"]
# Words a participant may not know: a sheet that uses one prints its meaning (the vocabulary's glossary).
JARGON = ["stakeholder", "meso", "macro", "micro", "prospective investment", "shared savings", "integrator",
          "equity impact assessment", "social determinants", "closed-loop", "baseline", "theory of change",
          "life course", "capacity", "leverage"]
STOP_WORDS = set("""a an and are as at be by can each for from has have how if in into is it its of on or our so
that the their them then they this to up was we what when where which who why will with you your do does not
one two three all any more most other some than too very out about each every there these those""".split())


def _texts(item) -> list[str]:
    return prose(item.content)


def test_the_kit_has_the_tools_and_sessions_of_the_second_edition(kit):
    counts = Counter(item.type.name for item in kit.items.values())
    assert counts["activity"] >= 30 and counts["canvas"] >= 5 and counts["checklist"] >= 8, counts
    assert counts["session"] >= 7, counts
    for gap, tool_id in GAP_TOOLS.items():
        assert tool_id in kit.items and kit.items[tool_id].type.is_tool, f"no tool for {gap}"


def test_every_session_slot_is_exactly_the_steps_of_the_version_it_runs(kit):
    for session in kit.of_type("session"):
        for entry in session.content.agenda:
            if entry.tool:
                steps = kit.items[entry.tool].content.version_steps(entry.version)
                assert entry.minutes == sum(step.minutes for step in steps), (session.id, entry.tool)


def test_sessions_cover_two_co_create_meetings_a_series_partners_only_and_online(kit):
    sessions = [item.content for item in kit.of_type("session")]
    assert sum(session.phase == "co-create" for session in sessions) >= 2
    assert any(session.meets in ("online", "hybrid") for session in sessions)
    # A series is a chain of complete sessions, each naming the next.
    chained = [session for session in sessions if session.next_session]
    assert len(chained) >= 2
    # A meeting for partners only: nobody is invited as a resident or community member.
    assert any(not re.search(r"resident|community (member|leader)|co-leader", " ".join(session.invite), re.I)
               for session in sessions)


def test_every_tool_has_a_short_version_online_notes_and_notes_for_each_sector_it_is_tagged_with(kit):
    for item in kit.tools:
        tool = item.content
        assert tool.short is not None, f"{item.id} has no short version"
        assert tool.online, f"{item.id} says nothing about meeting online"
        assert [note.sector for note in tool.sector_notes] == tool.sectors, \
            f"{item.id}: one sector note per tagged sector, in the same order"


def test_the_sector_filter_tells_tools_apart(kit):
    tools = kit.tools
    every_sector = [item.id for item in tools if len(item.content.sectors) == len(kit.vocabulary.sectors)]
    assert len(every_sector) <= len(tools) // 4, f"{len(every_sector)} tools are tagged with every sector"
    for term in kit.vocabulary.sectors:
        tagged = sum(term.id in item.content.sectors for item in tools)
        assert 3 <= tagged < len(tools), f"{term.id}: {tagged} tools"


def test_tools_that_touch_harm_power_or_trauma_plan_for_distress(kit):
    for tool_id in SENSITIVE_TOOLS:
        assert len(kit.items[tool_id].content.distress_plan) >= 2, tool_id


def test_listen_means_hearing_from_the_community(kit):
    for tool_id in ("partnership-health-check", "present-with-purpose", "readiness-to-partner", "board-oversight"):
        assert "listen" not in kit.items[tool_id].content.phases, tool_id


def test_no_two_tools_steps_share_most_of_their_words(kit):
    def content_words(item) -> set[str]:
        steps = [step.text for step in item.content.steps]
        return {word for text in steps for word in re.findall(r"[a-z]+", text.lower())
                if len(word) > 3 and word not in STOP_WORDS}

    words = {item.id: content_words(item) for item in kit.tools}
    for first, second in combinations(sorted(words), 2):
        smaller = min(len(words[first]), len(words[second]))
        shared = len(words[first] & words[second]) / smaller
        assert shared < 0.5, f"{first} and {second}: {shared:.0%} of the steps' words are shared"


def test_credits_name_the_sources_and_what_was_taken(kit):
    credits = [credit for item in kit.items.values() for credit in getattr(item.content, "credits", [])]
    joined = " ".join(credits).lower()
    for source in SOURCES:
        assert source.lower() in joined, f"no credit names {source}"
    for credit in credits:
        assert len(credit.split()) >= 8, f"a credit says what the kit took, not only a name: {credit}"
    sources_page = (KIT_ROOT / "facilitation/guide/sources.md").read_text()
    for source in SOURCES:
        assert source.lower() in sources_page.lower(), f"the sources page leaves out {source}"


def test_facts_from_the_sources_are_not_bent(kit):
    files = [*KIT_ROOT.glob("toolkit/**/*.yml"), *KIT_ROOT.glob("facilitation/**/*")]
    for path in (path for path in files if path.is_file()):
        text = " ".join(path.read_text().split())
        name = path.relative_to(KIT_ROOT).as_posix()
        if "Bridgeport" in text:
            # In English, or in a Spanish translation (paraguas, tercera).
            assert any(word in text for word in ("umbrella", "third", "paraguas", "tercer")), \
                f"{name}: Bridgeport's networks joined under a third one"
        if "partner diversity" in text:
            assert "capabilit" in text, f"{name}: targets helped when diversity was high AND capabilities strong"
        assert "Moving Health Care Upstream" not in text, name
        if re.search(r"\bsix (integrator )?buckets\b", text, re.I):
            assert re.search(r"own grouping|our grouping|grouping of", text, re.I), \
                f"{name}: the six buckets are the kit's own grouping, not an official list"


def test_one_worked_example_whose_numbers_agree_and_whose_residents_are_paid(kit):
    for item in kit.of_type("canvas"):
        example = item.content.example
        assert example is not None and "Alder" in example.context, f"{item.id}: the example is Alder County's"
    everything = {item.id: " ".join(_texts(item)) for item in kit.items.values()}
    guide = {path.name: path.read_text() for path in (KIT_ROOT / "facilitation/guide").glob("*.md")}
    for name, text in {**everything, **guide}.items():
        flat = " ".join(text.split())
        for match in re.finditer(r"\b(\d[\d,]*\d|\d) (?:emergency |ER )?(?:visits|trips)", flat):
            assert match.group(1).replace(",", "") in {"410", "328", "82"}, f"{name}: '{match.group(0)}'"
        for sentence in re.split(r"(?<=[.!?])\s+", flat):
            if re.search(r"\bunpaid\b|without pay|volunteer their time", sentence, re.I):
                assert re.search(r"\b(never|not|no)\b", sentence, re.I), f"{name}: residents are paid: {sentence}"


def test_a_hard_word_on_a_participant_sheet_is_explained_on_that_sheet(kit):
    glossary = {entry.term.lower() for entry in kit.vocabulary.glossary}
    for reading in sheet_readings(kit):
        texts = " ".join(next(texts for audience, texts in reading.item.content.participant_sheets()
                              if reading.audience in (None, audience))).lower()
        for word in JARGON:
            if re.search(rf"(?<![\w-]){re.escape(word)}(?:s|es)?(?![\w-])", texts):
                assert word in glossary, f"{reading.name} uses '{word}': add it to the vocabulary's glossary"


def test_participant_sheets_read_at_grade_six_on_average_and_none_above_eight(kit):
    readings = [reading for reading in sheet_readings(kit) if reading.grade is not None]
    hardest = max(readings, key=lambda reading: reading.grade)
    assert mean(reading.grade for reading in readings) <= AVERAGE_GRADE_TARGET
    assert hardest.grade <= SHEET_GRADE_LIMIT, f"{hardest.name}: grade {hardest.grade:.1f}"
