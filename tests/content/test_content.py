"""The shipped content meets the kit's quality bar: coverage, concrete steps, tool-specific tips."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tests.helpers import KIT_ROOT

REQUIRED_ACTIVITIES = [
    "stakeholder-map", "community-co-leaders", "who-is-missing", "partner-fit-scan", "present-with-purpose",
    "listening-session", "data-walk", "chw-conversations", "shared-vision", "choose-focus-activities",
    "reignite-the-why", "data-sharing-agreement", "governance-charter", "case-for-the-network",
    "bolder-policy-goals", "shared-measures-dashboard", "value-levels-mapping", "shared-savings-investment",
    "partnership-health-check", "opening-and-closing",
]
REQUIRED_CANVASES = ["theory-of-change", "partnership-framework", "influence-interest-map", "value-creation-levels"]
REQUIRED_CHECKLISTS = ["equity-impact-assessment", "readiness-to-partner", "partner-alignment",
                       "community-voice-power", "data-sharing-readiness"]
SEEDS = KIT_ROOT.parent / "shared" / "seeds"


def test_the_named_tools_exist(kit):
    assert set(REQUIRED_ACTIVITIES) <= {i.id for i in kit.of_type("activity")}
    assert set(REQUIRED_CANVASES) <= {i.id for i in kit.of_type("canvas")}
    assert set(REQUIRED_CHECKLISTS) <= {i.id for i in kit.of_type("checklist")}


def test_activities_cover_every_bucket_and_phase(kit):
    activities = kit.of_type("activity")
    assert len(activities) >= 24
    buckets = Counter(b for a in activities for b in a.content.buckets)
    phases = Counter(p for a in activities for p in a.content.phases)
    for term in kit.vocabulary.buckets:
        assert buckets[term.id] >= 3, f"bucket {term.id} has {buckets[term.id]} activities"
    for term in kit.vocabulary.phases:
        assert phases[term.id] >= 6, f"phase {term.id} has {phases[term.id]} activities"


def test_every_tool_has_its_own_tips_and_equity_prompts(kit):
    for item in kit.tools:
        assert len(item.content.tips) >= 2, item.id
        assert len(item.content.equity_prompts) >= 2, item.id
        for prompt in item.content.equity_prompts:
            assert prompt.rstrip().endswith("?"), f"{item.id}: equity prompts are questions: {prompt}"
    seen: dict[str, str] = {}
    for item in kit.tools:
        for text in [*item.content.tips, *item.content.equity_prompts]:
            key = re.sub(r"[^a-z ]", "", text.lower())
            assert key not in seen, f"{item.id} repeats a line of {seen.get(key)}: {text}"
            seen[key] = item.id


def test_steps_are_concrete_and_related_tools_exist(kit):
    for item in kit.tools:
        assert len(item.content.steps) >= 3, item.id
        for step in item.content.steps:
            assert len(step.text.split()) >= 8, f"{item.id}: a step needs a concrete instruction: {step.text}"
        assert item.content.related, f"{item.id} points to no related tool"


def test_activity_worksheets_leave_room_to_write(kit):
    """A sheet of written prompts fills one page: 12 to 40 lines in all. A sheet with tables,
    ratings or lists flows onto more pages, so only its number of prompts is bounded."""
    for item in kit.of_type("activity"):
        for sheet in item.content.all_worksheets:
            assert 2 <= len(sheet.prompts) <= 8, item.id
            if all(p.kind == "text" for p in sheet.prompts):
                assert 12 <= sum(p.lines for p in sheet.prompts) <= 40, item.id


# Words that promise a sheet the facilitator brings to the room.
SHEET_PROMISES = re.compile(r"\b(handouts?|lists? of|examples sheets?|term sheets?|scripts?|agreements?)\b",
                            re.IGNORECASE)


def _what_to_prepare(item) -> list[str]:
    """What an item asks the facilitator to bring or to get ready beforehand."""
    content = item.content
    preparation = [getattr(task, "task", task) for task in getattr(content, "preparation", [])]
    return [*getattr(content, "what_to_bring", []), *preparation]


def test_every_sheet_a_tool_asks_for_is_a_handout_of_the_kit(kit):
    """A tool or session that asks for a list, script, agreement or term sheet names a handout
    of the kit for it, so nobody has to write one before Monday."""
    promising = {item.id: [text for text in _what_to_prepare(item) if SHEET_PROMISES.search(text)]
                 for item in kit.items.values() if item.type.name != "handout"}
    without = {item_id: texts for item_id, texts in promising.items() if texts and not kit.items[item_id].content.handouts}
    assert without == {}
    assert sum(1 for texts in promising.values() if texts) >= 4, "the phrases still find the tools that need sheets"


def test_the_kit_has_the_handouts_its_tools_need(kit):
    handouts = {item.id: item for item in kit.items.values() if item.type.name == "handout"}
    assert len(handouts) >= 6
    named = {handout for item in kit.items.values() for handout in getattr(item.content, "handouts", [])}
    assert named == set(handouts), "every handout is used by a tool or session, and every one named exists"


def test_community_members_have_worksheets_of_their_own(kit):
    audiences = [sheet.audience for item in kit.of_type("activity") for sheet in item.content.all_worksheets]
    assert audiences.count("community-members") >= 3


# Words partner staff use every day that a resident would need explained.
STAFF_WORDS = re.compile(r"\b(integrat\w*|stakeholders?|buckets?|metrics?|indicators?|governance|cross-sector|"
                         r"determinants?|deliverables?|leverage|capacity|initiatives?|utilization|upstream|"
                         r"partnerships?|networks?)\b", re.IGNORECASE)


def _words_on(prompt) -> list[str]:
    words = [prompt.label, prompt.hint or ""]
    for name in ("items", "options", "columns", "row_labels", "scale"):
        words += list(getattr(prompt, name, None) or [])
    return words


def test_community_members_worksheets_use_everyday_words(kit):
    found = [(item.id, text) for item in kit.of_type("activity") for sheet in item.content.all_worksheets
             if sheet.audience == "community-members"
             for text in [sheet.intro or "", *(word for p in sheet.prompts for word in _words_on(p))]
             if STAFF_WORDS.search(text)]
    assert found == []


def test_worksheets_use_the_kinds_of_prompt_that_fit_their_answers(kit):
    structured = [item.id for item in kit.of_type("activity")
                  if any(p.kind != "text" for sheet in item.content.all_worksheets for p in sheet.prompts)]
    assert len(structured) >= 8, structured
    assert "stakeholder-map" in structured and "choose-focus-activities" in structured


def test_sessions_have_the_three_roles_and_share_results_back(kit):
    for item in kit.of_type("session"):
        roles = " ".join(r.role.lower() for r in item.content.roles)
        for role in ("facilitator", "note-taker", "community co-facilitator"):
            assert role in roles, f"{item.id} lacks the role {role}"
        assert item.content.follow_up, item.id
        assert item.content.access, item.id


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 2]


def test_plain_language_short_sentences(kit):
    """Busy readers: on average no more than 20 words a sentence in any tool."""
    for item in kit.items.values():
        texts = []
        content = item.content
        for name in ("purpose", "tips", "equity_prompts", "preparation", "notes"):
            value = getattr(content, name, None)
            values = [value] if isinstance(value, str) else value or []
            texts.extend(v if isinstance(v, str) else v.task for v in values)
        texts.extend(s.text for s in getattr(content, "steps", []))
        sentences = [s for t in texts for s in _sentences(t)]
        average = sum(len(s.split()) for s in sentences) / max(len(sentences), 1)
        assert average <= 20, f"{item.id}: {average:.1f} words a sentence"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source articles are not beside this checkout")
def test_no_sentence_is_copied_from_the_source_articles():
    def runs(text: str, n: int = 12) -> set[str]:
        words = re.findall(r"[a-z0-9']+", text.lower())
        return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}

    seed_runs = set().union(*(runs(p.read_text(errors="ignore")) for p in SEEDS.glob("*.txt")))
    content = [*KIT_ROOT.glob("toolkit/**/*.yml"), *KIT_ROOT.glob("facilitation/**/*.yml"),
               *KIT_ROOT.glob("facilitation/**/*.md"), *KIT_ROOT.glob("docs/**/*.md")]
    copied = [p.relative_to(KIT_ROOT).as_posix() for p in content if runs(p.read_text()) & seed_runs]
    assert copied == []
