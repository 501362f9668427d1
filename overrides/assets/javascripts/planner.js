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
  if (!root || !window.toolkitPlan) return;
  const store = window.toolkitPlan;
  const words = JSON.parse(document.getElementById("tk-planner-words").textContent);
  const app = root.querySelector("[data-tk-app]");
  const part = (name) => root.querySelector("[data-tk-" + name + "]");
  const about = part("about");
  const language = root.dataset.language || "en";
  const siteRoot = new URL(root.dataset.root, location.href);
  const MEETS = ["in-person", "online", "hybrid"];
  const LONGEST_MEETING = 600;  // a session file's limit, in minutes
  const DAY = 24 * 60;

  // The paper chosen for printing the run-sheet and the agenda: an @page rule kept up to date.
  const pageSize = document.head.appendChild(document.createElement("style"));

  let kit, tools, sessions, handouts;
  let plan, undoPlan = null;
  let nextKey = 1;

  // ---- small helpers -------------------------------------------------------------------

  function say(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
  }

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

  function clockMinutes(text) {
    const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text || "");
    return match ? Number(match[1]) * 60 + Number(match[2]) : null;
  }

  function clock(total) {
    const time = ((total % DAY) + DAY) % DAY;
    return String(Math.floor(time / 60)).padStart(2, "0") + ":" + String(time % 60).padStart(2, "0");
  }

  function duration(minutes) {
    return minutes >= 60
      ? say(words.planner_duration_hours, { hours: Math.floor(minutes / 60), minutes: minutes % 60 })
      : say(words.planner_duration_minutes, { minutes: minutes });
  }

  function span(range) {
    return range.min === range.max ? String(range.min) : range.min + "–" + range.max;
  }

  function isDate(text) {
    return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text + "T12:00:00"));
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

  function toolVersion(entry, version) {
    return version === "short" && entry.short
      ? { minutes: entry.short.minutes, steps: entry.short.steps_minutes }
      : { minutes: entry.minutes, steps: entry.steps_minutes };
  }

  // ---- reading a plan from the address or the storage --------------------------------------

  function encode(current) {
    const parameters = new URLSearchParams();
    parameters.set("v", "1");
    for (const name of ["title", "date", "start", "end", "paper", "phase", "meets", "purpose", "from"]) {
      if (current[name]) parameters.set(name, current[name]);
    }
    for (const item of current.items) {
      parameters.append("i", item.kind === "tool"
        ? ["tool", item.id, item.minutes, item.version].join(":")
        : ["free", item.minutes, item.title].join(":"));
    }
    return "#" + parameters.toString();
  }

  function decode(hash, problems) {
    const text = hash.replace(/^#/, "");
    const parameters = new URLSearchParams(text);
    if (!parameters.has("v") && !parameters.has("i")) {
      problems.push(say(words.planner_unreadable, { part: text.slice(0, 80) }));
      return null;
    }
    const raw = {};
    for (const name of ["title", "date", "start", "end", "paper", "phase", "meets", "purpose", "from"]) {
      if (parameters.has(name)) raw[name] = parameters.get(name);
    }
    raw.items = [];
    for (const piece of parameters.getAll("i")) {
      const bits = piece.split(":");
      if (bits[0] === "tool" && bits.length === 4) {
        raw.items.push({ kind: "tool", id: bits[1], minutes: bits[2], version: bits[3] });
      } else if (bits[0] === "free" && bits.length >= 3) {
        raw.items.push({ kind: "free", minutes: bits[1], title: bits.slice(2).join(":") });
      } else {
        problems.push(say(words.planner_dropped_item, { part: piece.slice(0, 80) }));
      }
    }
    return raw;
  }

  /** A plan checked against the kit: what can be read is kept, the rest is named in `problems`. */
  function tidy(raw, problems) {
    const clean = store.blankPlan();
    clean.paper = kit.paper;
    const text = (value) => (typeof value === "string" ? value.replace(/\s+/g, " ").trim().slice(0, 200) : "");
    const fieldProblem = (field, value) => problems.push(say(words.planner_fixed_field, { field: field, value: String(value).slice(0, 40) }));
    clean.title = text(raw.title);
    clean.purpose = text(raw.purpose);
    if (raw.date) {
      if (isDate(raw.date)) clean.date = raw.date;
      else fieldProblem(words.planner_field_date, raw.date);
    }
    if (raw.start !== undefined) {
      if (clockMinutes(raw.start) !== null) clean.start = raw.start;
      else fieldProblem(words.planner_field_start, raw.start);
    }
    if (raw.end) {
      if (clockMinutes(raw.end) !== null) clean.end = raw.end;
      else fieldProblem(words.planner_field_end, raw.end);
    }
    if (raw.paper) {
      if (raw.paper === "letter" || raw.paper === "a4") clean.paper = raw.paper;
      else fieldProblem(words.planner_field_paper, raw.paper);
    }
    if (raw.phase) {
      if (kit.phases.some((phase) => phase.id === raw.phase)) clean.phase = raw.phase;
      else fieldProblem(words.planner_field_phase, raw.phase);
    }
    if (raw.meets) {
      if (MEETS.includes(raw.meets)) clean.meets = raw.meets;
      else fieldProblem(words.planner_field_meets, raw.meets);
    }
    if (raw.from && sessions[raw.from]) clean.from = raw.from;
    for (const item of Array.isArray(raw.items) ? raw.items : []) {
      const kept = tidyItem(item || {}, problems);
      if (kept) clean.items.push(kept);
    }
    return clean;
  }

  function tidyItem(item, problems) {
    const minutes = Number(item.minutes);
    if (item.kind === "tool") {
      const entry = tools[item.id];
      if (!entry) {
        problems.push(say(words.planner_dropped_tool, { id: String(item.id).slice(0, 80) }));
        return null;
      }
      let version = item.version === "short" ? "short" : "full";
      if (version === "short" && !entry.short) {
        problems.push(say(words.planner_fixed_version, { title: entry.title }));
        version = "full";
      }
      const chosen = toolVersion(entry, version);
      let kept = minutes;
      if (!Number.isInteger(minutes) || minutes < chosen.minutes.min || minutes > chosen.minutes.max) {
        problems.push(say(words.planner_fixed_minutes, { title: entry.title, minutes: String(item.minutes).slice(0, 10),
                                                        range: span(chosen.minutes), steps: chosen.steps }));
        kept = chosen.steps;
      }
      return { key: nextKey++, kind: "tool", id: entry.id, minutes: kept, version: version };
    }
    const title = typeof item.title === "string" ? item.title.replace(/\s+/g, " ").trim().slice(0, 200) : "";
    if (item.kind === "free" && title && Number.isInteger(minutes) && minutes >= 1 && minutes <= LONGEST_MEETING) {
      return { key: nextKey++, kind: "free", title: title, minutes: minutes };
    }
    problems.push(say(words.planner_dropped_item, { part: [item.kind, item.minutes, item.title].join(":").slice(0, 80) }));
    return null;
  }

  function fromSession(id) {
    const entry = sessions[id];
    const copied = tidy({
      title: entry.title, start: entry.start, purpose: entry.purpose, phase: entry.phases[0], meets: entry.meets,
      from: id, date: plan ? plan.date : "", paper: plan ? plan.paper : kit.paper,
      items: entry.agenda.map((row) => (row.tool
        ? { kind: "tool", id: row.tool, minutes: row.minutes, version: row.version || "full" }
        : { kind: "free", title: row.title, minutes: row.minutes })),
    }, []);
    return copied;
  }

  // ---- keeping the plan ---------------------------------------------------------------------

  function save() {
    store.write(plan);
    history.replaceState(null, "", encode(plan));
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

  function schedule() {
    let time = clockMinutes(plan.start);
    const rows = plan.items.map((item) => {
      const row = { item: item, starts: time, ends: time + item.minutes };
      time = row.ends;
      return row;
    });
    return { rows: rows, starts: clockMinutes(plan.start), ends: time, total: time - clockMinutes(plan.start) };
  }

  function itemTitle(item) {
    return item.kind === "tool" ? tools[item.id].title : item.title;
  }

  /** What needs attention: [{key (an item's, or null), text, blocks (the session file would fail)}]. */
  function warnings(times) {
    const found = [];
    for (const item of plan.items) {
      if (item.kind !== "tool") continue;
      const entry = tools[item.id];
      const steps = toolVersion(entry, item.version).steps;
      if (item.minutes < steps) {
        const orShort = item.version === "full" && entry.short && entry.short.steps_minutes <= item.minutes
          ? say(words.planner_warning_or_short, { minutes: entry.short.steps_minutes }) : "";
        found.push({ key: item.key, blocks: true, text: say(words.planner_warning_steps, {
          title: entry.title, minutes: item.minutes, steps: steps, missing: steps - item.minutes, or_short: orShort }) });
      }
    }
    if (times.ends > DAY) found.push({ key: null, blocks: true, text: words.planner_warning_midnight });
    if (times.total > LONGEST_MEETING) found.push({ key: null, blocks: true, text: words.planner_warning_long });
    const limit = clockMinutes(plan.end);
    if (limit !== null && times.ends <= DAY && times.ends > limit && plan.items.length) {
      found.push({ key: null, blocks: false, text: say(words.planner_warning_end, {
        end: clock(times.ends), over: times.ends - limit, limit: plan.end }) });
    }
    const sized = uniqueTools().filter((entry) => entry.group_size);
    const smallest = Math.max(...sized.map((entry) => entry.group_size.min));
    const largest = Math.min(...sized.map((entry) => entry.group_size.max));
    if (sized.length > 1 && smallest > largest) {
      found.push({ key: null, blocks: false, text: say(words.planner_warning_group, {
        sizes: sized.map((entry) => entry.title + " " + span(entry.group_size)).join("; ") }) });
    }
    return found;
  }

  function uniqueTools() {
    const seen = new Set();
    return plan.items.filter((item) => item.kind === "tool" && !seen.has(item.id) && seen.add(item.id))
      .map((item) => tools[item.id]);
  }

  // ---- drawing the page ---------------------------------------------------------------------

  function render() {
    for (const field of about.elements) {
      if (field.name && document.activeElement !== field) field.value = plan[field.name] || "";
    }
    if (!plan.title && document.activeElement !== about.elements.title) about.elements.title.value = "";
    pageSize.textContent =
      "@page { size: " + (plan.paper === "a4" ? "A4" : "letter") + "; margin: 15mm; }";
    const times = schedule();
    const found = warnings(times);
    drawAgenda(times, found);
    drawWarnings(found);
    part("total").textContent = plan.items.length
      ? say(words.planner_total, { count: plan.items.length, duration: duration(times.total),
                                   start: clock(times.starts), end: clock(times.ends) })
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
    const title = itemTitle(item);
    const id = "tk-item-" + item.key;
    const warning = found.find((problem) => problem.key === item.key);
    const heading = element("h3", { class: "tk-agenda__title", id: id });
    let facts;
    if (item.kind === "tool") {
      const entry = tools[item.id];
      heading.append(element("a", { href: siteLink(entry.page), text: title }));
      facts = say(words.planner_item_facts, { type: words["type_" + entry.type], range: span(entry.minutes),
                                              steps: entry.steps_minutes });
    } else {
      heading.textContent = title;
      facts = say(words.planner_free_facts, { minutes: item.minutes });
    }
    const controls = element("div", { class: "tk-agenda__controls" });
    const minutesId = "tk-minutes-" + item.key;
    const chosen = item.kind === "tool" ? toolVersion(tools[item.id], item.version).minutes : { min: 1, max: LONGEST_MEETING };
    controls.append(element("label", { for: minutesId }, words.planner_free_minutes,
                            element("span", { class: "tk-visually-hidden", text: " " + title })),
                    element("input", { id: minutesId, type: "number", inputmode: "numeric", min: chosen.min, max: chosen.max,
                                       value: item.minutes, "data-control": "minutes", "aria-invalid": warning ? "true" : null,
                                       "aria-describedby": warning ? "tk-warning-" + item.key : null }));
    const entry = tools[item.id];
    if (item.kind === "tool" && entry.short) {
      const versionId = "tk-version-" + item.key;
      const select = element("select", { id: versionId, "data-control": "version" },
        element("option", { value: "full", text: say(words.planner_version_full, { minutes: entry.steps_minutes }) }),
        element("option", { value: "short", text: say(words.planner_version_short, { minutes: entry.short.steps_minutes }) }));
      select.value = item.version;
      controls.append(element("label", { for: versionId, class: "tk-visually-hidden",
                                         text: say(words.planner_version_label, { title: title }) }), select);
    }
    const count = plan.items.length;
    controls.append(
      element("button", { type: "button", class: "md-button", "data-control": "up", disabled: index === 0,
                          "aria-label": say(words.planner_move_up, { title: title }), text: words.planner_move_up_short }),
      element("button", { type: "button", class: "md-button", "data-control": "down", disabled: index === count - 1,
                          "aria-label": say(words.planner_move_down, { title: title }), text: words.planner_move_down_short }),
      element("button", { type: "button", class: "md-button", "data-control": "remove",
                          "aria-label": say(words.planner_remove, { title: title }), text: words.planner_remove_short }));
    const main = element("div", { class: "tk-agenda__main" }, heading, element("p", { class: "tk-agenda__facts", text: facts }));
    if (warning) main.append(element("p", { class: "tk-agenda__warning", id: "tk-warning-" + item.key, text: warning.text }));
    return element("li", { class: "tk-agenda__item" + (warning ? " tk-agenda__item--warning" : ""), "data-key": item.key,
                           "aria-labelledby": id },
                   element("p", { class: "tk-agenda__time", text: say(words.planner_item_time, {
                     start: clock(row.starts), end: clock(row.ends) }) }),
                   main, controls);
  }

  function drawWarnings(found) {
    const box = part("warnings");
    box.hidden = found.length === 0;
    box.replaceChildren(element("h3", { text: words.planner_warnings_heading }),
                        element("ul", {}, ...found.map((problem) => element("li", { text: problem.text }))));
  }

  // ---- what the plan gives back -------------------------------------------------------------

  function handoutIds() {
    const ids = [];
    const from = plan.from ? sessions[plan.from].handouts : [];
    for (const id of [...from, ...uniqueTools().flatMap((entry) => entry.handouts)]) {
      if (handouts[id] && !ids.includes(id)) ids.push(id);
    }
    return ids;
  }

  function printList() {
    const sheets = uniqueTools().map((entry) => ({ text: say(words.planner_print_sheet, { title: entry.title }),
                                                    path: entry.pdfs[plan.paper] }));
    const sheetsOfHandouts = handoutIds().map((id) => ({ text: say(words.planner_print_handout, { title: handouts[id].title }),
                                                         path: handouts[id].pdfs[plan.paper] }));
    // A site built without PDFs (toolkit build --no-pdfs) has nothing to link to.
    return [...sheets, ...sheetsOfHandouts].filter((sheet) => sheet.path);
  }

  function materials() {
    const seen = new Set();
    return uniqueTools().flatMap((entry) => entry.materials)
      .filter((material) => !seen.has(material.toLowerCase()) && seen.add(material.toLowerCase()));
  }

  function preparation() {
    const tasks = [];
    if (plan.from) for (const task of sessions[plan.from].preparation) tasks.push({ ...task, tool: null });
    for (const entry of uniqueTools()) for (const task of entry.preparation) tasks.push({ ...task, tool: entry.title });
    if (printList().length) tasks.push({ task: words.planner_prep_print, when: words.planner_prep_print_when, days: 2, tool: null });
    // Longest lead time first; tasks written without one come last, as "before the meeting".
    return tasks.map((task, order) => ({ ...task, order: order }))
      .sort((a, b) => (b.days ?? -1) - (a.days ?? -1) || a.order - b.order);
  }

  function dueDate(days) {
    if (!isDate(plan.date) || days === null || days === undefined) return null;
    const due = new Date(plan.date + "T12:00:00");
    due.setDate(due.getDate() - days);
    return due;
  }

  function isoDate(date) {
    return date.getFullYear() + "-" + String(date.getMonth() + 1).padStart(2, "0") + "-" + String(date.getDate()).padStart(2, "0");
  }

  function preparationItem(task) {
    const due = dueDate(task.days);
    const when = task.when || words.planner_prep_before;
    const item = element("li", {});
    if (due) {
      const shown = due.toLocaleDateString(language, { weekday: "short", year: "numeric", month: "short", day: "numeric" });
      item.append(element("strong", {}, element("time", { datetime: isoDate(due), text: shown })), " (" + when + "): ");
    } else {
      item.append(element("strong", { text: when }), ": ");
    }
    item.append(task.task);
    if (task.tool) item.append(" ", element("em", { text: "(" + say(words.planner_prep_for, { title: task.tool }) + ")" }));
    return item;
  }

  function fillList(name, entries, emptyText) {
    const list = part(name);
    list.replaceChildren(...(entries.length ? entries : [element("li", { text: emptyText })]));
  }

  function drawOutputs() {
    fillList("print-list", printList().map((sheet) => element("li", {}, element("a", { href: siteLink(sheet.path), text: sheet.text }))),
             words.planner_print_none);
    fillList("materials", materials().map((material) => element("li", { text: material })), words.planner_materials_none);
    fillList("preparation", preparation().map(preparationItem), words.planner_preparation_none);
  }

  // ---- printing -----------------------------------------------------------------------------

  function headline() {
    const times = schedule();
    const date = isDate(plan.date)
      ? new Date(plan.date + "T12:00:00").toLocaleDateString(language, { weekday: "long", year: "numeric", month: "long", day: "numeric" }) + ", "
      : "";
    return date + clock(times.starts) + "–" + clock(times.ends);
  }

  function printView(mode) {
    const view = part("print-view");
    const times = schedule();
    const title = plan.title || words.planner_default_title;
    const rows = times.rows.map((row) => {
      const version = row.item.kind === "tool" && row.item.version === "short" ? " (" + words.short_version + ")" : "";
      return [clock(row.starts) + "–" + clock(row.ends), itemTitle(row.item) + version, String(row.item.minutes)];
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
                         element("tbody", {}, ...rows.map((cells) => element("tr", {}, ...cells.map((cell) => element("td", { text: cell })))))));
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

  function slug(text) {
    const made = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "");
    return made || "my-meeting";
  }

  function quoted(text) {
    // A JSON string is also a YAML double-quoted string, with the same escapes.
    return JSON.stringify(String(text));
  }

  function sessionFile() {
    const times = schedule();
    const from = plan.from ? sessions[plan.from] : null;
    const used = uniqueTools();
    const titles = used.map((entry) => entry.title);
    const purpose = plan.purpose || say(words.planner_yaml_purpose, { titles: titles.join(", ") || plan.title });
    const phase = plan.phase || (used[0] && used[0].phases[0]) || kit.phases[0].id;
    const sized = used.filter((entry) => entry.group_size);
    let smallest = sized.length ? Math.max(...sized.map((entry) => entry.group_size.min)) : 2;
    let largest = sized.length ? Math.min(...sized.map((entry) => entry.group_size.max)) : 30;
    if (smallest > largest) [smallest, largest] = [largest, smallest];
    const lines = [
      "# yaml-language-server: $schema=../../schemas/session.schema.json",
      "# " + (isDate(plan.date) ? say(words.planner_yaml_note_date, { date: plan.date }) : words.planner_yaml_note),
      "title: " + quoted(plan.title || words.planner_default_title),
      "phase: " + quoted(phase),
      "purpose: " + quoted(truncate(purpose, 200)),
      "invite:",
      ...(from ? from.invite : [words.planner_yaml_invite]).map((who) => "  - " + quoted(who)),
      "group_size: {min: " + smallest + ", max: " + largest + "}",
      "start: " + quoted(plan.start),
      "minutes: " + times.total,
      "meets: " + quoted(plan.meets),
      "roles:",
    ];
    for (const role of from ? from.roles : [{ role: words.planner_yaml_role, does: words.planner_yaml_role_does }]) {
      lines.push("  - role: " + quoted(role.role), "    does: " + quoted(role.does));
    }
    if (from && from.preparation.length) {
      lines.push("preparation:");
      for (const task of from.preparation) {
        lines.push("  - when: " + quoted(task.when), "    days: " + task.days, "    task: " + quoted(task.task));
      }
    }
    lines.push("agenda:");
    for (const item of plan.items) {
      if (item.kind === "tool") {
        lines.push("  - tool: " + quoted(item.id), "    minutes: " + item.minutes);
        if (item.version === "short") lines.push("    version: short");
      } else {
        lines.push("  - title: " + quoted(item.title), "    minutes: " + item.minutes);
      }
    }
    if (from && from.handouts.length) lines.push("handouts:", ...from.handouts.map((id) => "  - " + quoted(id)));
    return lines.join("\n") + "\n";
  }

  function truncate(text, limit) {
    if (text.length <= limit) return text;
    return text.slice(0, limit - 1).replace(/\s+\S*$/, "") + "…";
  }

  function download() {
    const found = warnings(schedule());
    if (!plan.items.length) return announce(words.planner_download_empty);
    if (found.some((problem) => problem.blocks)) return announce(words.planner_download_blocked);
    let name = slug(plan.title || words.planner_default_title);
    if (tools[name] || sessions[name] || handouts[name]) name += "-plan";
    const file = name + ".yml";
    const link = element("a", { href: URL.createObjectURL(new Blob([sessionFile()], { type: "text/yaml" })), download: file });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    announce(say(words.planner_downloaded, { file: file }));
  }

  // ---- what people do -------------------------------------------------------------------------

  function move(key, step) {
    const from = plan.items.findIndex((item) => String(item.key) === String(key));
    const to = from + step;
    if (from < 0 || to < 0 || to >= plan.items.length) return;
    const [item] = plan.items.splice(from, 1);
    plan.items.splice(to, 0, item);
    const row = schedule().rows[to];
    change(say(words.planner_moved, { title: itemTitle(item), position: to + 1, count: plan.items.length,
                                      time: clock(row.starts) }));
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
      change(say(words.planner_removed, { title: itemTitle(removed) }));
      offerUndo(before, say(words.planner_removed, { title: itemTitle(removed) }));
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
      item.minutes = toolVersion(tools[item.id], item.version).steps;
      const label = control.options[control.selectedIndex].text;
      change(say(words.planner_changed_version, { title: itemTitle(item), version: label }));
    } else if (control.dataset.control === "minutes") {
      const limits = { min: Number(control.min), max: Number(control.max) };
      let minutes = Math.round(Number(control.value));
      if (!Number.isFinite(minutes) || control.value === "") minutes = item.minutes;
      item.minutes = Math.min(limits.max, Math.max(limits.min, minutes));
      const row = schedule().rows.find((entry) => entry.item === item);
      change(say(words.planner_changed_minutes, { title: itemTitle(item), minutes: item.minutes,
                                                  start: clock(row.starts), end: clock(row.ends) }));
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
    if (field.name === "start" && clockMinutes(value) === null) value = plan.start;
    if (field.name === "end" && value && clockMinutes(value) === null) value = plan.end;
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
    plan.items.push({ key: nextKey++, kind: "tool", id: entry.id, minutes: entry.steps_minutes, version: "full" });
    change(say(words.planner_added, { title: entry.title, count: plan.items.length, end: clock(schedule().ends) }));
  }

  function addFree(event) {
    event.preventDefault();
    const form = event.target;
    const kind = form.elements.kind.value;
    const title = form.elements.title.value.replace(/\s+/g, " ").trim().slice(0, 200)
      || words["planner_free_" + kind] || "";
    const minutes = Math.round(Number(form.elements.minutes.value));
    if (!title) return form.elements.title.focus();
    if (!(minutes >= 1 && minutes <= LONGEST_MEETING)) return form.elements.minutes.focus();
    plan.items.push({ key: nextKey++, kind: "free", title: title, minutes: minutes });
    form.elements.title.value = "";
    change(say(words.planner_added, { title: title, count: plan.items.length, end: clock(schedule().ends) }));
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
        ...entries.map((entry) => element("option", { value: entry.id, text: entry.title + " (" + span(entry.minutes) + " min)" }))));
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
    return encode(a) === encode(b);
  }

  function start(catalog) {
    kit = catalog.kit;
    tools = {}; sessions = {}; handouts = {};
    for (const entry of catalog.items) {
      if (entry.type === "session") sessions[entry.id] = entry;
      else if (entry.type === "handout") handouts[entry.id] = entry;
      else tools[entry.id] = entry;
    }
    const problems = [];
    const stored = store.read();
    const storedPlan = stored ? tidy(stored, []) : null;
    const hadItems = storedPlan && storedPlan.items.length > 0;
    const copyId = store.takeCopyRequest();
    const fromAddress = location.hash.length > 1 ? decode(location.hash, problems) : null;
    if (copyId && sessions[copyId]) {
      plan = storedPlan;
      plan = fromSession(copyId);
      if (hadItems && !samePlan(storedPlan, plan)) {
        offerUndo(storedPlan, say(words.planner_replaced_session, { title: sessions[copyId].title, count: storedPlan.items.length }));
      } else {
        announce(say(words.planner_copied_session, { title: sessions[copyId].title }));
      }
    } else if (fromAddress) {
      plan = tidy(fromAddress, problems);
      if (hadItems && !samePlan(storedPlan, plan)) {
        offerUndo(storedPlan, say(words.planner_replaced_link, { count: storedPlan.items.length }));
      }
    } else if (stored) {
      plan = tidy(stored, problems);
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
