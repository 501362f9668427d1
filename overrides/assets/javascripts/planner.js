/* The meeting planner (the "My meeting" page).
 *
 * It reads the kit from catalog.json (on a copy opened from a folder, from catalog.js,
 * since browsers refuse to fetch files there), and keeps the plan in two places: the
 * browser's storage (plan-store.js) and the page's address, after the '#', which browsers
 * never send to a server. A link to the page therefore opens the same plan anywhere.
 *
 * Whatever the address or the storage holds is checked against the kit before use: an
 * unknown tool is left out and named, minutes outside a tool's range are reset to what its
 * steps take and named, so a broken or old link still opens what it can.
 *
 * Every change is said in a live region, for screen readers; items move with buttons or
 * with Alt and the arrow keys; a plan that replaces another (from a link or a copied
 * session) can be undone.
 */
(function () {
  "use strict";

  const root = document.querySelector("[data-tk-planner]");
  if (!root || !window.toolkitPlan || !window.toolkitPlanModel) return;
  const store = window.toolkitPlan;
  const words = JSON.parse(document.getElementById("tk-planner-words").textContent);
  const app = root.querySelector("[data-tk-app]");
  const part = (name) => root.querySelector("[data-tk-" + name + "]");
  const about = part("about");
  const language = root.dataset.language || "en";
  const siteRoot = new URL(root.dataset.root, location.href);

  // The paper chosen for printing the run-sheet and the agenda: an @page rule kept up to date.
  const pageSize = document.head.appendChild(document.createElement("style"));

  let model, kit, tools, sessions, handouts;  // the kit, once catalog.json is read (plan-model.js)
  let plan, undoPlan = null;

  // ---- small helpers -------------------------------------------------------------------

  function element(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }

  function siteLink(path) {
    return new URL(path, siteRoot).href;
  }

  // ---- the kit ---------------------------------------------------------------------------

  function loadCatalog() {
    if (location.protocol === "file:") {
      return new Promise((resolve, reject) => {
        const script = element("script", { src: root.dataset.catalogScript });
        script.onload = () => (window.__toolkitCatalog ? resolve(window.__toolkitCatalog) : reject(new Error("empty")));
        script.onerror = reject;
        document.head.append(script);
      });
    }
    return fetch(root.dataset.catalog).then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    });
  }

  // ---- reading a plan from the address or the storage --------------------------------------

  // ---- keeping the plan ---------------------------------------------------------------------

  function save() {
    store.write(plan);
    history.replaceState(null, "", model.encode(plan));
  }

  function change(announcement) {
    save();
    render();
    if (announcement) announce(announcement);
  }

  function announce(text) {
    const status = part("status");
    status.textContent = "";
    window.setTimeout(() => { status.textContent = text; }, 50);
  }

  function offerUndo(previous, message) {
    undoPlan = previous;
    const notices = part("undo");
    notices.replaceChildren(element("p", { text: message }),
                            element("button", { type: "button", class: "md-button", "data-tk-undo-button": true,
                                                text: words.planner_undo }));
    notices.hidden = false;
  }

  function showProblems(problems) {
    const box = part("problems");
    box.hidden = problems.length === 0;
    if (!problems.length) return;
    box.replaceChildren(element("h2", { text: words.planner_dropped_heading }),
                        element("ul", {}, ...problems.map((problem) => element("li", { text: problem }))));
  }

  // ---- the schedule and what needs attention ------------------------------------------------

  // ---- drawing the page ---------------------------------------------------------------------

  function render() {
    for (const field of about.elements) {
      if (field.name && document.activeElement !== field) field.value = plan[field.name] || "";
    }
    if (!plan.title && document.activeElement !== about.elements.title) about.elements.title.value = "";
    pageSize.textContent =
      "@page { size: " + (plan.paper === "a4" ? "A4" : "letter") + "; margin: 15mm; }";
    const times = model.schedule(plan);
    const found = model.warnings(plan, times);
    drawAgenda(times, found);
    drawWarnings(found);
    part("total").textContent = plan.items.length
      ? model.say(words.planner_total, { count: plan.items.length, duration: model.duration(times.total),
                                   start: model.clock(times.starts), end: model.clock(times.ends) })
      : words.planner_total_empty;
    part("empty").hidden = plan.items.length > 0;
    drawOutputs();
    part("link").value = location.href;
  }

  function drawAgenda(times, found) {
    const focused = document.activeElement && document.activeElement.closest("[data-key]")
      ? { key: document.activeElement.closest("[data-key]").dataset.key, control: document.activeElement.dataset.control }
      : null;
    const list = part("agenda");
    list.replaceChildren(...times.rows.map((row, index) => agendaRow(row, index, found)));
    if (focused) {
      // Back to the same control of the same item; a Move button at the end of the list is
      // disabled, so the other one takes the focus instead.
      const row = list.querySelector('[data-key="' + focused.key + '"]');
      const other = { up: "down", down: "up" }[focused.control];
      const again = row && [focused.control, other].map((name) => row.querySelector('[data-control="' + name + '"]'))
        .find((control) => control && !control.disabled);
      if (again) again.focus();
    }
  }

  function agendaRow(row, index, found) {
    const item = row.item;
    const title = model.itemTitle(item);
    const id = "tk-item-" + item.key;
    const warning = found.find((problem) => problem.key === item.key);
    const heading = element("h3", { class: "tk-agenda__title", id: id });
    let facts;
    if (item.kind === "tool") {
      const entry = tools[item.id];
      heading.append(element("a", { href: siteLink(entry.page), text: title }));
      facts = model.say(words.planner_item_facts, { type: words["type_" + entry.type], range: model.span(entry.minutes),
                                              steps: entry.steps_minutes });
    } else {
      heading.textContent = title;
      facts = model.say(words.planner_free_facts, { minutes: item.minutes });
    }
    const controls = element("div", { class: "tk-agenda__controls" });
    const minutesId = "tk-minutes-" + item.key;
    const chosen = item.kind === "tool" ? model.toolVersion(tools[item.id], item.version).minutes : { min: 1, max: model.LONGEST_MEETING };
    controls.append(element("label", { for: minutesId }, words.planner_free_minutes,
                            element("span", { class: "tk-visually-hidden", text: " " + title })),
                    element("input", { id: minutesId, type: "number", inputmode: "numeric", min: chosen.min, max: chosen.max,
                                       value: item.minutes, "data-control": "minutes", "aria-invalid": warning ? "true" : null,
                                       "aria-describedby": warning ? "tk-warning-" + item.key : null }));
    const entry = tools[item.id];
    if (item.kind === "tool" && entry.short) {
      const versionId = "tk-version-" + item.key;
      const select = element("select", { id: versionId, "data-control": "version" },
        element("option", { value: "full", text: model.say(words.planner_version_full, { minutes: entry.steps_minutes }) }),
        element("option", { value: "short", text: model.say(words.planner_version_short, { minutes: entry.short.steps_minutes }) }));
      select.value = item.version;
      controls.append(element("label", { for: versionId, class: "tk-visually-hidden",
                                         text: model.say(words.planner_version_label, { title: title }) }), select);
    }
    const count = plan.items.length;
    controls.append(
      element("button", { type: "button", class: "md-button", "data-control": "up", disabled: index === 0,
                          "aria-label": model.say(words.planner_move_up, { title: title }), text: words.planner_move_up_short }),
      element("button", { type: "button", class: "md-button", "data-control": "down", disabled: index === count - 1,
                          "aria-label": model.say(words.planner_move_down, { title: title }), text: words.planner_move_down_short }),
      element("button", { type: "button", class: "md-button", "data-control": "remove",
                          "aria-label": model.say(words.planner_remove, { title: title }), text: words.planner_remove_short }));
    const main = element("div", { class: "tk-agenda__main" }, heading, element("p", { class: "tk-agenda__facts", text: facts }));
    if (item.note) main.append(element("p", { class: "tk-agenda__note", text: item.note }));
    if (warning) main.append(element("p", { class: "tk-agenda__warning", id: "tk-warning-" + item.key, text: warning.text }));
    return element("li", { class: "tk-agenda__item" + (warning ? " tk-agenda__item--warning" : ""), "data-key": item.key,
                           "aria-labelledby": id },
                   element("p", { class: "tk-agenda__time", text: model.say(words.planner_item_time, {
                     start: model.clock(row.starts), end: model.clock(row.ends) }) }),
                   main, controls);
  }

  function drawWarnings(found) {
    const box = part("warnings");
    box.hidden = found.length === 0;
    box.replaceChildren(element("h3", { text: words.planner_warnings_heading }),
                        element("ul", {}, ...found.map((problem) => element("li", { text: problem.text }))));
  }

  // ---- what the plan gives back -------------------------------------------------------------

  function preparationItem(task) {
    const due = model.dueDate(plan, task.days);
    const when = task.when || words.planner_prep_before;
    const item = element("li", {});
    if (due) {
      const shown = due.toLocaleDateString(language, { weekday: "short", year: "numeric", month: "short", day: "numeric" });
      item.append(element("strong", {}, element("time", { datetime: model.isoDate(due), text: shown })), " (" + when + "): ");
    } else {
      item.append(element("strong", { text: when }), ": ");
    }
    item.append(task.task);
    if (task.tool) item.append(" ", element("em", { text: "(" + model.say(words.planner_prep_for, { title: task.tool }) + ")" }));
    return item;
  }

  function fillList(name, entries, emptyText) {
    const list = part(name);
    list.replaceChildren(...(entries.length ? entries : [element("li", { text: emptyText })]));
  }

  function drawOutputs() {
    fillList("print-list", model.printList(plan).map((sheet) => element("li", {}, element("a", { href: siteLink(sheet.path), text: sheet.text }))),
             words.planner_print_none);
    fillList("materials", model.materials(plan).map((material) => element("li", { text: material })), words.planner_materials_none);
    fillList("preparation", model.preparation(plan).map(preparationItem), words.planner_preparation_none);
  }

  // ---- printing -----------------------------------------------------------------------------

  function headline() {
    const times = model.schedule(plan);
    const date = model.isDate(plan.date)
      ? new Date(plan.date + "T12:00:00").toLocaleDateString(language, { weekday: "long", year: "numeric", month: "long", day: "numeric" }) + ", "
      : "";
    return date + model.clock(times.starts) + "–" + model.clock(times.ends);
  }

  function printView(mode) {
    const view = part("print-view");
    const times = model.schedule(plan);
    const title = plan.title || words.planner_default_title;
    const rows = times.rows.map((row) => {
      const version = row.item.kind === "tool" && row.item.version === "short" ? " (" + words.short_version + ")" : "";
      return [model.clock(row.starts) + "–" + model.clock(row.ends), model.itemTitle(row.item) + version, String(row.item.minutes)];
    });
    const parts = [element("h1", { text: title }), element("p", { class: "tk-print-view__when", text: headline() })];
    if (plan.purpose) parts.push(element("p", { text: plan.purpose }));
    if (mode === "agenda") {
      parts.push(element("ol", { class: "tk-print-view__agenda" },
        ...rows.map((cells) => element("li", {}, element("span", { class: "tk-print-view__time", text: cells[0] }), " " + cells[1]))));
    } else {
      const head = element("tr", {}, ...[words.agenda_time, words.agenda_item, words.agenda_minutes]
        .map((label) => element("th", { scope: "col", text: label })));
      parts.push(element("h2", { text: words.planner_runsheet }),
                 element("table", {}, element("thead", {}, head),
                         element("tbody", {}, ...rows.map((cells, index) => element("tr", {},
                           element("td", { text: cells[0] }),
                           // The run-sheet is the facilitator's: each item's note goes with it.
                           element("td", {}, cells[1], times.rows[index].item.note
                             ? element("span", { class: "tk-print-view__note", text: times.rows[index].item.note }) : null),
                           element("td", { text: cells[2] }))))));
      for (const [heading, name] of [[words.planner_materials, "materials"], [words.planner_preparation, "preparation"],
                                     [words.planner_to_print, "print-list"]]) {
        parts.push(element("h2", { text: heading }), part(name).cloneNode(true));
      }
    }
    view.replaceChildren(...parts);
  }

  function print(mode) {
    showPrintView(mode);
    window.print();
  }

  // Printed from the browser's own menu: the run-sheet.
  window.addEventListener("beforeprint", () => {
    if (!document.documentElement.dataset.tkPrint && plan) showPrintView("runsheet");
  });
  window.addEventListener("afterprint", () => { delete document.documentElement.dataset.tkPrint; });

  function showPrintView(mode) {
    printView(mode);
    document.documentElement.dataset.tkPrint = mode;
  }

  // ---- the session file ---------------------------------------------------------------------

  function download() {
    const found = model.warnings(plan, model.schedule(plan));
    if (!plan.items.length) return announce(words.planner_download_empty);
    if (found.some((problem) => problem.blocks)) return announce(words.planner_download_blocked);
    let name = model.slug(plan.title || words.planner_default_title);
    if (tools[name] || sessions[name] || handouts[name]) name += "-plan";
    const file = name + ".yml";
    const link = element("a", { href: URL.createObjectURL(new Blob([model.sessionFile(plan)], { type: "text/yaml" })), download: file });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    announce(model.say(words.planner_downloaded, { file: file }));
  }

  // ---- what people do -------------------------------------------------------------------------

  function move(key, step) {
    const from = plan.items.findIndex((item) => String(item.key) === String(key));
    const to = from + step;
    if (from < 0 || to < 0 || to >= plan.items.length) return;
    const [item] = plan.items.splice(from, 1);
    plan.items.splice(to, 0, item);
    const row = model.schedule(plan).rows[to];
    change(model.say(words.planner_moved, { title: model.itemTitle(item), position: to + 1, count: plan.items.length,
                                      time: model.clock(row.starts) }));
  }

  function onAgendaClick(event) {
    const button = event.target.closest("button[data-control]");
    if (!button) return;
    const key = button.closest("[data-key]").dataset.key;
    if (button.dataset.control === "up") move(key, -1);
    else if (button.dataset.control === "down") move(key, 1);
    else if (button.dataset.control === "remove") {
      const index = plan.items.findIndex((item) => String(item.key) === key);
      const before = structuredClone(plan);
      const [removed] = plan.items.splice(index, 1);
      change(model.say(words.planner_removed, { title: model.itemTitle(removed) }));
      offerUndo(before, model.say(words.planner_removed, { title: model.itemTitle(removed) }));
      const rows = part("agenda").querySelectorAll("[data-key]");
      const next = rows[Math.min(index, rows.length - 1)];
      (next ? next.querySelector("[data-control=remove]") : part("add-tool-select")).focus();
    }
  }

  function onAgendaChange(event) {
    const control = event.target;
    const key = control.closest("[data-key]") && control.closest("[data-key]").dataset.key;
    const item = plan.items.find((entry) => String(entry.key) === key);
    if (!item) return;
    if (control.dataset.control === "version") {
      item.version = control.value === "short" ? "short" : "full";
      item.minutes = model.toolVersion(tools[item.id], item.version).steps;
      const label = control.options[control.selectedIndex].text;
      change(model.say(words.planner_changed_version, { title: model.itemTitle(item), version: label }));
    } else if (control.dataset.control === "minutes") {
      const limits = { min: Number(control.min), max: Number(control.max) };
      let minutes = Math.round(Number(control.value));
      if (!Number.isFinite(minutes) || control.value === "") minutes = item.minutes;
      item.minutes = Math.min(limits.max, Math.max(limits.min, minutes));
      const row = model.schedule(plan).rows.find((entry) => entry.item === item);
      change(model.say(words.planner_changed_minutes, { title: model.itemTitle(item), minutes: item.minutes,
                                                  start: model.clock(row.starts), end: model.clock(row.ends) }));
    }
  }

  function onAgendaKey(event) {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    const row = event.target.closest("[data-key]");
    if (!row) return;
    event.preventDefault();
    move(row.dataset.key, event.key === "ArrowUp" ? -1 : 1);
  }

  function onAboutChange(event) {
    const field = event.target;
    if (!field.name) return;
    let value = field.value.replace(/\s+/g, " ").trim();
    if (field.name === "start" && model.clockMinutes(value) === null) value = plan.start;
    if (field.name === "end" && value && model.clockMinutes(value) === null) value = plan.end;
    plan[field.name] = value;
    change(null);
  }

  // Typed words are kept as they are typed, so nothing is lost if the page is closed mid-word.
  function onAboutTyping(event) {
    const field = event.target;
    if (field.name !== "title" && field.name !== "purpose") return;
    plan[field.name] = field.value.replace(/\s+/g, " ").slice(0, 200);
    save();
  }

  function addTool(event) {
    event.preventDefault();
    const entry = tools[part("add-tool-select").value];
    if (!entry) return;
    plan.items.push({ key: model.newKey(), kind: "tool", id: entry.id, minutes: entry.steps_minutes, version: "full" });
    change(model.say(words.planner_added, { title: entry.title, count: plan.items.length, end: model.clock(model.schedule(plan).ends) }));
  }

  function addFree(event) {
    event.preventDefault();
    const form = event.target;
    const kind = form.elements.kind.value;
    const title = form.elements.title.value.replace(/\s+/g, " ").trim().slice(0, 200)
      || words["planner_free_" + kind] || "";
    const minutes = Math.round(Number(form.elements.minutes.value));
    if (!title) return form.elements.title.focus();
    if (!(minutes >= 1 && minutes <= model.LONGEST_MEETING)) return form.elements.minutes.focus();
    plan.items.push({ key: model.newKey(), kind: "free", title: title, minutes: minutes });
    form.elements.title.value = "";
    change(model.say(words.planner_added, { title: title, count: plan.items.length, end: model.clock(model.schedule(plan).ends) }));
  }

  function suggestMinutes() {
    const form = part("add-free");
    const option = form.elements.kind.options[form.elements.kind.selectedIndex];
    form.elements.minutes.value = option.dataset.minutes;
  }

  function fillToolChoices() {
    const select = part("add-tool-select");
    const byType = {};
    for (const entry of Object.values(tools)) (byType[entry.type] = byType[entry.type] || []).push(entry);
    for (const [type, entries] of Object.entries(byType)) {
      entries.sort((a, b) => a.title.localeCompare(b.title, language));
      select.append(element("optgroup", { label: words["type_" + type] },
        ...entries.map((entry) => element("option", { value: entry.id, text: entry.title + " (" + model.span(entry.minutes) + " min)" }))));
    }
  }

  function copyLink() {
    const field = part("link");
    const done = () => announce(words.planner_link_copied);
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, () => { field.select(); done(); });
    } else {
      field.select();
      document.execCommand("copy");
      done();
    }
  }

  function startOver() {
    const before = structuredClone(plan);
    plan = store.blankPlan();
    plan.paper = kit.paper;
    change(words.planner_cleared);
    offerUndo(before, words.planner_cleared);
  }

  function undo() {
    if (!undoPlan) return;
    plan = undoPlan;
    undoPlan = null;
    part("undo").hidden = true;
    change(words.planner_undone);
    about.elements.title.focus();
  }

  // ---- starting ---------------------------------------------------------------------------

  function samePlan(a, b) {
    return model.encode(a) === model.encode(b);
  }

  function start(catalog) {
    model = window.toolkitPlanModel(catalog, words, store.blankPlan);
    ({ kit, tools, sessions, handouts } = model);
    const problems = [];
    const stored = store.read();
    const storedPlan = stored ? model.tidy(stored, []) : null;
    const hadItems = storedPlan && storedPlan.items.length > 0;
    const copyId = store.takeCopyRequest();
    const fromAddress = location.hash.length > 1 ? model.decode(location.hash, problems) : null;
    if (copyId && sessions[copyId]) {
      plan = storedPlan;
      plan = model.fromSession(copyId, plan);
      if (hadItems && !samePlan(storedPlan, plan)) {
        offerUndo(storedPlan, model.say(words.planner_replaced_session, { title: sessions[copyId].title, count: storedPlan.items.length }));
      } else {
        announce(model.say(words.planner_copied_session, { title: sessions[copyId].title }));
      }
    } else if (fromAddress) {
      plan = model.tidy(fromAddress, problems);
      if (hadItems && !samePlan(storedPlan, plan)) {
        offerUndo(storedPlan, model.say(words.planner_replaced_link, { count: storedPlan.items.length }));
      }
    } else if (stored) {
      plan = model.tidy(stored, problems);
    } else {
      plan = store.blankPlan();
      plan.paper = kit.paper;
    }
    showProblems(problems);
    fillToolChoices();
    const phase = about.elements.phase;
    for (const entry of kit.phases) phase.append(element("option", { value: entry.id, text: entry.label }));
    suggestMinutes();
    part("loading").hidden = true;
    app.hidden = false;
    save();
    render();
    const agenda = part("agenda");
    agenda.addEventListener("click", onAgendaClick);
    agenda.addEventListener("change", onAgendaChange);
    agenda.addEventListener("keydown", onAgendaKey);
    about.addEventListener("change", onAboutChange);
    about.addEventListener("input", onAboutTyping);
    about.addEventListener("submit", (event) => event.preventDefault());
    part("add-tool").addEventListener("submit", addTool);
    part("add-free").addEventListener("submit", addFree);
    part("add-free").elements.kind.addEventListener("change", suggestMinutes);
    part("undo").addEventListener("click", (event) => { if (event.target.closest("[data-tk-undo-button]")) undo(); });
    for (const button of root.querySelectorAll("[data-tk-print-button]")) {
      button.addEventListener("click", () => print(button.dataset.tkPrintButton));
    }
    part("download").addEventListener("click", download);
    part("copy-link").addEventListener("click", copyLink);
    part("new").addEventListener("click", startOver);
  }

  loadCatalog().then(start, () => {
    part("loading").textContent = words.planner_load_failed;
  });
})();
