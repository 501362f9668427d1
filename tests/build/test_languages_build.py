"""A kit published in three languages, one of them made up for this test: another language is
data only (a file of interface words, translation files). A translation gone stale shows the
page in English with a notice, and its PDFs in English, never a mix."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest

from tests.helpers import SPANISH, VALID_ACTIVITY, page_texts, run_toolkit

ITEM = "toolkit/activities/quick-check-in"
MADE_UP = """\
title: Kwix chekin
purpose: Starta meetok so evriwon spoki wonsa
steps:
  - title: Aski
    text: Aski wonna kwestok dat evriwon ansera in a sentenza.
  - title: Lisna
    text: Go rondo la sirkel; nobodi komenta ansera.
worksheet:
  prompts:
    - label: Wonna ting I hopa we desida todai
"""
CHANGED_STEP = VALID_ACTIVITY.replace("Ask one question", "Ask a single question")


@pytest.fixture(scope="module")
def three_language_site(tmp_path_factory) -> tuple[Path, Path]:
    """The one-tool kit in English, Spanish (stale: its English step changed after) and 'xx', built."""
    from tests.helpers import copy_kit_skeleton

    root = copy_kit_skeleton(tmp_path_factory.mktemp("languages") / "kit")
    (root / "toolkit/activities").mkdir(parents=True, exist_ok=True)
    (root / f"{ITEM}.yml").write_text(VALID_ACTIVITY, encoding="utf-8")
    settings = root / "kit.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "other_languages: [es, xx]\n", encoding="utf-8")
    (root / "locales").mkdir()
    (root / "locales/xx.yml").write_text("language_name: Ixish\nsteps: Stepsa\n", encoding="utf-8")
    for language, text in (("es", SPANISH), ("xx", MADE_UP)):
        (root / f"{ITEM}.{language}.yml").write_text(text, encoding="utf-8")
        result = run_toolkit(["translations", "--stamp", f"{ITEM}.{language}.yml"], cwd=root)
        assert result.returncode == 0, result.stderr
    (root / f"{ITEM}.yml").write_text(CHANGED_STEP, encoding="utf-8")
    # The made-up translation follows the change; the Spanish one does not.
    assert run_toolkit(["translations", "--stamp", f"{ITEM}.xx.yml"], cwd=root).returncode == 0
    site = root.parent / "site"
    result = run_toolkit(["build", "--site-dir", str(site)], cwd=root)
    assert result.returncode == 0, result.stderr
    BUILD_OUTPUT.append(result.stdout)
    return root, site


BUILD_OUTPUT: list[str] = []  # what the fixture's build printed


def test_each_language_says_what_it_rendered_and_a_stale_tool_is_rendered_once(three_language_site):
    """The languages render side by side, so each PDF line names its language; the stale Spanish tool
    prints exactly as the English one, and the two languages share that one render."""
    lines = {match[3]: tuple(int(n) for n in match[:3])
             for match in re.findall(r"PDFs: (\d+) rendered, (\d+) from cache, of (\d+), in [\d.]+ s \((\w+)\)$",
                                     BUILD_OUTPUT[0], re.MULTILINE)} if BUILD_OUTPUT else {}
    assert set(lines) == {"en", "es", "xx"}, BUILD_OUTPUT
    english, spanish = lines["en"], lines["es"]
    shared = {"letter", "a4", "fillable-letter"}  # the tool's own three PDFs: the same HTML in both
    assert english[0] + spanish[0] <= english[2] + spanish[2] - len(shared), \
        "the stale tool's three PDFs were rendered once for both languages, not once each"


def _page(site: Path, language: str) -> str:
    folder = site if language == "en" else site / language
    return (folder / "activities/quick-check-in/index.html").read_text(encoding="utf-8")


def _switch_targets(site: Path, language: str) -> dict[str, Path]:
    """Each link of the language switch on the tool's page, as the file it opens."""
    folder = (site if language == "en" else site / language) / "activities/quick-check-in"
    links = re.findall(r'<a class="tk-language" href="([^"]+)" hreflang="([^"]+)"', _page(site, language))
    return {target_language: (folder / href / "index.html").resolve() for href, target_language in links}


def test_the_made_up_language_builds_from_data_alone(three_language_site):
    _, site = three_language_site
    html = _page(site, "xx")
    assert '<html lang="xx"' in html
    assert re.search(r"<h1[^>]*>Kwix chekin", html) and "Stepsa" in html
    with pikepdf.open(site / "xx/pdf/quick-check-in-letter.pdf") as pdf:
        assert str(pdf.Root.Lang) == "xx"
    assert "Kwix chekin" in page_texts(site / "xx/pdf/quick-check-in-letter.pdf")[0]


def test_every_page_links_to_the_same_page_in_each_other_language(three_language_site):
    _, site = three_language_site
    tool = "activities/quick-check-in/index.html"
    assert _switch_targets(site, "en") == {"es": (site / "es" / tool).resolve(), "xx": (site / "xx" / tool).resolve()}
    assert _switch_targets(site, "xx") == {"en": (site / tool).resolve(), "es": (site / "es" / tool).resolve()}
    assert all(path.is_file() for path in _switch_targets(site, "es").values())


def test_a_stale_translation_shows_the_english_page_with_a_notice_and_english_pdfs(three_language_site):
    root, site = three_language_site
    html = _page(site, "es")
    assert '<html lang="es"' in html
    assert 'class="tk-translation-notice" role="note"' in html and "no está al día" in html
    assert '<div lang="en">' in html and re.search(r"<h1[^>]*>Quick check-in", html)
    assert "Ask a single question" in html and "Ronda rápida" not in html
    with pikepdf.open(site / "es/pdf/quick-check-in-letter.pdf") as pdf:
        assert str(pdf.Root.Lang) == "en"
    text = "\n".join(page_texts(site / "es/pdf/quick-check-in-letter.pdf"))
    assert "Ask a single question" in text and "Preguntar" not in text and "Pasos" not in text
    result = run_toolkit(["translations", "--strict"], cwd=root)
    assert result.returncode == 1
    assert f"{ITEM}.es.yml: stale (the English changed after translation): steps" in result.stdout
