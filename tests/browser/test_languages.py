"""The site in its two languages, in a browser: the link in the header lands on the same page in
the other language, and each language's search finds its own pages only."""

from __future__ import annotations

from generators.languages import kit_in

TOOL = "data-walk"


def test_the_language_link_opens_the_same_tool_in_the_other_language_and_back(visit, kit):
    spanish = kit_in(kit, "es").items[TOOL].content.title
    page = visit(f"activities/{TOOL}/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="Español").click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"/es/activities/{TOOL}/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("heading", level=1).inner_text().rstrip("¶ \n") == spanish
    page.get_by_role("link", name="English").click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"/activities/{TOOL}/") and "/es/" not in page.url
    assert page.get_by_role("heading", level=1).inner_text().rstrip("¶ \n") == kit.items[TOOL].content.title


def test_a_spanish_word_finds_the_spanish_page_and_the_english_search_does_not(visit, traffic):
    word = "caminata"  # from the data walk's Spanish title, "Caminata de datos"
    page = visit("es/")
    page.wait_for_load_state("networkidle")
    page.get_by_role("textbox", name="Búsqueda").click()
    page.keyboard.type(word)
    result = page.locator(f'.md-search-result__item a[href*="activities/{TOOL}/"]').first
    result.wait_for(state="visible")
    assert "Caminata de datos" in result.inner_text()
    assert any(url.endswith("/es/search/search_index.json") for url in traffic.urls)
    # Spanish word rules: the index is built, and queries are read, with the Spanish stemmer.
    assert any(url.endswith("/es/assets/javascripts/lunr/min/lunr.es.min.js") for url in traffic.urls)

    page = visit("")
    page.wait_for_load_state("networkidle")
    page.get_by_role("textbox", name="Search").click()
    page.keyboard.type(word)
    page.wait_for_function("() => document.querySelector('.md-search-result__meta')"
                           "?.textContent.includes('No matching documents')")
    assert page.locator(".md-search-result__item").count() == 0


def test_the_planner_works_in_spanish_with_the_spanish_tools(visit, kit):
    spanish = kit_in(kit, "es").items[TOOL].content.title
    page = visit(f"es/activities/{TOOL}/")
    page.get_by_role("button", name="Agregar a mi reunión").click()
    page.wait_for_function("text => document.querySelector('[data-tk-plan-status]').textContent.includes(text)",
                           arg="Puntos en su reunión: 1.")
    page.get_by_role("link", name="Mi reunión").first.click()
    page.wait_for_selector("[data-tk-app]:not([hidden])")
    assert page.locator(".tk-agenda__item h3").all_inner_texts() == [spanish]
    assert spanish in page.locator("#tk-add-tool-select").inner_text()
    assert page.get_by_role("button", name="Imprimir el guion de la reunión").count() == 1
