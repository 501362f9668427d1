/* Catalog filters.
 *
 * The catalog page lists every card in its HTML, so the whole list shows without
 * JavaScript. This script hides the cards that do not match the filters, keeps the
 * choices in the address bar's query string (a filtered list can be
 * bookmarked or shared, and comes back when the page loads) and puts the number of
 * matching cards in a live region, so screen readers announce it.
 *
 * Within one checkbox group a card matches any checked value; across groups, and with
 * the time and group-size fields, it must match all of them.
 *
 * A big kit's catalog is in pages (kit.yml's catalog_page_size), each page's cards in its
 * HTML and every page linked from each, so every tool is reachable without JavaScript. When a
 * filter is chosen there, every card is loaded at once (catalog/cards.js, a script so that a
 * plain-folder copy can load it too), and the filters search the whole catalog from then on.
 *
 * A handout's card has no time and no group size: it is a sheet handed round, which takes
 * none of the meeting's time and can be copied for any number of people. So the time and
 * group-size fields never hide it; a facilitator who wants tools only ticks their types.
 */
(function () {
  "use strict";

  const catalog = document.querySelector("[data-tk-catalog]");
  if (!catalog) return;
  const form = catalog.querySelector("form");
  const status = catalog.querySelector("[role=status]");
  const list = catalog.querySelector(".tk-cards");
  let cards = Array.from(list.querySelectorAll(".tk-card"));
  const total = Number(catalog.dataset.total);
  const pagedStatus = status.textContent;
  let allCards = catalog.dataset.tkCards ? null : Promise.resolve();
  const CHECKBOX_GROUPS = ["type", "phase", "bucket", "sector"];

  function chosenFilters() {
    const data = new FormData(form);
    const chosen = { minutes: Number(data.get("minutes")) || 0, people: Number(data.get("people")) || 0 };
    for (const group of CHECKBOX_GROUPS) chosen[group] = data.getAll(group);
    return chosen;
  }

  function matches(card, chosen) {
    for (const group of CHECKBOX_GROUPS) {
      const values = card.dataset[group].split(" ");
      if (chosen[group].length && !chosen[group].some((value) => values.includes(value))) return false;
    }
    // "Time you have": the card fits if its shortest version fits.
    const timed = card.dataset.minutes !== undefined;
    if (chosen.minutes && timed && Number(card.dataset.minutes) > chosen.minutes) return false;
    const sized = card.dataset.peopleMin !== undefined;
    if (chosen.people && sized) {
      if (chosen.people < Number(card.dataset.peopleMin) || chosen.people > Number(card.dataset.peopleMax)) return false;
    }
    return true;
  }

  function query() {
    const parameters = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (value !== "") parameters.append(name, value);
    }
    return parameters.toString();
  }

  // Every card of the catalog, on first need: addresses in them are relative to the catalog's
  // first page, so they are made absolute before the cards join this page.
  function loadAllCards() {
    if (allCards) return allCards;
    status.textContent = catalog.dataset.loading;
    allCards = new Promise(function (resolve, reject) {
      const script = document.createElement("script");
      script.src = catalog.dataset.tkCards;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    }).then(function () {
      const base = new URL(catalog.dataset.tkCardsBase, window.location.href);
      const holder = document.createElement("template");
      holder.innerHTML = window.__toolkitCatalogCards;
      for (const element of holder.content.querySelectorAll("[href]")) {
        element.setAttribute("href", new URL(element.getAttribute("href"), base).href);
      }
      for (const element of holder.content.querySelectorAll("[src]")) {
        element.setAttribute("src", new URL(element.getAttribute("src"), base).href);
      }
      list.replaceChildren(holder.content);
      cards = Array.from(list.querySelectorAll(".tk-card"));
      const pager = catalog.querySelector("[data-tk-pager]");
      if (pager) pager.hidden = true;
      if (window.toolkitPlan && window.toolkitPlan.showButtons) window.toolkitPlan.showButtons(list);
    });
    return allCards;
  }

  function showMatchingCards() {
    const chosen = chosenFilters();
    let shown = 0;
    for (const card of cards) {
      card.hidden = !matches(card, chosen);
      if (!card.hidden) shown += 1;
    }
    const words = catalog.dataset;
    if (query() === "" && cards.length < total) {  // one page of a catalog in pages, unfiltered
      status.textContent = pagedStatus;
      return;
    }
    const template = query() === "" ? words.countAll : shown ? words.countSome : words.countNone;
    status.textContent = template.replace("{shown}", shown).replace("{total}", total);
  }

  // A filter chosen on one page of a catalog in pages searches all of its pages.
  function filterEverything() {
    if (query() === "" || cards.length === total) {
      showMatchingCards();
      return;
    }
    loadAllCards().then(showMatchingCards, function () {
      allCards = null;  // tried again at the next change
      status.textContent = pagedStatus;
    });
  }

  function restoreFromAddress() {
    const parameters = new URLSearchParams(window.location.search);
    for (const field of form.elements) {
      if (!field.name) continue;
      if (field.type === "checkbox") field.checked = parameters.getAll(field.name).includes(field.value);
      else field.value = parameters.get(field.name) || "";
    }
  }

  function update() {
    filterEverything();
    const search = query();
    // replaceState, not pushState: the Back button leaves the catalog instead of undoing clicks.
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
  }

  form.addEventListener("change", update);
  form.addEventListener("input", (event) => { if (event.target.type === "number") update(); });
  // The reset event fires before the fields are cleared.
  form.addEventListener("reset", () => window.setTimeout(update, 0));
  form.addEventListener("submit", (event) => { event.preventDefault(); update(); });

  restoreFromAddress();
  filterEverything();
  // On a phone the filters would fill the screen: fold them away until asked for, unless some are set.
  if (window.matchMedia("(max-width: 44.9375em)").matches && query() === "") {
    catalog.querySelector("details.tk-filters").open = false;
  }
})();
