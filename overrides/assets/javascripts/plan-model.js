/* The meeting planner's plan, apart from the page: reading it from an address or from storage
 * and checking it against the kit, the clock times, what needs attention, what to print, bring
 * and prepare, and the session file. planner.js draws it; nothing here touches the page.
 *
 * toolkitPlanModel(catalog, words, blankPlan) takes catalog.json's data, the planner's words
 * and a function that makes an empty plan (plan-store.js), and returns these functions.
 */
(function () {
  "use strict";

  const MEETS = ["in-person", "online", "hybrid"];
  const LONGEST_MEETING = 600;  // a session file's limit, in minutes
  const DAY = 24 * 60;

  window.toolkitPlanModel = function (catalog, words, blankPlan) {
    const kit = catalog.kit;
    const tools = {}, sessions = {}, handouts = {};
    for (const entry of catalog.items) {
      if (entry.type === "session") sessions[entry.id] = entry;
      else if (entry.type === "handout") handouts[entry.id] = entry;
      else tools[entry.id] = entry;
    }
    // Each item on a plan gets a key of its own, so the page can find its row again after a change.
    let nextKey = 1;
    const newKey = () => nextKey++;

    function say(template, values) {
      return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
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

    function toolVersion(entry, version) {
      return version === "short" && entry.short
        ? { minutes: entry.short.minutes, steps: entry.short.steps_minutes }
        : { minutes: entry.minutes, steps: entry.steps_minutes };
    }

    function encode(current) {
      const parameters = new URLSearchParams();
      parameters.set("v", "1");
      for (const name of ["title", "date", "start", "end", "paper", "phase", "meets", "purpose", "from"]) {
        if (current[name]) parameters.set(name, current[name]);
      }
      current.items.forEach((item, index) => {
        parameters.append("i", item.kind === "tool"
          ? ["tool", item.id, item.minutes, item.version].join(":")
          : ["free", item.minutes, item.title].join(":"));
        // An item's note (from a copied session) goes apart, by the item's place: it may hold any text.
        if (item.note) parameters.set("n" + (index + 1), item.note);
      });
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
      parameters.getAll("i").forEach((piece, index) => {
        const bits = piece.split(":");
        const note = parameters.get("n" + (index + 1)) || "";
        if (bits[0] === "tool" && bits.length === 4) {
          raw.items.push({ kind: "tool", id: bits[1], minutes: bits[2], version: bits[3], note: note });
        } else if (bits[0] === "free" && bits.length >= 3) {
          raw.items.push({ kind: "free", minutes: bits[1], title: bits.slice(2).join(":"), note: note });
        } else {
          problems.push(say(words.planner_dropped_item, { part: piece.slice(0, 80) }));
        }
      });
      return raw;
    }

    /** A plan checked against the kit: what can be read is kept, the rest is named in `problems`. */
    function tidy(raw, problems) {
      const clean = blankPlan();
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
      const kept = tidyItemAlone(item, problems);
      const note = typeof item.note === "string" ? item.note.replace(/\s+/g, " ").trim().slice(0, 2000) : "";
      if (kept && note) kept.note = note;
      return kept;
    }

    function tidyItemAlone(item, problems) {
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
        return { key: newKey(), kind: "tool", id: entry.id, minutes: kept, version: version };
      }
      const title = typeof item.title === "string" ? item.title.replace(/\s+/g, " ").trim().slice(0, 200) : "";
      if (item.kind === "free" && title && Number.isInteger(minutes) && minutes >= 1 && minutes <= LONGEST_MEETING) {
        return { key: newKey(), kind: "free", title: title, minutes: minutes };
      }
      problems.push(say(words.planner_dropped_item, { part: [item.kind, item.minutes, item.title].join(":").slice(0, 80) }));
      return null;
    }

    function fromSession(id, plan) {
      const entry = sessions[id];
      const copied = tidy({
        title: entry.title, start: entry.start, purpose: entry.purpose, phase: entry.phases[0], meets: entry.meets,
        from: id, date: plan ? plan.date : "", paper: plan ? plan.paper : kit.paper,
        items: entry.agenda.map((row) => (row.tool
          ? { kind: "tool", id: row.tool, minutes: row.minutes, version: row.version || "full", note: row.note }
          : { kind: "free", title: row.title, minutes: row.minutes, note: row.note })),
      }, []);
      return copied;
    }

    function schedule(plan) {
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
    function warnings(plan, times) {
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
      const sized = uniqueTools(plan).filter((entry) => entry.group_size);
      const smallest = Math.max(...sized.map((entry) => entry.group_size.min));
      const largest = Math.min(...sized.map((entry) => entry.group_size.max));
      if (sized.length > 1 && smallest > largest) {
        found.push({ key: null, blocks: false, text: say(words.planner_warning_group, {
          sizes: sized.map((entry) => entry.title + " " + span(entry.group_size)).join("; ") }) });
      }
      return found;
    }

    function uniqueTools(plan) {
      const seen = new Set();
      return plan.items.filter((item) => item.kind === "tool" && !seen.has(item.id) && seen.add(item.id))
        .map((item) => tools[item.id]);
    }

    function handoutIds(plan) {
      const ids = [];
      const from = plan.from ? sessions[plan.from].handouts : [];
      for (const id of [...from, ...uniqueTools(plan).flatMap((entry) => entry.handouts)]) {
        if (handouts[id] && !ids.includes(id)) ids.push(id);
      }
      return ids;
    }

    function printList(plan) {
      const sheets = uniqueTools(plan).map((entry) => ({ text: say(words.planner_print_sheet, { title: entry.title }),
                                                      path: entry.pdfs[plan.paper] }));
      const sheetsOfHandouts = handoutIds(plan).map((id) => ({ text: say(words.planner_print_handout, { title: handouts[id].title }),
                                                           path: handouts[id].pdfs[plan.paper] }));
      // A site built without PDFs (toolkit build --no-pdfs) has nothing to link to.
      return [...sheets, ...sheetsOfHandouts].filter((sheet) => sheet.path);
    }

    function materials(plan) {
      const seen = new Set();
      return uniqueTools(plan).flatMap((entry) => entry.materials)
        .filter((material) => !seen.has(material.toLowerCase()) && seen.add(material.toLowerCase()));
    }

    function preparation(plan) {
      const tasks = [];
      if (plan.from) for (const task of sessions[plan.from].preparation) tasks.push({ ...task, tool: null });
      for (const entry of uniqueTools(plan)) for (const task of entry.preparation) tasks.push({ ...task, tool: entry.title });
      if (printList(plan).length) tasks.push({ task: words.planner_prep_print, when: words.planner_prep_print_when, days: 2, tool: null });
      // Longest lead time first; tasks written without one come last, as "before the meeting".
      return tasks.map((task, order) => ({ ...task, order: order }))
        .sort((a, b) => (b.days ?? -1) - (a.days ?? -1) || a.order - b.order);
    }

    function dueDate(plan, days) {
      if (!isDate(plan.date) || days === null || days === undefined) return null;
      const due = new Date(plan.date + "T12:00:00");
      due.setDate(due.getDate() - days);
      return due;
    }

    function isoDate(date) {
      return date.getFullYear() + "-" + String(date.getMonth() + 1).padStart(2, "0") + "-" + String(date.getDate()).padStart(2, "0");
    }

    function slug(text) {
      const made = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
        .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "");
      return made || "my-meeting";
    }

    function quoted(text) {
      // A JSON string is also a YAML double-quoted string, with the same escapes.
      return JSON.stringify(String(text));
    }

    function sessionFile(plan) {
      const times = schedule(plan);
      const from = plan.from ? sessions[plan.from] : null;
      const used = uniqueTools(plan);
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
        if (item.note) lines.push("    note: " + quoted(item.note));
      }
      if (from && from.handouts.length) lines.push("handouts:", ...from.handouts.map((id) => "  - " + quoted(id)));
      return lines.join("\n") + "\n";
    }

    function truncate(text, limit) {
      if (text.length <= limit) return text;
      return text.slice(0, limit - 1).replace(/\s+\S*$/, "") + "…";
    }

    return {
      kit, tools, sessions, handouts, newKey, LONGEST_MEETING, say, clockMinutes, clock, duration, span, isDate,
      toolVersion, encode, decode, tidy, fromSession, schedule, itemTitle, warnings, uniqueTools, printList,
      materials, preparation, dueDate, isoDate, slug, sessionFile,
    };
  };
})();
